// Character classes as RapidPro's router tests see them (an approximation of Unicode general
// categories without tables), and the word tokenizer of its word tests. Internal to the router tests.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kalan::flows::detail {

// The coarse general category of a code point: what RapidPro's word and number rules need.
enum class CharKind { Separator, Letter, Mark, Number, Symbol };
CharKind char_kind(char32_t c);
inline bool is_letter_or_number(char32_t c) {
  const CharKind k = char_kind(c);
  return k == CharKind::Letter || k == CharKind::Number;
}
// Value 0-9 of a decimal digit RapidPro can parse (ASCII, Arabic-Indic, Persian, Bengali), or -1.
int parseable_digit(char32_t c);
// ASCII word character as regular expressions' \w and \b see it: [0-9A-Za-z_].
inline bool is_ascii_word(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
// Simple case folding used for case-insensitive comparisons: Latin (via text.h), Greek and Cyrillic.
char32_t fold_case(char32_t c);

// A token of a text, with its byte span in the original string.
struct Token {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};
// RapidPro's words: runs of letters, marks, numbers, '_' and '\'' form a word; every symbol
// (currency, maths, emoji) is a word of its own; everything else separates words.
// "I don't like it📴" -> {"I", "don't", "like", "it", "📴"}.
std::vector<Token> tokenize(std::string_view s);

// A code point with the byte offset where it starts in its UTF-8 string.
struct CodePoint {
  char32_t c;
  size_t at;
};
// Decodes UTF-8 keeping byte offsets (invalid bytes become U+FFFD of width 1); a sentinel with the
// total length is NOT appended.
std::vector<CodePoint> decode_with_offsets(std::string_view s);
// The same into `out` (replacing its contents), which keeps its buffer: no allocation once grown.
void decode_with_offsets(std::string_view s, std::vector<CodePoint>& out);

}  // namespace kalan::flows::detail
