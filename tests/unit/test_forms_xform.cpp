// The XForm of a form (sim/forms/xform.h): well-formed XML (a tiny checker below), the binds of the
// monthly form (types, required, constraints and relevance on XForm paths, itext messages), the body,
// and the golden file tests/forms/mensuel.xform.xml (what KoboCollect downloads from /formList).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "core/reader.h"
#include "forms/xform.h"
#include "helpers.h"
#include "reporting/monthly.h"

using namespace kalan;
using namespace kalan::test;

namespace {

struct Element {
  std::string name, path;  // path: the names from the root, "h:html/h:head/model/bind"
  std::map<std::string, std::string> attrs;
  std::string text;
};

std::string unescape(const std::string& s, std::string& error) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') error = "raw '<' in text or attribute";
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const std::size_t end = s.find(';', i);
    const std::string entity = end == std::string::npos ? "" : s.substr(i, end - i + 1);
    static const std::map<std::string, char> known = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    auto it = known.find(entity);
    if (it == known.end()) {
      error = "bad entity at " + s.substr(i, 8);
      return out;
    }
    out += it->second;
    i = end;
  }
  return out;
}

// Parses XML strictly enough for a test: one root, balanced tags, quoted attributes, known entities.
// Returns the elements in document order; `error` says what is wrong.
std::vector<Element> parse_xml(const std::string& xml, std::string& error) {
  std::vector<Element> out;
  std::vector<std::size_t> open;
  std::size_t i = 0;
  bool root_closed = false;
  while (i < xml.size() && error.empty()) {
    if (xml[i] != '<') {
      const std::size_t next = xml.find('<', i);
      const std::string text = xml.substr(i, next - i);
      const std::string value = unescape(text, error);
      if (open.empty() && value.find_first_not_of(" \n\r\t") != std::string::npos) error = "text outside the root";
      if (!open.empty()) out[open.back()].text += value;
      i = next == std::string::npos ? xml.size() : next;
      continue;
    }
    if (xml.compare(i, 5, "<?xml") == 0) {
      if (i != 0) error = "declaration not first";
      i = xml.find("?>", i) + 2;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) {
      error = "unclosed tag";
      break;
    }
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (!tag.empty() && tag[0] == '/') {
      if (open.empty() || out[open.back()].name != tag.substr(1)) error = "mismatched </" + tag.substr(1) + ">";
      else open.pop_back();
      if (open.empty()) root_closed = true;
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.pop_back();
    if (root_closed || (open.empty() && !out.empty())) error = "second root element";
    Element e;
    std::size_t p = tag.find_first_of(" \n\t");
    e.name = tag.substr(0, p);
    if (e.name.empty()) error = "empty tag name";
    while (p != std::string::npos && error.empty()) {
      p = tag.find_first_not_of(" \n\t", p);
      if (p == std::string::npos) break;
      const std::size_t eq = tag.find('=', p);
      if (eq == std::string::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') {
        error = "attribute without a quoted value in <" + e.name + ">";
        break;
      }
      const std::size_t close = tag.find('"', eq + 2);
      if (close == std::string::npos) {
        error = "unterminated attribute";
        break;
      }
      const std::string name = tag.substr(p, eq - p);
      if (e.attrs.count(name)) error = "duplicate attribute " + name;
      e.attrs[name] = unescape(tag.substr(eq + 2, close - eq - 2), error);
      p = close + 1;
      if (p < tag.size() && tag[p] != ' ' && tag[p] != '\n') error = "attributes not separated in <" + e.name + ">";
    }
    e.path = (open.empty() ? "" : out[open.back()].path + "/") + e.name;
    out.push_back(std::move(e));
    if (!self_closing) open.push_back(out.size() - 1);
  }
  if (error.empty() && !open.empty()) error = "unclosed <" + out[open.back()].name + ">";
  if (error.empty() && out.empty()) error = "no element";
  return out;
}

const Element* bind_of(const std::vector<Element>& xml, const std::string& nodeset) {
  for (const auto& e : xml)
    if (e.name == "bind" && e.attrs.count("nodeset") && e.attrs.at("nodeset") == nodeset) return &e;
  return nullptr;
}

std::string attr(const Element* e, const char* name) {
  if (!e || !e->attrs.count(name)) return "(absent)";
  return e->attrs.at(name);
}

}  // namespace

