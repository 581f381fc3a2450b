#include "sms/router_unicode.h"

#include "sms/text.h"

namespace kalan::flows::detail {

namespace {

struct Range {
  char32_t lo, hi;
  CharKind kind;
};

// Exceptions to the defaults below, sorted by code point. Code points past ASCII that no range
// names are letters (CJK, Thai, Ethiopic, N'Ko, ... are all letters, marks or digits of words).
const Range kRanges[] = {
    {0x80, 0xA1, CharKind::Separator},   // C1 controls, no-break space, ¡
    {0xA2, 0xA6, CharKind::Symbol},      // ¢ £ ¤ ¥ ¦
    {0xA7, 0xA7, CharKind::Separator},   // §
    {0xA8, 0xA9, CharKind::Symbol},      // ¨ ©
    {0xAA, 0xAA, CharKind::Letter},      // ª
    {0xAB, 0xAB, CharKind::Separator},   // «
    {0xAC, 0xAC, CharKind::Symbol},      // ¬
    {0xAD, 0xAD, CharKind::Separator},   // soft hyphen
    {0xAE, 0xB1, CharKind::Symbol},      // ® ¯ ° ±
    {0xB2, 0xB3, CharKind::Number},      // ² ³
    {0xB4, 0xB4, CharKind::Symbol},      // ´
    {0xB5, 0xB5, CharKind::Letter},      // µ
    {0xB6, 0xB7, CharKind::Separator},   // ¶ ·
    {0xB8, 0xB8, CharKind::Symbol},      // ¸
    {0xB9, 0xB9, CharKind::Number},      // ¹
    {0xBA, 0xBA, CharKind::Letter},      // º
    {0xBB, 0xBB, CharKind::Separator},   // »
    {0xBC, 0xBE, CharKind::Number},      // ¼ ½ ¾
    {0xBF, 0xBF, CharKind::Separator},   // ¿
    {0xD7, 0xD7, CharKind::Symbol},      // ×
    {0xF7, 0xF7, CharKind::Symbol},      // ÷
    {0x2C2, 0x2C5, CharKind::Symbol},    // modifier symbols
    {0x2D2, 0x2DF, CharKind::Symbol},
    {0x2E5, 0x2EB, CharKind::Symbol},
    {0x2ED, 0x2ED, CharKind::Symbol},
    {0x2EF, 0x2FF, CharKind::Symbol},
    {0x300, 0x36F, CharKind::Mark},      // combining diacritics
    {0x375, 0x375, CharKind::Symbol},
    {0x37E, 0x37E, CharKind::Separator},  // Greek question mark
    {0x384, 0x385, CharKind::Symbol},
    {0x387, 0x387, CharKind::Separator},
    {0x3F6, 0x3F6, CharKind::Symbol},
    {0x482, 0x482, CharKind::Symbol},
    {0x483, 0x489, CharKind::Mark},
    {0x55A, 0x55F, CharKind::Separator},  // Armenian punctuation
    {0x589, 0x58A, CharKind::Separator},
    {0x591, 0x5BD, CharKind::Mark},       // Hebrew points
    {0x5BE, 0x5BE, CharKind::Separator},
    {0x5C0, 0x5C0, CharKind::Separator},
    {0x5C3, 0x5C3, CharKind::Separator},
    {0x5F3, 0x5F4, CharKind::Separator},
    {0x600, 0x605, CharKind::Separator},  // Arabic format characters
    {0x606, 0x608, CharKind::Symbol},
    {0x609, 0x60A, CharKind::Separator},
    {0x60B, 0x60B, CharKind::Symbol},
    {0x60C, 0x60D, CharKind::Separator},  // Arabic comma
    {0x60E, 0x60F, CharKind::Symbol},
    {0x610, 0x61A, CharKind::Mark},
    {0x61B, 0x61F, CharKind::Separator},  // Arabic semicolon, question mark
    {0x64B, 0x65F, CharKind::Mark},       // harakat
    {0x660, 0x669, CharKind::Number},     // Arabic-Indic digits
    {0x66A, 0x66D, CharKind::Separator},
    {0x670, 0x670, CharKind::Mark},
    {0x6D4, 0x6D4, CharKind::Separator},
    {0x6D6, 0x6DC, CharKind::Mark},
    {0x6DD, 0x6DD, CharKind::Separator},
    {0x6DE, 0x6DE, CharKind::Symbol},
    {0x6DF, 0x6E4, CharKind::Mark},
    {0x6E7, 0x6E8, CharKind::Mark},
    {0x6E9, 0x6E9, CharKind::Symbol},
    {0x6EA, 0x6ED, CharKind::Mark},
    {0x6F0, 0x6F9, CharKind::Number},     // Persian digits
    {0x700, 0x70D, CharKind::Separator},  // Syriac punctuation
    {0x7C0, 0x7C9, CharKind::Number},     // N'Ko digits
    {0x7EB, 0x7F3, CharKind::Mark},       // N'Ko tone marks
    {0x7F6, 0x7F6, CharKind::Symbol},
    {0x7F7, 0x7F9, CharKind::Separator},  // N'Ko punctuation
    {0x900, 0x903, CharKind::Mark},       // Devanagari signs
    {0x93A, 0x94F, CharKind::Mark},
    {0x964, 0x965, CharKind::Separator},  // danda
    {0x966, 0x96F, CharKind::Number},
    {0x9BC, 0x9BC, CharKind::Mark},
    {0x9BE, 0x9CD, CharKind::Mark},
    {0x9E6, 0x9EF, CharKind::Number},     // Bengali digits
    {0x9F2, 0x9F3, CharKind::Symbol},
    {0xE31, 0xE31, CharKind::Mark},       // Thai vowels and tones
    {0xE34, 0xE3A, CharKind::Mark},
    {0xE3F, 0xE3F, CharKind::Symbol},     // baht
    {0xE47, 0xE4E, CharKind::Mark},
    {0xE4F, 0xE4F, CharKind::Separator},
    {0xE50, 0xE59, CharKind::Number},
    {0xE5A, 0xE5B, CharKind::Separator},
    {0x1040, 0x1049, CharKind::Number},   // Myanmar digits
    {0x104A, 0x104F, CharKind::Separator},
    {0x1360, 0x1368, CharKind::Separator},  // Ethiopic punctuation
    {0x1369, 0x137C, CharKind::Number},
    {0x1680, 0x1680, CharKind::Separator},
    {0x17E0, 0x17E9, CharKind::Number},
    {0x1810, 0x1819, CharKind::Number},
    {0x1AB0, 0x1AFF, CharKind::Mark},
    {0x1DC0, 0x1DFF, CharKind::Mark},
    {0x1FBD, 0x1FBD, CharKind::Symbol},   // Greek spacing accents
    {0x1FBF, 0x1FC1, CharKind::Symbol},
    {0x1FCD, 0x1FCF, CharKind::Symbol},
    {0x1FDD, 0x1FDF, CharKind::Symbol},
    {0x1FED, 0x1FEF, CharKind::Symbol},
    {0x1FFD, 0x1FFE, CharKind::Symbol},
    {0x2000, 0x2043, CharKind::Separator},  // spaces, format characters, general punctuation
    {0x2044, 0x2044, CharKind::Symbol},     // fraction slash
    {0x2045, 0x2051, CharKind::Separator},
    {0x2052, 0x2052, CharKind::Symbol},
    {0x2053, 0x206F, CharKind::Separator},
    {0x2070, 0x2070, CharKind::Number},     // superscripts and subscripts
    {0x2071, 0x2071, CharKind::Letter},
    {0x2074, 0x2079, CharKind::Number},
    {0x207A, 0x207C, CharKind::Symbol},
    {0x207D, 0x207E, CharKind::Separator},
    {0x207F, 0x207F, CharKind::Letter},
    {0x2080, 0x2089, CharKind::Number},
    {0x208A, 0x208C, CharKind::Symbol},
    {0x208D, 0x208E, CharKind::Separator},
    {0x20A0, 0x20CF, CharKind::Symbol},     // currency symbols
    {0x20D0, 0x20FF, CharKind::Mark},
    {0x2100, 0x2101, CharKind::Symbol},     // letterlike symbols: mostly symbols, some letters
    {0x2102, 0x2102, CharKind::Letter},
    {0x2103, 0x2106, CharKind::Symbol},
    {0x2107, 0x2107, CharKind::Letter},
    {0x2108, 0x2109, CharKind::Symbol},
    {0x210A, 0x2113, CharKind::Letter},
    {0x2114, 0x2114, CharKind::Symbol},
    {0x2115, 0x2115, CharKind::Letter},
    {0x2116, 0x2118, CharKind::Symbol},
    {0x2119, 0x211D, CharKind::Letter},
    {0x211E, 0x2123, CharKind::Symbol},
    {0x2124, 0x2124, CharKind::Letter},
    {0x2125, 0x2125, CharKind::Symbol},
    {0x2126, 0x2126, CharKind::Letter},
    {0x2127, 0x2127, CharKind::Symbol},
    {0x2128, 0x2128, CharKind::Letter},
    {0x2129, 0x2129, CharKind::Symbol},
    {0x212A, 0x212D, CharKind::Letter},
    {0x212E, 0x212E, CharKind::Symbol},
    {0x212F, 0x2139, CharKind::Letter},
    {0x213A, 0x213B, CharKind::Symbol},
    {0x213C, 0x213F, CharKind::Letter},
    {0x2140, 0x2144, CharKind::Symbol},
    {0x2145, 0x2149, CharKind::Letter},
    {0x214A, 0x214D, CharKind::Symbol},
    {0x214E, 0x214E, CharKind::Letter},
    {0x214F, 0x214F, CharKind::Symbol},
    {0x2150, 0x2189, CharKind::Number},     // number forms
    {0x218A, 0x218B, CharKind::Symbol},
    {0x2190, 0x2307, CharKind::Symbol},     // arrows, maths, technical
    {0x2308, 0x230B, CharKind::Separator},
    {0x230C, 0x2328, CharKind::Symbol},
    {0x2329, 0x232A, CharKind::Separator},
    {0x232B, 0x245F, CharKind::Symbol},
    {0x2460, 0x249B, CharKind::Number},     // circled numbers
    {0x249C, 0x24E9, CharKind::Symbol},
    {0x24EA, 0x24FF, CharKind::Number},
    {0x2500, 0x2767, CharKind::Symbol},     // box drawing, shapes, dingbats
    {0x2768, 0x2775, CharKind::Separator},
    {0x2776, 0x2793, CharKind::Number},
    {0x2794, 0x27C4, CharKind::Symbol},
    {0x27C5, 0x27C6, CharKind::Separator},
    {0x27C7, 0x27E5, CharKind::Symbol},
    {0x27E6, 0x27EF, CharKind::Separator},
    {0x27F0, 0x2982, CharKind::Symbol},
    {0x2983, 0x2998, CharKind::Separator},
    {0x2999, 0x29D7, CharKind::Symbol},
    {0x29D8, 0x29DB, CharKind::Separator},
    {0x29DC, 0x29FB, CharKind::Symbol},
    {0x29FC, 0x29FD, CharKind::Separator},
    {0x29FE, 0x2BFF, CharKind::Symbol},
    {0x2CE5, 0x2CEA, CharKind::Symbol},
    {0x2CF9, 0x2CFF, CharKind::Separator},
    {0x2DE0, 0x2DFF, CharKind::Mark},
    {0x2E00, 0x2E7F, CharKind::Separator},  // supplemental punctuation
    {0x2E80, 0x2FFF, CharKind::Symbol},     // CJK radicals, description characters
    {0x3000, 0x3003, CharKind::Separator},
    {0x3004, 0x3004, CharKind::Symbol},
    {0x3008, 0x3011, CharKind::Separator},
    {0x3012, 0x3013, CharKind::Symbol},
    {0x3014, 0x301F, CharKind::Separator},
    {0x3020, 0x3020, CharKind::Symbol},
    {0x3021, 0x3029, CharKind::Number},
    {0x302A, 0x302F, CharKind::Mark},
    {0x3030, 0x3030, CharKind::Separator},
    {0x3036, 0x3037, CharKind::Symbol},
    {0x303D, 0x303D, CharKind::Separator},
    {0x303E, 0x303F, CharKind::Symbol},
    {0x3099, 0x309A, CharKind::Mark},
    {0x309B, 0x309C, CharKind::Symbol},
    {0x30A0, 0x30A0, CharKind::Separator},
    {0x30FB, 0x30FB, CharKind::Separator},
    {0x3190, 0x3191, CharKind::Symbol},
    {0x3192, 0x3195, CharKind::Number},
    {0x3196, 0x319F, CharKind::Symbol},
    {0x31C0, 0x31E3, CharKind::Symbol},
    {0x3200, 0x321E, CharKind::Symbol},
    {0x3220, 0x3229, CharKind::Number},
    {0x322A, 0x3247, CharKind::Symbol},
    {0x3248, 0x324F, CharKind::Number},
    {0x3250, 0x3250, CharKind::Symbol},
    {0x3251, 0x325F, CharKind::Number},
    {0x3260, 0x327F, CharKind::Symbol},
    {0x3280, 0x3289, CharKind::Number},
    {0x328A, 0x32B0, CharKind::Symbol},
    {0x32B1, 0x32BF, CharKind::Number},
    {0x32C0, 0x33FF, CharKind::Symbol},
    {0x4DC0, 0x4DFF, CharKind::Symbol},     // hexagrams
    {0xA490, 0xA4C6, CharKind::Symbol},
    {0xA4FE, 0xA4FF, CharKind::Separator},
    {0xA60D, 0xA60F, CharKind::Separator},
    {0xA620, 0xA629, CharKind::Number},     // Vai digits
    {0xA66F, 0xA672, CharKind::Mark},
    {0xA673, 0xA673, CharKind::Separator},
    {0xA674, 0xA67D, CharKind::Mark},
    {0xA67E, 0xA67E, CharKind::Separator},
    {0xA700, 0xA716, CharKind::Symbol},
    {0xA720, 0xA721, CharKind::Symbol},
    {0xA789, 0xA78A, CharKind::Symbol},
    {0xA8E0, 0xA8F1, CharKind::Mark},
    {0xD800, 0xF8FF, CharKind::Separator},  // surrogates and private use
    {0xFB29, 0xFB29, CharKind::Symbol},
    {0xFD3E, 0xFD3F, CharKind::Separator},
    {0xFDFC, 0xFDFD, CharKind::Symbol},
    {0xFE00, 0xFE0F, CharKind::Mark},       // variation selectors
    {0xFE10, 0xFE19, CharKind::Separator},
    {0xFE20, 0xFE2F, CharKind::Mark},
    {0xFE30, 0xFE61, CharKind::Separator},
    {0xFE62, 0xFE62, CharKind::Symbol},
    {0xFE63, 0xFE63, CharKind::Separator},
    {0xFE64, 0xFE66, CharKind::Symbol},
    {0xFE67, 0xFE68, CharKind::Separator},
    {0xFE69, 0xFE69, CharKind::Symbol},
    {0xFE6A, 0xFE6F, CharKind::Separator},
    {0xFEFF, 0xFEFF, CharKind::Separator},
    {0xFF00, 0xFF03, CharKind::Separator},  // fullwidth forms mirror ASCII
    {0xFF04, 0xFF04, CharKind::Symbol},
    {0xFF05, 0xFF0A, CharKind::Separator},
    {0xFF0B, 0xFF0B, CharKind::Symbol},
    {0xFF0C, 0xFF0F, CharKind::Separator},
    {0xFF10, 0xFF19, CharKind::Number},
    {0xFF1A, 0xFF1B, CharKind::Separator},
    {0xFF1C, 0xFF1E, CharKind::Symbol},
    {0xFF1F, 0xFF20, CharKind::Separator},
    {0xFF3B, 0xFF3D, CharKind::Separator},
    {0xFF3E, 0xFF3E, CharKind::Symbol},
    {0xFF3F, 0xFF3F, CharKind::Separator},
    {0xFF40, 0xFF40, CharKind::Symbol},
    {0xFF5B, 0xFF5B, CharKind::Separator},
    {0xFF5C, 0xFF5C, CharKind::Symbol},
    {0xFF5D, 0xFF5D, CharKind::Separator},
    {0xFF5E, 0xFF5E, CharKind::Symbol},
    {0xFF5F, 0xFF65, CharKind::Separator},
    {0xFFE0, 0xFFEE, CharKind::Symbol},
    {0xFFF0, 0xFFFB, CharKind::Separator},
    {0xFFFC, 0xFFFD, CharKind::Symbol},
    {0xFFFE, 0xFFFF, CharKind::Separator},
    {0x1D000, 0x1D245, CharKind::Symbol},   // musical symbols
    {0x1D300, 0x1D356, CharKind::Symbol},
    {0x1D360, 0x1D378, CharKind::Number},
    {0x1D7CE, 0x1D7FF, CharKind::Number},   // mathematical digits
    {0x1F000, 0x1F0FF, CharKind::Symbol},   // mahjong, dominoes, cards
    {0x1F100, 0x1F10C, CharKind::Number},
    {0x1F10D, 0x1FAFF, CharKind::Symbol},   // enclosed alphanumerics, emoji, pictographs
    {0x1FB00, 0x1FBEF, CharKind::Symbol},
    {0x1FBF0, 0x1FBF9, CharKind::Number},
    {0xE0000, 0xE007F, CharKind::Separator},  // tags
    {0xE0100, 0xE01EF, CharKind::Mark},       // variation selectors supplement
    {0xF0000, 0x10FFFF, CharKind::Separator},  // private use
};

CharKind ascii_kind(char32_t c) {
  if ((c >= '0' && c <= '9')) return CharKind::Number;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharKind::Letter;
  switch (c) {
    case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
      return CharKind::Symbol;
    default:
      return CharKind::Separator;
  }
}

}  // namespace

CharKind char_kind(char32_t c) {
  if (c < 0x80) return ascii_kind(c);
  // Binary search over the sorted exception ranges.
  size_t lo = 0, hi = sizeof(kRanges) / sizeof(kRanges[0]);
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (kRanges[mid].hi < c) {
      lo = mid + 1;
    } else if (kRanges[mid].lo > c) {
      hi = mid;
    } else {
      return kRanges[mid].kind;
    }
  }
  return CharKind::Letter;
}

