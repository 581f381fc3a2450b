// ODK XPath: parsing (with error columns), every operator and function, empty vs zero, dates and time zones.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "forms/conformance.h"
#include "forms/xpath.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::forms;

namespace {

struct MapResolver : Resolver {
  std::map<std::string, Value> fields;
  Value me = Value::string_of("");
  int pos = 0;
  Value field(const std::string& n) const override {
    auto it = fields.find(n);
    return it == fields.end() ? Value::string_of("") : it->second;
  }
  Value self() const override { return me; }
  int position() const override { return pos; }
  std::string choice_label(const std::string& f, const std::string& v) const override { return f + ":" + v; }
};

std::string ev(const std::string& expr, const Resolver& r = Resolver(), EvalContext ctx = {}) {
  XPathError err;
  auto e = parse_xpath(expr, err);
  REQUIRE_MESSAGE(e.has_value(), expr << " -> " << render_error(err));
  auto v = evaluate(*e, r, ctx, err);
  REQUIRE_MESSAGE(v.has_value(), expr << " -> " << render_error(err));
  return to_string(*v, ctx.utc_offset_minutes);
}

XPathError parse_error(const std::string& expr) {
  XPathError err;
  CHECK_FALSE(parse_xpath(expr, err).has_value());
  return err;
}

XPathError eval_error(const std::string& expr) {
  XPathError err;
  auto e = parse_xpath(expr, err);
  REQUIRE(e.has_value());
  CHECK_FALSE(evaluate(*e, Resolver(), EvalContext{}, err).has_value());
  return err;
}

}  // namespace

TEST_CASE("forms.xpath: arithmetic and precedence") {
  CHECK(ev("1+2*3") == "7");
  CHECK(ev("(1+2)*3") == "9");
  CHECK(ev("7 div 2") == "3.5");
  CHECK(ev("7 mod 3") == "1");
  CHECK(ev("-5 mod 2") == "-1");
  CHECK(ev("- 3 + 1") == "-2");
  CHECK(ev("--3") == "3");
  CHECK(ev("1mod 1") == "0");
  CHECK(ev("1 div 0") == "Infinity");
  CHECK(ev("-1 div 0") == "-Infinity");
  CHECK(ev("0 div 0") == "NaN");
  CHECK(ev("0.1 + 0.2") == "0.30000000000000004");
  CHECK(ev("1 div 3") == "0.3333333333333333");
  CHECK(ev("0.000001") == "0.000001");
  CHECK(ev("1000000000000000000000 * 10") == "10000000000000000000000");
}

TEST_CASE("forms.xpath: comparisons and logic") {
  CHECK(ev("1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3") == "true");
  CHECK(ev("'a' = 'a' and 'a' != 'b'") == "true");
  CHECK(ev("'10' = 10.0") == "true");          // number wins over string
  CHECK(ev("'10' = '10.0'") == "false");       // two strings compare as text
  CHECK(ev("true() = 'x'") == "true");         // boolean wins
  CHECK(ev("'abc' < 'abd'") == "false");       // relational: numbers, NaN never compares
  CHECK(ev("not(1 = 1) or false()") == "false");
  CHECK(ev("true() or unknown-fn()") == "true");  // short-circuit: the problem is never reached
  CHECK(ev("false() and unknown-fn()") == "false");
}

TEST_CASE("forms.xpath: empty is not zero") {
  MapResolver r;
  r.fields["a"] = Value::string_of("");
  r.fields["b"] = Value::string_of("0");
  CHECK(ev("number(${a})", r) == "NaN");
  CHECK(ev("${a} = 0", r) == "false");
  CHECK(ev("${b} = 0", r) == "true");
  CHECK(ev("${a} + 1", r) == "NaN");
  CHECK(ev("${a} = ''", r) == "true");
  CHECK(ev("coalesce(${a}, 'vide')", r) == "vide");
  CHECK(ev("coalesce(${b}, 'vide')", r) == "0");
  CHECK(ev("boolean(${a})", r) == "false");
  CHECK(ev("string-length(${a})", r) == "0");
}

