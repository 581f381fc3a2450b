// The JSON view of the state that conditions read: the sections of canonical_state(), rebuilt only
// when a condition needs them, with the case records cached one by one (a world may hold thousands).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kalan {

struct State;

class StateView {
 public:
  // Rebuilds the sections named in `roots`; a case record is rebuilt only when it changed.
  void refresh(const State& s, const std::vector<std::string>& roots);

  // A section ("sms", "world", "cases" without its records, ...); null if not refreshed.
  const nlohmann::json& root(const std::string& name) const;
  // The case records as JSON, and a stamp per record that changes whenever the record is rebuilt.
  const std::vector<nlohmann::json>& records() const { return records_; }
  const std::vector<std::uint64_t>& stamps() const { return stamps_; }

 private:
  std::map<std::string, nlohmann::json> roots_;
  std::vector<nlohmann::json> records_;
  std::vector<std::uint64_t> stamps_;
  std::vector<std::uint64_t> fingerprints_;
  std::uint64_t next_stamp_ = 1;
};

}  // namespace kalan
