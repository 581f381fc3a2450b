#include "world/world.h"

#include <algorithm>
#include <cstdio>

#include "core/reader.h"

namespace kalan {

const std::vector<std::string>& user_roles() {
  static const std::vector<std::string> roles = {"community_reporter", "case_worker",   "supervisor",
                                                 "service_provider",   "administrator", "information_manager",
                                                 "coordinator"};
  return roles;
}

const std::vector<std::string>& organisation_kinds() {
  static const std::vector<std::string> kinds = {"state", "ngo", "un", "community"};
  return kinds;
}

const std::vector<std::string>& service_types() {
  static const std::vector<std::string> types = {"health",    "psychosocial", "legal",       "shelter",
                                                 "socio_economic", "education", "police_justice", "civil_registration",
                                                 "case_management", "family_tracing"};
  return types;
}

const std::vector<std::string>& location_levels() {
  static const std::vector<std::string> levels = {"region", "cercle", "commune"};
  return levels;
}

std::string level_name(LocationLevel level) { return location_levels()[static_cast<size_t>(level)]; }

namespace {

template <class T>
const T* find_in(const std::vector<T>& items, const std::map<std::string, size_t>& index, const std::string& id) {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <class T>
void build_index(const std::vector<T>& items, std::map<std::string, size_t>& index) {
  index.clear();
  for (size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
}

const std::vector<std::string> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int day_index(const std::string& d) {
  const auto it = std::find(kDays.begin(), kDays.end(), d);
  return it == kDays.end() ? -1 : static_cast<int>(it - kDays.begin());
}

std::optional<int> parse_clock(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buf;
}

// Reads "mon-fri", "sat" or ["mon", "wed"] into day indexes.
std::optional<std::vector<int>> parse_days(const nlohmann::json& v, const std::string& path, Diagnostics& out) {
  std::vector<int> days;
  auto bad = [&](const std::string& text) {
    add_error(out, path, "unknown_value", {"@day", text, join_list(kDays) + " (mon-fri)"});
  };
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    const auto dash = s.find('-');
    if (dash == std::string::npos) {
      const int d = day_index(s);
      if (d < 0) return bad(s), std::nullopt;
      days.push_back(d);
    } else {
      const int a = day_index(s.substr(0, dash)), b = day_index(s.substr(dash + 1));
      if (a < 0 || b < 0 || a > b) return bad(s), std::nullopt;
      for (int d = a; d <= b; ++d) days.push_back(d);
    }
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      const int d = v[i].is_string() ? day_index(v[i].get<std::string>()) : -1;
      if (d < 0) {
        add_error(out, path_join(path, i), "unknown_value", {"@day", v[i].is_string() ? v[i].get<std::string>() : v[i].dump(), join_list(kDays)});
        return std::nullopt;
      }
      days.push_back(d);
    }
  } else {
    add_error(out, path, "type_string", {json_type_name(v)});
    return std::nullopt;
  }
  return days;
}

// Records an id and reports a duplicate with the path of its first use.
void check_unique(std::map<std::string, std::string>& seen, const std::optional<std::string>& id,
                  const std::string& path, Diagnostics& out) {
  if (!id) return;
  const auto [it, fresh] = seen.emplace(*id, path);
  if (!fresh) add_error(out, path, "duplicate_id", {*id, it->second});
}

template <class F>
void each_item(ObjectReader& r, const std::string& key, F&& f) {
  const nlohmann::json* list = r.array(key, false);
  if (!list) return;
  for (size_t i = 0; i < list->size(); ++i) f((*list)[i], path_join(r.path_of(key), i));
}

// Reads every object of a world list: its unique id and name, then the fields `read` takes.
template <class T, class F>
void each_entity(ObjectReader& r, const std::string& key, std::map<std::string, std::string>& seen,
                 std::vector<T>& into, Diagnostics& out, F&& read) {
  each_item(r, key, [&](const nlohmann::json& item, const std::string& p) {
    ObjectReader o(item, p, out);
    if (!o.is_object()) return;
    T entity;
    auto id = o.id("id");
    check_unique(seen, id, p + "/id", out);
    entity.id = id.value_or("");
    entity.name = o.string("name").value_or("");
    read(o, entity);
    o.reject_unknown_keys();
    into.push_back(std::move(entity));
  });
}

std::string optional_phone(ObjectReader& r, bool required) {
  auto phone = r.string("phone", required);
  if (phone && !is_valid_phone(*phone)) {
    r.error("phone", "bad_phone", {*phone});
    return {};
  }
  return phone.value_or("");
}

std::string optional_email(ObjectReader& r) {
  auto email = r.string("email", false);
  if (email && !is_valid_email(*email)) {
    r.error("email", "bad_email", {*email});
    return {};
  }
  return email.value_or("");
}

}  // namespace

const Location* World::find_location(const std::string& id) const { return find_in(locations, location_index_, id); }
const Organisation* World::find_organisation(const std::string& id) const {
  return find_in(organisations, organisation_index_, id);
}
const User* World::find_user(const std::string& id) const { return find_in(users, user_index_, id); }
const Service* World::find_service(const std::string& id) const { return find_in(services, service_index_, id); }
const Contact* World::find_contact(const std::string& id) const { return find_in(contacts, contact_index_, id); }

std::string World::owner_of_phone(const std::string& urn) const {
  const auto it = phone_index_.find(urn);
  return it == phone_index_.end() ? std::string() : it->second;
}

void World::reindex() {
  build_index(locations, location_index_);
  build_index(organisations, organisation_index_);
  build_index(users, user_index_);
  build_index(services, service_index_);
  build_index(contacts, contact_index_);
  phone_index_.clear();
  for (const auto& c : contacts)
    if (!c.phone.empty()) phone_index_.emplace(c.phone, "contact:" + c.id);
  for (const auto& u : users)
    if (!u.phone.empty()) phone_index_.emplace(u.phone, "user:" + u.id);
}

std::vector<OpeningHours> parse_opening_hours(const nlohmann::json& list, const std::string& path, Diagnostics& out) {
  std::vector<OpeningHours> result;
  if (!list.is_array()) {
    add_error(out, path, "type_array", {json_type_name(list)});
    return result;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    ObjectReader hr(list[i], path_join(path, i), out);
    if (!hr.is_object()) continue;
    OpeningHours oh;
    if (const auto* d = hr.required("days")) oh.days = parse_days(*d, hr.path_of("days"), out).value_or(std::vector<int>{});
    auto from = hr.string("open"), to = hr.string("close");
    const int a = from ? parse_clock(*from).value_or(-1) : -1;
    const int b = to ? parse_clock(*to).value_or(-1) : -1;
    if (from && a < 0) hr.error("open", "bad_clock_time", {*from});
    if (to && b < 0) hr.error("close", "bad_clock_time", {*to});
    if (a >= 0 && b >= 0 && a >= b) hr.error("close", "hours_order", {*from, *to});
    oh.open = std::max(a, 0);
    oh.close = std::max(b, 0);
    hr.reject_unknown_keys();
    result.push_back(std::move(oh));
  }
  return result;
}

World parse_world(const nlohmann::json& value, const std::string& path, Diagnostics& out) {
  World w;
  ObjectReader r(value, path, out);
  if (!r.is_object()) return w;
  std::map<std::string, std::string> seen;  // ids are unique across the whole world

  each_entity(r, "locations", seen, w.locations, out, [&](ObjectReader& o, Location& l) {
    auto level = o.one_of("level", location_levels(), "@level");
    if (level) l.level = static_cast<LocationLevel>(std::find(location_levels().begin(), location_levels().end(), *level) - location_levels().begin());
    l.parent = o.id("parent", level && *level != "region").value_or("");
    if (level && *level == "region" && o.has("parent")) o.error("parent", "parent_forbidden");
  });
  each_entity(r, "organisations", seen, w.organisations, out, [&](ObjectReader& o, Organisation& org) {
    org.kind = o.one_of("kind", organisation_kinds(), "@org_kind").value_or("");
    org.location = o.id("location").value_or("");
  });
  each_entity(r, "users", seen, w.users, out, [&](ObjectReader& o, User& u) {
    u.role = o.one_of("role", user_roles(), "@role").value_or("");
    u.organisation = o.id("organisation").value_or("");
    u.phone = optional_phone(o, false);
    u.email = optional_email(o);
    u.supervisor = o.id("supervisor", false).value_or("");
    u.active = o.boolean("active", false).value_or(true);
  });
  each_entity(r, "services", seen, w.services, out, [&](ObjectReader& o, Service& s) {
    s.type = o.one_of("type", service_types(), "@service_type").value_or("");
    s.organisation = o.id("organisation", false).value_or("");
    s.location = o.id("location").value_or("");
    s.phone = optional_phone(o, true);
    s.email = optional_email(o);
    if (const nlohmann::json* hours = o.array("hours", false)) s.hours = parse_opening_hours(*hours, o.path_of("hours"), out);
  });
  each_entity(r, "contacts", seen, w.contacts, out, [&](ObjectReader& o, Contact& c) {
    c.phone = optional_phone(o, true);
    c.location = o.id("location", false).value_or("");
    c.language = o.one_of("language", {"fra", "eng", "bam", "ful", "wol"}, "@language", false).value_or("fra");
    c.groups = o.strings("groups", false).value_or(std::vector<std::string>{});
    if (const auto* f = o.object("fields", false)) {
      for (auto it = f->begin(); it != f->end(); ++it) {
        if (it->is_string()) c.fields[it.key()] = it->get<std::string>();
        else add_error(out, path_join(o.path_of("fields"), it.key()), "type_string", {json_type_name(*it)});
      }
    }
  });
  r.reject_unknown_keys();
  w.reindex();

  // References, checked once every list is known so that order in the file does not matter.
  // A phone is unique among users and among contacts (a reporter is often both).
  std::map<std::string, std::string> user_phones, contact_phones;
  for (size_t i = 0; i < w.locations.size(); ++i) {
    const Location& l = w.locations[i];
    if (l.parent.empty()) continue;
    const std::string p = path_join(path_join(path + "/locations", i), "parent");
    const Location* parent = w.find_location(l.parent);
    if (!parent) {
      add_error(out, p, "unknown_ref", {"@parent_location", l.parent});
    } else if (static_cast<int>(parent->level) != static_cast<int>(l.level) - 1) {
      const std::string want = l.level == LocationLevel::cercle ? "@region" : "@cercle";
      add_error(out, p, "bad_parent", {"@" + level_name(l.level), want, parent->id, "@" + level_name(parent->level)});
    }
  }
  auto check_location = [&](const std::string& id, const std::string& p) {
    if (!id.empty() && !w.find_location(id)) add_error(out, p, "unknown_ref", {"@location", id});
  };
  auto check_org = [&](const std::string& id, const std::string& p) {
    if (!id.empty() && !w.find_organisation(id)) add_error(out, p, "unknown_ref", {"@organisation", id});
  };
  auto check_phone = [&](std::map<std::string, std::string>& phones, const std::string& phone, const std::string& p) {
    if (phone.empty()) return;
    const auto [it, fresh] = phones.emplace(phone, p);
    if (!fresh) add_error(out, p, "duplicate_id", {phone, it->second});
  };
  for (size_t i = 0; i < w.organisations.size(); ++i)
    check_location(w.organisations[i].location, path_join(path_join(path + "/organisations", i), "location"));
  for (size_t i = 0; i < w.users.size(); ++i) {
    const std::string p = path_join(path + "/users", i);
    check_org(w.users[i].organisation, p + "/organisation");
    check_phone(user_phones, w.users[i].phone, p + "/phone");
    const std::string& sup = w.users[i].supervisor;
    if (!sup.empty() && !w.find_user(sup)) add_error(out, p + "/supervisor", "unknown_ref", {"@user", sup});
  }
  for (size_t i = 0; i < w.services.size(); ++i) {
    const std::string p = path_join(path + "/services", i);
    check_org(w.services[i].organisation, p + "/organisation");
    check_location(w.services[i].location, p + "/location");
  }
  for (size_t i = 0; i < w.contacts.size(); ++i) {
    const std::string p = path_join(path + "/contacts", i);
    check_location(w.contacts[i].location, p + "/location");
    check_phone(contact_phones, w.contacts[i].phone, p + "/phone");
  }
  return w;
}

nlohmann::json world_to_json(const World& w) {
  using nlohmann::json;
  json out = json::object();
  json& locations = out["locations"] = json::array();
  for (const auto& l : w.locations) {
    json j = {{"id", l.id}, {"name", l.name}, {"level", level_name(l.level)}};
    if (!l.parent.empty()) j["parent"] = l.parent;
    locations.push_back(std::move(j));
  }
  json& orgs = out["organisations"] = json::array();
  for (const auto& o : w.organisations)
    orgs.push_back({{"id", o.id}, {"name", o.name}, {"kind", o.kind}, {"location", o.location}});
  json& users = out["users"] = json::array();
  for (const auto& u : w.users) {
    json j = {{"id", u.id}, {"name", u.name}, {"role", u.role}, {"organisation", u.organisation}, {"active", u.active}};
    if (!u.phone.empty()) j["phone"] = u.phone;
    if (!u.email.empty()) j["email"] = u.email;
    if (!u.supervisor.empty()) j["supervisor"] = u.supervisor;
    users.push_back(std::move(j));
  }
  json& services = out["services"] = json::array();
  for (const auto& s : w.services) {
    json j = {{"id", s.id}, {"name", s.name}, {"type", s.type}, {"location", s.location}, {"phone", s.phone}};
    if (!s.organisation.empty()) j["organisation"] = s.organisation;
    if (!s.email.empty()) j["email"] = s.email;
    json hours = json::array();
    for (const auto& h : s.hours) {
      json days = json::array();
      for (int d : h.days) days.push_back(kDays[static_cast<size_t>(d)]);
      hours.push_back({{"days", days}, {"open", format_clock(h.open)}, {"close", format_clock(h.close)}});
    }
    j["hours"] = std::move(hours);
    services.push_back(std::move(j));
  }
  json& contacts = out["contacts"] = json::array();
  for (const auto& c : w.contacts) {
    json j = {{"id", c.id}, {"name", c.name}, {"phone", c.phone}, {"language", c.language}, {"groups", c.groups}};
    if (!c.location.empty()) j["location"] = c.location;
    j["fields"] = json::object();
    for (const auto& [k, v] : c.fields) j["fields"][k] = v;
    contacts.push_back(std::move(j));
  }
  return out;
}

}  // namespace kalan
