// Room mode on screen: the join form, the status line (connection, pending commands, alerts) and the
// trainer console, the same in the browser and on the desktop. Drawn through the app's Platform hooks,
// so the other panels never see the room.
#include <imgui.h>

#include <algorithm>

#include "i18n.h"
#include "panels.h"
#include "room_client.h"

namespace kalan::ui {

namespace {

bool button(ui::App& app, const char* label, const char* id) {
  const bool pressed = ImGui::Button(label);
  ui::anchor(app, id);
  return pressed;
}

}  // namespace

bool RoomClient::draw_screen() {
  if (phase_ == Phase::off || phase_ == Phase::live) return false;
  if (phase_ == Phase::join) {
    draw_join();
  } else {
    ImGui::TextUnformatted(ui::tr("room.joining"));
  }
  return true;
}

void RoomClient::draw_join() {
  ImGui::TextUnformatted(ui::tr("room.join_title"));
  ImGui::Separator();
  if (ImGui::RadioButton(ui::tr("room.trainee"), !form_.trainer)) form_.trainer = false;
  ui::anchor(app_, "room.mode.trainee");
  ImGui::SameLine();
  if (ImGui::RadioButton(ui::tr("room.trainer"), form_.trainer)) form_.trainer = true;
  ui::anchor(app_, "room.mode.trainer");
  const float w = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  ImGui::TextUnformatted(ui::tr("room.code"));
  ImGui::SetNextItemWidth(w);
  ImGui::InputText("##code", form_.code, sizeof form_.code, ImGuiInputTextFlags_CharsUppercase);
  ui::anchor(app_, "room.code");
  if (form_.trainer) {
    ImGui::TextUnformatted(ui::tr("room.token"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##token", form_.token, sizeof form_.token, ImGuiInputTextFlags_Password);
    ui::anchor(app_, "room.token");
  } else {
    ImGui::TextUnformatted(ui::tr("room.name"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##name", form_.name, sizeof form_.name);
    ui::anchor(app_, "room.name");
    ImGui::TextUnformatted(ui::tr("room.role"));
    for (int i = 0; i < 5; ++i) {
      if (ImGui::RadioButton(ui::tr((std::string("role.") + kRoomRoles[i]).c_str()), form_.role == i)) form_.role = i;
      ui::anchor(app_, std::string("room.role.") + kRoomRoles[i]);
    }
  }
  const bool ready = form_.code[0] && (form_.trainer ? form_.token[0] != 0 : form_.name[0] != 0);
  ImGui::BeginDisabled(!ready);
  if (button(app_, ui::tr(form_.trainer ? "room.open" : "room.join"), "room.join")) join();
  ImGui::EndDisabled();
  if (!error_.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", error_.c_str());
}

void RoomClient::draw_header() {
  if (phase_ != Phase::live) return;
  const std::string who = trainer_ ? std::string(ui::tr("room.trainer"))
                                   : ui::trf("room.you", {name_, ui::tr(("role." + role_).c_str())});
  const std::string line = ui::trf("room.status", {code_, who, std::to_string(seq_)});
  ImGui::TextUnformatted(line.c_str());
  // Waiting commands first: they must stay visible however narrow the screen.
  if (!queue_.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.6f, 0.35f, 0.0f, 1), "· %s", ui::trf("room.pending", {std::to_string(queue_.size())}).c_str());
    ui::anchor(app_, "room.pending");
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      for (const auto& p : queue_) ImGui::TextUnformatted(ui::trf("room.pending_item", {p.type}).c_str());
      ImGui::EndTooltip();
    }
  }
  if (online_) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "\u2713 %s", ui::tr("room.online"));
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "\u2717 %s", ui::tr("room.offline"));
    ImGui::PopTextWrapPos();
  }
  if (!alert_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.86f, 0.82f, 1));
    const float h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2 + 2;
    ImGui::BeginChild("##alert", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImVec4(0.6f, 0.05f, 0.05f, 1), "%s", alert_.c_str());
    ImGui::SameLine();
    if (button(app_, ui::tr("room.dismiss"), "room.dismiss")) alert_.clear();
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
  if (trainer_) draw_trainer_console();
}

