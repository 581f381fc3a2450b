#include <doctest/doctest.h>
#include <set>

#include "helpers.h"

using namespace kalan;
using namespace kalan::test;
using nlohmann::json;

TEST_CASE("every command type round-trips through its JSON form") {
  const std::vector<std::string> examples = {
      R"({"type":"clock.advance","actor":"trainer","minutes":15})",
      R"({"type":"clock.advance","actor":"trainer","hours":2})",
      R"({"type":"clock.advance","actor":"trainer","days":1,"key":"k-1"})",
      R"({"type":"clock.advance_to","actor":"trainer","at":"2024-03-31T23:59:00Z"})",
      R"({"type":"clock.next","actor":"system"})",
      R"({"type":"message.send","actor":"mtembely","to":"fkansaye","text":"Bonjour"})",
      R"({"type":"sms.receive","actor":"system","from":"tel:+22370000111","text":"Jam"})",
      R"({"type":"sms.timeout","actor":"trainer","urn":"tel:+22370000111"})",
      R"({"type":"case.report","actor":"fkansaye","child_name":"Awa","age":12,"sex":"f","location":"socoura","organisation":"slpfef-mopti","summary":"x"})",
      R"({"type":"case.open","actor":"fkansaye","case":"CAS-0001","risk_level":"high"})",
      R"({"type":"case.form.save","actor":"fkansaye","case":"CAS-0001","form":"1A","values":{"consent_services":"oui"}})",
      R"({"type":"case.approval.request","actor":"fkansaye","case":"CAS-0001","kind":"assessment"})",
      R"({"type":"case.approval.decide","actor":"mtembely","case":"CAS-0001","kind":"assessment","decision":"reject","comment":"Compléter"})",
      R"({"type":"case.close","actor":"fkansaye","case":"CAS-0001","reason":"objectifs atteints"})",
      R"({"type":"case.reopen","actor":"fkansaye","case":"CAS-0001","reason":"nouvel incident"})",
      R"({"type":"case.assign","actor":"mtembely","case":"CAS-0001","user":"fkansaye"})",
      R"({"type":"case.referral.create","actor":"fkansaye","case":"CAS-0001","service":"svc-csref","note":"urgent"})",
      R"({"type":"case.referral.respond","actor":"htapily","case":"CAS-0001","referral":"RFC-0003","decision":"accept"})",
      R"({"type":"case.referral.done","actor":"htapily","case":"CAS-0001","referral":"RFC-0003","result":"soins donnés"})",
      R"({"type":"case.referral.revoke","actor":"fkansaye","case":"CAS-0001","referral":"RFC-0003"})",
      R"({"type":"case.transfer.create","actor":"fkansaye","case":"CAS-0001","to_user":"kguindo","note":"déménagement"})",
      R"({"type":"case.transfer.respond","actor":"kguindo","case":"CAS-0001","transfer":"TRF-0004","decision":"reject","comment":"non"})",
      R"({"type":"case.transfer.revoke","actor":"fkansaye","case":"CAS-0001","transfer":"TRF-0004"})",
      R"({"type":"case.transfer.request","actor":"kguindo","case":"CAS-0001"})",
      R"({"type":"case.attachment.add","actor":"fkansaye","case":"CAS-0001","name":"acte.pdf","kind":"document","mime":"application/pdf","content":"JVBERi0="})",
      R"({"type":"case.attachment.remove","actor":"fkansaye","case":"CAS-0001","attachment":"ATT-0005"})",
      R"({"type":"tracing.request.create","actor":"fkansaye","inquirer_name":"Bakary Coulibaly","child_name":"Mariam Coulibaly","age":9,"sex":"f","location":"socoura"})",
      R"({"type":"tracing.match.confirm","actor":"fkansaye","request":"TR-0006","case":"CAS-0001"})",
      R"({"type":"user.create","actor":"idjimde","id":"ocisse","name":"Oumou Cissé","role":"case_worker","supervisor":"mtembely"})",
      R"({"type":"user.update","actor":"idjimde","user":"ocisse","phone":"tel:+22370000199"})",
      R"({"type":"user.disable","actor":"idjimde","user":"ocisse"})",
      R"({"type":"user.enable","actor":"idjimde","user":"ocisse"})",
      R"({"type":"alert.read","actor":"mtembely","alert":3})",
      R"({"type":"service.add","actor":"ntogo","id":"svc-one-stop","name":"One Stop Center","service_type":"health","organisation":"csref-mopti","location":"mopti-commune","phone":"tel:+22370000250","email":"a@b.org","hours":[{"days":"mon-fri","open":"08:00","close":"17:00"}]})",
      R"({"type":"reporting.draft.save","actor":"fkansaye","instance":"uuid:1","values":{"month":"3"},"deprecated":"uuid:0"})",
      R"({"type":"reporting.draft.discard","actor":"fkansaye","instance":"uuid:1"})",
      R"({"type":"reporting.finalize","actor":"fkansaye","instance":"uuid:1"})",
      R"({"type":"reporting.send","actor":"fkansaye","instance":"uuid:1"})",
      R"({"type":"reporting.set_online","actor":"fkansaye","online":false})",
      R"({"type":"reporting.submit","actor":"fkansaye","instance":"uuid:1","values":{"month":"3"}})",
      R"({"type":"reporting.validation.set","actor":"mtembely","submission":1,"status":"on_hold"})",
      R"({"type":"psea.complaint.create","actor":"fkansaye","channel":"complaint_box","age":15,"sex":"f","complaint_type":"sexual_abuse","note":"x"})",
      R"({"type":"psea.complaint.refer","actor":"fkansaye","complaint":"PSEA-0001","service":"svc-csref"})",
      R"({"type":"psea.complaint.respond","actor":"fkansaye","complaint":"PSEA-0001","response":"reçue"})",
      R"({"type":"reporting.reminder.send","actor":"ntogo","structure":"ong-benkadi","year":2024,"month":8,"note":"merci"})",
      R"({"type":"exercise.answer","actor":"fkansaye","exercise":"ex-1","question":"q-1","answer":["a",3]})",
      R"({"type":"exercise.hint","actor":"fkansaye","exercise":"ex-1","hint":2})",
      R"({"type":"exercise.start","actor":"trainer","exercise":"ex-1","setup":[{"type":"case.open","actor":"fkansaye","case":"CAS-0001"}]})",
  };
  std::set<std::string> seen;
  for (const auto& text : examples) {
    CAPTURE(text);
    const Command c = cmd(text);
    CHECK(command_to_json(c) == json::parse(text));
    seen.insert(command_type(c));
  }
  CHECK(seen.size() == command_types().size());  // the examples cover every type
}

