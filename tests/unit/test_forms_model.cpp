// Form definitions: parse errors with JSON paths, and validation (required, constraint, relevant,
// calculate, choice_filter, repeats, types, defaults).
#include <algorithm>
#include <stdexcept>

#include <doctest/doctest.h>

#include "forms/form.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::forms;
using nlohmann::json;

namespace {

json suivi_json() {
  auto text = read_file(test::source_path("tests/forms/suivi.json"));
  REQUIRE(text);
  return json::parse(*text);
}

Form suivi() {
  Diagnostics errors;
  auto f = parse_form(suivi_json(), "", errors);
  for (const auto& d : errors) MESSAGE(render(d));
  REQUIRE(f);
  return *f;
}

std::vector<std::string> errors_of(const json& j) {
  Diagnostics errors;
  CHECK_FALSE(parse_form(j, "/forms/3", errors).has_value());
  return test::rendered(errors);
}

using test::has_line;

const Issue* issue(const Validation& v, const std::string& field) {
  for (const auto& i : v.issues)
    if (i.field == field) return &i;
  return nullptr;
}

EvalContext at(const char* iso) {
  EvalContext ctx;
  ctx.now = *parse_iso_time(iso);
  return ctx;
}

json valid_entry() {
  return json{{"consent", "oui"}, {"region", "mopti"}, {"cercle", "djenne"}, {"age", "12"},
              {"date_visite", "2024-02-28"}, {"risques", "violence"},
              {"services", json::array({json{{"prestataire", "ONG Kanuya"}, {"cout", "1500"}},
                                        json{{"prestataire", "CSCom"}, {"cout", "250.5"}}})}};
}

}  // namespace

TEST_CASE("forms.model: a well-formed form parses with its structure") {
  const Form f = suivi();
  CHECK(f.id == "5A");
  CHECK(f.repeatable);
  CHECK(f.fields.size() == 18);
  const Field* services = f.find("services");
  REQUIRE(services);
  CHECK(services->children.size() == 4);
  CHECK(f.find("cout")->repeat == f.index.at("services"));
  CHECK(f.find("risques")->parent == f.index.at("infos"));
  CHECK(f.choices.at("yes_no").size() == 2);  // built in
  // resume depends on nb_services and cout_total: computed after them.
  const auto& order = f.calculation_order;
  const auto pos = [&](const char* n) { return std::find(order.begin(), order.end(), f.index.at(n)) - order.begin(); };
  CHECK(pos("resume") > pos("nb_services"));
  CHECK(pos("resume") > pos("cout_total"));
}

TEST_CASE("forms.model: parse errors carry JSON paths") {
  json j = suivi_json();
  j["fields"][3]["constraint"] = ". >= 0 and";
  j["fields"][2]["choice_filter"] = "region = ${regoin}";
  j["fields"][1]["choices"] = "regionz";
  j["fields"][5]["fields"][0]["type"] = "selct_multiple";
  j["fields"][6]["name"] = "age";
  j["fields"][4]["relevant"] = "nope(${age})";
  j["fields"][0]["colour"] = "rouge";
  const auto e = errors_of(j);
  for (const auto& l : e) MESSAGE(l);
  CHECK(has_line(e, "/forms/3/fields/3/constraint: expression invalide, colonne 11"));
  CHECK(has_line(e, "/forms/3/fields/2/choice_filter: champ « ${regoin} » introuvable"));
  CHECK(has_line(e, "/forms/3/fields/1/choices: liste de choix « regionz » introuvable"));
  CHECK(has_line(e, "/forms/3/fields/5/fields/0/type: type de champ inconnu « selct_multiple »"));
  CHECK(has_line(e, "/forms/3/fields/6/name: « age » en double"));
  CHECK(has_line(e, "/forms/3/fields/4/relevant: expression invalide, colonne 1 : fonction inconnue « nope() »"));
  CHECK(has_line(e, "/forms/3/fields/0/colour: clé inconnue"));
}

