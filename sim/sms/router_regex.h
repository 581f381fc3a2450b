// Regular expressions for has_pattern, with the syntax and leftmost-first semantics of RE2 (the
// engine RapidPro's flows use). A Thompson/Pike machine over code points: time grows with
// pattern size x input size, never exponentially, and a step budget bounds even that. No locale,
// no std::regex: the same answer natively and in WebAssembly. Internal to the router tests.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kalan::flows::detail {

struct RegexProgram;

class Regex {
 public:
  enum class Find { Match, NoMatch, TooComplex };
  // Compiles an RE2 pattern; on failure returns nullopt and says why in `error`.
  static std::optional<Regex> compile(std::string_view pattern, bool case_insensitive, bool multiline,
                                      std::string& error);
  // Leftmost-first search. On Match, `groups` holds a byte span per group (group 0 = whole match);
  // a group that did not take part is {-1, -1}.
  Find find(std::string_view text, std::vector<std::pair<long, long>>& groups) const;
  // The same search when only whether it matches counts (faster: no groups kept).
  Find test(std::string_view text) const;
  // Number of groups including group 0.
  int group_count() const;

 private:
  Find search(std::string_view text, std::vector<std::pair<long, long>>& groups) const;
  std::shared_ptr<const RegexProgram> prog_;
};

}  // namespace kalan::flows::detail
