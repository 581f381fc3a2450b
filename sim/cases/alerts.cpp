#include "cases/alerts.h"

namespace kalan {

void raise_alert(CasesState& cases, const std::string& user, SimTime at, const std::string& kind,
                 const std::string& case_id, const std::string& ref, const std::string& comment) {
  if (user.empty()) return;
  Alert a;
  a.id = cases.next_alert++;
  a.user = user;
  a.at = at;
  a.kind = kind;
  a.case_id = case_id;
  a.ref = ref;
  a.comment = comment;
  cases.alerts.push_back(std::move(a));
}

std::vector<const Alert*> inbox(const CasesState& cases, const std::string& user) {
  std::vector<const Alert*> out;
  for (auto it = cases.alerts.rbegin(); it != cases.alerts.rend(); ++it)
    if (it->user == user) out.push_back(&*it);
  return out;
}

int unread_count(const CasesState& cases, const std::string& user) {
  int n = 0;
  for (const auto& a : cases.alerts) n += a.user == user && !a.read;
  return n;
}

}  // namespace kalan
