// XLSForm import: CSV reading, CSV sheets and Kobo content to Kalan forms, errors by sheet/row/column.
#include <doctest/doctest.h>

#include "forms/form.h"
#include "forms/xlsform.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::forms;
using nlohmann::json;

namespace {

std::string fixture(const std::string& rel) {
  auto text = read_file(test::source_path("tests/forms/" + rel));
  REQUIRE(text);
  return *text;
}

using test::rendered;

using test::has_line;

const json* field_named(const json& fields, const std::string& name) {
  for (const auto& f : fields) {
    if (f.value("name", "") == name) return &f;
    if (f.contains("fields"))
      if (const json* inner = field_named(f["fields"], name)) return inner;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("forms.xlsform: RFC 4180 CSV") {
  Diagnostics errors;
  const auto recs = parse_csv("\xEF\xBB\xBF" "a,b,c\r\n\"x, y\",\"il dit \"\"oui\"\"\",\"deux\nlignes\"\r\n\n1,,3", "s.csv", errors);
  CHECK(errors.empty());
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].cells == std::vector<std::string>{"a", "b", "c"});
  CHECK(recs[1].cells == std::vector<std::string>{"x, y", "il dit \"oui\"", "deux\nlignes"});
  CHECK(recs[1].line == 2);
  CHECK(recs[2].line == 5);  // after the two-line record and a blank line
  CHECK(recs[2].cells == std::vector<std::string>{"1", "", "3"});
  parse_csv("a,b\n1,\"open\n", "s.csv", errors);
  REQUIRE(errors.size() == 1);
  CHECK(render(errors[0]) == "s.csv:2: guillemet non fermé");
}

TEST_CASE("forms.xlsform: CSV sheets import into a valid form") {
  Diagnostics errors;
  auto form = import_xlsform_csv(fixture("xlsform-csv/survey.csv"), fixture("xlsform-csv/choices.csv"),
                                 fixture("xlsform-csv/settings.csv"), "dossier", errors);
  for (const auto& l : rendered(errors)) MESSAGE(l);
  REQUIRE(form);
  CHECK((*form)["id"] == "1D");
  CHECK((*form)["version"] == 3);
  CHECK((*form)["title"]["fr"] == "1.D Enregistrement ENA/ES");
  const json& fields = (*form)["fields"];
  CHECK_FALSE(field_named(fields, "debut"));  // device metadata is not entered
  const json* nom = field_named(fields, "nom");
  REQUIRE(nom);
  CHECK((*nom)["label"]["fr"] == "Nom de l'enfant, en entier");
  CHECK((*nom)["label"]["en"] == "Child's full name");
  CHECK((*nom)["hint"]["fr"] == "Ex. : \"Awa\" Diallo");
  CHECK((*nom)["required"] == true);
  const json* age = field_named(fields, "age");
  CHECK((*age)["constraint_message"]["fr"] == "L'âge doit être\nentre 0 et 17 ans.");
  CHECK(field_named(fields, "cercle")->at("choice_filter") == "region = ${region}");
  CHECK(field_named(fields, "risques")->at("type") == "select_multiple");
  CHECK(field_named(fields, "services")->at("type") == "repeat");
  CHECK(field_named(fields, "enfant")->at("fields").size() == 4);
  CHECK((*form)["choices"]["cercles"][0]["region"] == "mopti");
  // The result is a form the engine accepts and can validate with.
  Diagnostics perrors;
  auto parsed = parse_form(*form, "", perrors);
  REQUIRE(parsed);
  const json entry = {{"consentement", "oui"}, {"nom", "Awa"}, {"age", "20"}, {"region", "segou"}, {"cercle", "djenne"}};
  const Validation v = validate(*parsed, entry, {});
  REQUIRE(v.issues.size() == 2);
  CHECK(v.issues[0].field == "age");
  CHECK(v.issues[0].message.fr == "L'âge doit être\nentre 0 et 17 ans.");
  CHECK(v.issues[1].code == "choice");
}

TEST_CASE("forms.xlsform: CSV errors name the sheet, line and column") {
  std::string survey = fixture("xlsform-csv/survey.csv");
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = survey.find(from);
    REQUIRE(at != std::string::npos);
    survey.replace(at, from.size(), to);
  };
  replace("select_one regions,region", "selct_one regions,region");
  replace("end_repeat,,", "end_group,,");
  replace(". >= 0,,,", ". >= ${nope},,,");
  replace("select_multiple risques", "select_multiple dangers");
  Diagnostics errors;
  CHECK_FALSE(import_xlsform_csv(survey, fixture("xlsform-csv/choices.csv"), "", "x", errors));
  const auto e = rendered(errors);
  for (const auto& l : e) MESSAGE(l);
  CHECK(has_line(e, "survey.csv:8:type: type inconnu « selct_one regions »"));
  CHECK(has_line(e, "survey.csv:14:type: end_group sans begin_group correspondant"));
  CHECK(has_line(e, "survey.csv:11:type: begin_repeat « services » jamais fermé"));
  CHECK(has_line(e, "survey.csv:13:constraint: champ « ${nope} » introuvable"));
  CHECK(has_line(e, "survey.csv:16:type: liste de choix « dangers » introuvable"));
  Diagnostics unsupported;
  CHECK_FALSE(import_xlsform_csv("type,name,label\ngeopoint,lieu,Lieu\n", "", "", "x", unsupported));
  CHECK(has_line(rendered(unsupported), "survey.csv:2:type: type « geopoint » non pris en charge"));
  Diagnostics label;
  CHECK_FALSE(import_xlsform_csv("type,name,label::English (en)\ntext,nom,\n", "", "", "x", label));
  CHECK(has_line(rendered(label), "survey.csv:2: champ obligatoire « label »"));
}

