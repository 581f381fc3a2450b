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

// The shape of that view: the keys each object may hold, lists seen through to their elements (as
// condition paths see them). Conditions' paths are checked against it when a scenario loads.
struct StateShape {
  std::map<std::string, StateShape> keys;
  bool open = false;  // any key may follow: a map whose keys are data (form values, contact fields…)
  bool value = false;  // a text, number or boolean was seen here

  // The shape `path` reaches from here; nullptr when path[*bad] is not a key where it is looked for.
  const StateShape* walk(const std::vector<std::string>& path, std::size_t* bad) const;
  // The key closest to `key` for "did you mean": fewest edits, at most about a third of the word
  // (else nothing looks meant and this is empty).
  std::string closest(const std::string& key) const;
};

// The shape of the whole view (a key per section), derived from the view itself on a sample state that
// holds one element in each of its lists: every key the view writes is known, whatever the scenario
// holds at load (no case yet, say). Lists left empty in the sample, and maps keyed by data, stay open.
const StateShape& state_shape();

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