TEST_CASE("xform checker: refuses what is not well-formed") {
  for (const char* bad : {"<a><b></a></b>", "<a x=1/>", "<a>1 < 2</a>", "<a>&nbsp;</a>", "<a/><b/>", "<a>", "<a x=\"1\"y=\"2\"/>"}) {
    std::string error;
    parse_xml(bad, error);
    INFO(bad);
    CHECK_FALSE(error.empty());
  }
  std::string error;
  parse_xml("<?xml version=\"1.0\"?>\n<a x=\"&lt;\"><b/>t &amp; u</a>\n", error);
  CHECK(error.empty());
}

TEST_CASE("xform: the monthly form as KoboCollect downloads it") {
  const forms::Form& form = reporting::monthly_form();
  const std::string xml = forms::to_xform(form);
  std::string error;
  const auto doc = parse_xml(xml, error);
  INFO(error);
  REQUIRE(error.empty());
  CHECK(doc.front().name == "h:html");
  CHECK(doc.front().attrs.at("xmlns") == "http://www.w3.org/2002/xforms");
  CHECK(doc.front().attrs.at("xmlns:jr") == "http://openrosa.org/javarosa");
  // The instance: <data id="mensuel" version="1"> with every field under its groups, then meta.
  std::vector<std::string> instance;
  const std::string prefix = "h:html/h:head/model/instance/";
  for (const auto& e : doc)
    if (e.path.compare(0, prefix.size(), prefix) == 0) instance.push_back("/" + e.path.substr(prefix.size()));
  REQUIRE(!instance.empty());
  CHECK(instance.front() == "/data");
  for (const auto& e : doc)
    if (e.path == "h:html/h:head/model/instance/data") {
      CHECK(e.attrs.at("id") == "mensuel");
      CHECK(e.attrs.at("version") == "1");
    }
  const auto in_instance = [&](const std::string& path) { return std::find(instance.begin(), instance.end(), path) != instance.end(); };
  CHECK(in_instance("/data/nouveaux_cas/nc_sexe_age/nc_f_0_5"));
  CHECK(in_instance("/data/meta/instanceID"));
  // One bind per value field (and the relevant groups), each on a node of the instance.
  std::size_t binds = 0;
  for (const auto& e : doc) {
    if (e.name != "bind") continue;
    ++binds;
    INFO(e.attrs.at("nodeset"));
    CHECK(in_instance(e.attrs.at("nodeset")));
  }
  CHECK(binds == reporting::value_fields().size() + 4 /* relevant groups */ + 1 /* instanceID */);
  const Element* nc_total = bind_of(doc, "/data/nouveaux_cas/nc_total");
  CHECK(attr(nc_total, "type") == "int");
  CHECK(attr(nc_total, "required") == "true()");
  CHECK(attr(nc_total, "constraint") ==
        ". >= 0 and (. = 0 or . = /data/nouveaux_cas/nc_sexe_age/nc_f_0_5 + /data/nouveaux_cas/nc_sexe_age/nc_f_6_11 + "
        "/data/nouveaux_cas/nc_sexe_age/nc_f_12_17 + /data/nouveaux_cas/nc_sexe_age/nc_m_0_5 + "
        "/data/nouveaux_cas/nc_sexe_age/nc_m_6_11 + /data/nouveaux_cas/nc_sexe_age/nc_m_12_17)");
  CHECK(attr(nc_total, "jr:constraintMsg") == "jr:itext('/data/nouveaux_cas/nc_total:jr:constraintMsg')");
  CHECK(attr(nc_total, "jr:requiredMsg") == "jr:itext('/data/nouveaux_cas/nc_total:jr:requiredMsg')");
  CHECK(attr(bind_of(doc, "/data/suivi/clos"), "constraint") == ". >= 0 and . <= /data/debut/actifs_debut + /data/nouveaux_cas/nc_total");
  CHECK(attr(bind_of(doc, "/data/nouveaux_cas/nc_sexe_age"), "relevant") == "/data/nouveaux_cas/nc_total > 0");
  CHECK(attr(bind_of(doc, "/data/nouveaux_cas/nc_sexe_age"), "type") == "(absent)");
  CHECK(attr(bind_of(doc, "/data/nouveaux_cas/raison_zero"), "relevant") == "/data/nouveaux_cas/nc_total = 0");
  CHECK(attr(bind_of(doc, "/data/nouveaux_cas/raison_zero"), "type") == "string");
  CHECK(attr(bind_of(doc, "/data/identification/structure"), "constraint") == "regex(., '^[a-z0-9][a-z0-9-]*$')");
  CHECK(attr(bind_of(doc, "/data/observations"), "required") == "(absent)");
  CHECK(attr(bind_of(doc, "/data/meta/instanceID"), "jr:preload") == "uid");
  // Every itext reference names a text of the French translation (the default), and English has it too.
  std::map<std::string, std::map<std::string, std::string>> texts;  // lang -> id -> value
  std::string lang, id;
  for (const auto& e : doc) {
    if (e.name == "translation") lang = e.attrs.at("lang");
    if (e.name == "text") id = e.attrs.at("id");
    if (e.name == "value" && e.path.find("/itext/") != std::string::npos) texts[lang][id] = e.text;
  }
  REQUIRE(texts.count("French (fr)"));
  REQUIRE(texts.count("English (en)"));
  CHECK(texts["French (fr)"].size() == texts["English (en)"].size());
  CHECK(texts["French (fr)"]["/data/nouveaux_cas/nc_total:label"] == form.find("nc_total")->label.fr);
  CHECK(texts["English (en)"]["/data/nouveaux_cas/nc_total:label"] == form.find("nc_total")->label.en);
  for (const auto& e : doc)
    for (const auto& [name, value] : e.attrs) {
      const std::size_t at = value.find("jr:itext('");
      if (at == std::string::npos) continue;
      const std::string ref = value.substr(at + 10, value.find("')", at) - at - 10);
      INFO(ref);
      CHECK(texts["French (fr)"].count(ref) == 1);
    }
  // The body: groups, inputs, and raison_zero as a select1 of its three choices.
  std::size_t inputs = 0, items = 0;
  for (const auto& e : doc) {
    inputs += e.name == "input";
    items += e.name == "item" && e.path.find("select1") != std::string::npos;
    if (e.name == "input" || e.name == "select1" || e.name == "group") CHECK(in_instance(e.attrs.at("ref")));
  }
  CHECK(inputs == reporting::value_fields().size() - 1);
  CHECK(items == 3);
}

