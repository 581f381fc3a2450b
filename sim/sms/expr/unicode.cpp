#include "sms/expr/unicode.h"

#include "sms/text.h"

namespace kalan::flows::expr {

namespace {

struct Range {
  char32_t lo, hi;
};

template <size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t c) {
  for (const Range& r : ranges)
    if (c >= r.lo && c <= r.hi) return true;
  return false;
}

// Symbols beyond Latin-1 (sorted; close to the Unicode S* categories for the blocks that matter).
const Range kSymbols[] = {
    {0x02C2, 0x02C5}, {0x02D2, 0x02DF}, {0x02E5, 0x02EB}, {0x02ED, 0x02ED}, {0x02EF, 0x02FF},
    {0x0384, 0x0385}, {0x0E3F, 0x0E3F}, {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1}, {0x1FCD, 0x1FCF},
    {0x1FDD, 0x1FDF}, {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE}, {0x2044, 0x2044}, {0x2052, 0x2052},
    {0x207A, 0x207C}, {0x208A, 0x208C}, {0x20A0, 0x20C0}, {0x218A, 0x218B}, {0x2190, 0x2307},
    {0x230C, 0x2328}, {0x232B, 0x23FF}, {0x2400, 0x2426}, {0x2440, 0x244A}, {0x249C, 0x24E9},
    {0x2500, 0x2767}, {0x2794, 0x27C4}, {0x27C7, 0x27E5}, {0x27F0, 0x2982}, {0x2999, 0x29D7},
    {0x29DC, 0x29FB}, {0x29FE, 0x2B73}, {0x2B76, 0x2B95}, {0x2B97, 0x2BFF}, {0x2CE5, 0x2CEA},
    {0x2E80, 0x2E99}, {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5}, {0x2FF0, 0x2FFB}, {0x3004, 0x3004},
    {0x3012, 0x3013}, {0x3020, 0x3020}, {0x3036, 0x3037}, {0x303E, 0x303F}, {0x309B, 0x309C},
    {0x3190, 0x3191}, {0x3196, 0x319F}, {0x31C0, 0x31E3}, {0x3200, 0x321E}, {0x322A, 0x3247},
    {0x3250, 0x3250}, {0x3260, 0x327F}, {0x328A, 0x32B0}, {0x32C0, 0x33FF}, {0x4DC0, 0x4DFF},
    {0xA490, 0xA4C6}, {0xA700, 0xA716}, {0xA720, 0xA721}, {0xA789, 0xA78A}, {0xAA77, 0xAA79},
    {0xAB5B, 0xAB5B}, {0xAB6A, 0xAB6B}, {0xFB29, 0xFB29}, {0xFBB2, 0xFBC1}, {0xFDFC, 0xFDFD},
    {0xFE62, 0xFE62}, {0xFE64, 0xFE66}, {0xFE69, 0xFE69}, {0xFF04, 0xFF04}, {0xFF0B, 0xFF0B},
    {0xFF1C, 0xFF1E}, {0xFF3E, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5C, 0xFF5C}, {0xFF5E, 0xFF5E},
    {0xFFE0, 0xFFE6}, {0xFFE8, 0xFFEE}, {0xFFFC, 0xFFFD}, {0x1D000, 0x1D0F5}, {0x1D100, 0x1D126},
    {0x1D129, 0x1D164}, {0x1EEF0, 0x1EEF1}, {0x1F000, 0x1F0FF}, {0x1F10D, 0x1FAFF},
    {0x1FB00, 0x1FBCA},
};

// Letters inside the Letterlike Symbols block (U+2100..214F); the rest of the block is symbols.
const Range kLetterlike[] = {
    {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D},
    {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2139},
    {0x213C, 0x213F}, {0x2145, 0x2149}, {0x214E, 0x214E},
};

// Control (Cc), format (Cf), private use (Co), surrogate (Cs) and non-characters.
const Range kNonPrintable[] = {
    {0x0000, 0x001F}, {0x007F, 0x009F}, {0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C},
    {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2}, {0x180E, 0x180E},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F}, {0xD800, 0xF8FF},
    {0xFDD0, 0xFDEF}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0xFFFE, 0xFFFF}, {0x110BD, 0x110BD},
    {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
    {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
};

// Pairs of (upper, lower) outside the blocks that sms/text.h maps, and outside regular alternations.
struct Pair {
  char32_t up, low;
};
const Pair kPairs[] = {
    {0x0181, 0x0253}, {0x0186, 0x0254}, {0x0187, 0x0188}, {0x018A, 0x0257}, {0x018B, 0x018C},
    {0x018E, 0x01DD}, {0x018F, 0x0259}, {0x0190, 0x025B}, {0x0191, 0x0192}, {0x0193, 0x0260},
    {0x0194, 0x0263}, {0x0196, 0x0269}, {0x0197, 0x0268}, {0x0198, 0x0199}, {0x019D, 0x0272},
    {0x019F, 0x0275}, {0x01A4, 0x01A5}, {0x01A9, 0x0283}, {0x01AC, 0x01AD}, {0x01B1, 0x028A},
    {0x01B2, 0x028B}, {0x01B3, 0x01B4}, {0x01B5, 0x01B6}, {0x01B7, 0x0292}, {0x01B8, 0x01B9},
    {0x0386, 0x03AC}, {0x0388, 0x03AD}, {0x0389, 0x03AE}, {0x038A, 0x03AF}, {0x038C, 0x03CC},
    {0x038E, 0x03CD}, {0x038F, 0x03CE},
};

// Blocks where upper and lower case alternate: even = upper if `even_upper`.
struct Alternation {
  char32_t lo, hi;
  bool even_upper;
};
const Alternation kAlternations[] = {
    {0x01CD, 0x01DC, false}, {0x01DE, 0x01EF, true}, {0x01F8, 0x021F, true}, {0x0222, 0x0233, true},
    {0x0460, 0x0481, true},  {0x048A, 0x04BF, true}, {0x04D0, 0x04FF, true}, {0x1E00, 0x1E95, true},
    {0x1EA0, 0x1EFF, true},
};

bool ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool is_space(char32_t c) { return text::is_space(c); }

bool is_symbol(char32_t c) {
  if (c < 0x80) return c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~';
  if (c < 0x100)
    return (c >= 0xA2 && c <= 0xA6) || c == 0xA8 || c == 0xA9 || c == 0xAC || c == 0xAE || c == 0xAF || c == 0xB0 ||
           c == 0xB1 || c == 0xB4 || c == 0xB8 || c == 0xD7 || c == 0xF7;
  if (c >= 0x2100 && c <= 0x214F) return !in_ranges(kLetterlike, c);
  return in_ranges(kSymbols, c);
}

bool is_alnum(char32_t c) {
  if (c < 0x80) return ascii_alnum(c);
  if (is_symbol(c) || is_non_printable(c)) return false;
  return text::is_word_char(c);
}

bool is_name_char(char32_t c) { return c == '_' || is_alnum(c); }

bool is_non_printable(char32_t c) { return in_ranges(kNonPrintable, c); }

char32_t to_upper(char32_t c) {
  const char32_t t = text::upper(c);
  if (t != c || c < 0x180) return t;
  for (const Pair& p : kPairs)
    if (p.low == c) return p.up;
  for (const Alternation& a : kAlternations)
    if (c >= a.lo && c <= a.hi) {
      const bool even = c % 2 == 0;
      const bool is_lower = a.even_upper ? !even : even;
      return is_lower ? c - 1 : c;
    }
  if (c >= 0x03B1 && c <= 0x03CB && c != 0x03C2) return c - 0x20;  // Greek
  if (c == 0x03C2) return 0x03A3;                                   // final sigma
  if (c >= 0x0430 && c <= 0x044F) return c - 0x20;                  // Cyrillic
  if (c >= 0x0450 && c <= 0x045F) return c - 0x50;
  if (c >= 0x0561 && c <= 0x0586) return c - 0x30;  // Armenian
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0x20;  // full-width Latin
  return c;
}

char32_t to_lower(char32_t c) {
  const char32_t t = text::lower(c);
  if (t != c || c < 0x180) return t;
  for (const Pair& p : kPairs)
    if (p.up == c) return p.low;
  for (const Alternation& a : kAlternations)
    if (c >= a.lo && c <= a.hi) {
      const bool even = c % 2 == 0;
      const bool is_upper = a.even_upper ? even : !even;
      return is_upper ? c + 1 : c;
    }
  if (c >= 0x0391 && c <= 0x03AB && c != 0x03A2) return c + 0x20;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  if (c >= 0x0400 && c <= 0x040F) return c + 0x50;
  if (c >= 0x0531 && c <= 0x0556) return c + 0x30;
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;
  return c;
}

std::string upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : text::decode_utf8(s)) text::append_utf8(out, to_upper(c));
  return out;
}

