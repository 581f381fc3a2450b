// Account administration (ToT module 8): an administrator creates, edits and disables the accounts of
// their structure. Also the inbox's "read" mark.
#include "cases/access.h"
#include "cases/handlers.h"
#include "core/state.h"
#include "sms/text.h"

namespace kalan::case_ops {

using nlohmann::json;

namespace {

// The administrator acts within their structure; the trainer and the system anywhere.
bool may_manage(const State& s, const Actor& a, const std::string& org, ApplyResult& refusal, const char* type) {
  if (!a.user) return true;
  if (!role_permission(s.cases, a.user->role).manage_users) {
    refusal = forbidden(a, type);
    return false;
  }
  if (a.user->organisation != org) {
    refusal = ApplyResult::refuse("other_structure", {a.id, org});
    return false;
  }
  return true;
}

bool taken(const World& w, const std::string& id) {
  return id == kTrainer || id == kSystem || w.find_user(id) || w.find_organisation(id) || w.find_service(id) || w.find_location(id) || w.find_contact(id);
}

// Phone, e-mail and supervisor as given; refuses malformed ones before anything changes.
bool read_contact_fields(const State& s, const json& args, User& u, ApplyResult& refusal) {
  if (args.contains("phone")) u.phone = arg(args, "phone");
  if (args.contains("email")) u.email = arg(args, "email");
  if (args.contains("supervisor")) u.supervisor = arg(args, "supervisor");
  if (!u.phone.empty() && !is_valid_phone(u.phone)) refusal = ApplyResult::refuse("bad_phone", {u.phone});
  else if (!u.email.empty() && !is_valid_email(u.email)) refusal = ApplyResult::refuse("bad_email", {u.email});
  else if (!u.phone.empty() && !s.world.owner_of_phone(u.phone).empty() && s.world.owner_of_phone(u.phone) != "user:" + u.id)
    refusal = ApplyResult::refuse("duplicate_id", {u.phone, s.world.owner_of_phone(u.phone)});
  else if (u.supervisor == u.id) refusal = ApplyResult::refuse("unknown_ref", {"@user", u.supervisor});
  else return true;
  return false;
}

json user_json(const User& u) {
  return {{"id", u.id}, {"name", u.name}, {"role", u.role}, {"organisation", u.organisation}, {"active", u.active}};
}

}  // namespace

ApplyResult user_create(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  User u;
  u.id = arg(args, "id");
  u.name = arg(args, "name");
  u.role = arg(args, "role");
  u.organisation = arg(args, "organisation");
  if (u.organisation.empty() && a.user) u.organisation = a.user->organisation;
  if (u.organisation.empty()) return ApplyResult::refuse("missing", {"organisation"});
  if (!s.world.find_organisation(u.organisation)) return ApplyResult::refuse("unknown_ref", {"@organisation", u.organisation});
  if (!may_manage(s, a, u.organisation, refusal, "user.create")) return refusal;
  if (taken(s.world, u.id)) return ApplyResult::refuse("user_exists", {u.id});
  if (!read_contact_fields(s, args, u, refusal)) return refusal;
  s.world.users.push_back(u);
  s.world.reindex();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "user.created", [&] { return user_json(u); });
  return r;
}

ApplyResult user_update(State& s, const Actor& a, const json& args) {
  ApplyResult refusal;
  User* found = s.world.find_user(arg(args, "user"));
  if (!found) return ApplyResult::refuse("unknown_ref", {"@user", arg(args, "user")});
  if (!may_manage(s, a, found->organisation, refusal, "user.update")) return refusal;
  User u = *found;
  if (args.contains("name")) u.name = arg(args, "name");
  if (args.contains("role")) u.role = arg(args, "role");
  if (!read_contact_fields(s, args, u, refusal)) return refusal;
  *found = u;
  s.world.reindex();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "user.updated", [&] { return user_json(u); });
  return r;
}

ApplyResult user_set_active(State& s, const Actor& a, const json& args, bool active) {
  ApplyResult refusal;
  User* found = s.world.find_user(arg(args, "user"));
  if (!found) return ApplyResult::refuse("unknown_ref", {"@user", arg(args, "user")});
  const char* type = active ? "user.enable" : "user.disable";
  if (!may_manage(s, a, found->organisation, refusal, type)) return refusal;
  if (found->id == a.id) return forbidden(a, type);  // nobody locks themselves out
  found->active = active;
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, active ? "user.enabled" : "user.disabled",
         [&] { return json{{"user", found->id}}; });
  return r;
}

ApplyResult alert_read(State& s, const Actor& a, const json& args) {
  const std::int64_t id = args.value("alert", std::int64_t(0));
  for (auto& al : s.cases.alerts) {
    if (al.id != id) continue;
    if (a.user && al.user != a.id) return ApplyResult::refuse("not_your_alert", {std::to_string(id), a.id});
    al.read = true;
    return ApplyResult{};
  }
  return ApplyResult::refuse("unknown_ref", {"@alert", std::to_string(id)});
}

}  // namespace kalan::case_ops

// The service directory ("cartographie des services", seed 001): an administrator adds the services of
// their own structure; the information manager and the coordinator (DRPFEF) any service.
namespace kalan::case_ops {

ApplyResult service_add(State& s, const Actor& a, const json& args) {
  const char* type = "service.add";
  if (!a.may({"administrator", "information_manager", "coordinator"})) return forbidden(a, type);
  Service sv;
  sv.id = arg(args, "id");
  sv.name = arg(args, "name");
  sv.type = arg(args, "service_type");
  sv.organisation = arg(args, "organisation");
  sv.location = arg(args, "location");
  sv.phone = arg(args, "phone");
  sv.email = arg(args, "email");
  if (a.user && a.user->role == "administrator") {
    if (sv.organisation.empty()) sv.organisation = a.user->organisation;
    if (sv.organisation != a.user->organisation) return ApplyResult::refuse("other_structure", {a.id, sv.organisation});
  }
  if (!sv.organisation.empty() && !s.world.find_organisation(sv.organisation))
    return ApplyResult::refuse("unknown_ref", {"@organisation", sv.organisation});
  if (!s.world.find_location(sv.location)) return ApplyResult::refuse("unknown_ref", {"@location", sv.location});
  if (taken(s.world, sv.id)) return ApplyResult::refuse("user_exists", {sv.id});
  if (!is_valid_phone(sv.phone)) return ApplyResult::refuse("bad_phone", {sv.phone});
  if (!sv.email.empty() && !is_valid_email(sv.email)) return ApplyResult::refuse("bad_email", {sv.email});
  for (const Service& other : s.world.services)
    if (other.location == sv.location && text::fold(other.name) == text::fold(sv.name))
      return ApplyResult::refuse("service_duplicate", {sv.name, other.id});
  if (auto it = args.find("hours"); it != args.end()) {
    Diagnostics errors;
    sv.hours = parse_opening_hours(*it, "/hours", errors);
    if (!errors.empty()) return ApplyResult::refuse(errors.front().code, errors.front().args);
  }
  s.world.services.push_back(sv);
  s.world.reindex();
  ApplyResult r;
  r.emit(a.record_events, s.clock.now, "service.added", [&] {
    return json{{"id", sv.id}, {"name", sv.name}, {"service_type", sv.type}, {"organisation", sv.organisation},
                {"location", sv.location}};
  });
  return r;
}

}  // namespace kalan::case_ops
