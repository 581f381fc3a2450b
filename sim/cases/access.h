// Who may see and change which case: roles, scopes (own, group, agency, all) and supervision.
#pragma once
#include <string>

#include "cases/cases.h"

namespace kalan {

struct Actor;
struct State;
struct User;

// The permission of a role, from the scenario's policy ("none" for an unknown role).
const RolePermission& role_permission(const CasesState& cases, const std::string& role);

// True when the user's role may change cases at all.
bool role_may_write(const State& s, const User& u);

// The supervisor who approves for a case: the owner's supervisor, else "" (any supervisor of the
// case's structure may then approve).
std::string case_supervisor(const State& s, const CaseRecord& c);

// True when a provider's structure has a live referral on the case (it may read, never own).
bool receives_referral(const State& s, const CaseRecord& c, const User& u);

// True when the actor may read the case.
bool may_view(const State& s, const Actor& a, const CaseRecord& c);
// True when the actor may change the case (its forms, referrals, transfers...).
bool may_edit(const State& s, const Actor& a, const CaseRecord& c);

}  // namespace kalan
