// RapidPro's template and expression language ("Excellent", as goflow implements it): "Bonjour
// @contact.name", "@(upper(results.village.value))", "@(datetime_add(now(), 2, \"D\"))".
//
// A template is text with @references and @(expressions); @@ is a literal @. An @reference whose first
// name is not a top-level key of the context stays literal text, so "awa@kalan.example" is left alone.
// Evaluation is exact and deterministic: numbers are decimals (never floating point), dates use the
// simulation clock and a fixed UTC offset, and nothing depends on the platform's locale.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kalan::flows {

struct ExprEnv {
  std::int64_t now = 0;            // sim clock (seconds since epoch, UTC) for now() and today()
  int utc_offset_minutes = 0;      // the environment's time zone, a fixed offset
  std::string date_format = "DD-MM-YYYY";   // RapidPro environment date format
  std::string time_format = "tt:mm";
  std::string default_country = "ML";
  // Optional additions (defaults keep RapidPro's behaviour):
  std::string timezone_name;       // what tz() reports for the environment's zone, e.g. "Africa/Bamako"
  std::string locale = "en";       // "en" or "fr": month and day names for MMM, MMMM, EEE, EEEE
  std::optional<std::uint64_t> random_seed;  // rand() and rand_between() are errors without it
};

// One top-level entry of a context, held by the caller; a null value is an absent entry. An object
// given with a default text stands for that text, as if it held it as "__default__" (the flow engine
// gives the input message so, rather than copying it to add one).
struct ContextEntry {
  std::string_view name;
  const nlohmann::json* value = nullptr;
  const std::string* default_text = nullptr;
};
// A context given by its top-level entries, sorted by name (lower case, no duplicates). The flow
// engine keeps its entries from one render to the next instead of copying them into one object.
// Same lookups as a JSON object with those keys.
using ContextEntries = std::vector<ContextEntry>;

struct RenderResult {
  std::string text;                 // the rendered text (errors render as RapidPro renders them)
  std::vector<std::string> errors;  // one message per failing expression, RapidPro-like wording
};

// Renders a template: plain text with @references (@contact.name, @results.age.category) and
// @(expressions); @@ is a literal @. The context is a JSON object whose top-level keys are the
// variables (contact, results, ...); an object's "__default__" value is what it renders as.
// A failing expression renders as empty text and adds "error evaluating <expr>: <reason>" to errors.
RenderResult render_template(std::string_view tmpl, const nlohmann::json& context, const ExprEnv& env);
RenderResult render_template(std::string_view tmpl, const ContextEntries& context, const ExprEnv& env);
// Evaluates one bare expression (no leading @), e.g. "results.age.value + 1", and returns its text form.
RenderResult evaluate_to_text(std::string_view expr, const nlohmann::json& context, const ExprEnv& env);
// The top-level context names a template can read, lower-cased, sorted and without duplicates:
// the first name of each @reference and every name inside its @(expressions) (function names
// too: a context key hides the function of the same name). Rendering the template with a context
// that holds only the top-level keys whose lower-cased form is in this list gives exactly the same
// result as with the whole context, so a caller may build only those entries. Parsed templates
// are cached, so this is cheap to call before each render.
std::vector<std::string> template_names(std::string_view tmpl);
// The same names without a copy: valid until the next call of template_names_ref.
const std::vector<std::string>& template_names_ref(std::string_view tmpl);
// True if the template parses (for load-time validation of flows); `error` gets the message.
bool check_template(std::string_view tmpl, std::string* error);

// Evaluates one bare expression and returns its value as JSON: text -> string, number -> number
// (an exact decimal, written as a JSON number), boolean, null, array, object (without __default__),
// date/time/datetime -> their ISO text. `error` (if given) gets the message when evaluation fails,
// and the result is then null.
nlohmann::json evaluate_to_json(std::string_view expr, const nlohmann::json& context, const ExprEnv& env,
                                std::string* error = nullptr);
// Truthiness of an expression's value as RapidPro sees it (false, 0, "", "false", [], {} and null are
// false); an error is false and fills `error` if given.
bool evaluate_truthy(std::string_view expr, const nlohmann::json& context, const ExprEnv& env,
                     std::string* error = nullptr);

// The names of the built-in functions, sorted (for editors and validation messages).
std::vector<std::string> function_names();

}  // namespace kalan::flows