TEST_CASE("xform: repeats, relative paths, choice filters and defaults (tests/forms/suivi.json)") {
  Diagnostics errors;
  auto form = forms::parse_form(nlohmann::json::parse(*read_file(source_path("tests/forms/suivi.json"))), "", errors);
  REQUIRE(form);
  std::string error;
  const auto doc = parse_xml(forms::to_xform(*form), error);
  INFO(error);
  REQUIRE(error.empty());
  // Inside the repeat, a sibling is a relative path; from outside, the repeat's field is absolute.
  CHECK(attr(bind_of(doc, "/data/services/cout"), "constraint") == ". >= 0 and . <= ../plafond");
  CHECK(attr(bind_of(doc, "/data/services/plafond"), "calculate") == "/data/total * 1000");
  CHECK(attr(bind_of(doc, "/data/cout_total"), "calculate") == "sum(/data/services/cout)");
  CHECK(attr(bind_of(doc, "/data/services/cout"), "type") == "decimal");
  CHECK(attr(bind_of(doc, "/data/date_visite"), "type") == "date");
  CHECK(attr(bind_of(doc, "/data/infos/risques"), "required") == "/data/age < 18");
  CHECK(attr(bind_of(doc, "/data/note_fin"), "readonly") == "true()");
  bool itemset = false, templ = false, total_default = false, repeat = false;
  for (const auto& e : doc) {
    if (e.name == "itemset") itemset = e.attrs.at("nodeset") == "instance('cercles')/root/item[region = /data/region]";
    if (e.name == "services" && e.attrs.count("jr:template")) templ = true;
    if (e.name == "total" && e.path.find("/instance/data/") != std::string::npos) total_default = e.text == "2";
    if (e.name == "repeat") repeat = e.attrs.at("nodeset") == "/data/services";
  }
  CHECK(itemset);
  CHECK(templ);
  CHECK(total_default);
  CHECK(repeat);
}

TEST_CASE("xform: the monthly form matches the golden file tests/forms/mensuel.xform.xml") {
  auto golden = read_file(source_path("tests/forms/mensuel.xform.xml"));
  REQUIRE(golden);
  CHECK(forms::to_xform(reporting::monthly_form()) == *golden);
}
