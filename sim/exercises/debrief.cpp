#include "core/markup.h"
#include "exercises/debrief.h"

#include <set>

#include "core/reader.h"

namespace kalan {

using nlohmann::json;

json debrief_json(const ExerciseRun& run, const ExerciseRun* reference, Lang lang) {
  json d = run.progress_json(lang);
  d["format"] = "kalan-debrief";
  d["lang"] = lang == Lang::en ? "en" : "fr";
  d["objectives"] = run.exercise().objectives;
  json timeline = json::array();
  for (const auto& a : run.actions()) {
    json j = {{"step", a.step}, {"at", format_iso_time(a.at)}, {"actor", a.actor}, {"type", a.type}, {"ok", a.ok}};
    if (!a.ok) {
      j["refusal"] = a.refusal;
      j["message"] = render_message(a.refusal, a.refusal_args, lang);
    }
    timeline.push_back(std::move(j));
  }
  d["timeline"] = std::move(timeline);
  // After the exercise the expected answers may be shown: each as it stood when last answered.
  for (auto& q : d["questions"])
    for (const auto& a : run.answers())
      if (a.question == q.value("id", "")) q["expected"] = a.expected;
  d["commands"] = run.actions().size();
  d["duration_s"] = run.now() - run.started_at();
  if (reference) {
    json ref_tasks = json::array(), only_reference = json::array();
    for (size_t i = 0; i < reference->tasks().size(); ++i) {
      if (!reference->tasks()[i].achieved) continue;
      const std::string& id = reference->exercise().tasks[i].id;
      ref_tasks.push_back(id);
      if (i < run.tasks().size() && !run.tasks()[i].achieved) only_reference.push_back(id);
    }
    d["reference"] = {{"tasks_achieved", std::move(ref_tasks)},
                      {"tasks_missing", std::move(only_reference)},
                      {"commands", reference->actions().size()},
                      {"duration_s", reference->now() - reference->started_at()},
                      {"score", reference->score()}};
  }
  return d;
}

json trainee_debrief_json(const ExerciseRun& run, const ExerciseRun* reference, const std::string& actor, Lang lang) {
  json d = debrief_json(run, reference, lang);
  d["trainee"] = actor;
  d["score"] = run.score_of(actor);
  std::size_t mine = 0;
  for (auto& t : d["tasks"]) {
    t["mine"] = t.value("achieved", false) && t.value("by", "") == actor;
    if (t["mine"].get<bool>()) ++mine;
  }
  d["achieved"] = mine;
  auto keep = [&](const char* key, const char* who) {
    json kept = json::array();
    for (auto& x : d[key])
      if (x.value(who, "") == actor) kept.push_back(std::move(x));
    d[key] = std::move(kept);
  };
  keep("mistakes", "by");
  keep("timeline", "actor");
  d["commands"] = d["timeline"].size();
  for (auto& h : d["hints"])  // the hints someone else asked for (or shown by themselves) are not theirs
    if (h.value("shown", false) && h.value("by", "") != actor) h = {{"index", h["index"]}, {"task", h["task"]}, {"cost", h["cost"]}, {"shown", false}};
  return d;
}

json room_debrief_json(const std::vector<const ExerciseRun*>& runs, const ExerciseRun* reference, Lang lang) {
  return room_debrief_json(runs, std::vector<const ExerciseRun*>(runs.size(), reference), lang);
}

json room_debrief_json(const std::vector<const ExerciseRun*>& runs, const std::vector<const ExerciseRun*>& references,
                       Lang lang) {
  json list = json::array();
  std::int64_t total = 0, best = 0;
  for (size_t i = 0; i < runs.size(); ++i) {
    const ExerciseRun* r = runs[i];
    list.push_back(debrief_json(*r, i < references.size() ? references[i] : nullptr, lang));
    total += r->score();
    best = std::max(best, r->score());
  }
  return {{"format", "kalan-room-debrief"},
          {"lang", lang == Lang::en ? "en" : "fr"},
          {"runs", std::move(list)},
          {"average_score", runs.empty() ? 0 : total / static_cast<std::int64_t>(runs.size())},
          {"best_score", best}};
}

namespace {


std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : dump_json(*it);
}

// A label of the debrief, from the message catalogue.
std::string L(const char* code, Lang lang, std::vector<std::string> args = {}) {
  return markup_escape(render_message(std::string("debrief_") + code, args, lang));
}

void one_run(std::string& h, const json& d, Lang lang) {
  h += "<section><h2>" + markup_escape(str(d, "title")) + "</h2>\n<p class=meta>" + L("module", lang) + " : " +
       markup_escape(str(d, "module")) + " · " + L("started", lang) + " " + markup_escape(str(d, "started_at")) + " · " +
       L("score", lang) + " <b>" + str(d, "score") + " / " + str(d, "max_score") + "</b></p>\n";
  if (d.contains("pair") && !d["pair"].empty()) {
    h += "<p class=meta>" + L("pair", lang) + " : ";
    for (const auto& p : d["pair"]) h += markup_escape(str(p, "slot")) + " = " + markup_escape(str(p, "user")) + " ";
    h += "</p>\n";
  }
  h += "<h3>" + L("tasks", lang) + "</h3>\n<table><tr><th>" + L("task", lang) + "</th><th>" + L("weight", lang) +
       "</th><th>" + L("result", lang) + "</th><th>" + L("when", lang) + "</th><th>" + L("by", lang) + "</th></tr>\n";
  for (const auto& t : d["tasks"]) {
    const bool ok = t.value("achieved", false);
    std::string result = ok ? (t.value("late", false) ? L("late", lang) : L("done", lang))
                            : (t.value("missed", false) ? L("missed", lang) : L("not_done", lang));
    h += std::string("<tr class=") + (ok && !t.value("late", false) ? "ok" : "ko") + "><td>" + markup_escape(str(t, "title")) +
         "</td><td>" + str(t, "weight") + "</td><td>" + result + "</td><td>" + markup_escape(str(t, "at")) + "</td><td>" +
         markup_escape(str(t, "by")) + "</td></tr>\n";
  }
  h += "</table>\n<h3>" + L("mistakes", lang) + "</h3>\n";
  if (d["mistakes"].empty()) h += "<p>" + L("no_mistake", lang) + "</p>\n";
  for (const auto& m : d["mistakes"])
    h += "<div class=mistake><b>" + markup_escape(str(m, "title").empty() ? str(m, "id") : str(m, "title")) + "</b> (−" +
         str(m, "penalty") + ", " + markup_escape(str(m, "at")) + ", " + markup_escape(str(m, "by")) + ")<br>" +
         markup_escape(str(m, "explanation")) + "</div>\n";
  if (d.contains("questions") && !d["questions"].empty()) {
    h += "<h3>" + L("questions", lang) + "</h3>\n<table><tr><th>" + L("question", lang) + "</th><th>" + L("answer", lang) +
         "</th><th>" + L("expected", lang) + "</th><th>" + L("by", lang) + "</th></tr>\n";
    for (const auto& q : d["questions"]) {
      const bool answered = q.value("answered", false);
      h += std::string("<tr class=") + (answered && q.value("correct", false) ? "ok" : "ko") + "><td>" +
           markup_escape(str(q, "text")) + "</td><td>" + (answered ? markup_escape(str(q, "answer")) : L("unanswered", lang)) +
           "</td><td>" + markup_escape(str(q, "expected")) + "</td><td>" + markup_escape(str(q, "by")) + "</td></tr>\n";
    }
    h += "</table>\n";
  }
  h += "<h3>" + L("hints", lang) + "</h3>\n<ul>";
  for (const auto& x : d["hints"])
    if (x.value("shown", false))
      h += "<li>" + markup_escape(str(x, "text")) + " (−" + str(x, "cost") + ", " + markup_escape(str(x, "at")) + ")</li>";
  h += "</ul>\n";
  if (d.contains("reference")) {
    const json& r = d["reference"];
    h += "<h3>" + L("reference", lang) + "</h3>\n<table><tr><th></th><th>" + L("trainee", lang) + "</th><th>" +
         L("reference_solution", lang) + "</th></tr>\n<tr><td>" + L("tasks", lang) + "</td><td>" +
         str(d, "achieved") + "</td><td>" + std::to_string(r["tasks_achieved"].size()) + "</td></tr>\n<tr><td>" +
         L("commands", lang) + "</td><td>" + str(d, "commands") + "</td><td>" + str(r, "commands") +
         "</td></tr>\n<tr><td>" + L("duration", lang) + "</td><td>" + std::to_string(d.value("duration_s", 0) / 60) +
         " min</td><td>" + std::to_string(r.value("duration_s", 0) / 60) + " min</td></tr>\n</table>\n";
    if (!r["tasks_missing"].empty()) {
      std::vector<std::string> ids;
      for (const auto& x : r["tasks_missing"]) ids.push_back(x.get<std::string>());
      h += "<p>" + L("missing", lang, {join_list(ids)}) + "</p>\n";
    }
  }
  h += "<h3>" + L("timeline", lang) + "</h3>\n<table><tr><th>#</th><th>" + L("when", lang) + "</th><th>" +
       L("by", lang) + "</th><th>" + L("action", lang) + "</th><th></th></tr>\n";
  for (const auto& a : d["timeline"])
    h += std::string("<tr class=") + (a.value("ok", true) ? "ok" : "ko") + "><td>" +
         std::to_string(a.value("step", 0) + 1) + "</td><td>" + markup_escape(str(a, "at")) + "</td><td>" +
         markup_escape(str(a, "actor")) + "</td><td>" + markup_escape(str(a, "type")) + "</td><td>" + markup_escape(str(a, "message")) +
         "</td></tr>\n";
  h += "</table></section>\n";
}

}  // namespace