TEST_CASE("forms.xpath: references, self, node-sets") {
  MapResolver r;
  r.fields["total"] = Value::string_of("10");
  r.fields["ages"] = Value::nodes_of({"3", "", "12"});
  r.me = Value::string_of("7");
  CHECK(ev(". >= 0 and . <= ${total}", r) == "true");
  r.me = Value::string_of("11");
  CHECK(ev(". >= 0 and . <= ${total}", r) == "false");
  CHECK(ev("sum(${ages})", r) == "NaN");  // an empty answer makes the sum unknown, as in ODK
  CHECK(ev("count(${ages})", r) == "3");
  CHECK(ev("count-non-empty(${ages})", r) == "2");
  CHECK(ev("${ages} = 12", r) == "true");  // existential comparison
  CHECK(ev("${ages} > 20", r) == "false");
  CHECK(ev("max(${ages})", r) == "NaN");
  r.fields["ages"] = Value::nodes_of({"3", "12"});
  CHECK(ev("sum(${ages})", r) == "15");
  CHECK(ev("max(${ages}, 4)", r) == "12");
  CHECK(ev("min(${ages})", r) == "3");
  CHECK(ev("join('-', ${ages})", r) == "3-12");
  CHECK(ev("indexed-repeat(${ages}, ${rep}, 2)", r) == "12");
  CHECK(ev("indexed-repeat(${ages}, ${rep}, 3)", r) == "");
  CHECK(ev("indexed-repeat(${total}, ${rep}, 1)", r) == "10");
  r.pos = 2;
  CHECK(ev("position(..)", r) == "2");
  CHECK(ev("once('x')", r) == "11");
  r.me = Value::string_of("");
  CHECK(ev("once('x')", r) == "x");
  CHECK(ev("jr:choice-name('oui', '${q}')", r) == "q:oui");
  XPathError err;
  auto e = parse_xpath("${a} + ${b} * ${a} + .", err);
  REQUIRE(e);
  CHECK(e->references() == std::vector<std::string>{"a", "b"});
  CHECK(e->uses_self());
}

TEST_CASE("forms.xpath: selections") {
  CHECK(ev("selected('a b c', 'b')") == "true");
  CHECK(ev("selected('a b c', 'd')") == "false");
  CHECK(ev("selected('ab', 'a')") == "false");
  CHECK(ev("count-selected('a  b c ')") == "3");
  CHECK(ev("count-selected('')") == "0");
  CHECK(ev("selected-at('a b c', 0)") == "a");
  CHECK(ev("selected-at('a b c', 3)") == "");
}

TEST_CASE("forms.xpath: string functions") {
  CHECK(ev("concat('a', 1, true())") == "a1true");
  CHECK(ev("string-length('Ségou')") == "5");
  CHECK(ev("substr('Ségou', 1, 3)") == "ég");
  CHECK(ev("substr('hello', -3)") == "llo");
  CHECK(ev("substring('12345', 1.5, 2.6)") == "234");
  CHECK(ev("substring-before('a=b', '=')") == "a");
  CHECK(ev("substring-after('a=b', '=')") == "b");
  CHECK(ev("contains('Mopti', 'op')") == "true");
  CHECK(ev("starts-with('Mopti', 'Mo')") == "true");
  CHECK(ev("ends-with('Mopti', 'ti')") == "true");
  CHECK(ev("translate('abc', 'abc', 'AB')") == "AB");
  CHECK(ev("normalize-space('  a   b ')") == "a b");
  CHECK(ev("regex('70001234', '^[0-9]{8}$')") == "true");
  CHECK(ev("regex('7000123', '^[0-9]{8}$')") == "false");
  CHECK(ev("string(12.50)") == "12.5");
  CHECK(ev("boolean-from-string('true')") == "true");
  CHECK(ev("lower-case('ÉCOLE')") == "école");
  CHECK(eval_error("regex('a', '(')").code == "xpath_bad_regex");
}

