#include "cases/access.h"

#include "core/apply.h"
#include "core/state.h"

namespace kalan {

const RolePermission& role_permission(const CasesState& cases, const std::string& role) {
  static const RolePermission none;
  auto it = cases.policy.permissions.find(role);
  return it == cases.policy.permissions.end() ? none : it->second;
}

bool role_may_write(const State& s, const User& u) { return role_permission(s.cases, u.role).write; }

std::string case_supervisor(const State& s, const CaseRecord& c) {
  const User* owner = s.world.find_user(c.owner);
  return owner ? owner->supervisor : "";
}

bool receives_referral(const State& s, const CaseRecord& c, const User& u) {
  for (const auto& r : c.referrals) {
    if (r.status == "revoked" || r.status == "rejected") continue;
    if (!r.to_organisation.empty() && r.to_organisation == u.organisation) return true;
  }
  (void)s;
  return false;
}

namespace {

// Cases with no owner yet (identified by SMS) belong to their structure as a whole.
bool in_scope(const State& s, const User& u, const std::string& scope, const CaseRecord& c) {
  if (scope == "all") return true;
  if (scope == "none") return false;
  if (c.owner.empty() || scope == "agency") return c.organisation == u.organisation;
  if (c.owner == u.id) return true;
  if (scope == "group") {
    if (case_supervisor(s, c) == u.id) return true;
    const User* owner = s.world.find_user(c.owner);
    // A supervisor with no named team supervises the workers of their structure without a supervisor.
    return owner && owner->supervisor.empty() && owner->organisation == u.organisation;
  }
  return false;
}

}  // namespace

bool may_view(const State& s, const Actor& a, const CaseRecord& c) {
  if (a.kind != Actor::Kind::user) return true;
  const RolePermission& p = role_permission(s.cases, a.user->role);
  return in_scope(s, *a.user, p.scope, c) || receives_referral(s, c, *a.user);
}

bool may_edit(const State& s, const Actor& a, const CaseRecord& c) {
  if (a.kind != Actor::Kind::user) return true;
  const RolePermission& p = role_permission(s.cases, a.user->role);
  return p.write && in_scope(s, *a.user, p.scope, c);
}

}  // namespace kalan
