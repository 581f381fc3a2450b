// Exact decimal numbers for the expression language: no floating point anywhere, so that the same
// expression gives the same digits natively and in WebAssembly.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kalan::flows::expr {

// A signed decimal number: digits x 10^exponent, with arbitrary precision (bounded by kMaxDigits).
// The form is canonical: no leading or trailing zeros in the digits, and zero has no sign.
class Decimal {
 public:
  // Numbers whose digits or exponent grow beyond these bounds are refused (see in_range()).
  static constexpr int kMaxDigits = 600;
  static constexpr int kMaxExponent = 600;
  // Places kept by a division, rounding half away from zero (like RapidPro's 16 places).
  static constexpr int kDivisionPlaces = 16;

  Decimal() = default;
  static Decimal from_int(std::int64_t v);
  // Parses "12", "-3.25", ".5", and when allowed an exponent: "1e-3", "2.5E+10".
  static std::optional<Decimal> parse(std::string_view s, bool allow_exponent = false);
  // Parses text typed by a person: surrounding white space is ignored, then -?(d+|d+.d+|.d+).
  static std::optional<Decimal> parse_text(std::string_view s);

  // Shortest text: 1.50 -> "1.5", 4.0 -> "4", 1e3 -> "1000".
  std::string to_string() const;
  // Exactly `places` decimals, rounded half away from zero: (1234.5678, 2) -> "1234.57".
  std::string to_fixed(int places) const;

  bool is_zero() const { return digits_.empty(); }
  bool negative() const { return neg_; }
  bool is_integer() const { return exp_ >= 0; }
  bool in_range() const;
  int compare(const Decimal& o) const;
  bool operator==(const Decimal& o) const { return compare(o) == 0; }

  Decimal neg() const;
  Decimal abs() const;
  Decimal add(const Decimal& o) const;
  Decimal sub(const Decimal& o) const;
  Decimal mul(const Decimal& o) const;
  // Rounded to `places` decimals; nullopt when dividing by zero.
  std::optional<Decimal> div(const Decimal& o, int places = kDivisionPlaces) const;
  // Remainder of the truncated division (sign of the dividend); nullopt when dividing by zero.
  std::optional<Decimal> mod(const Decimal& o) const;
  // Integer power; negative powers divide. nullopt for 0^-n or results beyond the bounds.
  std::optional<Decimal> pow(std::int64_t n) const;

  enum class Rounding { half_away, floor, ceil, truncate };
  // Rounds to `places` decimals (negative places round to tens, hundreds...).
  Decimal round(int places, Rounding mode = Rounding::half_away) const;
  // The integer part (truncated toward zero) if it fits in an int64.
  std::optional<std::int64_t> int_part() const;

  // Raw parts, for tests and fast checks.
  const std::string& digits() const { return digits_; }
  std::int32_t exponent() const { return exp_; }

 private:
  void normalize();

  bool neg_ = false;
  std::string digits_;  // most significant first; empty means zero
  std::int32_t exp_ = 0;
};

}  // namespace kalan::flows::expr
