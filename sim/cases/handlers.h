// Shared steps of the case-management handlers (internal to sim/cases).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "cases/cases.h"
#include "core/apply.h"

namespace kalan::case_ops {

// A string argument, or "" when absent.
std::string arg(const nlohmann::json& args, const char* key);

// The case named by args["case"] if the actor may change it and it is not closed or transferred;
// otherwise nullptr, with the refusal in `refusal`.
CaseRecord* editable_case(State& s, const Actor& a, const nlohmann::json& args, ApplyResult& refusal);
// The case if the actor may read it (closed cases included).
CaseRecord* visible_case(State& s, const Actor& a, const nlohmann::json& args, ApplyResult& refusal);
// Refusal unless the case is open or reopened.
bool require_active(const CaseRecord& c, ApplyResult& refusal);

// Appends an audit entry (who, when, what, before, after).
void audit(CaseRecord& c, const State& s, const Actor& a, const char* action, const std::string& target,
           nlohmann::json before, nlohmann::json after);

// The answer of a consent question of form 1A ("oui" / "non" / "").
std::string consent(const CaseRecord& c, const char* field);

// True for roles that can own and follow a case.
bool follows_cases(const std::string& role);

// Handlers, one per command, grouped by file.
ApplyResult case_open(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult case_form_save(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult case_close(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult case_reopen(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult case_assign(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult attachment_add(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult attachment_remove(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult approval_request(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult approval_decide(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult referral_create(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult referral_respond(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult referral_done(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult referral_revoke(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult transfer_create(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult transfer_respond(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult transfer_revoke(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult transfer_request(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult tracing_request(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult tracing_confirm(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult user_create(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult user_update(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult user_set_active(State& s, const Actor& a, const nlohmann::json& args, bool active);
ApplyResult alert_read(State& s, const Actor& a, const nlohmann::json& args);
ApplyResult service_add(State& s, const Actor& a, const nlohmann::json& args);

}  // namespace kalan::case_ops
