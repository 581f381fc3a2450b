// PSEA complaints (seed 004): intake, referral of the survivor to assistance, response to the
// complainant; quarterly indicators by age group and sex.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reporting/reporting.h"

namespace kalan {

struct State;
struct Actor;
struct ApplyResult;

namespace reporting {

inline constexpr SimTime kReferralDeadline = 72 * 3600;   // referred to assistance within 72 h
inline constexpr SimTime kResponseDeadline = 7 * 86400;   // answered within 7 days

ApplyResult complaint_create(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult complaint_refer(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult complaint_respond(State& s, const Actor& a, const nlohmann::json& args);

// "0_5", "6_11", "12_17", "18+" or "inconnu".
std::string age_group(int age);

// One cell of the indicators: a quarter, an age group and a sex ("" = all).
struct PseaRow {
  int year = 0, quarter = 0;
  std::string age_group, sex;
  int complaints = 0;
  int referred_72h = 0;   // referred to assistance at most 72 h after reception
  int answered_7d = 0;    // answered at most 7 days after reception
  double pct_referred() const { return complaints ? 100.0 * referred_72h / complaints : 0.0; }
  double pct_answered() const { return complaints ? 100.0 * answered_7d / complaints : 0.0; }
};

// Per quarter (of the reception date): one row per age group × sex present, then the quarter's total
// (age_group and sex "total"). Boundaries count as within: exactly 72 h, exactly 7 days.
std::vector<PseaRow> psea_indicators(const std::vector<Complaint>& complaints);

}  // namespace reporting
}  // namespace kalan
