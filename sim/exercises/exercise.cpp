#include "exercises/exercise.h"

#include <set>

#include "core/reader.h"
#include "world/world.h"

namespace kalan {

namespace {

// "texte" or {"fr": "...", "en": "..."}.
Text read_text(ObjectReader& r, const std::string& key, bool required = true) {
  Text t;
  const nlohmann::json* v = r.get(key);
  if (!v) {
    if (required) r.error("", "missing", {key});
    return t;
  }
  if (v->is_string()) {
    t.fr = v->get<std::string>();
    if (t.fr.empty()) r.error(key, "empty_string");
    return t;
  }
  ObjectReader tr(*v, r.path_of(key), r.diagnostics());
  if (!tr.is_object()) return t;
  t.fr = tr.string("fr").value_or("");
  t.en = tr.string("en", false).value_or("");
  tr.reject_unknown_keys();
  return t;
}

// Reads a list of commands. `world` follows the commands that add to it (service.add, user.create), so
// that a later command may name the new service or act as the new user; `ex` checks the answers.
std::vector<Command> read_commands(const nlohmann::json* list, const std::string& path, World& world,
                                   const Exercise& ex, Diagnostics& out) {
  std::vector<Command> cmds;
  if (!list) return cmds;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = path_join(path, i);
    auto c = parse_command((*list)[i], p, out);
    if (!c) continue;
    if (c->actor != kSystem && c->actor != kTrainer && !world.find_user(c->actor))
      add_error(out, p + "/actor", "unknown_ref", {"@user", c->actor});
    check_command_refs(*c, world, p, out);
    const nlohmann::json j = command_to_json(*c);
    const std::string type = command_type(*c);
    if (type == std::string("service.add") && !world.find_service(j.value("id", ""))) {
      Service sv;
      sv.id = j.value("id", "");
      world.services.push_back(sv);
      world.reindex();
    } else if (type == std::string("user.create") && !world.find_user(j.value("id", ""))) {
      User u;
      u.id = j.value("id", "");
      u.role = j.value("role", "");
      u.organisation = j.value("organisation", "");
      world.users.push_back(u);
      world.reindex();
    } else if (type == std::string("exercise.answer")) {
      const std::string exercise = j.value("exercise", ""), question = j.value("question", "");
      if (exercise != ex.id) add_error(out, p + "/exercise", "exercise_other_exercise", {exercise, ex.id});
      else if (!ex.find_question(question)) add_error(out, p + "/question", "exercise_unknown_question", {question, ex.id});
    } else if (type == std::string("exercise.start")) {
      // The trainer starts the exercise; its own lists are played once it has started.
      add_error(out, p + "/type", "exercise_start_inside", {ex.id});
    } else if (type == std::string("exercise.hint")) {
      const std::string exercise = j.value("exercise", "");
      const std::int64_t hint = j.value("hint", std::int64_t{0});
      if (exercise != ex.id) add_error(out, p + "/exercise", "exercise_other_exercise", {exercise, ex.id});
      else if (hint >= static_cast<std::int64_t>(ex.hints.size()))
        add_error(out, p + "/hint", "exercise_unknown_hint", {std::to_string(hint), ex.id});
    }
    cmds.push_back(std::move(*c));
  }
  return cmds;
}

// Reads one list of the exercise, each item an object, with a reader per item.
template <class F>
void each_object(ObjectReader& r, const std::string& key, bool required, F&& read_one) {
  const nlohmann::json* list = r.array(key, required);
  if (!list) return;
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader item((*list)[i], path_join(r.path_of(key), i), r.diagnostics());
    if (!item.is_object()) continue;
    read_one(item);
    item.reject_unknown_keys();
  }
}

// Ids must be valid and unique within their list.
void check_unique(ObjectReader& r, const std::string& id, std::map<std::string, std::string>& seen) {
  auto [it, fresh] = seen.emplace(id, r.path_of("id"));
  if (!fresh) r.error("id", "duplicate_id", {id, it->second});
}

