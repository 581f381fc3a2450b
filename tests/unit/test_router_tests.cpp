#include <doctest/doctest.h>

#include <climits>
#include <string>
#include <vector>

#include "core/time.h"
#include "sms/router_tests.h"

using namespace kalan;
using namespace kalan::flows;

namespace {

enum class Expect { Match, NoMatch, Error };

struct Case {
  const char* type;
  std::string input;
  std::vector<std::string> args;
  Expect expect;
  std::string match;
};

// Mopti, Monday 4 March 2024 at 08:00 (UTC, no daylight saving).
TestEnv mali_env() {
  TestEnv env;
  env.now = *parse_iso_time("2024-03-04T08:00:00Z");
  env.contact_groups = {{"6f1c-relais", "Relais communautaires"}, {"0b7e-mopti", "Mopti"}};
  env.result_categories = {{"sexe", "Fille"}, {"type_violence", "Négligence"}};
  return env;
}

// The environment of RapidPro's own test table: Kigali (UTC+2), day-month-year, Rwanda,
// 11 April 2018 at 13:24:30 UTC.
TestEnv kigali_env() {
  TestEnv env;
  env.now = *parse_iso_time("2018-04-11T13:24:30Z");
  env.utc_offset_minutes = 120;
  env.date_format = "DD-MM-YYYY";
  env.default_country = "RW";
  return env;
}

void run_cases(const std::vector<Case>& cases, const TestEnv& env) {
  for (const auto& c : cases) {
    const TestOutcome o = run_case_test(c.type, c.input, c.args, env);
    INFO(std::string(c.type) << "(\"" << c.input << "\"" << [&] {
      std::string s;
      for (const auto& a : c.args) s += ", \"" + a + "\"";
      return s;
    }() << ") -> error=" << o.error << " matched=" << o.matched << " match=\"" << o.match << "\" " << o.message);
    switch (c.expect) {
      case Expect::Match:
        CHECK_FALSE(o.error);
        CHECK(o.matched);
        CHECK(o.match == c.match);
        break;
      case Expect::NoMatch:
        CHECK_FALSE(o.error);
        CHECK_FALSE(o.matched);
        CHECK(o.match.empty());
        break;
      case Expect::Error:
        CHECK(o.error);
        CHECK_FALSE(o.matched);
        CHECK_FALSE(o.message.empty());
        break;
    }
  }
}

TestOutcome run(const std::string& type, const std::string& input, const std::vector<std::string>& args = {},
                const TestEnv& env = mali_env()) {
  return run_case_test(type, input, args, env);
}

constexpr Expect M = Expect::Match;
constexpr Expect N = Expect::NoMatch;
constexpr Expect E = Expect::Error;

}  // namespace

TEST_CASE("every supported test has an arity and an unknown test is an error") {
  const auto& names = supported_case_tests();
  CHECK(names.size() == 25);
  for (const auto& name : names) {
    const auto arity = case_test_arity(name);
    REQUIRE(arity);
    CHECK(arity->first <= arity->second);
  }
  CHECK(case_test_arity("has_number_between") == std::make_pair(2, 2));
  CHECK(case_test_arity("has_phone") == std::make_pair(0, 1));
  CHECK(case_test_arity("has_category") == std::make_pair(1, INT_MAX));
  CHECK_FALSE(case_test_arity("has_ward"));
  const TestOutcome o = run("has_magic", "oui");
  CHECK(o.error);
  CHECK(o.message.find("has_magic") != std::string::npos);
}

TEST_CASE("a wrong number of arguments is an error, never a match") {
  run_cases({{"has_text", "hello", {"extra"}, E, ""},
             {"has_any_word", "hello", {}, E, ""},
             {"has_any_word", "one", {"two", "three"}, E, ""},
             {"has_number_between", "12 ans", {"10"}, E, ""},
             {"has_number_between", "12 ans", {"1", "2", "3"}, E, ""},
             {"has_number_lt", "12", {}, E, ""},
             {"has_date_lt", "1.10.2017", {}, E, ""},
             {"has_time", "10:30", {"extra"}, E, ""},
             {"has_phone", "76 12 34 56", {"ML", "SN"}, E, ""},
             {"has_group", "", {}, E, ""},
             {"has_category", "@results.sexe", {}, E, ""}},
            mali_env());
  const TestOutcome o = run("has_number_between", "12", {"10"});
  CHECK(o.message == "has_number_between takes 2 arguments, got 1");
}