TEST_CASE("forms.xpath: numeric functions") {
  CHECK(ev("int(-2.7)") == "-2");
  CHECK(ev("round(2.5)") == "3");
  CHECK(ev("round(-2.5)") == "-3");
  CHECK(ev("round(3.14159, 2)") == "3.14");
  CHECK(ev("floor(-0.5)") == "-1");
  CHECK(ev("ceiling(0.2)") == "1");
  CHECK(ev("abs(-4)") == "4");
  CHECK(ev("pow(2, 10)") == "1024");
  CHECK(ev("sqrt(16)") == "4");
  CHECK(ev("number(' 12 ')") == "12");
  CHECK(ev("number('1e3')") == "NaN");
  CHECK(ev("if(1 > 2, 'a', 'b')") == "b");
  CHECK(ev("min(3, 1, 2)") == "1");
  CHECK(ev("max(3, 'x')") == "NaN");
}

TEST_CASE("forms.xpath: dates on the sim clock and its offset") {
  EvalContext ctx;
  ctx.now = *parse_iso_time("2024-03-01T23:30:00Z");
  CHECK(ev("today()", Resolver(), ctx) == "2024-03-01");
  CHECK(ev("now()", Resolver(), ctx) == "2024-03-01T23:30:00.000+00:00");
  ctx.utc_offset_minutes = 60;  // one hour east: already the next day
  CHECK(ev("today()", Resolver(), ctx) == "2024-03-02");
  CHECK(ev("now()", Resolver(), ctx) == "2024-03-02T00:30:00.000+01:00");
  ctx.utc_offset_minutes = 0;
  CHECK(ev("date('2024-03-01') + 1", Resolver(), ctx) == "19784");
  CHECK(ev("date(date('2024-02-28') + 2)", Resolver(), ctx) == "2024-03-01");  // leap year
  CHECK(ev("today() - date('2024-02-01')", Resolver(), ctx) == "29");
  CHECK(ev("'2024-03-02' > today()", Resolver(), ctx) == "true");  // date text compares as a date
  CHECK(ev("format-date('2024-03-01', '%d/%m/%Y %e %n %b %a')", Resolver(), ctx) == "01/03/2024 1 3 mars ven.");
  CHECK(ev("format-date-time('2024-03-01T08:05:09Z', '%H:%M:%S %h')", Resolver(), ctx) == "08:05:09 8");
  CHECK(ev("decimal-date-time('1970-01-02T12:00:00Z')", Resolver(), ctx) == "1.5");
  CHECK(ev("decimal-time('06:00:00Z')", Resolver(), ctx) == "0.25");
  CHECK(ev("format-date('pas une date', '%Y')", Resolver(), ctx) == "");
  CHECK(ev("date('')", Resolver(), ctx) == "");
  CHECK(eval_error("date('2024-02-30')").code == "xpath_bad_date");
  CHECK(ev("date-time('x')", Resolver(), ctx) == "Invalid Date");
}

TEST_CASE("forms.xpath: uuid and random are deterministic for a seed") {
  EvalContext a, b;
  a.seed = b.seed = 42;
  const std::string u = ev("uuid()", Resolver(), a);
  CHECK(u.size() == 36);
  CHECK(u[14] == '4');
  CHECK(ev("uuid()", Resolver(), b) == u);
  b.seed = 43;
  CHECK(ev("uuid()", Resolver(), b) != u);
  CHECK(ev("string-length(uuid(12))", Resolver(), a) == "12");
  const double r = std::stod(ev("random()", Resolver(), a));
  CHECK(r >= 0);
  CHECK(r < 1);
}

TEST_CASE("forms.xpath: parse errors name their column") {
  XPathError e = parse_error("1 + ");
  CHECK(e.code == "xpath_unexpected_end");
  CHECK(e.column == 5);
  e = parse_error("${a} = 'oui");
  CHECK(e.code == "xpath_unclosed_string");
  CHECK(e.column == 8);
  e = parse_error("(1 + 2");
  CHECK(e.code == "xpath_expected");
  CHECK(e.column == 7);
  e = parse_error("${a b} = 1");
  CHECK(e.code == "xpath_bad_reference");
  CHECK(e.column == 1);
  e = parse_error("1 # 2");
  CHECK(e.code == "xpath_unexpected");
  CHECK(e.column == 3);
  e = parse_error("/data/x = 1");
  CHECK(e.code == "xpath_unsupported");
  CHECK(render_error(e).find("colonne 1") == 0);
  CHECK(render_error(e, true).find("column 1") == 0);
  e = parse_error("1 2");
  CHECK(e.column == 3);
  std::string deep(500, '(');
  CHECK(parse_error(deep + "1").code == "xpath_too_deep");  // no stack overflow
}

