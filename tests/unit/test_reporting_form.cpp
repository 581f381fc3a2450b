// The monthly form (scenarios/reporting/mensuel.json) on the shared forms engine: every constraint
// and relevance rule, with the French messages a focal point sees at the field.
#include <doctest/doctest.h>

#include "reporting_fixture.h"
#include "world/world.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

namespace {

struct FormDesk {
  World world = load_ok(remontee_world_only()).world;
  forms::Validation check(const json& values) {
    world.reindex();
    return reporting::validate_monthly(values, world, forms::EvalContext{});
  }
  // The report with some answers changed has exactly one issue, at `field`, with `code`.
  std::string issue(json changes, const std::string& field, const std::string& code = "constraint") {
    json v = good_report();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
      if (it->is_null()) v.erase(it.key());
      else v[it.key()] = *it;
    }
    const auto r = check(v);
    INFO(forms::issues_to_json(r.issues).dump());
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].field == field);
    CHECK(r.issues[0].code == code);
    return r.issues[0].message.fr;
  }
};

}  // namespace

TEST_CASE("reporting form: a consistent report passes and keeps every figure") {
  FormDesk d;
  const auto r = d.check(good_report());
  INFO(forms::issues_to_json(r.issues).dump());
  CHECK(r.ok());
  CHECK(r.values["nc_total"] == "5");
  CHECK(r.values["vbg_sexuelle"] == "1");
  CHECK(reporting::indicators().size() == 40);
  CHECK(reporting::kobo_key("nc_f_0_5") == "nouveaux_cas/nc_sexe_age/nc_f_0_5");
  CHECK(reporting::kobo_key("structure") == "identification/structure");
}

TEST_CASE("reporting form: the server keeps a report flat, and gives back the same JSON") {
  FormDesk d;
  d.world.reindex();
  const auto as_json = d.check(good_report());
  const auto flat = reporting::validate_monthly(good_report(), d.world, forms::EvalContext{}, forms::Output::texts);
  REQUIRE(flat.ok());
  const ReportValues values(flat.texts);
  CHECK(values.to_json() == as_json.values);
  CHECK(values.text("nc_total") == "5");
  CHECK(values.text("pas_un_champ").empty());
  CHECK(ReportValues::slot_of("pas_un_champ") == -1);
  CHECK(ReportValues::names().size() == as_json.values.size());
  // An empty report (no answers) reads "" everywhere and is an empty object.
  ReportValues none;
  CHECK(none.text("nc_total").empty());
  CHECK(none.to_json() == json::object());
  CHECK(none.set("observations", "à suivre"));
  CHECK_FALSE(none.set("pas_un_champ", "x"));
  CHECK(none.text("observations") == "à suivre");
  CHECK(none.to_json().size() == ReportValues::names().size());
  // The structure checks read the flat answers too.
  json other = good_report();
  other["structure"] = "inconnue";
  const auto bad = reporting::validate_monthly(other, d.world, forms::EvalContext{}, forms::Output::texts);
  REQUIRE(bad.issues.size() == 1);
  CHECK(bad.issues[0].field == "structure");
}

TEST_CASE("reporting form: each total equals the sum of its breakdowns") {
  FormDesk d;
  CHECK(d.issue({{"nc_total", "6"}, {"rq_autre", "2"}}, "nc_total") ==
        "Le total des nouveaux cas doit être égal à la somme des cas par sexe et par tranche d'âge.");
  CHECK(d.issue({{"rq_autre", "2"}}, "rq_autre") ==
        "La somme des nouveaux cas par risque principal doit être égale au total des nouveaux cas.");
  CHECK(d.issue({{"ref_legal", "1"}}, "ref_total") ==
        "Le total des références doit être égal à la somme des références par type de service.");
  CHECK(d.issue({{"vbg_f", "0"}, {"vbg_m", "0"}}, "vbg_total").find("filles + garçons") != std::string::npos);
  CHECK(d.issue({{"vbg_mariage", "1"}}, "vbg_mgf") == "La somme des cas de VBG par type doit être égale au total des cas de VBG.");
}