TEST_CASE("has_text and has_value: anything but white space, trimmed") {
  run_cases({{"has_text", "hello", {}, M, "hello"},
             {"has_text", "  Awa Diallo 25 f \n", {}, M, "Awa Diallo 25 f"},
             {"has_text", "  ", {}, N, ""},
             {"has_text", " \n\t\u00a0", {}, N, ""},
             {"has_text", "", {}, N, ""},
             {"has_text", "123", {}, M, "123"},
             {"has_value", "oui", {}, M, "oui"},
             {"has_value", "", {}, N, ""}},
            mali_env());
}

TEST_CASE("has_only_text is exact and case-sensitive") {
  run_cases({{"has_only_text", "hello", {"hello"}, M, "hello"},
             {"has_only_text", "hello-world", {"hello-world"}, M, "hello-world"},
             {"has_only_text", "HELLO", {"hello"}, N, ""},
             {"has_only_text", "foo", {" foo "}, N, ""},
             {"has_only_text", "completed", {"completed"}, M, "completed"},
             {"has_only_text", "", {""}, M, ""}},
            mali_env());
}

TEST_CASE("has_any_word: RapidPro's words, any order, case-insensitive") {
  run_cases({{"has_any_word", "this.is.my.word", {"WORD word2 word"}, M, "word"},
             {"has_any_word", "this.is.my.βήτα", {"βήτα"}, M, "βήτα"},
             {"has_any_word", "I say to you📴", {"📴"}, M, "📴"},
             {"has_any_word", "this World too", {"world"}, M, "World"},
             {"has_any_word", "I don't like it", {"don't dont"}, M, "don't"},
             {"has_any_word", "BUT not this one", {"world"}, N, ""},
             {"has_any_word", "", {"world"}, N, ""},
             {"has_any_word", "world", {"foo"}, N, ""},
             {"has_any_word", "but foo", {""}, N, ""},
             {"has_any_word", "The Quick Brown Fox", {"fox quick"}, M, "Quick Fox"},
             {"has_any_word", "The Quick Brown Fox", {"red fox"}, M, "Fox"}},
            mali_env());
}

TEST_CASE("word tests forgive accents and capitals in French replies") {
  run_cases({{"has_any_word", "JÀM", {"jam"}, M, "JÀM"},
             {"has_any_word", "Jàm", {"Jam"}, M, "Jàm"},
             {"has_any_word", "jam", {"Jàm"}, M, "jam"},
             {"has_any_word", "VIOLENCE physique", {"violence abus"}, M, "VIOLENCE"},
             {"has_any_word", "négligence grave", {"negligence"}, M, "négligence"},
             {"has_any_word", "NEGLIGENCE", {"négligence"}, M, "NEGLIGENCE"},
             {"has_any_word", "ne\u0301gligence", {"negligence"}, M, "ne\u0301gligence"},  // decomposed é
             {"has_any_word", "abandon d'enfant", {"enfant"}, N, ""},  // "d'enfant" is one word, as in RapidPro
             {"has_any_word", "abandon d\u2019enfant", {"enfant"}, M, "enfant"},  // a typographic apostrophe splits
             {"has_any_word", "Oui!", {"oui"}, M, "Oui"},
             {"has_any_word", "ouii", {"oui"}, N, ""},
             {"has_any_word", "non, merci", {"oui"}, N, ""},
             {"has_all_words", "Mariage précoce, fille de 14 ans", {"mariage precoce"}, M, "Mariage précoce"},
             {"has_phrase", "c'est un cas de TRAVAIL des enfants", {"travail des enfants"}, M,
              "TRAVAIL des enfants"}},
            mali_env());
}

TEST_CASE("has_all_words: every word somewhere, matches in text order") {
  run_cases({{"has_all_words", "this.is.my.word", {"WORD word"}, M, "word"},
             {"has_all_words", "this World too", {"world too"}, M, "World too"},
             {"has_all_words", "the quick brown FOX", {"the fox"}, M, "the FOX"},
             {"has_all_words", "BUT not this one", {"world"}, N, ""},
             {"has_all_words", "the quick brown fox", {"red fox"}, N, ""},
             {"has_all_words", "anything", {""}, M, ""}},  // nothing to find: a vacuous match, as in RapidPro
            mali_env());
}