TEST_CASE("forms.xlsform: Kobo asset content imports with its translations") {
  Diagnostics errors;
  auto form = import_kobo_content(json::parse(fixture("kobo-content.json")), "asset", errors);
  for (const auto& l : rendered(errors)) MESSAGE(l);
  REQUIRE(form);
  CHECK((*form)["id"] == "rapport_mensuel");
  CHECK((*form)["title"]["fr"] == "Rapport mensuel");
  json untitled = json::parse(fixture("kobo-content.json"));
  untitled["content"]["settings"].erase("form_title");
  Diagnostics e2;
  auto named = import_kobo_content(untitled, "asset", e2);
  REQUIRE(named);
  CHECK((*named)["title"]["fr"] == "Rapport mensuel (exemple fictif)");  // the asset's name
  const json& fields = (*form)["fields"];
  const json* nb = field_named(fields, "nb_cas");  // from $autoname
  REQUIRE(nb);
  CHECK((*nb)["label"]["en"] == "Number of cases reported");
  CHECK((*nb)["constraint_message"]["fr"] == "Le nombre doit être positif");
  CHECK(field_named(fields, "sexe")->at("choices") == "sexes");
  CHECK_FALSE(field_named(fields, "sexe")->contains("required"));
  CHECK(field_named(fields, "code_cas")->at("required") == true);
  Diagnostics perrors;
  auto parsed = parse_form(*form, "", perrors);
  REQUIRE(parsed);
  const json entry = {{"nb_cas", "2"}, {"cas", json::array({json{{"code_cas", "C-01"}}, json{{"code_cas", ""}}})}};
  const Validation v = validate(*parsed, entry, {});
  CHECK(v.values["nb_saisis"] == "2");
  REQUIRE(v.issues.size() == 1);
  CHECK(v.issues[0].field == "cas/1/code_cas");
}

TEST_CASE("forms.xlsform: Kobo errors name survey[i].column") {
  json asset = json::parse(fixture("kobo-content.json"));
  json& survey = asset["content"]["survey"];
  survey[1]["type"] = "selct_one";
  survey[3]["select_from_list_name"] = "sexe_inconnu";
  survey[8]["calculation"] = "count(${cas";
  survey[6]["type"] = "end_group";
  Diagnostics errors;
  CHECK_FALSE(import_kobo_content(asset, "x", errors));
  const auto e = rendered(errors);
  for (const auto& l : e) MESSAGE(l);
  CHECK(has_line(e, "survey[1].type: type inconnu « selct_one »"));
  CHECK(has_line(e, "survey[3].select_from_list_name: liste de choix « sexe_inconnu » introuvable"));
  CHECK(has_line(e, "survey[8].calculation: expression invalide, colonne 7"));
  CHECK(has_line(e, "survey[4].type: begin_repeat « cas » jamais fermé"));
  Diagnostics shape;
  CHECK_FALSE(import_kobo_content(json{{"content", {{"survey", json::array({1})}}}}, "x", shape));
  CHECK(has_line(rendered(shape), "survey[0]: un objet est attendu"));
}