namespace {
bool all_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
}  // namespace

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  if (all_ascii(s)) {  // ASCII maps to ASCII, byte by byte
    for (char c : s) out += ascii_lower(c);
    return out;
  }
  for (char32_t c : text::decode_utf8(s)) text::append_utf8(out, to_lower(c));
  return out;
}

// Lower-casing never maps ASCII to non-ASCII or back (invalid bytes become U+FFFD), so an ASCII
// text only ever equals another ASCII text once folded.
FoldKey::FoldKey(std::string_view s) : raw_(s), ascii_(all_ascii(s)) {}

bool FoldKey::matches(std::string_view other) const {
  if (ascii_) {  // a non-ASCII byte in `other` can't match (ascii_lower leaves it >= 0x80)
    if (raw_.size() != other.size()) return false;
    for (size_t i = 0; i < other.size(); ++i)
      if (ascii_lower(raw_[i]) != ascii_lower(other[i])) return false;
    return true;
  }
  if (all_ascii(other)) return false;
  if (!lowered_ready_) {
    lowered_ = lower(raw_);
    lowered_ready_ = true;
  }
  return lower(other) == lowered_;
}

std::string title(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // A word starts after a separator: ASCII other than letters, digits and '_', or any white space.
  bool after_separator = true;
  for (char32_t c : text::decode_utf8(s)) {
    const char32_t l = to_lower(c);
    text::append_utf8(out, after_separator ? to_upper(l) : l);
    if (c < 0x80)
      after_separator = !(ascii_alnum(c) || c == '_');
    else
      after_separator = is_space(c);
  }
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char32_t c : text::decode_utf8(s)) {
    if (c == '_' || c == '\'' || is_alnum(c)) {
      text::append_utf8(cur, c);
      continue;
    }
    if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
    if (is_symbol(c)) {
      std::string sym;
      text::append_utf8(sym, c);
      out.push_back(std::move(sym));
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<std::string> split_by_chars(std::string_view s, std::string_view delimiters) {
  const std::vector<char32_t> delims = text::decode_utf8(delimiters);
  std::vector<std::string> out;
  std::string cur;
  for (char32_t c : text::decode_utf8(s)) {
    bool is_delim = false;
    for (char32_t d : delims) is_delim = is_delim || d == c;
    if (!is_delim) {
      text::append_utf8(cur, c);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

namespace {
template <typename Pred>
std::string trim_if(std::string_view s, bool left, bool right, Pred pred) {
  const std::vector<char32_t> cps = text::decode_utf8(s);
  size_t a = 0, b = cps.size();
  if (left)
    while (a < b && pred(cps[a])) ++a;
  if (right)
    while (b > a && pred(cps[b - 1])) --b;
  std::string out;
  for (size_t i = a; i < b; ++i) text::append_utf8(out, cps[i]);
  return out;
}
}  // namespace

std::string trim_space(std::string_view s, bool left, bool right) {
  return trim_if(s, left, right, [](char32_t c) { return is_space(c); });
}

std::string trim_chars(std::string_view s, std::string_view chars, bool left, bool right) {
  const std::vector<char32_t> set = text::decode_utf8(chars);
  return trim_if(s, left, right, [&set](char32_t c) {
    for (char32_t x : set)
      if (x == c) return true;
    return false;
  });
}

}  // namespace kalan::flows::expr