TEST_CASE("has_phrase and has_only_phrase: words in order with nothing between") {
  run_cases({{"has_phrase", "you Must resist", {"must resist"}, M, "Must resist"},
             {"has_phrase", "this world Too", {"world too"}, M, "world Too"},
             {"has_phrase", "this world Too", {""}, M, ""},
             {"has_phrase", "this is not world", {"this world"}, N, ""},
             {"has_phrase", "the Quick Brown fox", {"quick fox"}, N, ""},
             {"has_phrase", "a a b", {"a b"}, N, ""},  // RapidPro does not retry the breaking word
             {"has_only_phrase", "Must resist", {"must resist"}, M, "Must resist"},
             {"has_only_phrase", " world Too ", {"world too"}, M, "world Too"},
             {"has_only_phrase", "this world Too", {""}, N, ""},
             {"has_only_phrase", "", {""}, M, ""},
             {"has_only_phrase", "this world is my world", {"this world"}, N, ""},
             {"has_only_phrase", "this world", {"this mighty"}, N, ""},
             {"has_only_phrase", "Oui.", {"oui"}, M, "Oui"},
             {"has_only_phrase", "oui merci", {"oui"}, N, ""}},
            mali_env());
}

TEST_CASE("has_beginning: trimmed, case-insensitive, no tokenizing") {
  run_cases({{"has_beginning", "hello", {"hell"}, M, "hell"},
             {"has_beginning", "  HelloThere", {"hello"}, M, "Hello"},
             {"has_beginning", "", {"hello"}, N, ""},
             {"has_beginning", "hello", {""}, N, ""},
             {"has_beginning", "hel", {"hello"}, N, ""},
             {"has_beginning", "Must resist", {"must resist"}, M, "Must resist"},
             {"has_beginning", " 2061212", {"206"}, M, "206"},
             {"has_beginning", " world Too foo", {"world too"}, M, "world Too"},
             {"has_beginning", "but this world", {"this world"}, N, ""},
             {"has_beginning", "The Quick Brown", {"the   quick"}, N, ""},
             {"has_beginning", "Jàm 12", {"JAM"}, M, "Jàm"}},
            mali_env());
}

TEST_CASE("has_pattern: RE2 syntax, case-insensitive, groups in extra") {
  run_cases({{"has_pattern", "<html>x</html>", {"<\\w+>"}, M, "<html>"},
             {"has_pattern", "<html>x</html>", {"HTML"}, M, "html"},
             {"has_pattern", "<html>x</html>", {"(?-i)HTML"}, N, ""},
             {"has_pattern", "12345", {"\\A\\d{5}\\z"}, M, "12345"},
             {"has_pattern", "12345 ", {"\\A\\d{5}\\z"}, N, ""},
             {"has_pattern", " 12345", {"\\A\\d{5}\\z"}, N, ""},
             {"has_pattern", "hi there 😀", {"[\\x{1F600}-\\x{1F64F}]"}, M, "😀"},
             {"has_pattern", "hi there", {"[\\x{1F600}-\\x{1F64F}]"}, N, ""},
             {"has_pattern", "hi there 😂", {"[😀-🙏]"}, M, "😂"},
             {"has_pattern", "<html>x</html>", {"["}, E, ""},
             {"has_pattern", "Sell cheese please", {"buy (\\w+)"}, N, ""},
             {"has_pattern", "ligne 1\nJAM 25", {"^jam (\\d+)$"}, M, "JAM 25"},  // (?m) is on, as in RapidPro
             {"has_pattern", "Awa Diallo 25 f", {"(\\d+)\\s*(f|m)\\b"}, M, "25 f"},
             {"has_pattern", "abc", {"(a)|b"}, M, "a"},
             {"has_pattern", "xyz", {"a(b"}, E, ""},
             {"has_pattern", "xyz", {"a)"}, E, ""},
             {"has_pattern", "xyz", {"(a)\\1"}, E, ""},  // no back-references in RE2
             {"has_pattern", "xyz", {"a**"}, E, ""},
             {"has_pattern", "xyz", {"x{2000}"}, E, ""}},
            mali_env());

  const TestOutcome o = run("has_pattern", "Buy cheese please", {"buy (\\w+)"});
  CHECK(o.matched);
  CHECK(o.match == "Buy cheese");
  CHECK(o.extra == nlohmann::json({{"0", "Buy cheese"}, {"1", "cheese"}}));

  const TestOutcome opt = run("has_pattern", "tel 76", {"(tel|phone) (\\+)?(\\d+)"});
  CHECK(opt.extra == nlohmann::json({{"0", "tel 76"}, {"1", "tel"}, {"2", ""}, {"3", "76"}}));

  const TestOutcome none = run("has_text", "x");
  CHECK(none.extra.is_null());
}

