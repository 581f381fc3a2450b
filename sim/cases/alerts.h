// Users' inboxes: alerts raised by approvals, referrals, transfers and overdue deadlines.
#pragma once
#include <string>
#include <vector>

#include "cases/cases.h"

namespace kalan {

void raise_alert(CasesState& cases, const std::string& user, SimTime at, const std::string& kind,
                 const std::string& case_id, const std::string& ref, const std::string& comment = "");

// The alerts of a user, newest first.
std::vector<const Alert*> inbox(const CasesState& cases, const std::string& user);
int unread_count(const CasesState& cases, const std::string& user);

}  // namespace kalan
