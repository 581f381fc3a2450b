// Case records of CPIMS+: a child identified at risk, followed by a structure through six steps.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/reader.h"
#include "core/time.h"

namespace kalan {

struct World;

struct CaseRecord {
  std::string id;  // "CAS-0001"
  SimTime identified_at = 0;
  std::string status = "identified";
  std::string child_name;
  int age = -1;           // years; -1 when unknown
  std::string sex;        // "f" or "m"
  std::string location;   // a commune
  std::string organisation;
  std::string reported_by;  // actor id
  std::string summary;
};

struct CasesState {
  std::vector<CaseRecord> records;
  std::int64_t next_number = 1;
};

// A child at risk is reported to a structure: a case record is created in status "identified".
struct ReportCase {
  static constexpr const char* kType = "case.report";
  std::string child_name;
  int age = -1;
  std::string sex;
  std::string location;
  std::string organisation;
  std::string summary;

  static std::optional<ReportCase> parse(ObjectReader& r);
  void write(nlohmann::json& j) const;
  void check_refs(const World& w, const std::string& path, Diagnostics& out) const;
};

// Numbers a new record ("CAS-0001", ...) and files it; for every path that identifies a case
// (case.report, or a report made by SMS). Returns the stored record.
const CaseRecord& file_case(CasesState& cases, CaseRecord record);

nlohmann::json cases_to_json(const CasesState& c);

}  // namespace kalan
