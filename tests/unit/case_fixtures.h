// Complete entries of the harmonized forms, for tests that go through approvals: the entries of
// tests/cli/cases-lifecycle.jsonl, dated on the scenario's first day.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace kalan::test {

inline nlohmann::json complete_form(const std::string& form) {
  static const nlohmann::json all = nlohmann::json::parse(R"KALAN(
{
 "1A": {
  "consent_date": "2024-03-04",
  "child_age": "11",
  "language_used": "bam",
  "child_understood": "oui",
  "consent_giver": "parent",
  "consent_giver_name": "Bakary Coulibaly",
  "consent_giver_relationship": "father",
  "child_assent": "oui",
  "consent_services": "oui",
  "consent_sharing": "oui",
  "sharing_services": "health psychosocial",
  "consent_signature": "ATT-signature",
  "case_worker_name": "Fatoumata Kansaye"
 },
 "1C": {
  "assessment_date": "2024-03-04",
  "assessment_place": "home",
  "child_seen": "oui",
  "risks_identified": "child_marriage",
  "immediate_safety_risk": "oui",
  "medical_urgency": "non",
  "risk_level": "high",
  "risk_justification": "Mariage prévu dans deux semaines",
  "supervisor_informed": "oui",
  "case_opened": "oui",
  "case_worker_name": "Fatoumata Kansaye"
 },
 "2A": {
  "assessment_date": "2024-03-04",
  "assessment_places": "home school",
  "people_met": "child caregiver",
  "health_status": "good",
  "school_status": "irregular",
  "education_needs": "Soutien scolaire",
  "distress_signs": "fear",
  "psychosocial_needs": "Écoute",
  "risks_identified": "child_marriage",
  "safety_needs": "Médiation familiale",
  "household_income": "irregular",
  "has_birth_certificate": "oui",
  "housing_status": "stable",
  "caregiver_capacity": "limited",
  "child_views": "Veut rester à l'école",
  "needs_domains": "education psychosocial protection_safety",
  "risk_level": "high",
  "assessment_summary": "Risque élevé de mariage précoce",
  "case_worker_name": "Fatoumata Kansaye"
 },
 "3A": {
  "plan_date": "2024-03-04",
  "plan_developed_with": "case_worker child caregiver",
  "child_participated": "oui",
  "goals": [
   {
    "goal_domain": "protection_safety",
    "goal": "Le mariage est reporté",
    "action": "Médiation avec le père",
    "responsible": "Fatoumata Kansaye",
    "due_date": "2024-03-20"
   },
   {
    "goal_domain": "health",
    "goal": "Bilan de santé",
    "action": "Référencement au CSRéf",
    "responsible": "CSRéf",
    "due_date": "2024-03-15"
   }
  ],
  "follow_up_frequency": "weekly",
  "next_review_date": "2024-04-06",
  "case_worker_name": "Fatoumata Kansaye"
 },
 "5A": {
  "follow_up_date": "2024-03-04",
  "follow_up_type": "home_visit",
  "child_seen": "oui",
  "plan_progress": "on_track",
  "services_received": "oui",
  "child_wellbeing": "improved",
  "new_risks": "non",
  "observations": "Le père accepte de reporter le mariage",
  "actions_needed": "closure_request",
  "next_follow_up_date": "2024-03-12",
  "case_worker_name": "Fatoumata Kansaye"
 },
 "6A": {
  "closure_request_date": "2024-03-04",
  "closure_reason": "goals_achieved",
  "child_safe": "oui",
  "goals_met": "all",
  "risk_level_at_closure": "low",
  "pending_services": "non",
  "child_informed": "oui",
  "closure_summary": "Objectifs atteints",
  "case_worker_name": "Fatoumata Kansaye"
 },
 "6B": {
  "feedback_date": "2024-03-04",
  "interviewer_name": "Moussa Tembely",
  "child_age": "11",
  "without_case_worker": "oui",
  "felt_listened": "yes",
  "treated_respectfully": "yes",
  "understood_decisions": "yes",
  "feels_safe_now": "yes",
  "services_helped": "yes",
  "satisfaction": "satisfied",
  "complaint_raised": "non",
  "supervisor_comment": "Retour positif"
 },
 "6C": {
  "feedback_date": "2024-03-04",
  "interviewer_name": "Moussa Tembely",
  "respondent_name": "Bakary Coulibaly",
  "respondent_relationship": "father",
  "kept_informed": "yes",
  "involved_in_decisions": "partly",
  "treated_respectfully": "yes",
  "services_timely": "yes",
  "child_situation": "improved",
  "able_to_care": "oui",
  "satisfaction": "satisfied",
  "complaint_raised": "non",
  "supervisor_comment": "Famille satisfaite"
 },
 "B1": {
  "reopening_date": "2024-03-04",
  "previous_closure_date": "2024-03-04",
  "reopening_reason": "recurrence",
  "reason_details": "Le mariage est de nouveau prévu",
  "reopening_source": "community_reporter",
  "risks_identified": "child_marriage",
  "risk_level": "high",
  "new_assessment_needed": "oui",
  "case_worker_name": "Fatoumata Kansaye",
  "supervisor_name": "Moussa Tembely"
 }
}
)KALAN");
  return all.at(form);
}

}  // namespace kalan::test
