// Family tracing for separated and unaccompanied children: requests and their potential matches.
#pragma once
#include <string>
#include <vector>

#include "cases/cases.h"

namespace kalan {

struct World;

struct TracingMatch {
  std::string case_id;
  double score = 0;  // 0..1: name 0.4, age 0.2, sex 0.2, place 0.2
};

// Cases that may be the child a request looks for, best first: a name in common and score >= 0.5.
std::vector<TracingMatch> tracing_matches(const CasesState& cases, const World& w, const TracingRequest& t);
double tracing_score(const World& w, const TracingRequest& t, const CaseRecord& c);

}  // namespace kalan