void RoomClient::draw_trainer_console() {
  if (!ImGui::CollapsingHeader(ui::tr("trainer.console"), ImGuiTreeNodeFlags_DefaultOpen)) return;
  ui::anchor(app_, "trainer.console");
  const nlohmann::json& people = room_.contains("participants") ? room_["participants"] : nlohmann::json::array();
  ImGui::TextUnformatted(ui::trf("trainer.participants", {std::to_string(people.size())}).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  const float rows = std::min<float>(static_cast<float>(people.size()) + 1.5f, 7.0f);
  if (ImGui::BeginTable("##people", 5, flags, ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing()))) {
    for (const char* col : {"trainer.col_name", "trainer.col_role", "trainer.col_user", "trainer.col_last", "trainer.col_actions"})
      ImGui::TableSetupColumn(ui::tr(col));
    ImGui::TableHeadersRow();
    for (const auto& p : people) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.value("name", "").c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(ui::tr(("role." + p.value("role", "")).c_str()));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.value("user", "").c_str());
      ImGui::TableNextColumn();
      const std::string at = p.value("last_at", "");  // UTC wall time: its hh:mm:ss is enough here
      ImGui::Text("%s %s", p.value("last_action", "").c_str(), at.size() >= 19 ? at.substr(11, 8).c_str() : "");
      ImGui::TableNextColumn();
      ImGui::Text("%d", p.value("actions", 0));
    }
    ImGui::EndTable();
  }
  draw_exercise_progress();
  const bool running = room_.value("running", false);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s %s", ui::tr("trainer.clock"), ui::tr(running ? "trainer.running" : "trainer.paused"));
  auto clock = [&](const char* label, const char* id, const char* action) {
    ui::same_line_if_fits(ui::button_width(ui::tr(label)));
    if (button(app_, ui::tr(label), id)) trainer_call("clock", "POST", "/clock", dump_json({{"action", action}}));
  };
  clock(running ? "trainer.pause" : "trainer.resume", "trainer.play", running ? "pause" : "resume");
  clock("trainer.next_day", "trainer.next_day", "next_day");
  clock("trainer.month_end", "trainer.month_end", "month_end");
  clock("trainer.next_event", "trainer.next_event", "next");
  ImGui::TextUnformatted(ui::tr("trainer.inject"));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextMultiline("##inject", inject_, sizeof inject_, ImVec2(-1, ImGui::GetTextLineHeight() * 3));
  ui::anchor(app_, "trainer.inject_text");
  if (button(app_, ui::tr("trainer.inject_send"), "trainer.inject")) {
    Diagnostics errors;
    auto command = parse_json_text(inject_, errors);
    if (command) trainer_call("inject", "POST", "/inject", dump_json({{"command", *command}}));
    else trainer_msg_ = ui::trf("trainer.failed", {render_message(errors.front().code, errors.front().args, ui::language())});
  }
  ImGui::SameLine();
  if (button(app_, ui::tr("trainer.export"), "trainer.export")) trainer_call("export", "GET", "/export");
  ImGui::SameLine();
  if (!confirm_reset_) {
    if (button(app_, ui::tr("trainer.reset"), "trainer.reset")) confirm_reset_ = true;
  } else if (button(app_, ui::tr("trainer.reset_confirm"), "trainer.reset_confirm")) {
    confirm_reset_ = false;
    trainer_call("reset", "POST", "/reset");
  }
  if (!trainer_msg_.empty()) ImGui::TextWrapped("%s", trainer_msg_.c_str());
  ImGui::Separator();
}

// The room's exercises, followed from the log by this page's own core (sim/exercises/board.h): each
// participant's progress (their scenario user's), each exercise's pair, the room; the debriefs; and the
// exercises whose setup is still to play, each started with one click.
void RoomClient::draw_exercise_progress() {
  const ExerciseBoard* board = app_.board();
  if (!board) return;
  ImGui::TextUnformatted(ui::tr("progress.exercises"));
  std::vector<ui::ProgressRow> rows;
  std::vector<std::string> actors;  // per row: the debrief's trainee ("" = the room), or none
  const nlohmann::json& people = room_.contains("participants") ? room_["participants"] : nlohmann::json::array();
  for (const auto& p : people) {
    const std::string user = p.value("user", "");
    rows.push_back({p.value("name", "") + " (" + user + ")", ui::progress_of(*board, user), "trainer.debrief." + user, true});
    actors.push_back(user);
  }
  for (const auto& run : board->runs()) {
    rows.push_back({ui::trf("progress.pair_of", {run->exercise().title.in(ui::language())}), summarize(*run), "", false});
    actors.push_back("");
  }
  rows.push_back({ui::tr("progress.room"), ui::progress_of(*board, "*"), "trainer.debrief.room", true});
  actors.push_back("");
  ui::draw_progress_table(app_, "##progress", rows, ui::tr("progress.debrief"),
                          [&](size_t i) { trainer_msg_ = ui::save_room_debrief(app_, actors[i], false); });
  if (button(app_, ui::tr("progress.room_debrief_json"), "trainer.debrief.json"))
    trainer_msg_ = ui::save_room_debrief(app_, "", true);
  // Exercises with a setup start when the trainer starts them (exercise.start plays the setup; the others
  // started with the room).
  for (const auto& ex : board->exercises()) {
    if (board->find(ex.id)) continue;
    ui::same_line_if_fits(ui::button_width(ui::trf("progress.start", {ex.title.in(ui::language())}).c_str()));
    if (button(app_, ui::trf("progress.start", {ex.title.in(ui::language())}).c_str(), ("trainer.start." + ex.id).c_str()))
      trainer_call("exercise", "POST", "/exercise", dump_json({{"exercise", ex.id}}));
  }
}

}  // namespace kalan::ui
