#include "sms/expr/decimal.h"

#include <algorithm>
#include <vector>

#include "sms/text.h"

namespace kalan::flows::expr {

namespace {

// Unsigned magnitudes as decimal digit strings, most significant first, without leading zeros ("" is 0).

void strip_leading(std::string& a) {
  size_t i = 0;
  while (i < a.size() && a[i] == '0') ++i;
  a.erase(0, i);
}

int ucmp(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string uadd(const std::string& a, const std::string& b) {
  std::string out;
  out.reserve(std::max(a.size(), b.size()) + 1);
  int carry = 0;
  size_t i = a.size(), j = b.size();
  while (i > 0 || j > 0 || carry) {
    int d = carry;
    if (i > 0) d += a[--i] - '0';
    if (j > 0) d += b[--j] - '0';
    out.push_back(static_cast<char>('0' + d % 10));
    carry = d / 10;
  }
  std::reverse(out.begin(), out.end());
  strip_leading(out);
  return out;
}

// a - b with a >= b.
std::string usub(const std::string& a, const std::string& b) {
  std::string out(a.size(), '0');
  int borrow = 0;
  size_t j = b.size();
  for (size_t i = a.size(); i > 0; --i) {
    int d = (a[i - 1] - '0') - borrow - (j > 0 ? b[--j] - '0' : 0);
    borrow = d < 0 ? 1 : 0;
    if (d < 0) d += 10;
    out[i - 1] = static_cast<char>('0' + d);
  }
  strip_leading(out);
  return out;
}

std::string umul(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return {};
  std::vector<int> acc(a.size() + b.size(), 0);
  for (size_t i = a.size(); i > 0; --i) {
    const int da = a[i - 1] - '0';
    if (da == 0) continue;
    for (size_t j = b.size(); j > 0; --j) acc[i + j - 1] += da * (b[j - 1] - '0');
  }
  for (size_t k = acc.size(); k > 1; --k) {
    acc[k - 2] += acc[k - 1] / 10;
    acc[k - 1] %= 10;
  }
  std::string out;
  out.reserve(acc.size());
  for (int d : acc) out.push_back(static_cast<char>('0' + d));
  strip_leading(out);
  return out;
}

// Long division of magnitudes; b must not be zero.
void udivmod(const std::string& a, const std::string& b, std::string& q, std::string& r) {
  q.clear();
  r.clear();
  for (char c : a) {
    if (!r.empty() || c != '0') r.push_back(c);
    int digit = 0;
    while (ucmp(r, b) >= 0) {
      r = usub(r, b);
      ++digit;
    }
    if (!q.empty() || digit != 0) q.push_back(static_cast<char>('0' + digit));
  }
}

std::string zeros(std::int64_t n) { return std::string(static_cast<size_t>(n > 0 ? n : 0), '0'); }

}  // namespace

void Decimal::normalize() {
  strip_leading(digits_);
  size_t trailing = 0;
  while (trailing < digits_.size() && digits_[digits_.size() - 1 - trailing] == '0') ++trailing;
  if (trailing > 0) {
    digits_.resize(digits_.size() - trailing);
    exp_ += static_cast<std::int32_t>(trailing);
  }
  if (digits_.empty()) {
    neg_ = false;
    exp_ = 0;
  }
}

Decimal Decimal::from_int(std::int64_t v) {
  Decimal d;
  const bool negative = v < 0;
  // Work on the unsigned magnitude: -INT64_MIN does not fit in an int64.
  std::uint64_t m = negative ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
  while (m > 0) {
    d.digits_.push_back(static_cast<char>('0' + m % 10));
    m /= 10;
  }
  std::reverse(d.digits_.begin(), d.digits_.end());
  d.neg_ = negative;
  d.normalize();
  return d;
}

std::optional<Decimal> Decimal::parse(std::string_view s, bool allow_exponent) {
  size_t i = 0;
  Decimal d;
  if (i < s.size() && s[i] == '-') {
    d.neg_ = true;
    ++i;
  }
  std::string int_part, frac_part;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') int_part.push_back(s[i++]);
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') frac_part.push_back(s[i++]);
    if (frac_part.empty()) return std::nullopt;  // "12." is not a number
  }
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  std::int64_t e = 0;
  if (allow_exponent && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      e = e * 10 + (s[i++] - '0');
      if (e > 1000000) return std::nullopt;
    }
    if (i == start) return std::nullopt;
    if (eneg) e = -e;
  }
  if (i != s.size()) return std::nullopt;
  d.digits_ = int_part + frac_part;
  const std::int64_t exp = e - static_cast<std::int64_t>(frac_part.size());
  if (exp < -10000000 || exp > 10000000) return std::nullopt;
  d.exp_ = static_cast<std::int32_t>(exp);
  d.normalize();
  if (!d.in_range()) return std::nullopt;
  return d;
}

