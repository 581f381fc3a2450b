#include "cases/commands.h"

#include "world/world.h"

namespace kalan {

namespace {

using K = ArgKind;

const std::vector<std::string> kApprovalKinds = {"assessment", "case_plan", "closure"};
const std::vector<std::string> kDecisions = {"approve", "reject"};
const std::vector<std::string> kAnswers = {"accept", "reject"};
const std::vector<std::string> kRiskLevels = {"low", "medium", "high"};
const std::vector<std::string> kAttachmentKinds = {"document", "photo"};
const std::vector<std::string> kSexes = {"f", "m"};

const std::vector<std::vector<ArgSpec>>& table() {
  static const std::vector<std::vector<ArgSpec>> t = {
      // case.open
      {{"case", K::case_id, true}, {"risk_level", K::choice, false, kRiskLevels, "@risk_level"}, {"owner", K::user, false}},
      // case.form.save
      {{"case", K::case_id, true}, {"form", K::id, true}, {"values", K::object, true}, {"entry", K::id, false}},
      // case.approval.request
      {{"case", K::case_id, true}, {"kind", K::choice, true, kApprovalKinds, "@approval_kind"}, {"comment", K::note, false}},
      // case.approval.decide
      {{"case", K::case_id, true},
       {"kind", K::choice, true, kApprovalKinds, "@approval_kind"},
       {"decision", K::choice, true, kDecisions, "@decision"},
       {"comment", K::note, false}},
      // case.close
      {{"case", K::case_id, true}, {"reason", K::note, false}},
      // case.reopen
      {{"case", K::case_id, true}, {"reason", K::text, true}},
      // case.assign
      {{"case", K::case_id, true}, {"user", K::user, true}},
      // case.referral.create
      {{"case", K::case_id, true}, {"service", K::service, true}, {"note", K::note, false}},
      // case.referral.respond
      {{"case", K::case_id, true},
       {"referral", K::id, true},
       {"decision", K::choice, true, kAnswers, "@decision"},
       {"comment", K::note, false}},
      // case.referral.done
      {{"case", K::case_id, true}, {"referral", K::id, true}, {"result", K::text, true}},
      // case.referral.revoke
      {{"case", K::case_id, true}, {"referral", K::id, true}, {"comment", K::note, false}},
      // case.transfer.create
      {{"case", K::case_id, true},
       {"to_user", K::user, false},
       {"remote", K::boolean, false},
       {"to_system", K::note, false},
       {"note", K::note, false}},
      // case.transfer.respond
      {{"case", K::case_id, true},
       {"transfer", K::id, true},
       {"decision", K::choice, true, kAnswers, "@decision"},
       {"comment", K::note, false}},
      // case.transfer.revoke
      {{"case", K::case_id, true}, {"transfer", K::id, true}},
      // case.transfer.request
      {{"case", K::case_id, true}, {"note", K::note, false}},
      // case.attachment.add
      {{"case", K::case_id, true},
       {"name", K::text, true},
       {"kind", K::choice, true, kAttachmentKinds, "@attachment_kind"},
       {"mime", K::text, true},
       {"content", K::base64, true}},
      // case.attachment.remove
      {{"case", K::case_id, true}, {"attachment", K::id, true}},
      // tracing.request.create
      {{"inquirer_name", K::text, true},
       {"relation", K::note, false},
       {"child_name", K::text, true},
       {"age", K::integer, false, {}, "", 0, 17},
       {"sex", K::choice, false, kSexes, "@sex"},
       {"location", K::location, false},
       {"description", K::note, false}},
      // tracing.match.confirm
      {{"request", K::id, true}, {"case", K::case_id, true}},
      // user.create
      {{"id", K::id, true},
       {"name", K::text, true},
       {"role", K::choice, true, user_roles(), "@role"},
       {"organisation", K::organisation, false},
       {"phone", K::note, false},
       {"email", K::note, false},
       {"supervisor", K::user, false}},
      // user.update
      {{"user", K::user, true},
       {"name", K::text, false},
       {"role", K::choice, false, user_roles(), "@role"},
       {"phone", K::note, false},
       {"email", K::note, false},
       {"supervisor", K::user, false}},
      // user.disable
      {{"user", K::user, true}},
      // user.enable
      {{"user", K::user, true}},
      // alert.read
      {{"alert", K::integer, true, {}, "", 1, 1LL << 50}},
  };
  return t;
}

bool is_base64(const std::string& s) {
  if (s.size() % 4 != 0) return false;
  size_t pad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '=') {
      if (i + 2 < s.size()) return false;
      ++pad;
    } else if (pad > 0 || !(alnum || c == '+' || c == '/')) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<ArgSpec>& case_command_args(std::size_t n) { return table().at(n); }

std::optional<nlohmann::json> parse_case_args(std::size_t n, ObjectReader& r) {
  const size_t before = r.diagnostics().size();
  nlohmann::json args = nlohmann::json::object();
  for (const ArgSpec& a : case_command_args(n)) {
    if (!a.required && !r.has(a.name)) continue;
    switch (a.kind) {
      case K::text:
        if (auto v = r.string(a.name, a.required)) args[a.name] = *v;
        break;
      case K::note:
        if (auto v = r.string(a.name, a.required, true)) args[a.name] = *v;
        break;
      case K::id:
      case K::case_id:
      case K::user:
      case K::service:
      case K::organisation:
      case K::location:
        if (auto v = r.id(a.name, a.required)) args[a.name] = *v;
        break;
      case K::choice:
        if (auto v = r.one_of(a.name, a.choices, a.what, a.required)) args[a.name] = *v;
        break;
      case K::integer:
        if (auto v = r.integer(a.name, a.min, a.max, a.required)) args[a.name] = *v;
        break;
      case K::boolean:
        if (auto v = r.boolean(a.name, a.required)) args[a.name] = *v;
        break;
      case K::object:
        if (auto v = r.object(a.name, a.required)) args[a.name] = *v;
        break;
      case K::base64:
        if (auto v = r.string(a.name, a.required)) {
          if (is_base64(*v)) args[a.name] = *v;
          else r.error(a.name, "bad_base64");
        }
        break;
    }
  }
  if (r.diagnostics().size() != before) return std::nullopt;
  return args;
}

void check_case_refs(std::size_t n, const nlohmann::json& args, const World& w, const std::string& path,
                     Diagnostics& out) {
  for (const ArgSpec& a : case_command_args(n)) {
    auto it = args.find(a.name);
    if (it == args.end() || !it->is_string()) continue;
    const std::string& v = it->get_ref<const std::string&>();
    const char* what = nullptr;
    bool found = true;
    switch (a.kind) {
      case K::user: what = "@user", found = w.find_user(v) != nullptr; break;
      case K::service: what = "@service", found = w.find_service(v) != nullptr; break;
      case K::organisation: what = "@organisation", found = w.find_organisation(v) != nullptr; break;
      case K::location: what = "@location", found = w.find_location(v) != nullptr; break;
      default: break;
    }
    if (!found) add_error(out, path_join(path, a.name), "unknown_ref", {what, v});
  }
}

}  // namespace kalan