TEST_CASE("forms.model: more definition errors") {
  const json base = {{"id", "X"}, {"title", {{"fr", "X"}}}};
  json j = base;
  j["fields"] = json::array({json{{"name", "a"}, {"type", "calculate"}, {"calculation", "${b} + 1"}},
                             json{{"name", "b"}, {"type", "calculate"}, {"calculation", "${a} + 1"}}});
  CHECK(has_line(errors_of(j), "calcul circulaire"));
  j["fields"] = json::array({json{{"name", "1a"}, {"type", "text"}, {"label", "A"}}});
  CHECK(has_line(errors_of(j), "/forms/3/fields/0/name: nom de champ invalide"));
  j["fields"] = json::array({json{{"name", "a"}, {"type", "text"}}});
  CHECK(has_line(errors_of(j), "/forms/3/fields/0: champ obligatoire « label »"));
  j["fields"] = json::array({json{{"name", "g"}, {"type", "group"}, {"label", "G"}}});
  CHECK(has_line(errors_of(j), "/forms/3/fields/0/fields: champ obligatoire « fields »"));
  j["fields"] = json::array({json{{"name", "s"}, {"type", "select_one"}, {"label", "S"}}});
  CHECK(has_line(errors_of(j), "/forms/3/fields/0: champ obligatoire « choices »"));
  j["fields"] = json::array({json{{"name", "a"}, {"type", "text"}, {"label", "A"}, {"required", 3}}});
  CHECK(has_line(errors_of(j), "/forms/3/fields/0/required"));
  j["fields"] = json::array({json{{"name", "a"}, {"type", "text"}, {"label", "A"}}});
  j["choices"] = {{"l", json::array({json{{"name", "x"}, {"label", "X"}}, json{{"name", "x"}, {"label", "Y"}}})}};
  CHECK(has_line(errors_of(j), "/forms/3/choices/l/1/name: « x » en double"));
  CHECK(has_line(errors_of(json::array()), "/forms/3: un objet est attendu"));
}

TEST_CASE("forms.model: a valid entry is normalized") {
  const Form f = suivi();
  const Validation v = validate(f, valid_entry(), at("2024-03-01T10:00:00Z"));
  for (const auto& i : v.issues) MESSAGE(i.field << " " << i.code << " " << i.message.fr);
  CHECK(v.ok());
  CHECK(v.values["total"] == "2");  // default applied
  CHECK(v.values["services"][0]["plafond"] == "2000");
  CHECK(v.values["services"][1]["rang"] == "2");
  CHECK(v.values["cout_total"] == "1750.5");
  CHECK(v.values["nb_services"] == "2");
  CHECK(v.values["resume"] == "2 services, 1750.5 FCFA");

  CHECK(v.values["autre_risque"] == "");
  CHECK_FALSE(v.values.contains("note_fin"));
}

TEST_CASE("forms.model: the texts output is the JSON output, flat; forms with repeats refuse it") {
  const Form f = suivi();
  CHECK(f.has_repeats);
  CHECK_THROWS_AS(validate(f, valid_entry(), at("2024-03-01T10:00:00Z"), Output::texts), std::logic_error);
  // The same form without its repeat (and what reads it) gives the same answers both ways.
  json def = suivi_json();
  json kept = json::array();
  for (const json& field : def["fields"])
    if (field.value("type", "") != "repeat" && field.value("name", "") != "nb_services" &&
        field.value("name", "") != "cout_total" && field.value("name", "") != "resume")
      kept.push_back(field);
  def["fields"] = kept;
  Diagnostics errors;
  auto flat = parse_form(def, "", errors);
  for (const auto& d : errors) MESSAGE(render(d));
  REQUIRE(flat);
  CHECK_FALSE(flat->has_repeats);
  json entry = valid_entry();
  entry.erase("services");
  const Validation as_json = validate(*flat, entry, at("2024-03-01T10:00:00Z"));
  const Validation as_texts = validate(*flat, entry, at("2024-03-01T10:00:00Z"), Output::texts);
  CHECK(as_json.ok());
  CHECK(as_texts.ok());
  CHECK(as_texts.values.is_null());
  REQUIRE(as_texts.texts.size() == flat->entry_fields.size());
  REQUIRE(as_json.values.size() == flat->entry_fields.size());
  std::size_t k = 0;
  for (const auto& [key, value] : as_json.values.items()) {
    CHECK(flat->fields[static_cast<std::size_t>(flat->entry_fields[k])].name == key);
    CHECK(as_texts.texts[k++] == value);
  }
  CHECK(as_texts.texts[static_cast<std::size_t>(std::find_if(flat->entry_fields.begin(), flat->entry_fields.end(), [&](int i) {
          return flat->fields[static_cast<std::size_t>(i)].name == "total";
        }) - flat->entry_fields.begin())] == "2");  // the default applies in both
}

