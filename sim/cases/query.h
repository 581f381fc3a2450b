// The case list of the CPIMS+ workspace: which cases a user sees, filtered and sorted. A pure function
// of the state, so the interface and the benchmark run the same code.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cases/cases.h"
#include "core/apply.h"
#include "core/time.h"

namespace kalan {

struct State;

enum class CaseSort { id, child, age, status, stage, risk, owner, identified, next_deadline };

struct CaseFilter {
  std::string search;  // accent- and case-insensitive, over id, child, place, owner and summary
  std::string status, risk, stage, owner;  // "" = any
  bool overdue_only = false;
  CaseSort sort = CaseSort::id;
  bool descending = false;
};

// The actor a user id (or "trainer") stands for when reading cases.
Actor reader_actor(const State& s, const std::string& id);

// The earliest deadline of a case still ahead or passed, or 0 when none.
SimTime next_deadline(const CaseRecord& c, const CasePolicy& p);

// Indices into s.cases.records of the cases `reader` may view that pass the filter, in sort order.
std::vector<std::size_t> query_cases(const State& s, const Actor& reader, const CaseFilter& f);

}  // namespace kalan