std::optional<Decimal> Decimal::parse_text(std::string_view s) { return parse(text::trim(s), false); }

bool Decimal::in_range() const {
  return digits_.size() <= static_cast<size_t>(kMaxDigits) && exp_ >= -kMaxExponent && exp_ <= kMaxExponent;
}

std::string Decimal::to_string() const {
  if (digits_.empty()) return "0";
  std::string out = neg_ ? "-" : "";
  if (exp_ >= 0) {
    out += digits_;
    out += zeros(exp_);
    return out;
  }
  const std::int64_t point = static_cast<std::int64_t>(digits_.size()) + exp_;  // digits before the point
  if (point <= 0) {
    out += "0.";
    out += zeros(-point);
    out += digits_;
  } else {
    out += digits_.substr(0, static_cast<size_t>(point));
    out += '.';
    out += digits_.substr(static_cast<size_t>(point));
  }
  return out;
}

std::string Decimal::to_fixed(int places) const {
  if (places < 0) places = 0;
  std::string s = round(places).to_string();
  if (places == 0) return s;
  const size_t dot = s.find('.');
  size_t have = dot == std::string::npos ? 0 : s.size() - dot - 1;
  if (dot == std::string::npos) s += '.';
  s += zeros(static_cast<std::int64_t>(places) - static_cast<std::int64_t>(have));
  return s;
}

int Decimal::compare(const Decimal& o) const {
  if (neg_ != o.neg_) return neg_ ? -1 : 1;
  if (digits_.empty() || o.digits_.empty()) {
    if (digits_.empty() && o.digits_.empty()) return 0;
    // Same sign (non-negative since zero has no sign): the zero one is smaller.
    return digits_.empty() ? -1 : 1;
  }
  // Compare magnitudes by their order of magnitude first, then digit by digit.
  const std::int64_t ma = static_cast<std::int64_t>(digits_.size()) + exp_;
  const std::int64_t mb = static_cast<std::int64_t>(o.digits_.size()) + o.exp_;
  int c;
  if (ma != mb) {
    c = ma < mb ? -1 : 1;
  } else {
    const size_t n = std::max(digits_.size(), o.digits_.size());
    c = 0;
    for (size_t i = 0; i < n && c == 0; ++i) {
      const char a = i < digits_.size() ? digits_[i] : '0';
      const char b = i < o.digits_.size() ? o.digits_[i] : '0';
      if (a != b) c = a < b ? -1 : 1;
    }
  }
  return neg_ ? -c : c;
}

Decimal Decimal::neg() const {
  Decimal d = *this;
  if (!d.digits_.empty()) d.neg_ = !d.neg_;
  return d;
}

Decimal Decimal::abs() const {
  Decimal d = *this;
  d.neg_ = false;
  return d;
}

Decimal Decimal::add(const Decimal& o) const {
  if (o.digits_.empty()) return *this;
  if (digits_.empty()) return o;
  const std::int32_t e = std::min(exp_, o.exp_);
  const std::string a = digits_ + zeros(exp_ - e);
  const std::string b = o.digits_ + zeros(o.exp_ - e);
  Decimal d;
  d.exp_ = e;
  if (neg_ == o.neg_) {
    d.digits_ = uadd(a, b);
    d.neg_ = neg_;
  } else if (ucmp(a, b) >= 0) {
    d.digits_ = usub(a, b);
    d.neg_ = neg_;
  } else {
    d.digits_ = usub(b, a);
    d.neg_ = o.neg_;
  }
  d.normalize();
  return d;
}

Decimal Decimal::sub(const Decimal& o) const { return add(o.neg()); }

Decimal Decimal::mul(const Decimal& o) const {
  Decimal d;
  if (digits_.empty() || o.digits_.empty()) return d;
  d.digits_ = umul(digits_, o.digits_);
  const std::int64_t e = static_cast<std::int64_t>(exp_) + o.exp_;
  d.exp_ = static_cast<std::int32_t>(std::max<std::int64_t>(-100000000, std::min<std::int64_t>(100000000, e)));
  d.neg_ = neg_ != o.neg_;
  d.normalize();
  return d;
}

