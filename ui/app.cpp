#include "app.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "assets.h"
#include "cases/alerts.h"
#include "cases/workflow.h"
#include "core/hash.h"
#include "exercises/check.h"
#include "exercises/debrief.h"
#include "i18n.h"
#include "panels.h"

namespace kalan::ui {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

ScenarioEntry make_entry(const std::string& file, const std::string& text) {
  ScenarioEntry e;
  e.file = file;
  e.loaded = true;
  ScenarioLoad load = load_scenario_text(text);
  e.errors = std::move(load.errors);
  if (load.scenario) {
    const Scenario& s = *load.scenario;
    e.title = s.meta.title;
    e.description = s.meta.description;
    e.objectives = s.meta.objectives;
    e.start = format_iso_time(s.start);
    e.users = s.world.users.size();
    e.services = s.world.services.size();
    e.events = s.timeline.size();
    e.scenario = std::move(load.scenario);
  } else {
    e.title = file;
  }
  return e;
}

// A built-in scenario's card before it is loaded: its title read from the JSON alone, so that the first
// frame does not wait for every scenario (the 2024 reporting scenario simulates a year of activity).
ScenarioEntry light_entry(const std::string& file, std::string text) {
  ScenarioEntry e;
  e.file = file;
  e.title = file;
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object() && j.contains("meta") && j["meta"].is_object() && j["meta"].contains("title") &&
      j["meta"]["title"].is_string())
    e.title = j["meta"]["title"].get<std::string>();
  e.text = std::move(text);
  return e;
}

}  // namespace

App::App(Platform platform) : platform_(std::move(platform)) {
  for (const Asset* a = assets(); a->name; ++a) {
    const std::string name = a->name;
    if (!ends_with(name, ".json")) continue;
    builtins_.push_back(light_entry(name, std::string(reinterpret_cast<const char*>(a->data), a->size)));
  }
  // The default scenario first, then the others in file order.
  for (size_t i = 0; i < builtins_.size(); ++i)
    if (builtins_[i].file == "mopti-atelier.json") std::swap(builtins_[0], builtins_[i]);
}

void App::load_builtin(size_t i) {
  if (i >= builtins_.size() || builtins_[i].loaded) return;
  ScenarioEntry& e = builtins_[i];
  e = make_entry(e.file, e.text);
  e.text.clear();
}

ApplyResult App::emit(Command command) {
  if (!session_) return ApplyResult::refuse("no_session");
  if (sink_) return sink_->submit(std::move(command));
  return apply(command);
}

ApplyResult App::apply(const Command& command) {
  if (!session_) return ApplyResult::refuse("no_session");
  ApplyResult r = session_->submit(command);
  if (!r.ok) view_.status = trf("events.refused", {render_message(r.error.code, r.error.args, language())});
  return r;
}

bool App::replay(const Command& command, bool refused) {
  return session_ && replay_entry(*session_, command, refused);
}

void App::start(const Scenario& scenario) { start(Session(scenario)); }

void App::start(Session session) { start(std::move(session), nullptr); }

void App::start(Session session, std::unique_ptr<ExerciseBoard> board) {
  exercise_.reset();
  board_ = std::move(board);
  session_.emplace(std::move(session));
  view_.playing = false;
  view_.status.clear();
  view_.open_errors.clear();
}

void App::start_exercise(size_t index) {
  if (!session_ || board_ || index >= session_->scenario().exercises.size()) return;
  exercise_.reset();
  exercise_ = kalan::start_exercise(*session_, session_->scenario().exercises[index]);
}

void App::request_hint(size_t hint) {
  // Through the log (exercise.hint), so that a room's every page charges it to whoever asked.
  const ExerciseRun* run = exercise_ ? exercise_.get() : nullptr;
  if (!run && board_ && !board_->runs().empty()) run = board_->find(view_.exercise_shown);
  if (!run) return;
  const std::string& user = view_.cases.user;
  nlohmann::json c = {{"type", "exercise.hint"}, {"actor", user.empty() ? std::string(kTrainer) : user},
                      {"exercise", run->exercise().id}, {"hint", hint}};
  Diagnostics errors;
  if (auto cmd = parse_command(c, "", errors)) emit(std::move(*cmd));
}

void App::save_debrief() {
  if (!exercise_ || !session_ || !platform_.save_file) return;
  const Exercise& ex = exercise_->exercise();
  auto reference = play_exercise(session_->scenario(), ex, ex.reference_solution);
  const std::string html = debrief_html(debrief_json(*exercise_, reference.get(), language()), language());
  const std::string err = platform_.save_file("debriefing-" + ex.id + ".html", html);
  view_.status = err.empty() ? std::string(tr("exercise.saved")) : err;
}