TEST_CASE("the Jam flow's patterns pull the victim's name out of a reply") {
  const std::string name_then_age = "^[\\s,.;:-]*([^0-9,.;:]+?)[\\s,.;:-]+[0-9]";
  const std::string name_then_sex = "^[\\s,.;:-]*([^0-9,.;:]+?)[\\s,.;:-]+[fFmM][\\s,.;:-]*$";
  CHECK(run("has_pattern", "Awa Diallo 25 f", {name_then_age}).extra["1"] == "Awa Diallo");
  CHECK(run("has_pattern", "Diallo Awa, 25ans, F", {name_then_age}).extra["1"] == "Diallo Awa");
  CHECK(run("has_pattern", " - Aminata Traoré; 12 ; f", {name_then_age}).extra["1"] == "Aminata Traoré");
  CHECK_FALSE(run("has_pattern", "12 ans", {name_then_age}).matched);
  CHECK(run("has_pattern", "Awa Diallo f", {name_then_sex}).extra["1"] == "Awa Diallo");
  CHECK_FALSE(run("has_pattern", "Awa Diallo 25 f", {name_then_sex}).matched);
  CHECK(run("has_pattern", "pec ref-123 ok", {"(REF-?[0-9]+)"}).match == "ref-123");
  CHECK(run("has_pattern", "Moussa Keïta", {"^[^0-9]{3,}$"}).match == "Moussa Keïta");
  CHECK_FALSE(run("has_pattern", "douze 12", {"^[^0-9]{3,}$"}).matched);
}

TEST_CASE("has_pattern follows RE2's leftmost-first choices") {
  CHECK(run("has_pattern", "aaa", {"a+?"}).match == "a");
  CHECK(run("has_pattern", "aaa", {"a{2}"}).match == "aa");
  CHECK(run("has_pattern", "aaaa", {"a{1,3}"}).match == "aaa");
  CHECK(run("has_pattern", "abcd", {"b|bc"}).match == "b");
  CHECK(run("has_pattern", "abcd", {"bc|b"}).match == "bc");
  CHECK(run("has_pattern", "xabcabc", {"(abc)+"}).extra["1"] == "abc");
  CHECK(run("has_pattern", "a{b", {"a{b"}).match == "a{b");  // a brace that is no repeat is literal
  CHECK(run("has_pattern", "Né le 3", {"n\\pL le"}).match == "Né le");
  CHECK(run("has_pattern", "NÉGLIGENCE", {"négligence"}).match == "NÉGLIGENCE");
  CHECK(run("has_pattern", "id: AB12", {"(?P<code>[a-z]{2}\\d+)"}).extra["1"] == "AB12");
  CHECK(run("has_pattern", "x.y", {"x\\.y"}).matched);
  CHECK_FALSE(run("has_pattern", "xzy", {"x\\.y"}).matched);
  CHECK(run("has_pattern", "a\nb", {"a.b"}).matched == false);
  CHECK(run("has_pattern", "a\nb", {"(?s)a.b"}).matched);
  CHECK(run("has_pattern", "word", {"\\bwor\\B"}).match == "wor");
  CHECK(run("has_pattern", "2024", {"[[:digit:]]+"}).match == "2024");
  CHECK(run("has_pattern", "x", {"\\Qa.b\\E|x"}).match == "x");
}

TEST_CASE("has_pattern stays fast on patterns that explode backtracking engines") {
  const std::string input(3000, 'a');
  const TestOutcome o = run("has_pattern", input + "!", {"(a+)+b"});
  CHECK_FALSE(o.error);
  CHECK_FALSE(o.matched);
  const TestOutcome many = run("has_pattern", input, {"(a|aa)*c"});
  CHECK_FALSE(many.matched);
  // A huge program times a huge input is refused rather than run for ever.
  const TestOutcome costly = run("has_pattern", std::string(200000, 'a'), {"(a{1,1000}){1,3}z"});
  CHECK(costly.error);
  // Deeply nested groups are refused before they can exhaust the stack.
  CHECK(run("has_pattern", "a", {std::string(60, '(') + "a" + std::string(60, ')')}).matched);
  CHECK(run("has_pattern", "a", {std::string(5000, '(') + "a" + std::string(5000, ')')}).error);
  CHECK(run("has_pattern", "a", {std::string(5000, 'a') + "*"}).error);  // too long a pattern
}

