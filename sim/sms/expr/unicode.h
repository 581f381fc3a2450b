// Character classes and case mapping that the expression language needs on top of sms/text.h:
// Go-like white space, "symbol" characters (emoji, currency, math) that goflow treats as words of
// their own, and case mapping extended to the pan-African Latin letters (ɛ, ɔ, ɲ, ŋ, ƴ, ɓ, ɗ),
// Greek and Cyrillic.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kalan::flows::expr {

// White space as Go's unicode.IsSpace sees it.
bool is_space(char32_t c);
// Symbols (Unicode categories Sm, Sc, Sk, So, approximately): "+", "$", "€", "©", "😀", "👍"...
bool is_symbol(char32_t c);
// Letters, digits and marks (beyond ASCII: what is neither space, punctuation nor symbol).
bool is_alnum(char32_t c);
// Characters of a name after @ in a template: letters, digits and '_'.
bool is_name_char(char32_t c);
// Invisible control and format characters removed by clean().
bool is_non_printable(char32_t c);

char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);
std::string upper(std::string_view s);
std::string lower(std::string_view s);
// A text to compare ignoring case with many others: matches(other) is lower(text) == lower(other),
// without allocating when both are ASCII, and lower-casing `text` at most once otherwise.
class FoldKey {
 public:
  explicit FoldKey(std::string_view s);
  bool matches(std::string_view other) const;

 private:
  std::string_view raw_;
  bool ascii_;
  mutable bool lowered_ready_ = false;
  mutable std::string lowered_;
};
// Upper-cases the first letter of each word and lower-cases the rest, where words are separated
// as Go's strings.Title separates them ("jean-pierre o'neil" -> "Jean-Pierre O'Neil").
std::string title(std::string_view s);

// The words of a text as goflow's functions see them: runs of letters, digits, '_' and "'", while
// each symbol (emoji, "+", "$") is a word of its own: "Awa's 2 🐐!" -> {"Awa's", "2", "🐐"}.
std::vector<std::string> words(std::string_view s);
// The pieces of a text split on any of the characters in `delimiters`, without empty pieces.
std::vector<std::string> split_by_chars(std::string_view s, std::string_view delimiters);

// Trims Go-like white space.
std::string trim_space(std::string_view s, bool left = true, bool right = true);
// Trims any of the characters in `chars`.
std::string trim_chars(std::string_view s, std::string_view chars, bool left = true, bool right = true);

}  // namespace kalan::flows::expr
