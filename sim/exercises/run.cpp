#include "exercises/run.h"

#include <algorithm>

#include "core/args.h"
#include "core/state.h"
#include "session/session.h"

namespace kalan {

ExerciseRun::ExerciseRun(Exercise exercise, const State& s)
    : exercise_(std::move(exercise)), start_(s.clock.now), now_(s.clock.now) {
  auto add_roots = [this](const Condition& c) {
    for (const auto& r : c.roots())
      if (std::find(roots_.begin(), roots_.end(), r) == roots_.end()) roots_.push_back(r);
  };
  for (const auto& t : exercise_.tasks) add_roots(t.condition);
  for (const auto& m : exercise_.mistakes) add_roots(m.condition);
  for (const auto& q : exercise_.questions)
    if (q.expected)
      for (const auto& r : expected_roots(*q.expected))
        if (std::find(roots_.begin(), roots_.end(), r) == roots_.end()) roots_.push_back(r);
  tasks_.resize(exercise_.tasks.size());
  mistake_done_.resize(exercise_.mistakes.size(), false);
  // What is already true at the start counts too: an exercise whose tasks hold before anyone acts
  // is caught by `kalan exercise check` (the empty run must complete none).
  evaluate(s, "", -1);
}

void ExerciseRun::push_event(SimTime at, std::string type, const std::string& actor, nlohmann::json data) {
  if (!data.is_object()) data = nlohmann::json{{"value", std::move(data)}};
  data["actor"] = actor;
  data["at"] = format_iso_time(at);
  events_.push_back(RunEvent{at, std::move(type), actor, step_, std::move(data)});
}

void ExerciseRun::observe(const Command& c, const ApplyResult& r, const State& s) {
  const std::string type = command_type(c);
  ActionRecord action{step_, s.clock.now, c.actor, type, r.ok, r.error.code, r.error.args};
  actions_.push_back(std::move(action));
  nlohmann::json cmd = command_to_json(c);
  cmd["command"] = type;
  if (r.ok) {
    // A hint asked for through the log (`exercise.hint`): charged to whoever asked, on every copy.
    if (type == std::string("exercise.hint") && cmd.value("exercise", "") == exercise_.id)
      request_hint(static_cast<std::size_t>(cmd.value("hint", std::int64_t{0})), c.actor, s);
    push_event(s.clock.now, "command.accepted", c.actor, std::move(cmd));
    for (const Event& e : r.events) push_event(e.at, std::string(e.type), c.actor, e.data);
  } else {
    // Refusals leave the state untouched, so only the run's log can tell that an attempt was made.
    cmd["code"] = r.error.code;
    cmd["message"] = render_message(r.error.code, r.error.args);
    push_event(s.clock.now, "command.refused", c.actor, std::move(cmd));
  }
  evaluate(s, c.actor, step_);
  ++step_;
}

void ExerciseRun::evaluate(const State& s, const std::string& actor, std::int64_t step) {
  now_ = s.clock.now;
  view_.refresh(s, roots_);
  ConditionContext ctx{s, view_, events_, start_};
  for (; answers_seen_ < events_.size(); ++answers_seen_) {
    const RunEvent& e = events_[answers_seen_];
    if (e.type != "exercise.answered" || e.data.value("exercise", "") != exercise_.id) continue;
    const ExerciseQuestion* q = exercise_.find_question(e.data.value("question", ""));
    if (!q || !q->expected) continue;
    AnswerGiven a{q->id, e.data.value("answer", nlohmann::json()), expected_value(*q->expected, ctx), false, e.at, e.actor, e.step};
    a.correct = answer_matches(a.answer, a.expected, s.world);
    answers_.push_back(std::move(a));
  }
  for (size_t i = 0; i < tasks_.size(); ++i) {
    TaskProgress& p = tasks_[i];
    if (p.achieved) continue;
    const auto& deadline = exercise_.tasks[i].deadline;
    if (exercise_.tasks[i].condition.evaluate(ctx)) {
      p.achieved = true;
      p.at = now_;
      p.by = actor;
      p.step = step;
      p.late = deadline && now_ - start_ > *deadline;
    }
    if (!p.achieved && deadline && !p.missed && now_ - start_ > *deadline) {
      p.missed = true;
      p.missed_at = now_;
    }
    if (p.late && !p.missed) {
      p.missed = true;
      p.missed_at = start_ + *deadline;
    }
  }
  for (size_t i = 0; i < mistake_done_.size(); ++i) {
    if (mistake_done_[i] || !exercise_.mistakes[i].condition.evaluate(ctx)) continue;
    mistake_done_[i] = true;
    mistakes_.push_back(MistakeFound{i, now_, actor, step});
  }
  for (size_t i = 0; i < exercise_.hints.size(); ++i) {
    const ExerciseHint& h = exercise_.hints[i];
    if (!h.after || now_ - start_ < *h.after || hint_shown(i)) continue;
    const ExerciseTask* t = exercise_.find_task(h.task);
    if (t && tasks_[static_cast<size_t>(t - exercise_.tasks.data())].achieved) continue;
    hints_.push_back(HintShown{i, now_, ""});
  }
}

bool ExerciseRun::request_hint(std::size_t hint, const std::string& actor, const State& s) {
  if (hint >= exercise_.hints.size() || hint_shown(hint)) return false;
  hints_.push_back(HintShown{hint, s.clock.now, actor});
  return true;
}

bool ExerciseRun::hint_shown(std::size_t hint) const {
  return std::any_of(hints_.begin(), hints_.end(), [hint](const HintShown& h) { return h.hint == hint; });
}

bool ExerciseRun::mistake_found(const std::string& id) const {
  return std::any_of(mistakes_.begin(), mistakes_.end(),
                     [&](const MistakeFound& m) { return exercise_.mistakes[m.mistake].id == id; });
}

std::size_t ExerciseRun::achieved_count() const {
  return static_cast<size_t>(std::count_if(tasks_.begin(), tasks_.end(), [](const TaskProgress& p) { return p.achieved; }));
}

std::int64_t ExerciseRun::score() const { return score_of("*"); }

std::int64_t ExerciseRun::max_score() const {
  std::int64_t n = 0;
  for (const auto& t : exercise_.tasks) n += t.weight;
  return n;
}

// "*" stands for the whole pair: every task, hint and mistake counts.
std::int64_t ExerciseRun::score_of(const std::string& actor) const {
  const bool all = actor == "*";
  std::int64_t n = 0;
  for (size_t i = 0; i < tasks_.size(); ++i)
    if (tasks_[i].achieved && !tasks_[i].late && (all || tasks_[i].by == actor)) n += exercise_.tasks[i].weight;
  for (const auto& h : hints_)
    if (all || h.by == actor) n -= exercise_.hints[h.hint].cost;
  for (const auto& m : mistakes_)
    if (all || m.by == actor) n -= exercise_.mistakes[m.mistake].penalty;
  return n;
}

nlohmann::json ExerciseRun::progress_json(Lang lang) const {
  using nlohmann::json;
  json tasks = json::array();
  for (size_t i = 0; i < tasks_.size(); ++i) {
    const ExerciseTask& t = exercise_.tasks[i];
    const TaskProgress& p = tasks_[i];
    json j = {{"id", t.id}, {"title", t.title.in(lang)}, {"weight", t.weight}, {"achieved", p.achieved},
              {"late", p.late}, {"missed", p.missed}};
    if (t.deadline) j["deadline"] = format_iso_time(start_ + *t.deadline);
    if (p.achieved) {
      j["at"] = format_iso_time(p.at);
      j["by"] = p.by;
      j["step"] = p.step;
    }
    tasks.push_back(std::move(j));
  }
  json hints = json::array();
  for (size_t i = 0; i < exercise_.hints.size(); ++i) {
    const ExerciseHint& h = exercise_.hints[i];
    json j = {{"index", i}, {"task", h.task}, {"cost", h.cost}, {"shown", hint_shown(i)}};
    for (const auto& s : hints_)
      if (s.hint == i) {
        j["text"] = h.text.in(lang);
        j["at"] = format_iso_time(s.at);
        j["by"] = s.by;
      }
    hints.push_back(std::move(j));
  }
  json mistakes = json::array();
  for (const auto& m : mistakes_) {
    const ExerciseMistake& d = exercise_.mistakes[m.mistake];
    mistakes.push_back({{"id", d.id}, {"title", d.title.in(lang)}, {"explanation", d.explanation.in(lang)},
                        {"penalty", d.penalty}, {"at", format_iso_time(m.at)}, {"by", m.by}, {"step", m.step}});
  }
  json trainees = json::object();
  for (const auto& a : actions_) {
    json& t = trainees[a.actor];
    if (t.is_null()) t = {{"commands", 0}, {"refused", 0}, {"score", score_of(a.actor)}};
    t["commands"] = t["commands"].get<std::int64_t>() + 1;
    if (!a.ok) t["refused"] = t["refused"].get<std::int64_t>() + 1;
  }
  json questions = json::array();
  for (const auto& q : exercise_.questions) {
    json j = {{"id", q.id}, {"text", q.text.in(lang)}, {"answered", false}};
    for (const auto& a : answers_)
      if (a.question == q.id) {
        j["answered"] = true;
        j["answer"] = a.answer;
        j["correct"] = a.correct;
        j["by"] = a.by;
        j["at"] = format_iso_time(a.at);
      }
    questions.push_back(std::move(j));
  }
  json pair = json::array();
  for (const auto& r : exercise_.roles) pair.push_back({{"slot", r.slot}, {"role", r.role}, {"user", r.user}});
  return {{"exercise", exercise_.id},
          {"title", exercise_.title.in(lang)},
          {"module", exercise_.module},
          {"started_at", format_iso_time(start_)},
          {"now", format_iso_time(now_)},
          {"tasks", std::move(tasks)},
          {"achieved", achieved_count()},
          {"hints", std::move(hints)},
          {"mistakes", std::move(mistakes)},
          {"questions", std::move(questions)},
          {"score", score()},
          {"max_score", max_score()},
          {"trainees", std::move(trainees)},
          {"pair", std::move(pair)}};
}

Command start_command(const Exercise& exercise) {
  nlohmann::json setup = nlohmann::json::array();
  for (const Command& c : exercise.setup) setup.push_back(command_to_json(c));
  ExerciseCommand<2> start;
  start.args = {{"exercise", exercise.id}, {"setup", std::move(setup)}};
  return Command{kTrainer, "", std::move(start)};
}

std::string exercise_started_by(const Command& c) {
  const auto* start = std::get_if<ExerciseCommand<2>>(&c.body);
  return start ? string_arg(start->args, "exercise") : std::string();
}

std::unique_ptr<ExerciseRun> start_exercise(Session& session, const Exercise& exercise, Diagnostics* errors) {
  session.set_observer(nullptr);
  // An exercise without setup starts with the session in a room (sim/exercises/board.h): nothing to log.
  ApplyResult r = exercise.setup.empty() ? ApplyResult{} : session.submit(start_command(exercise));
  if (!r.ok && errors) {
    const auto& a = r.error.args;
    if (r.error.code == "exercise_setup_refused" && a.size() == 4)
      add_error(*errors, "/setup/" + a[1], "exercise_refused", {a[2], a[3]});
    else
      add_error(*errors, "/setup", "exercise_refused", {"exercise.start", render_message(r.error.code, a)});
  }
  auto run = std::make_unique<ExerciseRun>(exercise, session.state());
  ExerciseRun* observer = run.get();
  session.set_observer([observer](const Command& c, const ApplyResult& r, const State& s) { observer->observe(c, r, s); });
  return run;
}

}  // namespace kalan
