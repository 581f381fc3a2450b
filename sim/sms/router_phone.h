// Phone numbers found in free text, normalised to E.164 the way RapidPro's has_phone does, with a
// small numbering table (West and Central Africa first, then countries trainers meet) in place of
// libphonenumber. Internal to the router tests.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kalan::flows::detail {

// True when the two-letter region is in the numbering table.
bool known_phone_region(std::string_view region);
// Parses one candidate ("76 12 34 56", "+223 76-12-34-56", "0022376123456") for a region; "" when
// it is not a possible number there. Returns "+<country code><national number>".
std::string parse_phone_number(std::string_view candidate, std::string_view region);
// Every possible number in a text, in order of appearance.
std::vector<std::string> find_phone_numbers(std::string_view text, std::string_view region);

}  // namespace kalan::flows::detail
