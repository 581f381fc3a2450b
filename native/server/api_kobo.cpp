// KoboToolbox- and OpenRosa-shaped routes (docs/api-kobo.md): the monthly reports as Kobo's API v2 serves
// them, and the two calls KoboCollect/Enketo make: /formList and /submission (multipart, with
// xml_submission_file). A submission is one reporting.submit command under the caller's user.
#include <cctype>

#include "core/markup.h"
#include "forms/xform.h"
#include "reporting/exports.h"
#include "reporting/monthly.h"
#include "secret.h"
#include "server_app.h"

namespace kalan::server {

namespace {

using nlohmann::json;

constexpr const char* kMonthlyForm = reporting::kMonthlyFormId;  // the asset uid of the monthly form

// The leaf elements of a flat XForm instance: <data><group><field>text</field></group>...</data> gives
// {field: text}; groups only prefix names in XLSForm, so leaves are keyed by their own name.
// Returns false on malformed XML (unbalanced tags, stray '<').
bool read_instance(const std::string& xml, json& values, std::string& root) {
  std::vector<std::pair<std::string, bool>> open;  // element, and whether it has child elements
  std::string text;
  size_t i = 0;
  auto unescape = [](std::string s) {
    const std::pair<const char*, const char*> ents[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : ents)
      for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) s.replace(p, std::string(from).size(), to);
    return s;
  };
  while (i < xml.size()) {
    if (xml[i] != '<') {
      text += xml[i++];
      continue;
    }
    const size_t end = xml.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return false;
    if (tag[0] == '?' || tag[0] == '!') continue;  // declaration, comment
    const bool closing = tag[0] == '/';
    const bool self_closing = tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" \t\r\n/"));
    if (name.empty()) return false;
    if (closing) {
      if (open.empty() || open.back().first != name) return false;
      const bool group = open.back().second;
      open.pop_back();
      std::string trimmed = text;
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
      while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.erase(0, 1);
      if (!open.empty() && !group && !values.contains(name)) values[name] = unescape(trimmed);
      text.clear();
    } else {
      if (open.empty()) root = name;
      else open.back().second = true;
      if (self_closing) {
        if (!open.empty()) values[name] = "";
      } else {
        open.push_back({name, false});
      }
      text.clear();
    }
  }
  return open.empty() && !root.empty();
}

// The monthly form as KoboCollect downloads it (ODK XForm), made once from the built-in definition.
const std::string& monthly_xform() {
  static const std::string xml = forms::to_xform(reporting::monthly_form());
  return xml;
}

void openrosa_headers(httplib::Response& res) {
  res.set_header("X-OpenRosa-Version", "1.0");
  res.set_header("X-OpenRosa-Accept-Content-Length", "2097152");
}

// An OpenRosa answer: <OpenRosaResponse><message>...</message></OpenRosaResponse>.
void openrosa_message(httplib::Response& res, int status, const std::string& message) {
  openrosa_headers(res);
  std::string escaped;
  for (char c : message) escaped += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  res.status = status;
  res.set_content("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\"><message nature=\"\">" + escaped +
                      "</message></OpenRosaResponse>",
                  "text/xml; charset=utf-8");
}

}  // namespace