TEST_CASE("forms.model: required, constraint, type, choice, unknown field") {
  const Form f = suivi();
  json e = valid_entry();
  e.erase("age");
  e["region"] = "kayes";
  e["date_visite"] = "2024-13-01";
  e["services"][1]["cout"] = "3000";  // above the ${plafond} sibling (2 x 1000)
  e["services"][0]["prestataire"] = "";
  e["couleur"] = "bleu";
  e["services"][0]["extra"] = "x";
  const Validation v = validate(f, e, at("2024-03-01T10:00:00Z"));
  REQUIRE(issue(v, "age"));
  CHECK(issue(v, "age")->code == "required");
  CHECK(issue(v, "age")->message.fr == "Cette réponse est obligatoire.");
  CHECK(issue(v, "age")->message.en == "This answer is required.");
  CHECK(issue(v, "region")->code == "choice");
  CHECK(issue(v, "date_visite")->code == "type");
  CHECK(issue(v, "services/1/cout")->code == "constraint");
  CHECK(issue(v, "services/1/cout")->message.fr == "Valeur non valide.");
  CHECK(issue(v, "services/0/prestataire")->code == "required");
  CHECK(issue(v, "couleur")->code == "unknown_field");
  CHECK(issue(v, "services/0/extra")->code == "unknown_field");
  CHECK_FALSE(issue(v, "services/0/cout"));
  // Raising the sibling limit through ${total} clears the constraint.
  e["total"] = "5";
  CHECK_FALSE(issue(validate(f, e, at("2024-03-01T10:00:00Z")), "services/1/cout"));
}

TEST_CASE("forms.model: the constraint message and date constraints use the sim clock") {
  const Form f = suivi();
  json e = valid_entry();
  e["age"] = "18";
  e["date_visite"] = "2024-03-02";
  Validation v = validate(f, e, at("2024-03-01T10:00:00Z"));
  CHECK(issue(v, "age")->message.fr == "L'âge doit être entre 0 et 17 ans.");
  CHECK(issue(v, "age")->message.en == "Age must be 0 to 17.");
  CHECK(issue(v, "date_visite")->code == "constraint");
  v = validate(f, e, at("2024-03-02T08:00:00Z"));  // a day later it is today
  CHECK_FALSE(issue(v, "date_visite"));
  e["age"] = "12.5";
  CHECK(issue(validate(f, e, at("2024-03-02T08:00:00Z")), "age")->code == "type");
  e["age"] = "0";  // zero is an answer, not empty
  CHECK_FALSE(issue(validate(f, e, at("2024-03-02T08:00:00Z")), "age"));
}

TEST_CASE("forms.model: relevance clears answers and lifts requirements") {
  const Form f = suivi();
  json e = valid_entry();
  e["consent"] = "non";
  e["risques"] = "autre";  // the group is not relevant without consent
  Validation v = validate(f, e, at("2024-03-01T10:00:00Z"));
  CHECK(v.ok());
  CHECK(v.values["risques"] == "");
  e["consent"] = "oui";
  v = validate(f, e, at("2024-03-01T10:00:00Z"));
  CHECK(issue(v, "autre_risque")->code == "required");  // relevant through selected(${risques}, 'autre')
  e["autre_risque"] = "mariage précoce";
  CHECK(validate(f, e, at("2024-03-01T10:00:00Z")).ok());
  e["consent"] = "peut-être";
  CHECK(issue(validate(f, e, at("2024-03-01T10:00:00Z")), "consent")->code == "choice");
}

