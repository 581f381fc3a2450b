// XLSForm -> Kalan form JSON. Both inputs become the same rows (column -> text, translated columns
// as "label@fr"), then one converter builds the nested fields; the result is checked by parse_form
// and its errors are mapped back to the sheet, row and column they come from.
#include <algorithm>
#include <map>

#include "core/reader.h"
#include "forms/form.h"
#include "forms/xlsform.h"

namespace kalan::forms {

namespace {

using nlohmann::json;

const char* const kTranslated[] = {"label", "hint", "constraint_message", "required_message"};

struct Row {
  std::map<std::string, std::string> cols;  // "type", "label@fr", ...
  std::string where;                        // "survey.csv:12" or "survey[11]"
  bool csv = true;
  std::map<std::string, std::string> raw;  // normalized column -> column name in the input
  std::string at(const std::string& col) const {
    auto it = raw.find(col);
    const std::string name = it == raw.end() ? col : it->second;
    return csv ? where + ":" + name : where + "." + name;
  }
  std::string get(const std::string& col) const {
    auto it = cols.find(col);
    return it == cols.end() ? "" : it->second;
  }
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const std::size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// "French (fr)", "Français", "fr" -> "fr"; English -> "en"; no language -> "fr"; others -> "".
std::string lang_of(const std::string& name) {
  const std::string l = lower(trim(name));
  if (l.empty() || l == "null" || l.find("(fr)") != std::string::npos || l.rfind("fr", 0) == 0) return "fr";
  if (l.find("(en)") != std::string::npos || l.rfind("en", 0) == 0) return "en";
  return "";
}

// "label::French (fr)" -> "label@fr"; "label" -> "label@fr"; other columns unchanged.
std::string normalize_column(const std::string& header) {
  const std::string h = trim(header);
  const std::size_t sep = h.find("::");
  const std::string base = lower(sep == std::string::npos ? h : h.substr(0, sep));
  for (const char* t : kTranslated)
    if (base == t) {
      const std::string lang = lang_of(sep == std::string::npos ? "" : h.substr(sep + 2));
      return lang.empty() ? "" : base + "@" + lang;
    }
  if (base == "jr:constraint-msg" || base == "constraint-msg") return normalize_column("constraint_message" + (sep == std::string::npos ? "" : h.substr(sep)));
  return base;
}

std::vector<Row> rows_from_csv(const std::string& text, const std::string& sheet, Diagnostics& errors) {
  std::vector<Row> rows;
  const auto records = parse_csv(text, sheet, errors);
  if (records.empty()) return rows;
  const auto& header = records.front().cells;
  for (std::size_t r = 1; r < records.size(); ++r) {
    Row row;
    row.where = sheet + ":" + std::to_string(records[r].line);
    for (std::size_t c = 0; c < records[r].cells.size() && c < header.size(); ++c) {
      const std::string col = normalize_column(header[c]);
      if (col.empty()) continue;
      row.raw[col] = trim(header[c]);
      if (!records[r].cells[c].empty()) row.cols[col] = records[r].cells[c];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  return "";
}

std::vector<Row> rows_from_json(const json& list, const std::string& sheet, const std::vector<std::string>& langs,
                                Diagnostics& errors) {
  std::vector<Row> rows;
  if (!list.is_array()) {
    if (!list.is_null()) add_error(errors, sheet, "type_array", {json_type_name(list)});
    return rows;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    Row row;
    row.csv = false;
    row.where = sheet + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      add_error(errors, row.where, "type_object", {json_type_name(list[i])});
      continue;
    }
    for (auto it = list[i].begin(); it != list[i].end(); ++it) {
      std::string key = it.key();
      if (key == "$autoname" && !list[i].contains("name")) key = "name";
      if (key.empty() || key[0] == '$') continue;
      const std::string base = normalize_column(key);
      if (it->is_array()) {  // translated column: one entry per translation
        for (std::size_t k = 0; k < it->size() && k < langs.size(); ++k) {
          if (langs[k].empty() || scalar_text((*it)[k]).empty()) continue;
          const std::string col = base.substr(0, base.find('@')) + "@" + langs[k];
          row.raw[col] = key + "[" + std::to_string(k) + "]";
          row.cols[col] = scalar_text((*it)[k]);
        }
        continue;
      }
      if (base.empty()) continue;
      row.raw[base] = key;
      const std::string text = scalar_text(*it);
      if (!text.empty()) row.cols[base] = text;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Output JSON paths -> the row they come from, to relocate parse_form's errors.
using Origins = std::vector<std::pair<std::string, const Row*>>;

json text_of(const Row& row, const std::string& col) {
  json t = json::object();
  if (!row.get(col + "@fr").empty()) t["fr"] = row.get(col + "@fr");
  if (!row.get(col + "@en").empty()) t["en"] = row.get(col + "@en");
  if (!t.empty() && !t.contains("fr")) t["fr"] = t["en"];
  return t;
}

bool truthy(const std::string& s, bool& is_bool) {
  const std::string l = lower(trim(s));
  is_bool = l == "yes" || l == "true" || l == "1" || l == "true()" || l == "no" || l == "false" || l == "0" ||
            l == "false()" || l.empty();
  return l == "yes" || l == "true" || l == "1" || l == "true()";
}

class Converter {
 public:
  Converter(Diagnostics& errors) : errors_(errors) {}

  json build(const std::vector<Row>& survey, const std::vector<Row>& choices, const std::vector<Row>& settings,
             const std::string& fallback_id) {
    json form = json::object();
    const Row* s = settings.empty() ? nullptr : &settings.front();
    std::string id = s ? s->get("form_id") : "";
    if (id.empty()) id = fallback_id.empty() ? "form" : fallback_id;
    form["id"] = id;
    const std::string version = s ? trim(s->get("version")) : "";
    form["version"] = !version.empty() && version.size() < 9 &&
                              std::all_of(version.begin(), version.end(), [](char c) { return c >= '0' && c <= '9'; })
                          ? std::stoi(version)
                          : 1;
    const std::string title = s ? s->get("form_title") : "";
    form["title"] = json{{"fr", title.empty() ? id : title}};
    form["fields"] = json::array();
    read_choices(choices, form);
    read_survey(survey, form);
    return form;
  }

  // parse_form's errors, relocated to the rows they come from.
  void relocate(const Diagnostics& found) {
    for (const auto& d : found) {
      const Row* best = nullptr;
      std::size_t best_len = 0;
      for (const auto& [path, row] : origins_)
        if (path.size() > best_len && (d.path == path || d.path.rfind(path + "/", 0) == 0)) {
          best = row;
          best_len = path.size();
        }
      Diagnostic out = d;
      if (best) {
        std::string rest = d.path.substr(best_len);
        if (!rest.empty()) rest = rest.substr(1);
        rest = rest.substr(0, rest.find('/'));
        for (const char* t : kTranslated)
          if (rest == t) rest = std::string(t) + "@fr";
        if (rest == "choices") rest = best->raw.count("select_from_list_name") ? "select_from_list_name" : "type";
        out.path = rest.empty() ? best->where : best->at(rest);
      }
      errors_.push_back(std::move(out));
    }
  }

 private:
  void read_choices(const std::vector<Row>& rows, json& form) {
    json lists = json::object();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      const std::string list = trim(r.get("list_name")), name = trim(r.get("name"));
      if (list.empty()) {
        add_error(errors_, r.at("list_name"), "missing", {"list_name"});
        continue;
      }
      json c = {{"name", name}, {"label", text_of(r, "label")}};
      if (c["label"].empty()) c["label"] = json{{"fr", name}};
      for (const auto& [col, v] : r.cols)
        if (col != "list_name" && col != "name" && col.find('@') == std::string::npos) c[col] = v;
      origins_.push_back({"/choices/" + list + "/" + std::to_string(lists[list].size()), &r});
      lists[list].push_back(std::move(c));
    }
    if (!lists.empty()) form["choices"] = std::move(lists);
  }

  struct Open {
    json* fields;
    std::string path;
    const Row* row;
    std::string kind;  // "group" / "repeat" / "" for the form
  };

  void read_survey(const std::vector<Row>& rows, json& form) {
    std::vector<Open> stack{{&form["fields"], "/fields", nullptr, ""}};
    for (const Row& r : rows) {
      std::string type = trim(r.get("type"));
      std::replace(type.begin(), type.end(), ' ', '_');
      while (type.find("__") != std::string::npos) type.erase(type.find("__"), 1);
      const std::string ltype = lower(type);
      if (ltype.empty()) {
        if (!r.get("name").empty()) add_error(errors_, r.at("type"), "missing", {"type"});
        continue;
      }
      if (ltype == "end_group" || ltype == "end_repeat") {
        const std::string kind = ltype.substr(4);
        if (stack.size() == 1 || stack.back().kind != kind) {
          add_error(errors_, r.at("type"), "xls_end_without_begin", {type, "begin_" + kind});
          continue;
        }
        stack.pop_back();
        continue;
      }
      json f = json::object();
      f["name"] = trim(r.get("name"));
      if (!convert_type(r, type, ltype, f)) continue;
      copy_common(r, f);
      json& into = *stack.back().fields;
      const std::string path = stack.back().path + "/" + std::to_string(into.size());
      origins_.push_back({path, &r});
      const bool container = f["type"] == "group" || f["type"] == "repeat";
      if (container) {
        f["fields"] = json::array();
        if (!f.contains("label")) f["label"] = json{{"fr", f["name"]}};
      }
      into.push_back(std::move(f));
      if (container) stack.push_back({&into.back()["fields"], path + "/fields", &r, ltype.substr(6)});
    }
    for (std::size_t k = 1; k < stack.size(); ++k)
      add_error(errors_, stack[k].row->at("type"), "xls_unclosed", {"begin_" + stack[k].kind, stack[k].row->get("name")});
  }

  bool convert_type(const Row& r, const std::string& type, const std::string& ltype, json& f) {
    static const std::map<std::string, std::string> same = {
        {"text", "text"},         {"integer", "integer"},   {"int", "integer"},    {"decimal", "decimal"},
        {"date", "date"},         {"datetime", "datetime"}, {"time", "time"},      {"note", "note"},
        {"calculate", "calculate"}, {"begin_group", "group"}, {"begin_repeat", "repeat"}, {"image", "attachment"},
        {"file", "attachment"},   {"audio", "attachment"},  {"video", "attachment"}, {"acknowledge", "yes_no"},
        {"yes_no", "yes_no"},     {"consent", "consent"},   {"signature", "signature"}, {"hidden", "text"}};
    static const char* const metadata[] = {"start", "end", "today", "deviceid", "subscriberid", "simserial",
                                           "phonenumber", "username", "email", "audit", "start-geopoint"};
    for (const char* m : metadata)
      if (ltype == m) return false;  // filled by the collecting device: nothing to enter
    if (ltype.rfind("select_one", 0) == 0 || ltype.rfind("select_multiple", 0) == 0) {
      const bool one = ltype.rfind("select_one", 0) == 0;
      const std::size_t base_len = one ? 10 : 15;
      if (ltype.size() > base_len && ltype[base_len] != '_') return unknown(r, trim(r.get("type")));
      std::string list = ltype.size() > base_len ? trim(type.substr(base_len + 1)) : trim(r.get("select_from_list_name"));
      if (list.rfind("from_file", 0) == 0) return unsupported(r, trim(r.get("type")));
      if (list.empty()) {
        add_error(errors_, r.at("type"), "missing", {"liste de choix"});
        return false;
      }
      f["type"] = one ? "select_one" : "select_multiple";
      f["choices"] = list;
      return true;
    }
    auto it = same.find(ltype);
    if (it != same.end()) {
      f["type"] = it->second;
      if (ltype == "image" && lower(r.get("appearance")).find("signature") != std::string::npos) f["type"] = "signature";
      return true;
    }
    static const char* const known_unsupported[] = {"geopoint", "geotrace", "geoshape", "barcode", "range", "rank",
                                                    "xml-external", "csv-external", "background-audio", "osm"};
    for (const char* u : known_unsupported)
      if (ltype == u) return unsupported(r, trim(r.get("type")));
    return unknown(r, trim(r.get("type")));
  }

  bool unknown(const Row& r, const std::string& type) {
    add_error(errors_, r.at("type"), "unknown_value",
              {"type", type, "text, integer, decimal, date, datetime, time, select_one LISTE, select_multiple LISTE, note, "
                             "calculate, begin_group, end_group, begin_repeat, end_repeat, image, file, acknowledge"});
    return false;
  }
  bool unsupported(const Row& r, const std::string& type) {
    add_error(errors_, r.at("type"), "xls_unsupported_type", {type});
    return false;
  }

  void copy_common(const Row& r, json& f) {
    for (const char* t : kTranslated) {
      json text = text_of(r, t);
      if (!text.empty()) f[t] = std::move(text);
    }
    for (const char* key : {"relevant", "constraint", "calculation", "choice_filter", "default", "appearance"}) {
      const std::string v = r.get(key);
      if (!v.empty()) f[key] = v;
    }
    bool is_bool;
    const std::string req = r.get("required");
    if (truthy(req, is_bool)) f["required"] = true;
    else if (!is_bool) f["required"] = req;
    if (truthy(r.get("read_only"), is_bool)) f["read_only"] = true;
    if (f["type"] == "calculate") f.erase("label");
  }

  Diagnostics& errors_;
  Origins origins_;
};

std::optional<json> finish(Converter& conv, json form, Diagnostics& errors, std::size_t before) {
  Diagnostics found;
  parse_form(form, "", found);
  conv.relocate(found);
  if (errors.size() != before) return std::nullopt;
  return form;
}

}  // namespace

std::optional<json> import_xlsform_csv(const std::string& survey, const std::string& choices,
                                       const std::string& settings, const std::string& fallback_id,
                                       Diagnostics& errors) {
  const std::size_t before = errors.size();
  const auto s = rows_from_csv(survey, "survey.csv", errors);
  const auto c = rows_from_csv(choices, "choices.csv", errors);
  const auto st = rows_from_csv(settings, "settings.csv", errors);
  if (errors.size() != before) return std::nullopt;
  Converter conv(errors);
  json form = conv.build(s, c, st, fallback_id);
  return finish(conv, std::move(form), errors, before);
}

std::optional<json> import_kobo_content(const json& asset, const std::string& fallback_id, Diagnostics& errors) {
  const std::size_t before = errors.size();
  const json& content = asset.is_object() && asset.contains("content") ? asset["content"] : asset;
  if (!content.is_object()) {
    add_error(errors, "content", "type_object", {json_type_name(content)});
    return std::nullopt;
  }
  std::vector<std::string> langs{"fr"};
  if (content.contains("translations") && content["translations"].is_array()) {
    langs.clear();
    for (const auto& t : content["translations"]) langs.push_back(lang_of(t.is_string() ? t.get<std::string>() : ""));
  }
  const auto s = rows_from_json(content.value("survey", json()), "survey", langs, errors);
  const auto c = rows_from_json(content.value("choices", json()), "choices", langs, errors);
  std::vector<Row> st;
  if (content.contains("settings")) {
    const json& settings = content["settings"];
    st = rows_from_json(settings.is_array() ? settings : json::array({settings}), "settings", langs, errors);
  }
  if (errors.size() != before) return std::nullopt;
  Converter conv(errors);
  json form = conv.build(s, c, st, fallback_id);
  // Without a form_title, the asset's name is the title.
  const bool titled = !st.empty() && !st.front().get("form_title").empty();
  if (!titled && asset.is_object() && asset.contains("name") && asset["name"].is_string() &&
      !asset["name"].get<std::string>().empty())
    form["title"] = json{{"fr", asset["name"].get<std::string>()}};
  return finish(conv, std::move(form), errors, before);
}

}  // namespace kalan::forms