TEST_CASE("has_number takes the first number, even inside a word") {
  run_cases({{"has_number", "the number 10", {}, M, "10"},
             {"has_number", "the number -10", {}, M, "-10"},
             {"has_number", "1-15", {}, M, "1"},
             {"has_number", "24ans", {}, M, "24"},
             {"has_number", "J'AI 20ANS", {}, M, "20"},
             {"has_number", "1,000,000", {}, M, "1000000"},
             {"has_number", "O número é 500", {}, M, "500"},
             {"has_number", "another is -12.51", {}, M, "-12.51"},
             {"has_number", "hi.51", {}, M, "51"},
             {"has_number", "hi .51", {}, M, "0.51"},
             {"has_number", ".51", {}, M, "0.51"},
             {"has_number", "١٢٣٤", {}, M, "1234"},
             {"has_number", "٠.٥", {}, M, "0.5"},
             {"has_number", "nothing here", {}, N, ""},
             {"has_number", "lOO", {}, N, ""},
             {"has_number", "", {}, N, ""},
             {"has_number", "100.00", {}, M, "100"},
             {"has_number", "a 12.5 b", {}, M, "12.5"},
             {"has_number", "007", {}, M, "7"},
             {"has_number", "12,5", {}, M, "125"},  // ',' groups digits in RapidPro's default number format
             {"has_number", "+5", {}, N, ""},       // RapidPro never reads a leading '+'
             {"has_number", "x -.5", {}, M, "-0.5"},
             {"has_number", "-0", {}, M, "0"}},
            mali_env());
}

TEST_CASE("reporters' replies: ages pulled out of the text") {
  run_cases({{"has_number", "Awa Diallo 25 f", {}, M, "25"},
             {"has_number", "Diallo Awa, 25ans, F", {}, M, "25"},
             {"has_number", "12 ans", {}, M, "12"},
             {"has_number", "douze", {}, N, ""},
             {"has_number_between", "Awa Diallo 25 f", {"0", "17"}, N, ""},
             {"has_number_between", "Fatoumata 12 ans f", {"0", "17"}, M, "12"},
             {"has_number_between", "Diallo Awa, 25ans, F", {"18", "120"}, M, "25"},
             {"has_number_lt", "12 ans", {"18"}, M, "12"},
             {"has_number_gte", "douze", {"18"}, N, ""},
             {"has_number_eq", "1", {"1"}, M, "1"},
             {"has_number_eq", "2", {"1"}, N, ""},
             {"has_number_eq", "choix 2", {"2"}, M, "2"},
             {"has_number_eq", " 1.", {"1"}, M, "1"},
             // the first number that passes the test wins, not the first number
             {"has_number_between", "classe 3, age 14", {"10", "17"}, M, "14"},
             {"has_number_gt", "1-15", {"5"}, N, ""}},  // "-15" is the second number
            mali_env());
}

TEST_CASE("number comparisons are exact and arguments must be numbers") {
  run_cases({{"has_number_lt", "the number 10", {"11"}, M, "10"},
             {"has_number_lt", "another is -12.51", {"12"}, M, "-12.51"},
             {"has_number_lt", "١٠", {"11"}, M, "10"},
             {"has_number_lt", "nothing here", {"12"}, N, ""},
             {"has_number_lt", "too big 15", {"12"}, N, ""},
             {"has_number_lt", "but foo", {"foo"}, E, ""},
             {"has_number_lte", "the number 10", {"10"}, M, "10"},
             {"has_number_lte", "too big 15", {"12"}, N, ""},
             {"has_number_eq", "another is -12.51", {"-12.51"}, M, "-12.51"},
             {"has_number_eq", "wrong .51", {".61"}, N, ""},
             {"has_number_eq", "12.50", {"12.5"}, M, "12.5"},
             {"has_number_eq", "0.1", {"0.10"}, M, "0.1"},
             {"has_number_gte", "another is -12.51", {"-13"}, M, "-12.51"},
             {"has_number_gte", "too small -12", {"-11"}, N, ""},
             {"has_number_gt", "not great -12.51", {"-12.51"}, N, ""},
             {"has_number_gt", "the number 10", {"9.999999999999999999999"}, M, "10"},
             {"has_number_between", "the number 10", {"8", "12"}, M, "10"},
             {"has_number_between", "24ans", {"20", "24"}, M, "24"},
             {"has_number_between", "another is -12.51", {"-12.51", "-10"}, M, "-12.51"},
             {"has_number_between", "nothing here", {"10", "15"}, N, ""},
             {"has_number_between", "a string", {"10", "not number"}, E, ""},
             {"has_number_between", "a string", {"", "10"}, E, ""},
             {"has_number_gt", "10", {"1,000"}, E, ""},
             {"has_number_gt", "10", {" 5 "}, M, "10"},
             {"has_number_gt", "10", {"+5"}, E, ""}},
            mali_env());
}

