#include "sms/expr/dates.h"

#include <vector>

#include "core/time.h"
#include "sms/expr/value.h"
#include "sms/text.h"

namespace kalan::flows::expr {

namespace {

constexpr std::int64_t kNanosPerSecond = 1000000000;
// Keeps dates inside what core/time.h's int-based calendar handles.
constexpr std::int64_t kMaxYear = 1000000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

void put(std::string& out, std::int64_t v, int width) { put_digits(out, v, width); }

int read_int(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; ++i) v = v * 10 + (s[pos + i] - '0');
  return v;
}

bool digits_at(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = 0; i < n; ++i)
    if (!is_digit(s[pos + i])) return false;
  return true;
}

// Word boundary between s[x-1] and s[x] (ASCII word characters, like Go's \b).
bool boundary(std::string_view s, size_t x) {
  const bool before = x > 0 && is_word_byte(s[x - 1]);
  const bool after = x < s.size() && is_word_byte(s[x]);
  return before != after;
}

std::int64_t clamp_year(std::int64_t y) { return y < -kMaxYear ? -kMaxYear : (y > kMaxYear ? kMaxYear : y); }

// Order of day, month and year in the environment's date format.
enum class DateOrder { dmy, mdy, ymd };
DateOrder order_of(const std::string& fmt) {
  const size_t y = fmt.find('Y'), m = fmt.find('M'), d = fmt.find('D');
  if (y != std::string::npos && (m == std::string::npos || y < m) && (d == std::string::npos || y < d))
    return DateOrder::ymd;
  if (m != std::string::npos && d != std::string::npos && m < d) return DateOrder::mdy;
  return DateOrder::dmy;
}

bool is_date_sep(char c) { return c == '-' || c == '.' || c == '\\' || c == '/' || c == '_' || c == ' '; }

// Finds "g1 sep g2 sep g3" at `i`, trying the digit counts in order (like a greedy regular
// expression); returns the end of the match or npos, with the numbers and the digit counts.
size_t match_date_at(std::string_view s, size_t i, const std::vector<int>& l1, const std::vector<int>& l2,
                     const std::vector<int>& l3, int (&v)[3], int (&len)[3]) {
  if (!boundary(s, i)) return std::string_view::npos;
  for (int n1 : l1) {
    if (!digits_at(s, i, static_cast<size_t>(n1))) continue;
    size_t p = i + static_cast<size_t>(n1);
    if (p >= s.size() || !is_date_sep(s[p])) continue;
    ++p;
    for (int n2 : l2) {
      if (!digits_at(s, p, static_cast<size_t>(n2))) continue;
      size_t q = p + static_cast<size_t>(n2);
      if (q >= s.size() || !is_date_sep(s[q])) continue;
      ++q;
      for (int n3 : l3) {
        if (!digits_at(s, q, static_cast<size_t>(n3))) continue;
        const size_t end = q + static_cast<size_t>(n3);
        if (!boundary(s, end)) continue;
        v[0] = read_int(s, i, static_cast<size_t>(n1));
        v[1] = read_int(s, p, static_cast<size_t>(n2));
        v[2] = read_int(s, q, static_cast<size_t>(n3));
        len[0] = n1;
        len[1] = n2;
        len[2] = n3;
        return end;
      }
    }
  }
  return std::string_view::npos;
}

