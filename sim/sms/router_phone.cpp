#include "sms/router_phone.h"

#include <cstdint>

namespace kalan::flows::detail {

namespace {

struct NumberingPlan {
  const char* region;
  const char* calling_code;
  std::uint32_t lengths;        // bit n set: a national number of n digits is possible
  const char* national_prefix;  // trunk prefix dialled inside the country ("" when none)
  const char* idd_prefix;       // prefix for dialling abroad
};

constexpr std::uint32_t L(int a) { return 1u << a; }

// Possible national lengths after the country code, as libphonenumber's metadata states them for
// numbers that are not local-only. Mali's plan is the one Kalan's scenarios use most.
const NumberingPlan kPlans[] = {
    {"ML", "223", L(8), "", "00"},
    {"SN", "221", L(9), "", "00"},
    {"BF", "226", L(8), "", "00"},
    {"CI", "225", L(10), "", "00"},
    {"GN", "224", L(8) | L(9), "", "00"},
    {"NE", "227", L(8), "", "00"},
    {"MR", "222", L(8), "", "00"},
    {"GM", "220", L(7), "", "00"},
    {"GW", "245", L(7) | L(9), "", "00"},
    {"CV", "238", L(7), "", "0"},
    {"LR", "231", L(7) | L(8) | L(9), "0", "00"},
    {"SL", "232", L(8), "0", "00"},
    {"GH", "233", L(9), "0", "00"},
    {"TG", "228", L(8), "", "00"},
    {"BJ", "229", L(8) | L(10), "", "00"},
    {"NG", "234", L(8) | L(10) | L(11) | L(12) | L(13) | L(14), "0", "009"},
    {"CM", "237", L(8) | L(9), "", "00"},
    {"TD", "235", L(8), "", "00"},
    {"CF", "236", L(8), "", "00"},
    {"CG", "242", L(9), "", "00"},
    {"CD", "243", L(7) | L(9), "0", "00"},
    {"GA", "241", L(7) | L(8), "", "00"},
    {"DZ", "213", L(8) | L(9), "0", "00"},
    {"MA", "212", L(9), "0", "00"},
    {"TN", "216", L(8), "", "00"},
    {"EG", "20", L(8) | L(9) | L(10), "0", "00"},
    {"RW", "250", L(8) | L(9), "0", "00"},
    {"KE", "254", L(7) | L(8) | L(9) | L(10), "0", "000"},
    {"UG", "256", L(9), "0", "00"},
    {"TZ", "255", L(9), "0", "00"},
    {"ZA", "27", L(9), "0", "00"},
    {"ZW", "263", L(5) | L(6) | L(7) | L(8) | L(9) | L(10), "0", "00"},
    {"BW", "267", L(7) | L(8) | L(10), "", "00"},
    {"FR", "33", L(9), "0", "00"},
    {"BE", "32", L(8) | L(9), "0", "00"},
    {"CH", "41", L(9) | L(12), "0", "00"},
    {"ES", "34", L(9), "", "00"},
    {"PT", "351", L(9), "", "00"},
    {"IT", "39", L(6) | L(7) | L(8) | L(9) | L(10) | L(11) | L(12), "", "00"},
    {"GB", "44", L(7) | L(9) | L(10), "0", "00"},
    {"US", "1", L(10), "1", "011"},
    {"CA", "1", L(10), "1", "011"},
    {"IN", "91", L(8) | L(9) | L(10) | L(11) | L(12) | L(13), "0", "00"},
    {"ID", "62", L(7) | L(8) | L(9) | L(10) | L(11) | L(12), "0", "00"},
    {"EC", "593", L(8) | L(9) | L(10) | L(11), "0", "00"},
};

const NumberingPlan* plan_for_region(std::string_view region) {
  for (const auto& p : kPlans)
    if (region.size() == 2 && (region[0] & ~0x20) == p.region[0] && (region[1] & ~0x20) == p.region[1]) return &p;
  return nullptr;
}

// The main region of a calling code at the start of `digits` (codes are prefix-free).
const NumberingPlan* plan_for_calling_code(std::string_view digits, size_t& code_len) {
  for (size_t len = 1; len <= 3 && len <= digits.size(); ++len)
    for (const auto& p : kPlans)
      if (digits.substr(0, len) == p.calling_code) {
        code_len = len;
        return &p;
      }
  return nullptr;
}

bool possible(const NumberingPlan& p, std::string_view national) {
  return national.size() < 32 && (p.lengths & (1u << national.size())) != 0;
}
bool too_long(const NumberingPlan& p, std::string_view national) {
  for (size_t n = national.size(); n < 32; ++n)
    if (p.lengths & (1u << n)) return false;
  return true;
}
bool starts_with(std::string_view s, std::string_view prefix) {
  return !prefix.empty() && s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string e164(const NumberingPlan& p, std::string_view national) {
  return std::string("+") + p.calling_code + std::string(national);
}

std::string parse_international(std::string_view digits) {
  size_t code_len = 0;
  const NumberingPlan* p = plan_for_calling_code(digits, code_len);
  if (!p) return "";
  std::string_view national = digits.substr(code_len);
  if (starts_with(national, p->national_prefix) && !possible(*p, national) &&
      possible(*p, national.substr(std::string_view(p->national_prefix).size())))
    national.remove_prefix(std::string_view(p->national_prefix).size());
  return possible(*p, national) ? e164(*p, national) : "";
}

std::string parse_digits(std::string_view digits, bool plus, std::string_view region) {
  if (digits.size() < 2 || digits.size() > 17) return "";
  if (plus) return parse_international(digits);
  const NumberingPlan* p = plan_for_region(region);
  if (!p) return "";
  if (starts_with(digits, p->idd_prefix)) return parse_international(digits.substr(std::string_view(p->idd_prefix).size()));
  std::string_view national = digits;
  // A number written with this country's own calling code but no '+'.
  if (starts_with(national, p->calling_code)) {
    const std::string_view rest = national.substr(std::string_view(p->calling_code).size());
    if ((!possible(*p, national) && possible(*p, rest)) || too_long(*p, national)) national = rest;
  }
  if (starts_with(national, p->national_prefix) && possible(*p, national.substr(std::string_view(p->national_prefix).size())))
    national.remove_prefix(std::string_view(p->national_prefix).size());
  return possible(*p, national) ? e164(*p, national) : "";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool phone_char(char c) { return is_digit(c) || c == ' ' || c == '.' || c == '-' || c == '(' || c == ')'; }

}  // namespace

bool known_phone_region(std::string_view region) { return plan_for_region(region) != nullptr; }

std::string parse_phone_number(std::string_view candidate, std::string_view region) {
  // The candidate must be nothing but an optional '+' and at least 5 digits, spaces, dots, dashes
  // or parentheses once trimmed of spaces.
  while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
  while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
  const bool plus = !candidate.empty() && candidate.front() == '+';
  const std::string_view body = candidate.substr(plus ? 1 : 0);
  if (body.size() < 5) return "";
  std::string digits;
  for (char c : body) {
    if (!phone_char(c)) return "";
    if (is_digit(c)) digits += c;
  }
  std::string found = parse_digits(digits, plus, region);
  // Long enough to hold a country code and not a trunk number: try it as international.
  if (found.empty() && !plus && digits.size() >= 11 && digits[0] != '0') found = parse_digits(digits, true, region);
  return found;
}

std::vector<std::string> find_phone_numbers(std::string_view text, std::string_view region) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    // leftmost run of an optional '+' then 5 or more phone characters
    size_t start = pos, end = pos;
    bool found = false;
    for (; start < text.size() && !found; ++start) {
      const size_t body = start + (text[start] == '+' ? 1 : 0);
      size_t e = body;
      while (e < text.size() && phone_char(text[e])) ++e;
      if (e - body >= 5) {
        end = e;
        found = true;
        break;
      }
    }
    if (!found) break;
    std::string number = parse_phone_number(text.substr(start, end - start), region);
    if (!number.empty()) out.push_back(std::move(number));
    pos = end;
  }
  return out;
}

}  // namespace kalan::flows::detail