TEST_CASE("forms.model: choice_filter reads choice attributes and the instance") {
  const Form f = suivi();
  json e = valid_entry();
  e["cercle"] = "niono";  // a Ségou cercle while the region is Mopti
  CHECK(issue(validate(f, e, at("2024-03-01T10:00:00Z")), "cercle")->code == "choice");
  e["region"] = "segou";
  CHECK_FALSE(issue(validate(f, e, at("2024-03-01T10:00:00Z")), "cercle"));
  e["risques"] = "violence inconnu";
  const Validation v = validate(f, e, at("2024-03-01T10:00:00Z"));
  CHECK(issue(v, "risques")->message.fr == "Choix « inconnu » non proposé.");
}

TEST_CASE("forms.model: malformed entries never crash") {
  const Form f = suivi();
  CHECK(issue(validate(f, json::array(), {}), "")->code == "type");
  json e = valid_entry();
  e["services"] = "pas une liste";
  e["age"] = json::object();
  const Validation v = validate(f, e, {});
  CHECK(issue(v, "services")->code == "type");
  CHECK(issue(v, "age")->code == "type");
  e = valid_entry();
  e["services"] = json::array({1, json::array()});
  CHECK(issue(validate(f, e, {}), "services/0")->code == "type");
  e["age"] = 12;  // a JSON number is read as its text
  e["services"] = json::array();
  const Validation w = validate(f, e, at("2024-03-01T10:00:00Z"));
  CHECK_FALSE(issue(w, "age"));
  CHECK(w.values["nb_services"] == "0");
  CHECK(w.values["cout_total"] == "0");
}

TEST_CASE("forms.model: calculations see cleared answers, relevance follows calculations") {
  const json j = {{"id", "T"}, {"title", "T"},
                  {"fields", json::array({json{{"name", "a"}, {"type", "integer"}, {"label", "A"}},
                                          json{{"name", "b"}, {"type", "integer"}, {"label", "B"}, {"relevant", "${a} > 0"}},
                                          json{{"name", "c"}, {"type", "calculate"}, {"calculation", "coalesce(${b}, 'vide')"}},
                                          json{{"name", "d"}, {"type", "text"}, {"label", "D"}, {"required", true},
                                               {"relevant", "${c} != 'vide'"}}})}};
  Diagnostics errors;
  auto f = parse_form(j, "", errors);
  REQUIRE(f);
  Validation v = validate(*f, json{{"a", "0"}, {"b", "5"}}, {});
  CHECK(v.values["b"] == "");
  CHECK(v.values["c"] == "vide");
  CHECK(v.ok());  // d is not relevant once b is cleared
  v = validate(*f, json{{"a", "1"}, {"b", "5"}}, {});
  CHECK(v.values["c"] == "5");
  REQUIRE(v.issues.size() == 1);
  CHECK(v.issues[0].field == "d");
}

TEST_CASE("forms.model: deep nesting and long calculation chains") {
  json inner = json::array({json{{"name", "x"}, {"type", "text"}, {"label", "X"}}});
  for (int d = 0; d < 20; ++d)
    inner = json::array({json{{"name", "g" + std::to_string(d)}, {"type", "group"}, {"label", "G"}, {"fields", inner}}});
  CHECK(has_line(errors_of(json{{"id", "T"}, {"title", "T"}, {"fields", inner}}), "plus de 16 niveaux"));
  json chain = json::array({json{{"name", "c0"}, {"type", "calculate"}, {"calculation", "1"}}});
  for (int i = 1; i < 1500; ++i)
    chain.push_back({{"name", "c" + std::to_string(i)}, {"type", "calculate"},
                     {"calculation", "${c" + std::to_string(i - 1) + "} + 1"}});
  json j = {{"id", "T"}, {"title", "T"}, {"fields", json::array()}};
  for (int i = 1499; i >= 0; --i) j["fields"].push_back(chain[static_cast<std::size_t>(i)]);  // last first
  Diagnostics errors;
  auto f = parse_form(j, "", errors);
  REQUIRE(f);
  CHECK(validate(*f, json::object(), {}).values["c1499"] == "1500");
}