TEST_CASE("has_date reads the environment's day/month order, RapidPro's table") {
  const TestEnv env = kigali_env();
  run_cases({{"has_date", "last date was 1.10.2017", {}, M, "2017-10-01T15:24:30.000000+02:00"},
             {"has_date", "last date was 1.10.99", {}, M, "1999-10-01T15:24:30.000000+02:00"},
             {"has_date", "this isn't a valid date 33.2.99", {}, N, ""},
             {"has_date", "no date at all", {}, N, ""},
             {"has_date_lt", "last date was 1.10.2017", {"3.10.2017"}, M, "2017-10-01T15:24:30.000000+02:00"},
             {"has_date_lt", "last date was 1.10.99", {"3.10.98"}, N, ""},
             {"has_date_lt", "no date at all", {"3.10.98"}, N, ""},
             {"has_date_lt", "last date was 1.10.2017", {""}, E, ""},
             {"has_date_lt", "x", {"but foo"}, E, ""},
             {"has_date_eq", "last date was 1.10.2017", {"1.10.2017"}, M, "2017-10-01T15:24:30.000000+02:00"},
             {"has_date_eq", "last date was 1.10.99", {"3.10.98"}, N, ""},
             {"has_date_eq", "2017-10-01T23:55:55.123456+02:00", {"1.10.2017"}, M, "2017-10-01T23:55:55.123456+02:00"},
             {"has_date_eq", "2017-10-01T23:55:55.123456+01:00", {"1.10.2017"}, N, ""},  // 2 October in Kigali
             {"has_date_gt", "last date was 1.10.2017", {"3.10.2016"}, M, "2017-10-01T15:24:30.000000+02:00"},
             {"has_date_gt", "last date was 1.10.99", {"3.10.01"}, N, ""},
             {"has_date_eq", "the date is 15/01/2017 15:00", {"2017-01-15"}, M, "2017-01-15T15:00:00.000000+02:00"}},
            env);
}

TEST_CASE("dates in Mali: DD-MM-YYYY, two-digit years, ISO, times after the date") {
  const TestEnv env = mali_env();  // now: 2024-03-04 08:00 UTC
  run_cases({{"has_date", "né le 12/03/2015", {}, M, "2015-03-12T08:00:00.000000Z"},
             {"has_date", "12-03-15", {}, M, "2015-03-12T08:00:00.000000Z"},
             {"has_date", "12 03 2015 à 14:30", {}, M, "2015-03-12T14:30:00.000000Z"},
             {"has_date", "1.2.24", {}, M, "2024-02-01T08:00:00.000000Z"},
             {"has_date", "1.2.25", {}, M, "1925-02-01T08:00:00.000000Z"},  // past this year: last century
             {"has_date", "2024-03-01", {}, M, "2024-03-01T08:00:00.000000Z"},
             {"has_date", "2024-03-01T10:15:00Z", {}, M, "2024-03-01T10:15:00.000000Z"},
             {"has_date", "le 2024-03-01", {}, N, ""},  // ISO only at the start, then the local order
             {"has_date", "31/02/2024", {}, M, "2024-03-02T08:00:00.000000Z"},  // rolls over like RapidPro
             {"has_date", "13/13/2024", {}, N, ""},
             {"has_date", "hier", {}, N, ""},
             {"has_date", "", {}, N, ""},
             {"has_date", "Awa Diallo 25 f", {}, N, ""},
             {"has_date", "01-01-16a", {}, N, ""},
             {"has_date_lt", "03/03/2024", {"2024-03-04"}, M, "2024-03-03T08:00:00.000000Z"},
             {"has_date_lt", "04/03/2024", {"2024-03-04"}, N, ""},
             {"has_date_eq", "04/03/2024 à 23h", {"2024-03-04T00:00:00.000000Z"}, M, "2024-03-04T08:00:00.000000Z"},
             {"has_date_gt", "05/03/2024", {"2024-03-04"}, M, "2024-03-05T08:00:00.000000Z"}},
            env);

  TestEnv us = env;
  us.date_format = "MM-DD-YYYY";
  run_cases({{"has_date", "03/12/2015", {}, M, "2015-03-12T08:00:00.000000Z"},
             {"has_date", "13/12/2015", {}, N, ""}},
            us);
  TestEnv ymd = env;
  ymd.date_format = "YYYY-MM-DD";
  run_cases({{"has_date", "it's 2018/12/31 ok", {}, M, "2018-12-31T08:00:00.000000Z"},
             {"has_date", "it's 18-12-31 ok", {}, M, "2018-12-31T08:00:00.000000Z"}},
            ymd);
}

