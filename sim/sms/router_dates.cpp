#include "sms/router_dates.h"

#include <vector>

namespace kalan::flows::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// ASCII word bytes as \b sees them; bytes of multi-byte characters are never word bytes.
bool is_word_byte(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool boundary_at(std::string_view s, size_t p) {
  const bool a = p > 0 && is_word_byte(s[p - 1]);
  const bool b = p < s.size() && is_word_byte(s[p]);
  return a != b;
}
bool digits_at(std::string_view s, size_t p, size_t n) {
  if (p + n > s.size()) return false;
  for (size_t k = 0; k < n; ++k)
    if (!is_digit(s[p + k])) return false;
  return true;
}
int number_at(std::string_view s, size_t p, size_t n) {
  int v = 0;
  for (size_t k = 0; k < n; ++k) v = v * 10 + (s[p + k] - '0');
  return v;
}
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string_view trim_ascii(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

// Strict ISO 8601 datetime filling the whole text: YYYY-MM-DDTh[h]:mm[:ss[.fff…]](Z|±hh:mm).
std::optional<DateTimeValue> parse_strict_iso(std::string_view s) {
  if (s.size() < 16 || !digits_at(s, 0, 4) || s[4] != '-' || !digits_at(s, 5, 2) || s[7] != '-' ||
      !digits_at(s, 8, 2) || s[10] != 'T')
    return std::nullopt;
  const int year = number_at(s, 0, 4), month = number_at(s, 5, 2), day = number_at(s, 8, 2);
  size_t p = 11;
  size_t hl = digits_at(s, p, 2) ? 2 : digits_at(s, p, 1) ? 1 : 0;
  if (hl == 0) return std::nullopt;
  const int hour = number_at(s, p, hl);
  p += hl;
  if (p >= s.size() || s[p] != ':' || !digits_at(s, p + 1, 2)) return std::nullopt;
  const int minute = number_at(s, p + 1, 2);
  p += 3;
  int second = 0, micros = 0;
  if (p < s.size() && s[p] == ':') {
    if (!digits_at(s, p + 1, 2)) return std::nullopt;
    second = number_at(s, p + 1, 2);
    p += 3;
    if (p + 1 < s.size() && (s[p] == '.' || s[p] == ',') && is_digit(s[p + 1])) {
      ++p;
      int scale = 100000;
      while (p < s.size() && is_digit(s[p])) {
        micros += (s[p] - '0') * scale;
        scale /= 10;
        ++p;
      }
    }
  }
  int offset = 0;
  if (p < s.size() && s[p] == 'Z') {
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-') && digits_at(s, p + 1, 2) && p + 3 < s.size() &&
             s[p + 3] == ':' && digits_at(s, p + 4, 2)) {
    const int oh = number_at(s, p + 1, 2), om = number_at(s, p + 4, 2);
    if (oh > 24 || om > 59) return std::nullopt;
    offset = (s[p] == '-' ? -1 : 1) * (oh * 60 + om);
    p += 6;
  } else {
    return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
      second > 59)
    return std::nullopt;
  DateTimeValue v;
  v.seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
              static_cast<std::int64_t>(offset) * 60;
  v.micros = micros;
  v.offset_minutes = offset;
  return v;
}

struct FoundDate {
  int year, month, day;
  size_t end;
};

// Finds day/month/year groups separated by one of - . \ / _ or space, between word boundaries, in
// leftmost-first order; the first believable one wins. `order` says which group is which.
std::optional<FoundDate> find_env_date(std::string_view s, char order, int current_year) {
  static const std::vector<size_t> one_or_two = {2, 1}, year_lens = {4, 2};
  const std::vector<size_t>* lens[3];
  if (order == 'Y') {
    lens[0] = &year_lens, lens[1] = &one_or_two, lens[2] = &one_or_two;
  } else {
    lens[0] = &one_or_two, lens[1] = &one_or_two, lens[2] = &year_lens;
  }
  auto is_sep = [](char c) { return c == '-' || c == '.' || c == '\\' || c == '/' || c == '_' || c == ' '; };
  size_t pos = 0;
  while (pos < s.size()) {
    // leftmost match at or after pos
    bool matched = false;
    size_t g[3][2] = {};
    size_t end = 0;
    for (size_t start = pos; start < s.size() && !matched; ++start) {
      if (!boundary_at(s, start) || !is_digit(s[start])) continue;
      for (size_t l0 : *lens[0]) {
        if (matched || !digits_at(s, start, l0) || start + l0 >= s.size() || !is_sep(s[start + l0])) continue;
        const size_t p1 = start + l0 + 1;
        for (size_t l1 : *lens[1]) {
          if (matched || !digits_at(s, p1, l1) || p1 + l1 >= s.size() || !is_sep(s[p1 + l1])) continue;
          const size_t p2 = p1 + l1 + 1;
          for (size_t l2 : *lens[2]) {
            if (matched || !digits_at(s, p2, l2) || !boundary_at(s, p2 + l2)) continue;
            g[0][0] = start, g[0][1] = l0, g[1][0] = p1, g[1][1] = l1, g[2][0] = p2, g[2][1] = l2;
            end = p2 + l2;
            matched = true;
          }
        }
      }
    }
    if (!matched) return std::nullopt;
    pos = end;
    const int di = order == 'Y' ? 2 : order == 'M' ? 1 : 0;
    const int mi = order == 'M' ? 0 : 1;
    const int yi = order == 'Y' ? 0 : 2;
    const int day = number_at(s, g[di][0], g[di][1]);
    const int month = number_at(s, g[mi][0], g[mi][1]);
    if (day == 0 || day > 31 || month == 0 || month > 12) continue;
    int year = number_at(s, g[yi][0], g[yi][1]);
    if (g[yi][1] == 2) year += year > current_year % 1000 ? 1900 : 2000;
    return FoundDate{year, month, day, end};
  }
  return std::nullopt;
}

struct TimeMatch {
  size_t end;
  size_t hour_at, hour_len;
  size_t minute_at, second_at;  // npos when absent
  size_t frac_at, frac_len;
  bool has_ampm;
  size_t ampm_at;
};

// Tries the time pattern at `start` in leftmost-first priority: an hour of 1-2 digits, then
// optionally [:]mm[:ss[.fff…]], then any non-word characters, an optional am/pm, and a boundary.
std::optional<TimeMatch> time_at(std::string_view s, size_t start) {
  const size_t npos = std::string_view::npos;
  if (!boundary_at(s, start)) return std::nullopt;
  for (size_t hl : {size_t(2), size_t(1)}) {
    if (!digits_at(s, start, hl)) continue;
    const size_t p = start + hl;
    struct Tail {
      size_t end, minute_at, second_at, frac_at, frac_len;
    };
    std::vector<Tail> tails;
    for (bool colon : {true, false}) {
      if (colon && (p >= s.size() || s[p] != ':')) continue;
      const size_t q = p + (colon ? 1 : 0);
      if (!digits_at(s, q, 2)) continue;
      const size_t m = q + 2;
      if (m < s.size() && s[m] == ':' && digits_at(s, m + 1, 2)) {
        const size_t r = m + 3;
        if (r < s.size() && s[r] == '.' && digits_at(s, r + 1, 1)) {
          size_t fl = 0;
          while (digits_at(s, r + 1 + fl, 1)) ++fl;
          for (size_t k = fl; k >= 1; --k) tails.push_back({r + 1 + k, q, m + 1, r + 1, k});
        }
        tails.push_back({r, q, m + 1, npos, 0});
      }
      tails.push_back({m, q, npos, npos, 0});
    }
    tails.push_back({p, npos, npos, npos, 0});
    for (const Tail& t : tails) {
      size_t w = 0;
      while (t.end + w < s.size() && !is_word_byte(s[t.end + w])) ++w;
      // \W* is greedy: all of it first, then back off (only the empty run can still succeed).
      for (size_t k : {w, size_t(0)}) {
        const size_t a = t.end + k;
        const bool ampm = a + 1 < s.size() && (s[a] == 'a' || s[a] == 'A' || s[a] == 'p' || s[a] == 'P') &&
                          (s[a + 1] == 'm' || s[a + 1] == 'M');
        if (ampm && boundary_at(s, a + 2))
          return TimeMatch{a + 2, start, hl, t.minute_at, t.second_at, t.frac_at, t.frac_len, true, a};
        if (boundary_at(s, a))
          return TimeMatch{a, start, hl, t.minute_at, t.second_at, t.frac_at, t.frac_len, false, 0};
        if (w == 0) break;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

char date_order(std::string_view f) {
  for (char c : f) {
    if (c == 'D' || c == 'd') return 'D';
    if (c == 'M' || c == 'm') return 'M';
    if (c == 'Y' || c == 'y') return 'Y';
  }
  return 0;
}

std::optional<TimeOfDayValue> parse_time_of_day(std::string_view s) {
  const size_t npos = std::string_view::npos;
  size_t pos = 0;
  while (pos < s.size()) {
    std::optional<TimeMatch> m;
    for (size_t start = pos; start < s.size() && !m; ++start)
      if (is_digit(s[start])) m = time_at(s, start);
    if (!m) return std::nullopt;
    pos = m->end;
    TimeOfDayValue t;
    t.hour = number_at(s, m->hour_at, m->hour_len);
    t.minute = m->minute_at != npos ? number_at(s, m->minute_at, 2) : 0;
    t.second = m->second_at != npos ? number_at(s, m->second_at, 2) : 0;
    if (m->has_ampm) {
      const bool pm = s[m->ampm_at] == 'p' || s[m->ampm_at] == 'P';
      if (t.hour < 12 && pm) t.hour += 12;
      else if (t.hour == 12 && !pm) t.hour = 0;
    }
    int nanos = 0;
    if (m->frac_at != npos) {
      int scale = 100000000;
      for (size_t k = 0; k < m->frac_len && k < 9; ++k) {
        nanos += (s[m->frac_at + k] - '0') * scale;
        scale /= 10;
      }
    }
    t.micros = nanos / 1000;
    if (t.hour == 24 && t.minute == 0 && t.second == 0 && nanos == 0) t.hour = 0;
    if (t.hour > 24 || t.minute > 60 || t.second > 60) continue;
    return t;
  }
  return std::nullopt;
}

std::optional<DateTimeValue> parse_datetime(const DateEnv& env, std::string_view text, bool fill_time) {
  const std::string_view s = trim_ascii(text);
  if (auto iso = parse_strict_iso(s)) return iso;

  int year = 0, month = 0, day = 0;
  std::string_view remainder;
  // An ISO date at the very start wins over the environment's order.
  if (s.size() >= 10 && digits_at(s, 0, 4) && s[4] == '-' && digits_at(s, 5, 2) && s[7] == '-' &&
      digits_at(s, 8, 2) && number_at(s, 5, 2) >= 1 && number_at(s, 5, 2) <= 12 && number_at(s, 8, 2) >= 1 &&
      number_at(s, 8, 2) <= days_in_month(number_at(s, 0, 4), number_at(s, 5, 2))) {
    year = number_at(s, 0, 4), month = number_at(s, 5, 2), day = number_at(s, 8, 2);
    remainder = s.substr(10);
  } else {
    if (env.order == 0) return std::nullopt;
    const int current_year = civil_from_days(floor_div(env.now, 86400)).year;
    const auto found = find_env_date(s, env.order, current_year);
    if (!found) return std::nullopt;
    year = found->year, month = found->month, day = found->day;
    remainder = s.substr(found->end);
  }

  TimeOfDayValue tod;
  if (auto t = parse_time_of_day(remainder)) {
    tod = *t;
  } else if (fill_time) {
    const std::int64_t local = env.now + static_cast<std::int64_t>(env.offset_minutes) * 60;
    const std::int64_t secs = local - floor_div(local, 86400) * 86400;
    tod.hour = static_cast<int>(secs / 3600);
    tod.minute = static_cast<int>(secs / 60 % 60);
    tod.second = static_cast<int>(secs % 60);
  }
  // Days past the end of a month roll over into the next (31-02 is 2 or 3 March), as dates do in RapidPro.
  const std::int64_t days = days_from_civil(year, month, 1) + day - 1;
  DateTimeValue v;
  v.seconds = days * 86400 + tod.hour * 3600 + tod.minute * 60 + tod.second -
              static_cast<std::int64_t>(env.offset_minutes) * 60;
  v.micros = tod.micros;
  v.offset_minutes = env.offset_minutes;
  return v;
}

CivilDate local_date(const DateTimeValue& v, int offset_minutes) {
  return civil_from_days(floor_div(v.seconds + static_cast<std::int64_t>(offset_minutes) * 60, 86400));
}

namespace {
void append_padded(std::string& out, long value, int width) {
  std::string digits;
  if (value < 0) value = -value;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + value % 10));
    value /= 10;
  } while (value > 0);
  while (static_cast<int>(digits.size()) < width) digits.insert(digits.begin(), '0');
  out += digits;
}
}  // namespace

std::string format_datetime(const DateTimeValue& v) {
  const std::int64_t local = v.seconds + static_cast<std::int64_t>(v.offset_minutes) * 60;
  const std::int64_t days = floor_div(local, 86400);
  const std::int64_t secs = local - days * 86400;
  const CivilDate d = civil_from_days(days);
  std::string out;
  if (d.year < 0) out += '-';
  append_padded(out, d.year, 4);
  out += '-';
  append_padded(out, d.month, 2);
  out += '-';
  append_padded(out, d.day, 2);
  out += 'T';
  append_padded(out, static_cast<long>(secs / 3600), 2);
  out += ':';
  append_padded(out, static_cast<long>(secs / 60 % 60), 2);
  out += ':';
  append_padded(out, static_cast<long>(secs % 60), 2);
  out += '.';
  append_padded(out, v.micros, 6);
  if (v.offset_minutes == 0) {
    out += 'Z';
  } else {
    out += v.offset_minutes < 0 ? '-' : '+';
    append_padded(out, (v.offset_minutes < 0 ? -v.offset_minutes : v.offset_minutes) / 60, 2);
    out += ':';
    append_padded(out, (v.offset_minutes < 0 ? -v.offset_minutes : v.offset_minutes) % 60, 2);
  }
  return out;
}

std::string format_time_of_day(const TimeOfDayValue& t) {
  std::string out;
  append_padded(out, t.hour, 2);
  out += ':';
  append_padded(out, t.minute, 2);
  out += ':';
  append_padded(out, t.second, 2);
  out += '.';
  append_padded(out, t.micros, 6);
  return out;
}

}  // namespace kalan::flows::detail
