// Shared fixtures for the reporting tests: the 2024 Mopti scenario and a valid monthly report.
#pragma once
#include <string>

#include "helpers.h"
#include "reporting/monthly.h"

namespace kalan::test {

inline const char* kRemontee = "remontee-mensuelle-2024-mopti.json";

// The 2024 scenario without its simulated year (a world to validate against, fast to build).
inline nlohmann::json remontee_world_only() {
  nlohmann::json j = scenario_json(kRemontee);
  j.erase("reporting");
  return j;
}

// The 2024 scenario's state at its start: the simulated year and the reports received (built once).
inline const State& year_2024() {
  static const State s = initial_state(load_ok(scenario_json(kRemontee)));
  return s;
}

// A consistent report of slpfef-mopti for March 2024: 5 new cases, 2 referrals, 1 child GBV case.
inline nlohmann::json good_report() {
  return {{"structure", "slpfef-mopti"}, {"region", "mopti"}, {"cercle", "mopti-cercle"}, {"month", "3"}, {"year", "2024"},
          {"actifs_debut", "4"}, {"nc_total", "5"},
          {"nc_f_0_5", "1"}, {"nc_f_6_11", "1"}, {"nc_f_12_17", "1"}, {"nc_m_0_5", "0"}, {"nc_m_6_11", "1"}, {"nc_m_12_17", "1"},
          {"rq_violence", "1"}, {"rq_sexuelle", "1"}, {"rq_negligence", "0"}, {"rq_esna", "1"}, {"rq_eafgas", "0"},
          {"rq_travail", "1"}, {"rq_mariage_mgf", "0"}, {"rq_autre", "1"},
          {"plan_approuve", "2"}, {"ref_total", "2"},
          {"ref_health", "1"}, {"ref_psychosocial", "1"}, {"ref_legal", "0"}, {"ref_shelter", "0"}, {"ref_socio_economic", "0"},
          {"ref_education", "0"}, {"ref_police_justice", "0"}, {"ref_civil_registration", "0"}, {"ref_case_management", "0"},
          {"ref_family_tracing", "0"},
          {"ref_recues", "1"}, {"tr_entrants", "0"}, {"tr_sortants", "0"}, {"clos", "2"}, {"actifs_fin", "7"},
          {"vbg_total", "1"}, {"vbg_f", "1"}, {"vbg_m", "0"}, {"vbg_sexuelle", "1"}, {"vbg_exploitation", "0"},
          {"vbg_mariage", "0"}, {"vbg_mgf", "0"}};
}

}  // namespace kalan::test
