// Text helpers shared by the SMS systems: UTF-8 case mapping and accent folding for Latin scripts,
// and word tokenizing as RapidPro's routers and functions see words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kalan::text {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view s);
// Encodes code points as UTF-8.
std::string encode_utf8(const std::vector<char32_t>& cps);
void append_utf8(std::string& out, char32_t cp);
// Number of code points.
size_t utf8_length(std::string_view s);

// Lower/upper case for ASCII, Latin-1 Supplement and Latin Extended-A; other code points unchanged.
char32_t lower(char32_t c);
char32_t upper(char32_t c);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
// The base letter of an accented Latin letter (é -> e, Ç -> C, œ -> oe is NOT done: œ stays); others unchanged.
char32_t strip_accent(char32_t c);
// Lower case without accents: "Jàm" -> "jam". Used for keyword and word matching.
std::string fold(std::string_view s);

// True for code points that belong to words: letters, digits, '_' and any non-punctuation beyond ASCII.
bool is_word_char(char32_t c);
bool is_space(char32_t c);
// The words of a text, in order: "Awa Diallo, 25ans" -> {"Awa", "Diallo", "25ans"}.
std::vector<std::string> words(std::string_view s);
// The text with every invalid UTF-8 sequence replaced by U+FFFD (unchanged when already valid).
std::string sanitize_utf8(std::string_view s);
// Trims Unicode white space at both ends.
std::string trim(std::string_view s);

}  // namespace kalan::text