TEST_CASE("dates compare in the environment's time zone") {
  TestEnv env = mali_env();
  env.utc_offset_minutes = -60;  // 2024-03-04 07:00 local
  const TestOutcome o = run("has_date_eq", "2024-03-04T00:30:00Z", {"2024-03-03"}, env);
  CHECK(o.matched);  // 00:30 UTC is 23:30 on the 3rd, one hour west
  CHECK(o.match == "2024-03-04T00:30:00.000000Z");
  const TestOutcome local = run("has_date", "04/03/2024", {}, env);
  CHECK(local.match == "2024-03-04T07:00:00.000000-01:00");
}

TEST_CASE("has_time: 10:30, 10 PM, 1030; French 10h30 is not a time for RapidPro") {
  run_cases({{"has_time", "last time was 10:30", {}, M, "10:30:00.000000"},
             {"has_time", "this isn't a valid time 59:77", {}, N, ""},
             {"has_time", "no time at all", {}, N, ""},
             {"has_time", "the time is 10 PM", {}, M, "22:00:00.000000"},
             {"has_time", "the time is 10:30:45", {}, M, "10:30:45.000000"},
             {"has_time", "there is no time here, just the number 25", {}, N, ""},
             {"has_time", "it's 10 ok", {}, M, "10:00:00.000000"},
             {"has_time", "it's 10:30pm ok", {}, M, "22:30:00.000000"},
             {"has_time", "it's 1030 ok", {}, M, "10:30:00.000000"},
             {"has_time", "it's 1030 PM ok", {}, M, "22:30:00.000000"},
             {"has_time", "it's 10:30:45.123456789 pm ok", {}, M, "22:30:45.123456"},
             {"has_time", "it's 12:00 AM", {}, M, "00:00:00.000000"},
             {"has_time", "it's 12pm", {}, M, "12:00:00.000000"},
             {"has_time", "it's 24:00 ok", {}, M, "00:00:00.000000"},
             {"has_time", "it's 25:30", {}, N, ""},
             {"has_time", "it's 10:61", {}, N, ""},
             {"has_time", "à 10h30", {}, N, ""},
             {"has_time", "à 10h", {}, N, ""},
             {"has_time", "vers 10 h 30", {}, M, "10:00:00.000000"},
             {"has_time", "", {}, N, ""}},
            mali_env());
}

TEST_CASE("has_phone normalises to E.164 with Mali as the default country") {
  run_cases({{"has_phone", "mon numéro: 76 12 34 56", {}, M, "+22376123456"},
             {"has_phone", "76123456", {}, M, "+22376123456"},
             {"has_phone", "+223 76-12-34-56", {}, M, "+22376123456"},
             {"has_phone", "0022376123456", {}, M, "+22376123456"},
             {"has_phone", "22376123456", {}, M, "+22376123456"},
             {"has_phone", "(76) 12.34.56 merci", {}, M, "+22376123456"},
             {"has_phone", "7612345", {}, N, ""},     // 7 digits: not a Malian number
             {"has_phone", "076123456", {}, N, ""},   // Mali has no trunk 0
             {"has_phone", "77 123 45 67", {}, N, ""},
             {"has_phone", "77 123 45 67", {"SN"}, M, "+221771234567"},
             {"has_phone", "221771234567", {}, M, "+221771234567"},  // 11+ digits: read as international
             {"has_phone", "+221 77 123 45 67", {}, M, "+221771234567"},
             {"has_phone", "Awa Diallo 25 f", {}, N, ""},
             {"has_phone", "12 ans", {}, N, ""},
             {"has_phone", "", {}, N, ""},
             {"has_phone", "oui", {"ML"}, N, ""},
             {"has_phone", "76 12 34 56", {"ZZ"}, N, ""},
             {"has_phone", "first 1234, then 66 00 11 22 and 76 12 34 56", {}, M, "+22366001122"}},
            mali_env());
}

TEST_CASE("has_phone matches RapidPro's published cases") {
  const TestEnv env = kigali_env();
  struct P {
    std::string input, country, expected;
  };
  const std::vector<P> cases = {
      {"+250788123123", "", "+250788123123"},   {"u812111005611", "ID", "+62812111005611"},
      {"oioas812111", "US", ""},                {"+593979111111", "", "+593979111111"},
      {"0788123123", "", "+250788123123"},      {"0788123123", "RW", "+250788123123"},
      {"+250788123123", "RW", "+250788123123"}, {"+12065551212", "RW", "+12065551212"},
      {"12065551212", "US", "+12065551212"},    {"206 555 1212", "US", "+12065551212"},
      {"5912705", "US", ""},                    {"+10001112222", "US", "+10001112222"},
      {"0815 1053 7962", "ID", "+6281510537962"}, {"0954 1053 7962", "ID", "+6295410537962"},
      {"0811-1005-611", "ID", "+628111005611"}, {"10000", "US", ""},
      {"oui", "CD", ""},
  };
  for (const auto& c : cases) {
    const std::vector<std::string> args = c.country.empty() ? std::vector<std::string>{}
                                                            : std::vector<std::string>{c.country};
    const TestOutcome o = run_case_test("has_phone", "my number is " + c.input, args, env);
    INFO(c.input << " / " << c.country << " -> " << o.match);
    CHECK_FALSE(o.error);
    CHECK(o.matched == !c.expected.empty());
    CHECK(o.match == c.expected);
  }
  CHECK(run("has_phone", "Mine is (202) 456-1111, his is (202) 456-2222 thanks", {"US"}).match == "+12024561111");
}