std::optional<Decimal> Decimal::div(const Decimal& o, int places) const {
  if (o.digits_.empty()) return std::nullopt;
  Decimal d;
  if (digits_.empty()) return d;
  // result = round(A * 10^(ea - eb + places) / B) * 10^-places
  const std::int64_t k = static_cast<std::int64_t>(exp_) - o.exp_ + places;
  if (k > 4 * kMaxExponent || k < -4 * kMaxExponent) {
    if (k < 0) return d;  // far below the kept places: rounds to zero
    return std::nullopt;
  }
  const std::string num = digits_ + zeros(k);
  const std::string den = o.digits_ + zeros(-k);
  std::string q, r;
  udivmod(num, den, q, r);
  if (ucmp(uadd(r, r), den) >= 0) q = uadd(q, "1");
  d.digits_ = q;
  d.exp_ = -places;
  d.neg_ = neg_ != o.neg_;
  d.normalize();
  return d;
}

std::optional<Decimal> Decimal::mod(const Decimal& o) const {
  if (o.digits_.empty()) return std::nullopt;
  if (digits_.empty()) return Decimal{};
  const std::int32_t e = std::min(exp_, o.exp_);
  const std::string a = digits_ + zeros(exp_ - e);
  const std::string b = o.digits_ + zeros(o.exp_ - e);
  std::string q, r;
  udivmod(a, b, q, r);
  Decimal d;
  d.digits_ = r;
  d.exp_ = e;
  d.neg_ = neg_;
  d.normalize();
  return d;
}

std::optional<Decimal> Decimal::pow(std::int64_t n) const {
  if (n == 0) return from_int(1);
  if (n < 0) {
    if (digits_.empty()) return std::nullopt;
    if (n < -100000) return std::nullopt;
    const auto p = pow(-n);
    if (!p) return std::nullopt;
    return from_int(1).div(*p);
  }
  if (digits_.empty()) return Decimal{};
  if (digits_ == "1") {  // (+/-)10^k: only the exponent grows
    Decimal d = *this;
    const std::int64_t e = static_cast<std::int64_t>(exp_) * n;
    if (e > kMaxExponent || e < -kMaxExponent) return std::nullopt;
    d.exp_ = static_cast<std::int32_t>(e);
    d.neg_ = neg_ && (n % 2 == 1);
    return d;
  }
  // Each factor has at least two significant digits, so the digits grow with n.
  if (n > 2 * kMaxDigits) return std::nullopt;
  Decimal result = from_int(1);
  Decimal base = *this;
  std::int64_t k = n;
  while (k > 0) {
    if (k & 1) {
      result = result.mul(base);
      if (result.digits_.size() > static_cast<size_t>(kMaxDigits)) return std::nullopt;
    }
    k >>= 1;
    if (k > 0) {
      base = base.mul(base);
      if (base.digits_.size() > static_cast<size_t>(kMaxDigits)) return std::nullopt;
    }
  }
  if (!result.in_range()) return std::nullopt;
  return result;
}

Decimal Decimal::round(int places, Rounding mode) const {
  const std::int64_t target = -static_cast<std::int64_t>(places);
  if (digits_.empty() || exp_ >= target) return *this;
  const std::int64_t drop = target - exp_;  // > 0 digits to remove from the end
  std::string kept;
  char first_dropped = '0';
  if (drop < static_cast<std::int64_t>(digits_.size())) {
    kept = digits_.substr(0, digits_.size() - static_cast<size_t>(drop));
    first_dropped = digits_[kept.size()];
  } else if (drop == static_cast<std::int64_t>(digits_.size())) {
    first_dropped = digits_[0];
  }
  // The dropped part is never zero: the canonical digits end with a non-zero digit.
  bool up = false;
  switch (mode) {
    case Rounding::half_away: up = first_dropped >= '5'; break;
    case Rounding::floor: up = neg_; break;
    case Rounding::ceil: up = !neg_; break;
    case Rounding::truncate: up = false; break;
  }
  if (up) kept = uadd(kept, "1");
  Decimal d;
  d.digits_ = kept;
  d.exp_ = static_cast<std::int32_t>(std::max<std::int64_t>(-100000000, std::min<std::int64_t>(100000000, target)));
  d.neg_ = neg_;
  d.normalize();
  return d;
}

std::optional<std::int64_t> Decimal::int_part() const {
  std::string s;
  if (exp_ >= 0) {
    if (digits_.size() + static_cast<size_t>(exp_) > 19) return std::nullopt;
    s = digits_ + zeros(exp_);
  } else {
    const std::int64_t point = static_cast<std::int64_t>(digits_.size()) + exp_;
    if (point > 0) s = digits_.substr(0, static_cast<size_t>(point));
  }
  if (s.size() > 19) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  if (neg_) {
    if (v > static_cast<std::uint64_t>(INT64_MAX) + 1) return std::nullopt;
    return static_cast<std::int64_t>(~v + 1);
  }
  if (v > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

}  // namespace kalan::flows::expr