TEST_CASE("reporting form: closed at most active at start plus new; GBV among the new cases") {
  FormDesk d;
  CHECK(d.issue({{"clos", "10"}}, "clos") ==
        "Les cas clôturés ne peuvent pas dépasser les cas actifs en début de mois plus les nouveaux cas.");
  CHECK(d.check([] { json v = good_report(); v["clos"] = "9"; return v; }()).ok());  // 4 + 5: the boundary holds
  CHECK(d.issue({{"vbg_total", "6"}, {"vbg_f", "6"}, {"vbg_sexuelle", "6"}}, "vbg_total").find("pas plus que le total") !=
        std::string::npos);
}

TEST_CASE("reporting form: counts are non-negative integers, month and year in range") {
  FormDesk d;
  CHECK(d.issue({{"actifs_fin", "-1"}}, "actifs_fin") == "Le nombre doit être un entier positif ou nul.");
  CHECK(d.issue({{"tr_entrants", "1.5"}}, "tr_entrants", "type").size() > 0);
  CHECK(d.issue({{"ref_recues", "deux"}}, "ref_recues", "type").size() > 0);
  CHECK(d.issue({{"month", "13"}}, "month") == "Le mois doit être compris entre 1 et 12.");
  CHECK(d.issue({{"month", "0"}}, "month") == "Le mois doit être compris entre 1 et 12.");
  CHECK(d.issue({{"year", "2019"}}, "year") == "L'année doit être comprise entre 2020 et 2035.");
  CHECK(d.issue({{"clos", nullptr}}, "clos", "required") == "Indiquez un nombre (0 s'il n'y en a pas).");
  CHECK(d.issue({{"structure", nullptr}}, "structure", "required") == "Indiquez la structure.");
}

TEST_CASE("reporting form: the structure and the zone must exist and fit together") {
  FormDesk d;
  CHECK(d.issue({{"structure", "SLPFEF Mopti"}}, "structure").find("Identifiant de structure non valide") == 0);
  CHECK(d.issue({{"structure", "ong-inconnue"}}, "structure") == "la structure « ong-inconnue » n'existe pas");
  CHECK(d.issue({{"region", "mopti-cercle"}}, "region") == "« mopti-cercle » n'est pas une région");
  CHECK(d.issue({{"cercle", "mopti"}}, "cercle") == "« mopti » n'est pas un cercle");
  // A cercle of another region: the world of the test has one region, so add one.
  d.world.locations.push_back({"segou", "Ségou", LocationLevel::region, ""});
  CHECK(d.issue({{"region", "segou"}}, "cercle") == "le cercle « mopti-cercle » n'est pas dans la région « segou »");
}

TEST_CASE("reporting form: relevance hides what does not apply and clears it") {
  FormDesk d;
  json none = good_report();
  for (const char* f : {"nc_total", "ref_total", "vbg_total", "clos", "plan_approuve"}) none[f] = "0";
  // With no new case, the reason is required; the breakdowns are hidden, so not required.
  json v = none;
  const json base = good_report();
  for (auto it = base.begin(); it != base.end(); ++it) {
    const std::string k = it.key();
    if (k.rfind("nc_", 0) == 0 && k != "nc_total") v.erase(k);
    if (k.rfind("rq_", 0) == 0 || (k.rfind("ref_", 0) == 0 && k != "ref_total" && k != "ref_recues")) v.erase(k);
    if (k.rfind("vbg_", 0) == 0 && k != "vbg_total") v.erase(k);
  }
  auto r = d.check(v);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].field == "raison_zero");
  CHECK(r.issues[0].message.fr == "Indiquez pourquoi aucun cas n'a été identifié.");
  v["raison_zero"] = "aucun_signalement";
  r = d.check(v);
  INFO(forms::issues_to_json(r.issues).dump());
  CHECK(r.ok());
  // Hidden answers given anyway are cleared, not counted.
  r = d.check(none);
  CHECK(r.issues.size() == 1);  // only the reason
  CHECK(r.values["nc_f_0_5"] == "");
  CHECK(r.values["ref_health"] == "");
  CHECK(r.values["vbg_sexuelle"] == "");
  // With new cases the reason is not relevant: given anyway, it is cleared.
  json some = good_report();
  some["raison_zero"] = "autre";
  r = d.check(some);
  CHECK(r.ok());
  CHECK(r.values["raison_zero"] == "");
  // A reason that is not a choice.
  v["raison_zero"] = "pluie";
  r = d.check(v);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].code == "choice");
}