// A date in the environment's order somewhere in `s`; `rest` gets what follows it.
bool find_date(std::string_view s, DateOrder order, std::int64_t current_year, std::int64_t& days,
               std::string_view& rest) {
  static const std::vector<int> one_two = {2, 1}, year = {4, 2};
  size_t pos = 0;
  while (pos < s.size()) {
    size_t found = std::string_view::npos;
    int v[3] = {0, 0, 0}, len[3] = {0, 0, 0};
    for (size_t i = pos; i < s.size() && found == std::string_view::npos; ++i) {
      if (!is_digit(s[i])) continue;
      if (order == DateOrder::ymd)
        found = match_date_at(s, i, year, one_two, one_two, v, len);
      else
        found = match_date_at(s, i, one_two, one_two, year, v, len);
    }
    if (found == std::string_view::npos) return false;
    int day, month, y, ylen;
    if (order == DateOrder::dmy) {
      day = v[0], month = v[1], y = v[2], ylen = len[2];
    } else if (order == DateOrder::mdy) {
      month = v[0], day = v[1], y = v[2], ylen = len[2];
    } else {
      y = v[0], month = v[1], day = v[2], ylen = len[0];
    }
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      std::int64_t full = y;
      // Two-digit years: the past century if beyond the current year's last digits (goflow's rule).
      if (ylen == 2) full += y > current_year % 1000 ? 1900 : 2000;
      days = days_from_parts(full, month, day);
      rest = s.substr(found);
      return true;
    }
    pos = found;  // matches don't overlap: look after this one
  }
  return false;
}

struct TimeMatch {
  size_t end = 0;
  int hour = 0, minute = 0, second = 0;
  std::string frac;
  std::string ampm;
};

// The optional am/pm and the final word boundary, after skipping non-word characters.
bool match_time_tail(std::string_view s, size_t pos, TimeMatch& m) {
  size_t w = 0;
  while (pos + w < s.size() && !is_word_byte(s[pos + w])) ++w;
  for (size_t j = w + 1; j-- > 0;) {
    const size_t p = pos + j;
    if (p + 2 <= s.size()) {
      const char a = s[p], b = s[p + 1];
      if ((a == 'a' || a == 'A' || a == 'p' || a == 'P') && (b == 'm' || b == 'M') && boundary(s, p + 2)) {
        m.ampm = std::string(s.substr(p, 2));
        m.end = p + 2;
        return true;
      }
    }
    if (boundary(s, p)) {
      m.ampm.clear();
      m.end = p;
      return true;
    }
  }
  return false;
}

// \b(\d{1,2})(?:(?::)?(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\W*([aApP][mM])?\b at position i.
bool match_time_at(std::string_view s, size_t i, TimeMatch& m) {
  if (!boundary(s, i)) return false;
  for (int n1 = 2; n1 >= 1; --n1) {
    if (!digits_at(s, i, static_cast<size_t>(n1))) continue;
    const size_t p = i + static_cast<size_t>(n1);
    m.hour = read_int(s, i, static_cast<size_t>(n1));
    // with minutes (colon optional), then without
    for (int colon = 1; colon >= 0; --colon) {
      size_t q = p;
      if (colon) {
        if (q >= s.size() || s[q] != ':') continue;
        ++q;
      }
      if (!digits_at(s, q, 2)) continue;
      m.minute = read_int(s, q, 2);
      q += 2;
      // with seconds
      if (q + 3 <= s.size() && s[q] == ':' && digits_at(s, q + 1, 2)) {
        m.second = read_int(s, q + 1, 2);
        const size_t r = q + 3;
        if (r + 1 < s.size() && s[r] == '.' && is_digit(s[r + 1])) {
          size_t k = r + 1;
          while (k < s.size() && is_digit(s[k])) ++k;
          for (size_t e = k; e > r + 1; --e) {
            m.frac = std::string(s.substr(r + 1, e - r - 1));
            if (match_time_tail(s, e, m)) return true;
          }
        }
        m.frac.clear();
        if (match_time_tail(s, r, m)) return true;
      }
      m.second = 0;
      if (match_time_tail(s, q, m)) return true;
    }
    m.minute = 0;
    m.second = 0;
    if (match_time_tail(s, p, m)) return true;
  }
  return false;
}