Exercise parse_one(ObjectReader& r, const World& world) {
  Diagnostics& out = r.diagnostics();
  Exercise ex;
  ex.id = r.id("id").value_or("");
  ex.title = read_text(r, "title");
  ex.module = r.string("module").value_or("");
  ex.objectives = r.strings("objectives", false).value_or(std::vector<std::string>{});
  each_object(r, "roles", false, [&](ObjectReader& s) {
    RoleSlot slot;
    slot.slot = s.id("slot").value_or("");
    slot.role = s.one_of("role", user_roles(), "@role").value_or("");
    slot.user = s.id("user").value_or("");
    const User* u = slot.user.empty() ? nullptr : world.find_user(slot.user);
    if (!slot.user.empty() && !u) s.error("user", "unknown_ref", {"@user", slot.user});
    else if (u && !slot.role.empty() && u->role != slot.role)
      s.error("user", "exercise_role_mismatch", {slot.user, u->role, slot.role});
    ex.roles.push_back(std::move(slot));
  });
  std::map<std::string, std::string> task_ids, mistake_ids, question_ids;
  QuestionBook book;
  book.exercise = ex.id;
  each_object(r, "questions", false, [&](ObjectReader& q) {
    ExerciseQuestion question;
    question.id = q.id("id").value_or("");
    check_unique(q, question.id, question_ids);
    question.text = read_text(q, "text");
    if (const nlohmann::json* e = q.required("expected")) {
      question.expected_json = *e;
      question.expected = compile_expected(*e, q.path_of("expected"), out);
    }
    book.questions[question.id] = question.expected;
    ex.questions.push_back(std::move(question));
  });
  World after_setup = world;
  ex.setup = read_commands(r.array("setup", false), r.path_of("setup"), after_setup, ex, out);
  each_object(r, "tasks", true, [&](ObjectReader& t) {
    ExerciseTask task;
    task.id = t.id("id").value_or("");
    check_unique(t, task.id, task_ids);
    task.title = read_text(t, "title");
    if (const nlohmann::json* c = t.required("condition")) task.condition = compile_condition(*c, t.path_of("condition"), out, &book);
    task.deadline = t.duration("deadline", false);
    task.weight = t.integer("weight", 0, 1000, false).value_or(1);
    ex.tasks.push_back(std::move(task));
  });
  if (const nlohmann::json* tasks = r.get("tasks"); tasks && tasks->is_array() && tasks->empty())
    r.error("tasks", "empty_list");
  each_object(r, "hints", false, [&](ObjectReader& h) {
    ExerciseHint hint;
    hint.task = h.id("task").value_or("");
    if (!hint.task.empty() && !task_ids.count(hint.task)) h.error("task", "unknown_ref", {"@task", hint.task});
    hint.text = read_text(h, "text");
    hint.after = h.duration("after", false);
    hint.cost = h.integer("cost", 0, 1000, false).value_or(0);
    ex.hints.push_back(std::move(hint));
  });
  each_object(r, "mistakes", false, [&](ObjectReader& m) {
    ExerciseMistake mistake;
    mistake.id = m.id("id").value_or("");
    check_unique(m, mistake.id, mistake_ids);
    mistake.title = read_text(m, "title", false);
    if (const nlohmann::json* c = m.required("condition"))
      mistake.condition = compile_condition(*c, m.path_of("condition"), out, &book);
    mistake.explanation = read_text(m, "explanation");
    mistake.penalty = m.integer("penalty", 0, 1000, false).value_or(0);
    ex.mistakes.push_back(std::move(mistake));
  });
  World reference_world = after_setup;
  ex.reference_solution =
      read_commands(r.array("reference_solution", false), r.path_of("reference_solution"), reference_world, ex, out);
  if (const nlohmann::json* runs = r.object("wrong_runs", false)) {
    for (auto it = runs->begin(); it != runs->end(); ++it) {
      const std::string p = path_join(r.path_of("wrong_runs"), it.key());
      if (!mistake_ids.count(it.key())) add_error(out, p, "exercise_unknown_mistake", {it.key()});
      if (!it.value().is_array()) {
        add_error(out, p, "type_array", {json_type_name(it.value())});
        continue;
      }
      World wrong_world = after_setup;
      ex.wrong_runs[it.key()] = read_commands(&it.value(), p, wrong_world, ex, out);
    }
  }
  return ex;
}

}  // namespace

const ExerciseTask* Exercise::find_task(const std::string& task_id) const {
  for (const auto& t : tasks)
    if (t.id == task_id) return &t;
  return nullptr;
}

std::vector<Exercise> parse_exercises(const nlohmann::json* list, const std::string& path, const World& world,
                                      Diagnostics& out) {
  std::vector<Exercise> exercises;
  if (!list) return exercises;
  std::map<std::string, std::string> ids;
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader r((*list)[i], path_join(path, i), out);
    if (!r.is_object()) continue;
    Exercise ex = parse_one(r, world);
    check_unique(r, ex.id, ids);
    r.reject_unknown_keys();
    exercises.push_back(std::move(ex));
  }
  return exercises;
}

const ExerciseQuestion* Exercise::find_question(const std::string& question_id) const {
  for (const auto& q : questions)
    if (q.id == question_id) return &q;
  return nullptr;
}

const Exercise* find_exercise(const std::vector<Exercise>& list, const std::string& id) {
  for (const auto& e : list)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace kalan