TEST_CASE("forms.xpath: unknown functions and arity are problems, reported when reached") {
  XPathError err;
  auto e = parse_xpath("if(${a}, nope(1), substr('a'))", err);
  REQUIRE(e);
  REQUIRE(e->problems().size() == 2);
  CHECK(e->problems()[0].code == "xpath_unknown_function");
  CHECK(e->problems()[0].column == 10);
  CHECK(e->problems()[1].code == "xpath_arity");
  CHECK(eval_error("true(5)").code == "xpath_arity");
  CHECK(eval_error("normalize-space()").code == "xpath_arity");
}

TEST_CASE("forms.xpath: the shared conformance table passes at least 95%") {
  auto text = read_file(test::source_path("tests/forms/xpath-public.json"));
  REQUIRE(text);
  const auto table = nlohmann::json::parse(*text);
  EvalContext ctx;
  ctx.utc_offset_minutes = table_utc_offset(table);
  CHECK(ctx.utc_offset_minutes == -420);
  Diagnostics errors;
  const TableResult r = run_table(table, ctx, errors);
  CHECK(errors.empty());
  MESSAGE(r.passed << " passed, " << r.failed << " failed");
  CHECK(r.passed + r.failed == 631);
  CHECK(r.passed * 100 >= 95 * (r.passed + r.failed));
}

TEST_CASE("forms.xpath: hostile sizes are refused, never crash") {
  std::string sum = "1";
  for (int i = 0; i < 98; ++i) sum += " + 1";
  CHECK(ev(sum) == "99");  // a long sum still evaluates (also in WebAssembly's small stack)
  std::string longer = "1";
  for (int i = 0; i < 2000; ++i) longer += " + 1";
  CHECK(parse_error(longer).code == "xpath_too_deep");
  CHECK(ev("date(pow(10, 300))") == "Invalid Date");
  CHECK(ev("format-date(pow(10, 300), '%Y')") == "");
  CHECK(ev("substr('abc', pow(10, 300))") == "");
  CHECK(ev("selected-at('a b', pow(10, 300))") == "");
  CHECK(ev("uuid(pow(10, 300))").size() == 256);
}

TEST_CASE("forms.xpath: remaining functions, one by one") {
  CHECK(ev("exp(0)") == "1");
  CHECK(ev("exp10(3)") == "1000");
  CHECK(ev("log(1)") == "0");
  CHECK(ev("log10(1000)") == "3");
  CHECK(ev("round(sin(pi() div 2), 6)") == "1");
  CHECK(ev("cos(0)") == "1");
  CHECK(ev("round(tan(pi() div 4), 6)") == "1");
  CHECK(ev("round(asin(1) * 2, 6) = round(pi(), 6)") == "true");
  CHECK(ev("acos(1)") == "0");
  CHECK(ev("round(atan(1) * 4, 6) = round(pi(), 6)") == "true");
  CHECK(ev("round(atan2(1, 1) * 4, 6) = round(pi(), 6)") == "true");
  CHECK(ev("sqrt(-1)") == "NaN");
  CHECK(ev("string(number('12'))") == "12");
  CHECK(ev("boolean('0')") == "true");  // a non-empty text is true, even "0"
  CHECK(ev("boolean(0)") == "false");
  CHECK(ev("not('')") == "true");
  CHECK(ev("true() and not(false())") == "true");
  CHECK(ev("upper-case('ségou')") == "SÉGOU");
  CHECK(ev("count('x')") == "1");
  CHECK(ev("date-time('2024-03-01T10:00:00Z')") == "2024-03-01T10:00:00.000+00:00");
  CHECK(ev("decimal-time('18:00:00+02:00')") == "0.6666666666666666");
  CHECK(ev("substring-before('abc', 'z')") == "");
}