bool App::open_text(const std::string& text) {
  view_.open_errors.clear();
  Diagnostics errors;
  auto value = parse_json_text(text, errors);
  if (value && value->is_object() && value->value("format", "") == kSessionFormat) {
    SessionLoad l = load_session(*value);
    if (l.session) {
      start(std::move(*l.session));
      return true;
    }
    view_.open_errors = std::move(l.errors);
    return false;
  }
  if (value) {
    ScenarioLoad l = load_scenario(*value);
    if (l.scenario) {
      start(*l.scenario);
      return true;
    }
    errors = std::move(l.errors);
  }
  view_.open_errors = std::move(errors);
  return false;
}

bool App::open_file(const std::string& path, const std::string& text) {
  WatchedFile& w = view_.watched;
  const bool reload = w.path == path;
  w.path = path;
  w.text = text;
  w.selected = -1;
  if (reload) ++w.reloads;
  const bool ok = open_text(text);
  w.errors = ok ? Diagnostics{} : view_.open_errors;
  if (ok && reload) view_.status = trf("validate.reloaded", {path});
  return ok;
}

void App::save_session() {
  if (!session_ || !platform_.save_file) return;
  const std::string err = platform_.save_file("kalan-session.json", dump_json(session_->to_json(), 1));
  view_.status = err.empty() ? trf("app.saved", {"kalan-session.json"}) : trf("app.save_failed", {err});
}

std::string App::debug_json() const {
  nlohmann::json j = {{"language", language() == Lang::fr ? "fr" : "en"},
                      {"has_session", has_session()},
                      {"world_search", view_.world_search},
                      {"event_filter", view_.event_filter},
                      {"playing", view_.playing},
                      {"status", view_.status},
                      {"display", {view_.display_w, view_.display_h}}};
  nlohmann::json files = nlohmann::json::array();
  for (const auto& b : builtins_) files.push_back(b.file);
  j["builtins"] = std::move(files);
  nlohmann::json anchors = nlohmann::json::object();
  for (const auto& [id, r] : view_.anchors) anchors[id] = {r[0], r[1], r[2], r[3]};
  j["anchors"] = std::move(anchors);
  if (!view_.watched.path.empty())
    j["watched"] = {{"path", view_.watched.path}, {"errors", view_.watched.errors.size()}, {"reloads", view_.watched.reloads}};
  if (session_) {
    const State& s = session_->state();
    j["now"] = format_iso_time(s.clock.now);
    j["hash"] = hex16(session_->hash());
    j["commands"] = session_->commands().size();
    j["journal"] = session_->journal().size();
    j["title"] = session_->scenario().meta.title;
    j["sms"] = s.sms.log.size();
    j["phone"] = view_.phone;
    j["last_sms"] = s.sms.log.empty() ? "" : s.sms.log.back().text;
    const CaseView& cv = view_.cases;
    const CaseRecord* open = cv.open_case.empty() ? nullptr : s.cases.find(cv.open_case);
    j["cases"] = {{"user", cv.user},
                  {"total", s.cases.records.size()},
                  {"listed", cv.listed},
                  {"search", cv.search},
                  {"open_case", cv.open_case},
                  {"stage", open ? case_stage(*open) : ""},
                  {"open_form", cv.open_form},
                  {"draft", cv.draft},
                  {"attachments", [&] {
                     nlohmann::json list = nlohmann::json::array();
                     if (open)
                       for (const auto& a : open->attachments)
                         list.push_back({{"id", a.id}, {"name", a.name}, {"mime", a.mime}, {"size", a.size}});
                     return list;
                   }()},
                  {"unread", unread_count(s.cases, cv.user)},
                  {"error", cv.error}};
    const ReportingView& rv = view_.reporting;
    j["reporting"] = {{"submissions", s.reporting.submissions.size()},
                      {"missing", rv.missing},
                      {"drill", rv.drill.has_value()},
                      {"listed", rv.listed},
                      {"open_submission", rv.open_submission},
                      {"open_validation", [&] {
                         for (const auto& sub : s.reporting.submissions)
                           if (sub.id == rv.open_submission) return sub.validation;
                         return std::string();
                       }()},
                      {"instance", rv.instance}};
    if (exercise_) {
      j["exercise"] = {{"id", exercise_->exercise().id}, {"achieved", exercise_->achieved_count()},
                       {"score", exercise_->score()}, {"mistakes", exercise_->mistakes().size()},
                       {"hints", exercise_->hints_shown().size()}};
      for (const auto& a : actor_progress(*exercise_)) j["exercise"]["actors"].push_back(a.to_json());
    }
    if (board_) {
      j["board"] = board_->progress_json(language());
      j["board"]["shown"] = view_.exercise_shown;
    }
  }
  return dump_json(j);
}

void anchor(App& app, const std::string& id) {
  // Only the part inside the window is clickable (a table row spanning scrolled-off columns).
  const ImVec2 w0 = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  app.view().anchors[id] = {std::max(a.x, w0.x), std::max(a.y, w0.y), std::min(b.x, w0.x + ws.x), std::min(b.y, w0.y + ws.y)};
}