TEST_CASE("has_email finds the first address") {
  run_cases({{"has_email", "my email is foo@bar.com.", {}, M, "foo@bar.com"},
             {"has_email", "my email is <foo~$1+spam@bar-2.com>", {}, M, "foo~$1+spam@bar-2.com"},
             {"has_email", "FOO@bar.whatzit", {}, M, "FOO@bar.whatzit"},
             {"has_email", "FOO@βήτα.whatzit", {}, M, "FOO@βήτα.whatzit"},
             {"has_email", "email is foo @ bar . com", {}, N, ""},
             {"has_email", "email is foo@bar", {}, N, ""},
             {"has_email", "", {}, N, ""},
             {"has_email", "my email is foo1@bar.com, please respond", {}, M, "foo1@bar.com"},
             {"has_email", "a@b@c.ml", {}, M, "b@c.ml"},
             {"has_email", "awa.diallo@enda-mali.org.ml ou aminata@x.sn", {}, M, "awa.diallo@enda-mali.org.ml"},
             {"has_email", ".x@ex.com", {}, M, "x@ex.com"}},
            mali_env());
}

TEST_CASE("has_group looks the UUID up in the contact's groups") {
  run_cases({{"has_group", "", {"0b7e-mopti"}, M, "{name: Mopti, uuid: 0b7e-mopti}"},
             {"has_group", "@contact.groups", {"6f1c-relais", "Relais communautaires"}, M,
              "{name: Relais communautaires, uuid: 6f1c-relais}"},
             {"has_group", "", {"Mopti"}, N, ""},
             {"has_group", "", {"9999"}, N, ""}},
            mali_env());
  TestEnv alone = mali_env();
  alone.contact_groups.clear();
  CHECK_FALSE(run("has_group", "", {"0b7e-mopti"}, alone).matched);
}

TEST_CASE("has_category compares a saved result's category") {
  run_cases({{"has_category", "@results.sexe", {"Garçon", "Fille"}, M, "Fille"},
             {"has_category", "results.type_violence", {"Négligence"}, M, "Négligence"},
             {"has_category", "@(run.results.type_violence)", {"Abus"}, N, ""},
             {"has_category", "sexe", {"fille"}, N, ""},  // categories are compared exactly
             {"has_category", "@results.age", {"Enfant"}, E, ""}},
            mali_env());
}

TEST_CASE("menu choices and yes/no answers route the way a flow expects") {
  const TestEnv env = mali_env();
  CHECK(run("has_number_eq", "1", {"1"}, env).matched);
  CHECK(run("has_number_eq", "Option 2", {"2"}, env).match == "2");
  CHECK_FALSE(run("has_number_eq", "12", {"1"}, env).matched);
  CHECK(run("has_only_phrase", " 1 ", {"1"}, env).matched);
  CHECK(run("has_any_word", "OUI", {"oui o yes"}, env).match == "OUI");
  CHECK(run("has_any_word", "Non.", {"non n no"}, env).match == "Non");
  CHECK_FALSE(run("has_any_word", "nonante", {"non n no"}, env).matched);
  CHECK(run("has_beginning", "ouiii", {"oui"}, env).match == "oui");
}

TEST_CASE("no input, however strange, makes a test throw or crash") {
  const std::vector<std::string> inputs = {"", std::string("\xff\xfe\x80", 3), std::string(1, '\0'), "((((",
                                           std::string(5000, '9'), "\xe2\x82", "-.-.-,,,", "٫٬"};
  for (const auto& name : supported_case_tests()) {
    const auto arity = case_test_arity(name);
    for (const auto& input : inputs) {
      std::vector<std::string> args(static_cast<size_t>(arity->first), input);
      const TestOutcome o = run_case_test(name, input, args, mali_env());
      CHECK((o.matched || o.match.empty()));
    }
  }
  CHECK(run("has_number", std::string(5000, '9')).matched == false);  // too many digits for RapidPro
}