std::string debrief_html(const json& debrief, Lang lang) {
  std::string h = std::string("<!DOCTYPE html>\n<html lang=") + (lang == Lang::en ? "en" : "fr") +
                  "><head><meta charset=utf-8><title>" + L("title", lang) +
                  "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;color:#222}"
                  "table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;"
                  "text-align:left;font-size:.9em}tr.ok td:first-child{border-left:4px solid #2a7}"
                  "tr.ko td:first-child{border-left:4px solid #c33}.meta{color:#555}.mistake{background:#fdecea;"
                  "border-left:4px solid #c33;padding:.4em;margin:.3em 0}.sandbox{color:#a50}"
                  "section{page-break-after:always}@media print{body{margin:0}}</style></head><body>\n<h1>" +
                  L("title", lang) + "</h1>\n<p class=sandbox>" + L("sandbox", lang) + "</p>\n";
  if (debrief.contains("trainee")) h += "<p class=meta>" + L("trainee", lang) + " : " + markup_escape(str(debrief, "trainee")) + "</p>\n";
  if (debrief.contains("runs")) {
    if (debrief.value("format", "") == "kalan-room-debrief")
      h += "<p>" + L("room", lang, {std::to_string(debrief["runs"].size()), str(debrief, "average_score"),
                                    str(debrief, "best_score")}) + "</p>\n";
    for (const auto& r : debrief["runs"]) one_run(h, r, lang);
  } else {
    one_run(h, debrief, lang);
  }
  return h + "</body></html>\n";
}

}  // namespace kalan