TEST_CASE("malformed commands name the field that is wrong") {
  struct Bad { const char* text; const char* path; const char* code; };
  const std::vector<Bad> bad = {
      {R"({"type":"clock.advance","actor":"trainer"})", "", "one_amount"},
      {R"({"type":"clock.advance","actor":"trainer","minutes":5,"hours":1})", "", "one_amount"},
      {R"({"type":"clock.advance","actor":"trainer","minutes":0})", "/minutes", "out_of_range"},
      {R"({"type":"clock.advance","actor":"trainer","minutes":"5"})", "/minutes", "type_integer"},
      {R"({"type":"clock.advance_to","actor":"trainer","at":"bientôt"})", "/at", "bad_time"},
      {R"({"type":"clock.rewind","actor":"trainer"})", "/type", "unknown_value"},
      {R"({"actor":"trainer"})", "", "missing"},
      {R"({"type":"clock.next"})", "", "missing"},
      {R"({"type":"clock.next","actor":"trainer","extra":1})", "/extra", "unknown_key"},
      {R"({"type":"sms.receive","actor":"system","from":"21999","text":"Jam"})", "/from", "bad_phone"},
      {R"({"type":"message.send","actor":"system","to":"fkansaye"})", "", "missing"},
      {R"({"type":"case.report","actor":"fkansaye","child_name":"A","sex":"x","location":"sio"})", "/sex", "unknown_value"},
      {R"([1,2])", "", "type_object"},
  };
  for (const auto& b : bad) {
    CAPTURE(b.text);
    Diagnostics errors;
    CHECK_FALSE(parse_command(json::parse(b.text), "", errors));
    REQUIRE_FALSE(errors.empty());
    bool found = false;
    for (const auto& d : errors) found = found || (d.path == b.path && d.code == b.code);
    if (!found) for (const auto& d : errors) MESSAGE((render(d) + " [" + d.code + "]"));
    CHECK(found);
  }
}

TEST_CASE("refusals leave the state exactly as it was") {
  Session s(load_ok(scenario_json()));
  const json before = canonical_state(s.state());
  const std::vector<std::pair<std::string, std::string>> refused = {
      {R"({"type":"message.send","actor":"personne","to":"fkansaye","text":"x"})", "unknown_actor"},
      {R"({"type":"message.send","actor":"mtembely","to":"personne","text":"x"})", "unknown_ref"},
      {R"({"type":"sms.receive","actor":"sdicko","from":"tel:+22370000112","text":"Jam"})", "not_reporter"},
      {R"({"type":"case.report","actor":"htapily","child_name":"A","sex":"f","location":"sio"})", "forbidden"},
      {R"({"type":"case.report","actor":"system","child_name":"A","sex":"f","location":"sio"})", "missing"},
      {R"({"type":"case.report","actor":"fkansaye","child_name":"A","sex":"f","location":"gao"})", "unknown_ref"},
      {R"({"type":"clock.advance","actor":"sdicko","minutes":5})", "forbidden"},
  };
  for (const auto& pair : refused) {
    const std::string& text = pair.first;
    const std::string& code = pair.second;
    CAPTURE(text);
    ApplyResult r = s.submit(cmd(text));
    CHECK_FALSE(r.ok);
    CHECK(r.error.code == code);
    CHECK(canonical_state(s.state()) == before);
  }
  CHECK(s.commands().empty());
  CHECK(s.journal().size() == refused.size());
}

TEST_CASE("a disabled account cannot act") {
  json j = scenario_json();
  j["world"]["users"][3]["active"] = false;
  Session s(load_ok(j));
  ApplyResult r = s.submit(cmd(R"({"type":"message.send","actor":"bsankare","to":"mtembely","text":"x"})"));
  CHECK_FALSE(r.ok);
  CHECK(r.error.code == "inactive_actor");
}

TEST_CASE("a reporter texting from their own phone is recognised as the contact") {
  Session s(load_ok(scenario_json()));
  ApplyResult r = s.submit(cmd(R"({"type":"sms.receive","actor":"sdicko","from":"tel:+22370000111","text":"Jam"})"));
  REQUIRE(r.ok);
  CHECK(r.events[0].data["owner"] == "contact:c-sdicko");
  CHECK(s.state().sms.log.back().at == s.state().clock.now);
}
