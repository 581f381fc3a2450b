// The world of a scenario: places, organisations, users and their roles, services, community contacts.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diag.h"

namespace kalan {

// Administrative levels of Mali: region > cercle > commune.
enum class LocationLevel { region, cercle, commune };

struct Location {
  std::string id;
  std::string name;
  LocationLevel level = LocationLevel::region;
  std::string parent;  // empty for a region
};

struct Organisation {
  std::string id;
  std::string name;
  std::string kind;      // state, ngo, un, community
  std::string location;  // a Location id
};

struct User {
  std::string id;
  std::string name;
  std::string role;          // one of user_roles()
  std::string organisation;  // an Organisation id
  std::string phone;         // "tel:+223...", may be empty
  std::string email;         // may be empty
  std::string supervisor;    // the user who approves this worker's cases; may be empty
  bool active = true;
};

// Opening hours on some days of the week, in minutes after midnight.
struct OpeningHours {
  std::vector<int> days;  // 0 = Monday ... 6 = Sunday
  int open = 0;
  int close = 0;
};

// An entry of the service directory ("cartographie des services").
struct Service {
  std::string id;
  std::string name;
  std::string type;          // one of service_types()
  std::string organisation;  // may be empty
  std::string location;
  std::string phone;
  std::string email;
  std::vector<OpeningHours> hours;
};

// A community contact: a person known to the SMS platform (RapidPro contact).
struct Contact {
  std::string id;
  std::string name;
  std::string phone;
  std::string location;  // may be empty
  std::string language = "fra";
  std::vector<std::string> groups;
  std::map<std::string, std::string> fields;
};

struct World {
  std::vector<Location> locations;
  std::vector<Organisation> organisations;
  std::vector<User> users;
  std::vector<Service> services;
  std::vector<Contact> contacts;

  const Location* find_location(const std::string& id) const;
  const Organisation* find_organisation(const std::string& id) const;
  const User* find_user(const std::string& id) const;
  User* find_user(const std::string& id) { return const_cast<User*>(std::as_const(*this).find_user(id)); }
  const Service* find_service(const std::string& id) const;
  const Contact* find_contact(const std::string& id) const;
  // The contact or user holding a phone URN, as "contact:<id>" / "user:<id>", or empty.
  std::string owner_of_phone(const std::string& urn) const;
  // Rebuilds the lookup indexes; call after changing any list.
  void reindex();

 private:
  std::map<std::string, size_t> location_index_, organisation_index_, user_index_, service_index_, contact_index_;
  std::map<std::string, std::string> phone_index_;
};

const std::vector<std::string>& user_roles();
const std::vector<std::string>& organisation_kinds();
const std::vector<std::string>& service_types();
const std::vector<std::string>& location_levels();
std::string level_name(LocationLevel level);

// Reads the "world" section, checking every reference; errors go to `out` with their paths.
World parse_world(const nlohmann::json& value, const std::string& path, Diagnostics& out);
// Reads a list of opening hours ({"days": "mon-fri", "open": "08:00", "close": "16:00"}).
std::vector<OpeningHours> parse_opening_hours(const nlohmann::json& list, const std::string& path, Diagnostics& out);
// Canonical JSON form of the world (also its scenario form).
nlohmann::json world_to_json(const World& world);

}  // namespace kalan