int parseable_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x660 && c <= 0x669) return static_cast<int>(c - 0x660);
  if (c >= 0x6F0 && c <= 0x6F9) return static_cast<int>(c - 0x6F0);
  if (c >= 0x9E6 && c <= 0x9EF) return static_cast<int>(c - 0x9E6);
  return -1;
}

char32_t fold_case(char32_t c) {
  if (c < 0x180) return text::lower(c);
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;  // Greek capitals
  if (c == 0x3C2) return 0x3C3;                                  // final sigma
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                  // Cyrillic А-Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                  // Cyrillic Ѐ-Џ
  if (c >= 0x460 && c <= 0x4FF && c != 0x482 && !(c >= 0x483 && c <= 0x489)) {
    // Cyrillic extended pairs: even = capital, odd = small (mostly)
    if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;
    if (c == 0x4C0) return 0x4CF;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x1E00 && c <= 0x1EFF && c != 0x1E9E) return (c % 2 == 0) ? c + 1 : c;  // Vietnamese etc.
  if (c == 0x1E9E) return 0xDF;                                                    // capital sharp s
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;                                  // fullwidth A-Z
  return c;
}

std::vector<CodePoint> decode_with_offsets(std::string_view s) {
  std::vector<CodePoint> out;
  decode_with_offsets(s, out);
  return out;
}

void decode_with_offsets(std::string_view s, std::vector<CodePoint>& out) {
  out.clear();
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back({0xFFFD, i});
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back({0xFFFD, i});
      ++i;
      continue;
    }
    out.push_back({cp, i});
    i += len;
  }
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  const auto cps = decode_with_offsets(s);
  size_t start = 0;
  bool in_word = false;
  auto close = [&](size_t end) {
    if (in_word) out.push_back({std::string(s.substr(start, end - start)), start, end});
    in_word = false;
  };
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i].c;
    const size_t at = cps[i].at;
    const size_t next = i + 1 < cps.size() ? cps[i + 1].at : s.size();
    const CharKind k = char_kind(c);
    const bool word = k == CharKind::Letter || k == CharKind::Mark || k == CharKind::Number || c == '_' || c == '\'';
    if (word) {
      if (!in_word) {
        start = at;
        in_word = true;
      }
    } else {
      close(at);
      if (k == CharKind::Symbol) out.push_back({std::string(s.substr(at, next - at)), at, next});
    }
  }
  close(s.size());
  return out;
}

}  // namespace kalan::flows::detail