bool find_time(std::string_view s, std::int64_t& nanos_of_day, std::int64_t& whole_seconds) {
  size_t pos = 0;
  while (pos < s.size()) {
    TimeMatch m;
    bool found = false;
    size_t at = pos;
    for (; at < s.size(); ++at) {
      if (!is_digit(s[at])) continue;
      m = TimeMatch{};
      if (match_time_at(s, at, m)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
    int hour = m.hour;
    const std::string ampm = text::to_lower(m.ampm);
    if (hour < 12 && ampm == "pm") hour += 12;
    else if (hour == 12 && ampm == "am") hour -= 12;
    std::int64_t nanos = 0;
    if (!m.frac.empty()) {
      std::string f = m.frac.substr(0, 9);
      while (f.size() < 9) f.push_back('0');
      for (char c : f) nanos = nanos * 10 + (c - '0');
    }
    if (hour == 24 && m.minute == 0 && m.second == 0 && nanos == 0) hour = 0;
    if (hour <= 24 && m.minute <= 60 && m.second <= 60 && !(hour == 24)) {
      whole_seconds = static_cast<std::int64_t>(hour) * 3600 + m.minute * 60 + m.second;
      nanos_of_day = nanos;
      return true;
    }
    pos = m.end > at ? m.end : at + 1;
  }
  return false;
}

// YYYY-MM-DD at the start of s.
bool iso_date_prefix(std::string_view s, std::int64_t& days) {
  if (s.size() < 10 || !digits_at(s, 0, 4) || s[4] != '-' || !digits_at(s, 5, 2) || s[7] != '-' || !digits_at(s, 8, 2))
    return false;
  const int y = read_int(s, 0, 4), mo = read_int(s, 5, 2), d = read_int(s, 8, 2);
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return false;
  days = days_from_civil(y, mo, d);
  return true;
}

// Reads "+hh:mm", "-hh:mm" or (when allowed) "Z" at pos.
bool read_offset(std::string_view s, size_t& pos, bool allow_z, int& offset) {
  if (allow_z && pos < s.size() && s[pos] == 'Z') {
    ++pos;
    offset = 0;
    return true;
  }
  if (pos + 6 > s.size() || (s[pos] != '+' && s[pos] != '-') || !digits_at(s, pos + 1, 2) || s[pos + 3] != ':' ||
      !digits_at(s, pos + 4, 2))
    return false;
  const int h = read_int(s, pos + 1, 2), m = read_int(s, pos + 4, 2);
  if (h > 23 || m > 59) return false;
  offset = (h * 60 + m) * (s[pos] == '-' ? -1 : 1);
  pos += 6;
  return true;
}

// Strict ISO 8601 with a zone: 2024-03-04T08:00[:00[.123]](Z|+01:00).
bool iso_datetime_full(std::string_view s, Value& out) {
  std::int64_t days;
  if (!iso_date_prefix(s, days) || s.size() < 16 || s[10] != 'T' || !digits_at(s, 11, 2) || s[13] != ':' ||
      !digits_at(s, 14, 2))
    return false;
  const int h = read_int(s, 11, 2), mi = read_int(s, 14, 2);
  int sec = 0;
  std::int64_t nanos = 0;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':' && digits_at(s, pos + 1, 2)) {
    sec = read_int(s, pos + 1, 2);
    pos += 3;
    if (pos + 1 < s.size() && (s[pos] == '.' || s[pos] == ',') && is_digit(s[pos + 1])) {
      ++pos;
      int n = 0;
      while (pos < s.size() && is_digit(s[pos])) {
        if (n < 9) nanos = nanos * 10 + (s[pos] - '0');
        ++n;
        ++pos;
      }
      for (; n < 9; ++n) nanos *= 10;
    }
  }
  int offset = 0;
  if (!read_offset(s, pos, true, offset) || pos != s.size()) return false;
  if (h > 23 || mi > 59 || sec > 59) return false;
  const std::int64_t utc = days * 86400 + h * 3600 + mi * 60 + sec - static_cast<std::int64_t>(offset) * 60;
  out = Value::datetime(utc, static_cast<std::int32_t>(nanos), offset);
  return true;
}

std::string_view trim_ascii(std::string_view s) {
  auto sp = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

bool parse_date_part(std::string_view s, const ExprEnv& env, std::int64_t& days, std::string_view& rest) {
  s = trim_ascii(s);
  if (iso_date_prefix(s, days)) {
    rest = s.substr(10);
    return true;
  }
  const LocalTime now = local_time(env.now, 0, env.utc_offset_minutes);
  return find_date(s, order_of(env.date_format), now.year, days, rest);
}

}  // namespace

LocalTime local_time(std::int64_t utc_seconds, std::int32_t nanos, int offset_minutes) {
  LocalTime t;
  const std::int64_t local = utc_seconds + static_cast<std::int64_t>(offset_minutes) * 60;
  t.days = floor_div(local, 86400);
  const std::int64_t secs = local - t.days * 86400;
  const CivilDate c = civil_from_days(t.days);
  t.year = c.year;
  t.month = c.month;
  t.day = c.day;
  t.hour = static_cast<int>(secs / 3600);
  t.minute = static_cast<int>(secs / 60 % 60);
  t.second = static_cast<int>(secs % 60);
  t.nanos = nanos;
  t.weekday = static_cast<int>(floor_mod(t.days + 4, 7));  // 1970-01-01 was a Thursday
  t.yday = static_cast<int>(t.days - days_from_civil(c.year, 1, 1));
  return t;
}

std::int64_t days_from_parts(std::int64_t year, std::int64_t month, std::int64_t day) {
  // Like Go: months beyond 1..12 carry into the year, days beyond the month carry into the next.
  const std::int64_t m0 = month - 1;
  year = clamp_year(year + floor_div(m0, 12));
  const int m = static_cast<int>(floor_mod(m0, 12)) + 1;
  return days_from_civil(static_cast<int>(year), m, 1) + (day - 1);
}

std::int64_t utc_from_local(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                            std::int64_t minute, std::int64_t second, int offset_minutes) {
  return days_from_parts(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
         static_cast<std::int64_t>(offset_minutes) * 60;
}

bool parse_datetime_text(std::string_view s, const ExprEnv& env, Value& out) {
  s = trim_ascii(s);
  if (iso_datetime_full(s, out)) return true;
  std::int64_t days;
  std::string_view rest;
  if (!parse_date_part(s, env, days, rest)) return false;
  std::int64_t nanos = 0, secs = 0;
  if (!find_time(rest, nanos, secs)) secs = 0;
  const std::int64_t utc = days * 86400 + secs - static_cast<std::int64_t>(env.utc_offset_minutes) * 60;
  out = Value::datetime(utc, static_cast<std::int32_t>(nanos), env.utc_offset_minutes);
  return true;
}

bool parse_date_text(std::string_view s, const ExprEnv& env, std::int64_t& days) {
  std::string_view rest;
  return parse_date_part(s, env, days, rest);
}

bool parse_time_text(std::string_view s, std::int64_t& nanos_of_day) {
  std::int64_t nanos = 0, secs = 0;
  if (!find_time(s, nanos, secs)) return false;
  nanos_of_day = floor_mod(secs, 86400) * kNanosPerSecond + nanos;
  return true;
}

bool to_datetime(const Value& v, const ExprEnv& env, Value& out, Value& err) {
  const Value& r = reduce(v);
  switch (r.kind) {
    case Value::Kind::error: err = r; return false;
    case Value::Kind::datetime: out = r; return true;
    case Value::Kind::date:
      out = Value::datetime(r.t * 86400 - static_cast<std::int64_t>(env.utc_offset_minutes) * 60, 0,
                            env.utc_offset_minutes);
      return true;
    case Value::Kind::text:
      if (parse_datetime_text(r.s, env, out)) return true;
      break;
    default: break;
  }
  err = Value::error("unable to convert " + describe(v) + " to a datetime");
  return false;
}

bool to_date(const Value& v, const ExprEnv& env, std::int64_t& days, Value& err) {
  const Value& r = reduce(v);
  switch (r.kind) {
    case Value::Kind::error: err = r; return false;
    case Value::Kind::date: days = r.t; return true;
    case Value::Kind::datetime: days = local_time(r.t, r.nanos, env.utc_offset_minutes).days; return true;
    case Value::Kind::text:
      if (parse_date_text(r.s, env, days)) return true;
      break;
    default: break;
  }
  err = Value::error("unable to convert " + describe(v) + " to a date");
  return false;
}

bool to_time(const Value& v, std::int64_t& nanos_of_day, Value& err) {
  const Value& r = reduce(v);
  switch (r.kind) {
    case Value::Kind::error: err = r; return false;
    case Value::Kind::time: nanos_of_day = r.t; return true;
    case Value::Kind::datetime: {
      const LocalTime t = local_time(r.t, r.nanos, r.offset);
      nanos_of_day = (static_cast<std::int64_t>(t.hour) * 3600 + t.minute * 60 + t.second) * kNanosPerSecond + t.nanos;
      return true;
    }
    case Value::Kind::number: {
      const auto h = r.n.int_part();
      if (h && *h >= 0 && *h <= 24) {
        nanos_of_day = (*h == 24 ? 0 : *h) * 3600 * kNanosPerSecond;
        return true;
      }
      break;
    }
    case Value::Kind::text:
      if (parse_time_text(r.s, nanos_of_day)) return true;
      break;
    default: break;
  }
  err = Value::error("unable to convert " + describe(v) + " to a time");
  return false;
}

namespace {

const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
const char* const kShortMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kDaysEn[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kShortDaysEn[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kShortMonthsFr[] = {"janv.", "févr.", "mars", "avr.", "mai",  "juin",
                                      "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
const char* const kDaysFr[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
const char* const kShortDaysFr[] = {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."};

bool ignored_layout_char(char32_t c) {
  return c == ' ' || c == ':' || c == '/' || c == '.' || c == ',' || c == 'T' || c == '-' || c == '_';
}

enum class Seq {
  literal, yy, yyyy, m, mm, mmm, mmmm, d, dd, eee, eeee, f3, f6, f9, h, hh, t, tt, mi, mmi, s, ss, aa, AA, z, zzz
};

struct LayoutPart {
  Seq seq;
  std::string text;  // the characters of the sequence
};

const char* type_name(LayoutType type) {
  return type == LayoutType::date ? "date" : type == LayoutType::time ? "time" : "datetime";
}

// Splits a layout into runs of the same character and checks each run against the layout type.
bool split_layout(std::string_view layout, LayoutType type, bool parsing, std::vector<LayoutPart>& parts,
                  std::string& error) {
  const std::vector<char32_t> cps = text::decode_utf8(layout);
  for (size_t i = 0; i < cps.size();) {
    size_t n = 1;
    while (i + n < cps.size() && cps[i + n] == cps[i]) ++n;
    std::string run;
    for (size_t k = 0; k < n; ++k) text::append_utf8(run, cps[i + k]);
    const char32_t c = cps[i];
    i += n;
    if (ignored_layout_char(c)) {
      parts.push_back({Seq::literal, run});
      continue;
    }
    struct Known {
      const char* text;
      Seq seq;
      int kind;  // 0 date, 1 time, 2 zone
      bool parseable;
    };
    static const Known known[] = {
        {"YY", Seq::yy, 0, true},     {"YYYY", Seq::yyyy, 0, true}, {"M", Seq::m, 0, true},
        {"MM", Seq::mm, 0, true},     {"MMM", Seq::mmm, 0, false},  {"MMMM", Seq::mmmm, 0, false},
        {"D", Seq::d, 0, true},       {"DD", Seq::dd, 0, true},     {"EEE", Seq::eee, 0, false},
        {"EEEE", Seq::eeee, 0, false}, {"fff", Seq::f3, 1, true},    {"ffffff", Seq::f6, 1, true},
        {"fffffffff", Seq::f9, 1, true}, {"h", Seq::h, 1, true},     {"hh", Seq::hh, 1, true},
        {"t", Seq::t, 1, true},       {"tt", Seq::tt, 1, true},     {"m", Seq::mi, 1, true},
        {"mm", Seq::mmi, 1, true},    {"s", Seq::s, 1, true},       {"ss", Seq::ss, 1, true},
        {"aa", Seq::aa, 1, true},     {"AA", Seq::AA, 1, true},     {"Z", Seq::z, 2, true},
        {"ZZZ", Seq::zzz, 2, true},
    };
    const Known* hit = nullptr;
    for (const Known& k : known)
      if (run == k.text) hit = &k;
    bool ok = hit != nullptr;
    if (ok) {
      if (hit->kind == 0 && type == LayoutType::time) ok = false;
      if (hit->kind == 1 && type == LayoutType::date) ok = false;
      if (hit->kind == 2 && type != LayoutType::datetime) ok = false;
      if (parsing && !hit->parseable) ok = false;
    }
    if (!ok) {
      error = "'" + run + "' isn't valid in a " + type_name(type) + (parsing ? " parsing" : " formatting") + " layout";
      return false;
    }
    parts.push_back({hit->seq, run});
  }
  return true;
}

}  // namespace

std::string offset_text(int offset_minutes, bool colon) {
  std::string out = offset_minutes < 0 ? "-" : "+";
  const int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  put(out, m / 60, 2);
  if (colon) out += ':';
  put(out, m % 60, 2);
  return out;
}

bool format_layout(const LocalTime& t, int offset_minutes, std::string_view layout, LayoutType type,
                   const std::string& locale, std::string& out, std::string& error) {
  std::vector<LayoutPart> parts;
  if (!split_layout(layout, type, false, parts, error)) return false;
  const bool fr = locale.rfind("fr", 0) == 0;
  out.clear();
  const int hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
  for (const LayoutPart& p : parts) {
    switch (p.seq) {
      case Seq::literal: out += p.text; break;
      case Seq::yy: put(out, floor_mod(t.year, 100), 2); break;
      case Seq::yyyy: put(out, t.year, 4); break;
      case Seq::m: put(out, t.month, 1); break;
      case Seq::mm: put(out, t.month, 2); break;
      case Seq::mmm: out += (fr ? kShortMonthsFr : kShortMonthsEn)[t.month - 1]; break;
      case Seq::mmmm: out += (fr ? kMonthsFr : kMonthsEn)[t.month - 1]; break;
      case Seq::d: put(out, t.day, 1); break;
      case Seq::dd: put(out, t.day, 2); break;
      case Seq::eee: out += (fr ? kShortDaysFr : kShortDaysEn)[t.weekday]; break;
      case Seq::eeee: out += (fr ? kDaysFr : kDaysEn)[t.weekday]; break;
      case Seq::f3: put(out, t.nanos / 1000000, 3); break;
      case Seq::f6: put(out, t.nanos / 1000, 6); break;
      case Seq::f9: put(out, t.nanos, 9); break;
      case Seq::h: put(out, hour12, 1); break;
      case Seq::hh: put(out, hour12, 2); break;
      case Seq::t: put(out, t.hour, 1); break;
      case Seq::tt: put(out, t.hour, 2); break;
      case Seq::mi: put(out, t.minute, 1); break;
      case Seq::mmi: put(out, t.minute, 2); break;
      case Seq::s: put(out, t.second, 1); break;
      case Seq::ss: put(out, t.second, 2); break;
      case Seq::aa: out += t.hour >= 12 ? "pm" : "am"; break;
      case Seq::AA: out += t.hour >= 12 ? "PM" : "AM"; break;
      case Seq::z: out += offset_minutes == 0 ? "Z" : offset_text(offset_minutes, true); break;
      case Seq::zzz: out += offset_text(offset_minutes, true); break;
    }
  }
  return true;
}

bool parse_layout(std::string_view text, std::string_view layout, LayoutType type, int offset_minutes,
                  Value& out, std::string& error) {
  std::vector<LayoutPart> parts;
  if (!split_layout(layout, type, true, parts, error)) return false;
  std::int64_t year = 0;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  std::int64_t nanos = 0;
  bool pm = false, am = false, has_zone = false;
  int zone = 0;
  size_t pos = 0;
  const std::string fail = "unable to parse '" + std::string(text) + "' with layout '" + std::string(layout) + "'";
  // Reads 1 or 2 digits (exactly 2 when `fixed`).
  auto num = [&](bool fixed, int& v) {
    if (!digits_at(text, pos, 1)) return false;
    if (digits_at(text, pos, 2)) {
      v = read_int(text, pos, 2);
      pos += 2;
      return true;
    }
    if (fixed) return false;
    v = read_int(text, pos, 1);
    pos += 1;
    return true;
  };
  for (size_t i = 0; i < parts.size(); ++i) {
    const LayoutPart& p = parts[i];
    bool ok = true;
    switch (p.seq) {
      case Seq::literal:
        for (char c : p.text) {
          if (c == ' ') {
            if (pos < text.size() && text[pos] != ' ') ok = false;
            while (pos < text.size() && text[pos] == ' ') ++pos;
          } else if (pos < text.size() && text[pos] == c) {
            ++pos;
          } else {
            ok = false;
          }
        }
        break;
      case Seq::yyyy:
        ok = digits_at(text, pos, 4);
        if (ok) year = read_int(text, pos, 4), pos += 4;
        break;
      case Seq::yy:
        ok = digits_at(text, pos, 2);
        if (ok) {
          const int yy = read_int(text, pos, 2);
          year = yy >= 69 ? 1900 + yy : 2000 + yy;
          pos += 2;
        }
        break;
      case Seq::m:
      case Seq::mm: ok = num(p.seq == Seq::mm, month) && month >= 1 && month <= 12; break;
      case Seq::d:
      case Seq::dd: ok = num(p.seq == Seq::dd, day) && day >= 1 && day <= 31; break;
      case Seq::h:
      case Seq::hh: ok = num(p.seq == Seq::hh, hour) && hour <= 12; break;
      case Seq::t:
      case Seq::tt: ok = num(false, hour) && hour <= 23; break;
      case Seq::mi:
      case Seq::mmi: ok = num(p.seq == Seq::mmi, minute) && minute <= 59; break;
      case Seq::s:
      case Seq::ss: {
        ok = num(p.seq == Seq::ss, second) && second <= 59;
        const bool next_is_fraction = i + 2 < parts.size() && parts[i + 1].seq == Seq::literal &&
                                      (parts[i + 2].seq == Seq::f3 || parts[i + 2].seq == Seq::f6 || parts[i + 2].seq == Seq::f9);
        // Fractional seconds are read even when the layout doesn't name them.
        if (ok && !next_is_fraction && pos + 1 < text.size() && (text[pos] == '.' || text[pos] == ',') &&
            is_digit(text[pos + 1])) {
          ++pos;
          int n = 0;
          nanos = 0;
          while (pos < text.size() && is_digit(text[pos])) {
            if (n < 9) nanos = nanos * 10 + (text[pos] - '0');
            ++n;
            ++pos;
          }
          for (; n < 9; ++n) nanos *= 10;
        }
        break;
      }
      case Seq::f3:
      case Seq::f6:
      case Seq::f9: {
        const size_t n = p.seq == Seq::f3 ? 3 : p.seq == Seq::f6 ? 6 : 9;
        ok = digits_at(text, pos, n);
        if (ok) {
          nanos = 0;
          for (size_t k = 0; k < 9; ++k) nanos = nanos * 10 + (k < n ? text[pos + k] - '0' : 0);
          pos += n;
        }
        break;
      }
      case Seq::aa:
      case Seq::AA: {
        const std::string want_am = p.seq == Seq::aa ? "am" : "AM", want_pm = p.seq == Seq::aa ? "pm" : "PM";
        const std::string got(text.substr(pos, 2));
        if (got == want_am) am = true;
        else if (got == want_pm) pm = true;
        else ok = false;
        if (ok) pos += 2;
        break;
      }
      case Seq::z:
      case Seq::zzz:
        ok = read_offset(text, pos, p.seq == Seq::z, zone);
        has_zone = ok;
        break;
      default: ok = false;
    }
    if (!ok) {
      error = fail;
      return false;
    }
  }
  if (pos != text.size()) {
    error = fail;
    return false;
  }
  if (pm && hour < 12) hour += 12;
  if (am && hour == 12) hour = 0;
  if (day > days_in_month(static_cast<int>(year), month)) {
    error = fail;
    return false;
  }
  const int off = has_zone ? zone : offset_minutes;
  out = Value::datetime(utc_from_local(year, month, day, hour, minute, second, off), static_cast<std::int32_t>(nanos), off);
  return true;
}

bool zone_offset(std::string_view name, int& offset_minutes) {
  struct Zone {
    const char* name;
    int offset;
  };
  static const Zone zones[] = {
      {"UTC", 0},  {"GMT", 0},  {"Etc/UTC", 0},  {"Etc/GMT", 0}, {"Africa/Abidjan", 0}, {"Africa/Accra", 0},
      {"Africa/Bamako", 0}, {"Africa/Banjul", 0}, {"Africa/Bissau", 0}, {"Africa/Conakry", 0}, {"Africa/Dakar", 0},
      {"Africa/Freetown", 0}, {"Africa/Lome", 0}, {"Africa/Monrovia", 0}, {"Africa/Nouakchott", 0},
      {"Africa/Ouagadougou", 0}, {"Africa/Sao_Tome", 0}, {"Atlantic/Reykjavik", 0},
      {"Africa/Algiers", 60}, {"Africa/Bangui", 60}, {"Africa/Brazzaville", 60}, {"Africa/Douala", 60},
      {"Africa/Kinshasa", 60}, {"Africa/Lagos", 60}, {"Africa/Libreville", 60}, {"Africa/Luanda", 60},
      {"Africa/Malabo", 60}, {"Africa/Ndjamena", 60}, {"Africa/Niamey", 60}, {"Africa/Porto-Novo", 60},
      {"Africa/Tunis", 60}, {"Africa/Blantyre", 120}, {"Africa/Bujumbura", 120}, {"Africa/Gaborone", 120},
      {"Africa/Harare", 120}, {"Africa/Johannesburg", 120}, {"Africa/Juba", 120}, {"Africa/Khartoum", 120},
      {"Africa/Kigali", 120}, {"Africa/Lubumbashi", 120}, {"Africa/Lusaka", 120}, {"Africa/Maputo", 120},
      {"Africa/Tripoli", 120}, {"Africa/Addis_Ababa", 180}, {"Africa/Asmara", 180}, {"Africa/Dar_es_Salaam", 180},
      {"Africa/Djibouti", 180}, {"Africa/Kampala", 180}, {"Africa/Mogadishu", 180}, {"Africa/Nairobi", 180},
      {"Indian/Antananarivo", 180}, {"Asia/Karachi", 300}, {"Asia/Kolkata", 330}, {"Asia/Dhaka", 360},
      {"Asia/Jakarta", 420}, {"Asia/Manila", 480}, {"Asia/Shanghai", 480}, {"Asia/Tokyo", 540},
      {"America/Bogota", -300}, {"America/Guayaquil", -300}, {"America/Lima", -300}, {"America/Panama", -300},
      {"Pacific/Honolulu", -600},
  };
  for (const Zone& z : zones)
    if (name == z.name) {
      offset_minutes = z.offset;
      return true;
    }
  // Etc/GMT+5 is five hours behind UTC (POSIX sign convention).
  if (name.size() > 8 && name.substr(0, 7) == "Etc/GMT" && (name[7] == '+' || name[7] == '-')) {
    const std::string_view num = name.substr(8);
    if (num.size() <= 2 && digits_at(num, 0, num.size())) {
      const int h = read_int(num, 0, num.size());
      if (h <= 14) {
        offset_minutes = (name[7] == '+' ? -h : h) * 60;
        return true;
      }
    }
  }
  return false;
}

std::string zone_name(int offset_minutes, const ExprEnv& env) {
  if (offset_minutes == env.utc_offset_minutes && !env.timezone_name.empty()) return env.timezone_name;
  if (offset_minutes == 0) return "UTC";
  return "UTC" + offset_text(offset_minutes, true);
}

}  // namespace kalan::flows::expr