void App::routes_kobo() {
  // The assets the caller may read: the monthly form.
  http_.Get("/api/v2/assets/", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = authenticate(req, res);
    if (!c || !primero_room(*c, req, res)) return;
    send_json(res, 200, {{"count", 1}, {"next", nullptr}, {"previous", nullptr},
                         {"results", json::array({{{"uid", kMonthlyForm}, {"name", "Formulaire mensuel de remontée des données"},
                                                   {"asset_type", "survey"}, {"data", "/api/v2/assets/mensuel/data/"}}})}});
  });

  // GET /api/v2/assets/mensuel/data/: every submission, Kobo's {count, next, previous, results}.
  // Data managers only (information manager, coordinator, trainer), as a Kobo project's owners.
  http_.Get(R"(/api/v2/assets/([A-Za-z0-9_-]{1,64})/data/?)", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = authenticate(req, res);
    if (!c) return;
    auto room = primero_room(*c, req, res);
    if (!room) return;
    if (std::string(req.matches[1]) != kMonthlyForm)
      return send_error(res, req, 404, "http_not_found", {req.path});
    std::lock_guard<std::mutex> lock(room->mu);
    const State& s = room->session->state();
    if (!c->trainer) {
      const Participant* p = room->participant(c->participant);
      const User* u = p ? s.world.find_user(p->row.user) : nullptr;
      if (!u || (u->role != "information_manager" && u->role != "coordinator"))
        return send_error(res, req, 403, "forbidden", {"GET /data/", u ? u->role : "?"});
    }
    send_json(res, 200, reporting::kobo_json(s.reporting));
  });

  // OpenRosa form list (what KoboCollect asks first): the monthly form, its version and MD5 hash,
  // and where to download it (on the host the client used).
  http_.Get("/formList", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = authenticate(req, res);
    if (!c) return;
    openrosa_headers(res);
    const std::string host = req.has_header("Host") ? req.get_header_value("Host") : "127.0.0.1";
    const forms::Form& form = reporting::monthly_form();
    res.set_content(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xforms xmlns=\"http://openrosa.org/xforms/xformsList\"><xform><formID>" +
            form.id + "</formID><name>" + markup_escape(form.title.fr) + "</name><version>" + std::to_string(form.version) +
            "</version><hash>md5:" + md5_hex(monthly_xform()) +
            "</hash><descriptionText>Gestion de cas — rapport mensuel (SANDBOX)</descriptionText><downloadUrl>" +
            markup_escape("http://" + host + "/forms/" + form.id + "/form.xml") + "</downloadUrl></xform></xforms>",
        "text/xml; charset=utf-8");
  });

  // The XForm itself (the downloadUrl of the form list).
  http_.Get(R"(/forms/([A-Za-z0-9_.-]{1,64})/form\.xml)", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = authenticate(req, res);
    if (!c) return;
    if (std::string(req.matches[1]) != reporting::monthly_form().id) return send_error(res, req, 404, "http_not_found", {req.path});
    openrosa_headers(res);
    res.set_content(monthly_xform(), "text/xml; charset=utf-8");
  });

  // HEAD /submission: the pre-flight of OpenRosa clients.
  http_.Options("/submission", [](const httplib::Request&, httplib::Response& res) {
    openrosa_headers(res);
    res.status = 204;
  });

  // POST /submission (multipart, xml_submission_file): 201 for a new report, 202 for a duplicate.
  http_.Post("/submission", [this](const httplib::Request& req, httplib::Response& res) {
    auto c = authenticate(req, res);
    if (!c) return;
    auto room = primero_room(*c, req, res);
    if (!room) return;
    if (!req.is_multipart_form_data() || !req.has_file("xml_submission_file"))
      return openrosa_message(res, 400, "xml_submission_file manquant (multipart/form-data attendu)");
    json values = json::object();
    std::string root;
    if (!read_instance(req.get_file_value("xml_submission_file").content, values, root))
      return openrosa_message(res, 400, "XML de soumission invalide");
    const std::string instance = values.value("instanceID", "");
    if (instance.empty()) return openrosa_message(res, 400, "meta/instanceID manquant");
    json cmd = {{"type", "reporting.submit"}, {"instance", instance}};
    if (values.contains("deprecatedID") && !values["deprecatedID"].get<std::string>().empty())
      cmd["deprecated"] = values["deprecatedID"];
    for (const char* meta : {"instanceID", "deprecatedID", "meta"}) values.erase(meta);
    cmd["values"] = values;
    std::string user = kTrainer;
    if (!c->trainer) {
      std::lock_guard<std::mutex> lock(room->mu);
      if (const Participant* p = room->participant(c->participant)) user = p->row.user;
    }
    cmd["actor"] = user;
    Diagnostics errors;
    auto parsed = parse_command(cmd, "", errors);
    if (!parsed) return openrosa_message(res, 400, render(errors.front(), request_lang(req)));
    Outcome o = writer_.submit(room, std::move(*parsed), c->trainer ? 0 : c->participant, request_lang(req));
    if (o.status >= 300) {
      std::string message = "refusé";
      if (o.body.contains("errors") && !o.body["errors"].empty()) message = o.body["errors"][0].value("message", message);
      return openrosa_message(res, o.status == 409 ? 400 : o.status, message);
    }
    bool duplicate = o.body.value("duplicate", false);
    for (const auto& e : o.body.value("events", json::array())) duplicate |= e.value("type", "") == "reporting.duplicate";
    openrosa_message(res, duplicate ? 202 : 201, duplicate ? "Doublon : ce rapport a déjà été reçu." : "Rapport reçu.");
  });
}

}  // namespace kalan::server
