// One function per panel; each draws from the app's state and emits commands.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "app.h"

namespace kalan::ui {

// Records the last widget's rectangle under `id` for end-to-end tests.
void anchor(App& app, const std::string& id);

// A tab whose label may change (counts) but whose id stays, with its rectangle published.
template <class F>
void sub_tab(App& app, const std::string& label, const char* id, F&& body, ImGuiTabItemFlags flags = 0) {
  const bool open = ImGui::BeginTabItem((label + "###" + id).c_str(), nullptr, flags);
  anchor(app, id);
  if (open) {
    body();
    ImGui::EndTabItem();
  }
}

// Width of a button with this label.
float button_width(const char* label);
// SameLine() when the next widget of this width fits on the row; otherwise the next widget wraps.
void same_line_if_fits(float next_width);
// A text field of this width showing `hint` while empty (ImGui::InputTextWithHint).
void hint_input(const char* id, const char* hint, char* buf, size_t size, float width);

void draw_banner(App& app, float width);
void draw_picker(App& app);
void draw_clock_bar(App& app, float dt);
void draw_event_log(App& app);
void draw_world(App& app);
void draw_phones(App& app);
void draw_flow_view(App& app);
void draw_exercise(App& app);
// The errors of the watched file (desktop), each clickable to show its line, column and JSON text.
void draw_validation(App& app);

// Exercise progress for trainers (ui/exercise_progress.cpp): one row per trainee, pair or room.
struct ProgressRow {
  std::string label;
  ProgressSummary p;
  std::string anchor;    // the row's button, for end-to-end tests
  bool action = false;   // the row has a button
};
// A table of rows; with `button`, a last column of buttons that call `on_button(row)`.
void draw_progress_table(App& app, const char* id, const std::vector<ProgressRow>& rows, const char* button = nullptr,
                         const std::function<void(size_t)>& on_button = {});
// One actor's progress over every run of the board.
ProgressSummary progress_of(const ExerciseBoard& board, const std::string& actor);
// Offers the debrief of the board's runs: the room's (actor ""), or one trainee's part of the runs they
// took part in; HTML or JSON. Returns the message to show.
std::string save_room_debrief(App& app, const std::string& actor, bool as_json);

// The CPIMS+ workspace: sign-in switch, case list or record, inbox, accounts, tracing.
void draw_cases(App& app);
void draw_case_list(App& app);
void draw_case_record(App& app, const CaseRecord& c);
void draw_case_forms(App& app, const CaseRecord& c);
void draw_case_referrals(App& app, const CaseRecord& c);
void draw_case_transfers(App& app, const CaseRecord& c);
void draw_case_attachments(App& app, const CaseRecord& c);
void draw_case_tracing(App& app, const CaseRecord& c);
void draw_case_audit(App& app, const CaseRecord& c);
void draw_tracing_requests(App& app);
void draw_inbox(App& app);
void draw_accounts(App& app);

// Monthly reporting: the DRPFEF's dashboard (filters, charts, completeness grid, consistency, PSEA,
// exports), the submissions behind a click, and the monthly form on the signed-in user's phone.
void draw_dashboard(App& app);
void draw_report_submissions(App& app);
void draw_monthly_report(App& app);
// PSEA complaints: intake (channel, date, age, sex, type), referral to assistance, response, and the
// list of complaints with their 72 h and 7-day deadlines.
void draw_psea(App& app);

// "lun. 4 mars 2024 — 08:45" in the current language.
std::string format_when(SimTime t);
// "4 mars 2024", or "—" for 0.
std::string format_day(SimTime t);
// "08:45", or "4 mars 08:45" when the day differs from `today`.
std::string format_short(SimTime t, SimTime today);
// One line for an event of the flow engine ("Résultat « Âge » = 12 (Valide)"), or "" if not one.
std::string describe_flow_event(const State& state, const Event& e);
// One line of the event log for an event.
std::string describe_event(const State& state, const Event& e);
// Display name of an actor or phone owner.
std::string display_name(const State& state, const std::string& who);

}  // namespace kalan::ui