void App::frame(float width, float height, float dt) {
  view_.anchors.clear();
  view_.display_w = width;
  view_.display_h = height;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("Kalan", nullptr, flags);
  ImGui::PopStyleVar();
  draw_banner(*this, width);
  if (platform_.draw_header) platform_.draw_header(*this);
  draw_validation(*this);
  if (platform_.draw_screen && platform_.draw_screen(*this)) {
    // the shell's screen (room join form) replaces the rest
  } else if (!session_) {
    draw_picker(*this);
  } else {
    draw_clock_bar(*this, dt);
    const bool narrow = width < 760.0f;
    bool wide_shown = false;
    // Phone layout: every panel is a tab. Wide layout: the event log stays beside the tabs.
    auto tabs = [&](const char* id, bool with_log) {
      if (!ImGui::BeginTabBar(id)) return;
      // The workspaces with tables get the room of the event log while they are shown.
      auto wide = [&](void (*draw)(App&)) {
        return [this, draw, &wide_shown] {
          wide_shown = true;
          draw(*this);
        };
      };
      sub_tab(*this, tr("tab.phones"), "tab.phones", [&] { draw_phones(*this); });
      if (with_log) sub_tab(*this, tr("tab.events"), "tab.events", [&] { draw_event_log(*this); });
      sub_tab(*this, tr("tab.world"), "tab.world", [&] { draw_world(*this); });
      sub_tab(*this, tr("tab.flow"), "tab.flow", [&] { draw_flow_view(*this); });
      const State& s = session_->state();
      const int unread = unread_count(s.cases, view_.cases.user);
      sub_tab(*this, unread > 0 ? trf("tab.cases_n", {std::to_string(unread)}) : std::string(tr("tab.cases")), "tab.cases",
              wide(draw_cases));
      if (may_see_dashboard(s.world, view_.cases.user)) sub_tab(*this, tr("tab.dashboard"), "tab.dashboard", wide(draw_dashboard));
      if (!report_structures_for(s.world, view_.cases.user).empty())
        sub_tab(*this, tr("tab.monthly"), "tab.monthly", wide(draw_monthly_report));
      if (may_handle_psea(s.world, view_.cases.user)) sub_tab(*this, tr("tab.psea"), "tab.psea", wide(draw_psea));
      sub_tab(*this, tr("tab.exercise"), "tab.exercise", [&] { draw_exercise(*this); });
      ImGui::EndTabBar();
    };
    if (narrow) {
      tabs("##main", true);
    } else {
      // The workspaces need room for their tables: the event log narrows while one is shown.
      const float share = view_.wide_left ? 0.78f : 0.55f;
      ImGui::BeginChild("##left", ImVec2(ImGui::GetContentRegionAvail().x * share, 0), true);
      tabs("##lefttabs", false);
      ImGui::EndChild();
      view_.wide_left = wide_shown;
      ImGui::SameLine();
      ImGui::BeginChild("##events", ImVec2(0, 0), true);
      draw_event_log(*this);
      ImGui::EndChild();
    }
  }
  ImGui::End();
}

void setup_style(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (const Asset* font = find_asset("ui.ttf")) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    // The ranges of the font subset made by scripts/setup.sh.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x2010, 0x203A, 0x20AC, 0x20AC,
                                     0x2190, 0x2193, 0x2212, 0x2212, 0x25B6, 0x25B6, 0x25BC, 0x25BC, 0x25CF, 0x25CF,
                                     0x26A0, 0x26A0, 0x2713, 0x2717, 0};
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font->data), static_cast<int>(font->size),
                                   17.0f * scale, &cfg, ranges);
  } else {
    io.Fonts->AddFontDefault();
  }
  io.FontGlobalScale = 1.0f / scale;  // glyphs rasterised at device pixels, laid out in logical ones

  ImGui::StyleColorsLight();
  ImGuiStyle& st = ImGui::GetStyle();
  st.FrameRounding = 4;
  st.GrabRounding = 4;
  st.TabRounding = 4;
  st.ChildRounding = 4;
  st.FramePadding = ImVec2(8, 5);
  st.ItemSpacing = ImVec2(8, 6);
  st.WindowPadding = ImVec2(10, 8);
  st.ScrollbarSize = 16;
  ImVec4* c = st.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.96f, 0.94f, 1);
  c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.93f, 0.91f, 1);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.88f, 0.91f, 0.90f, 1);
  c[ImGuiCol_Button] = ImVec4(0.78f, 0.88f, 0.87f, 1);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.66f, 0.82f, 0.81f, 1);
  c[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.75f, 0.74f, 1);
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.10f, 0.12f, 1);
  c[ImGuiCol_Header] = ImVec4(0.85f, 0.91f, 0.90f, 1);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.76f, 0.87f, 0.86f, 1);
  c[ImGuiCol_Tab] = ImVec4(0.85f, 0.88f, 0.87f, 1);
  c[ImGuiCol_TabActive] = ImVec4(0.66f, 0.82f, 0.81f, 1);
  c[ImGuiCol_TabHovered] = ImVec4(0.72f, 0.86f, 0.85f, 1);
}

}  // namespace kalan::ui
