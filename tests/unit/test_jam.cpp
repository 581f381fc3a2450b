// Golden conversations of the RapidProtection flows on the default scenario: a reporter texts the
// short code and the platform answers exactly as written here.
#include <doctest/doctest.h>

#include "core/rng.h"
#include "helpers.h"

using namespace kalan;
using namespace kalan::test;

namespace {

constexpr const char* kSeydou = "tel:+22370000111";   // registered reporter (group Signalants)
constexpr const char* kAmadou = "tel:+22370000113";   // known contact, not registered
constexpr const char* kCsref = "tel:+22370000201";    // the CSRéf's phone (health service)

// A scripted SMS conversation on the default scenario.
struct Conversation {
  Session session;
  size_t seen = 0;

  // The default scenario without its scripted timeline, so that only this conversation happens.
  Conversation() : session(load_ok(quiet(scenario_json()))) {}
  static nlohmann::json quiet(nlohmann::json j) {
    j.erase("timeline");
    return j;
  }

  // Sends an SMS from `urn` and returns the texts the platform sent back to that number.
  std::vector<std::string> say(const std::string& urn, const std::string& text) {
    Command c{kTrainer, "", ReceiveSms{urn, text}};
    ApplyResult r = session.submit(c);
    REQUIRE(r.ok);
    return replies(urn);
  }
  // Moves the clock, firing timeouts and expirations.
  std::vector<std::string> wait_minutes(const std::string& urn, int minutes) {
    ClockAdvance a;
    a.seconds = minutes * 60;
    REQUIRE(session.submit(Command{kTrainer, "", a}).ok);
    return replies(urn);
  }
  std::vector<std::string> no_response(const std::string& urn) {
    REQUIRE(session.submit(Command{kTrainer, "", FireSmsTimeout{urn}}).ok);
    return replies(urn);
  }
  // Outbound messages to `urn` since the last call (others are skipped but counted).
  std::vector<std::string> replies(const std::string& urn) {
    std::vector<std::string> out;
    const auto& log = session.state().sms.log;
    for (; seen < log.size(); ++seen)
      if (!log[seen].inbound && log[seen].urn == urn) out.push_back(log[seen].text);
    return out;
  }
  std::vector<std::string> sent_to(const std::string& urn) const {
    std::vector<std::string> out;
    for (const auto& m : session.state().sms.log)
      if (!m.inbound && m.urn == urn) out.push_back(m.text);
    return out;
  }
  bool waiting(const std::string& urn) const {
    const auto* c = session.state().sms.contact_by_urn(urn);
    if (!c) return false;
    const auto it = session.state().sms.sessions.find(c->uuid);
    return it != session.state().sms.sessions.end() && it->second.waiting();
  }
};

const std::string kPrompt = "Signalement Violence - Vulnérabilité. Info Victime : PRÉNOM et NOM . AGE . SEXE (exemple : Awa Diallo 12 f)";
const std::string kTypeMenu =
    "Type de violence ou de vulnérabilité ? Répondez par le numéro :\n1 Violence physique\n2 Violence sexuelle\n"
    "3 Abus ou exploitation\n4 Abandon\n5 Négligence\n6 Enfant séparé ou non accompagné\n7 Mariage d'enfant\n"
    "8 Travail ou mendicité forcée\n9 Autre";
const std::string kPlace = "Dans quelle commune ou quel village se trouve la victime ?";
const std::string kDanger = "La victime est-elle en danger immédiat ? Répondez oui ou non.";
using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("Jam, happy path: the report reaches the health service and the reporter learns who takes charge") {
  Conversation c;
  CHECK(c.say(kSeydou, "Jam") == Lines{kPrompt});
  CHECK(c.say(kSeydou, "Awa Diallo 12 f") == Lines{kTypeMenu});
  CHECK(c.say(kSeydou, "2") == Lines{kPlace});
  CHECK(c.say(kSeydou, "Socoura") == Lines{kDanger});
  const Lines end = c.say(kSeydou, "oui");
  REQUIRE(end.size() == 1);
  CHECK(end[0] == "Merci. Signalement REF-0001 enregistré. Prise en charge : CSRéf de Mopti — prise en charge médicale, tél. "
                  "+22370000201. Vous serez informé du suivi.");
  CHECK_FALSE(c.waiting(kSeydou));
  // The service got the alert, with the reference and the facts.
  const Lines alert = c.sent_to(kCsref);
  REQUIRE(alert.size() == 1);
  CHECK(alert[0] ==
        "[RapidProtection 21999] Alerte REF-0001 : Violence sexuelle. Victime : Awa Diallo, 12 ans, sexe F, lieu : Socoura. "
        "Danger immédiat : Oui. Signalant : Seydou Dicko (tel:+22370000111). Répondez « PEC REF-0001 OK » pour confirmer la "
        "prise en charge.");
  // An identified case exists in case management, linked to the report.
  const auto& st = c.session.state();
  REQUIRE(st.sms.reports.size() == 1);
  CHECK(st.sms.reports[0].child_name == "Awa Diallo");
  CHECK(st.sms.reports[0].age == 12);
  CHECK(st.sms.reports[0].sex == "f");
  CHECK(st.sms.reports[0].service_id == "svc-csref");
  REQUIRE_FALSE(st.cases.records.empty());
  const CaseRecord& rec = st.cases.records.back();
  CHECK(rec.id == st.sms.reports[0].case_id);
  CHECK(rec.status == "identified");
  CHECK(rec.location == "socoura");
  // The case goes to the structure that manages cases for Socoura, linked to its reporter and report.
  CHECK(rec.organisation == "slpfef-mopti");
  CHECK(rec.report_reference == "REF-0001");
  CHECK(rec.reported_by.rfind("contact:", 0) == 0);
}

TEST_CASE("Jam accepts the reply in another order, with commas, « 25ans » and a capital F") {
  Conversation c;
  c.say(kSeydou, "JÀM");
  CHECK(c.say(kSeydou, "Diallo Awa, 15ans, F") == Lines{kTypeMenu});
  const auto& results = c.session.state().sms.sessions.begin()->second.runs[0].results;
  CHECK(results.at("victime").value == "Diallo Awa");
  CHECK(results.at("age").value == "15");
  CHECK(results.at("sexe").category == "F");
}

TEST_CASE("Jam accepts extra spaces and line breaks") {
  Conversation c;
  c.say(kSeydou, "  jam ");
  CHECK(c.say(kSeydou, "  Oumar   Sidibé\n9\nm ") == Lines{kTypeMenu});
  const auto& results = c.session.state().sms.sessions.begin()->second.runs[0].results;
  CHECK(results.at("victime").value == "Oumar Sidibé");
  CHECK(results.at("age").value == "9");
  CHECK(results.at("sexe").category == "M");
}

TEST_CASE("Jam asks again only for an age written in letters") {
  Conversation c;
  c.say(kSeydou, "Jam");
  CHECK(c.say(kSeydou, "Awa Diallo douze f") ==
        Lines{"L'âge doit être écrit en chiffres seulement (exemple : 12). Quel est l'âge de la victime ?"});
  CHECK(c.say(kSeydou, "douze") ==
        Lines{"L'âge doit être écrit en chiffres seulement (exemple : 12). Quel est l'âge de la victime ?"});
  CHECK(c.say(kSeydou, "12") == Lines{kTypeMenu});  // name and sex were not asked again
  const auto& results = c.session.state().sms.sessions.begin()->second.runs[0].results;
  CHECK(results.at("victime").value == "Awa Diallo");  // "douze" is not taken for part of the name
  CHECK(results.at("age").value == "12");
}

TEST_CASE("Jam asks again only for a missing sex") {
  Conversation c;
  c.say(kSeydou, "Jam");
  CHECK(c.say(kSeydou, "Awa Diallo 12") == Lines{"Sexe de la victime : répondez f (fille ou femme) ou m (garçon ou homme)."});
  CHECK(c.say(kSeydou, "x") == Lines{"Sexe de la victime : répondez f (fille ou femme) ou m (garçon ou homme)."});
  CHECK(c.say(kSeydou, "fille") == Lines{kTypeMenu});
}

TEST_CASE("Jam asks again only for a missing name") {
  Conversation c;
  c.say(kSeydou, "Jam");
  CHECK(c.say(kSeydou, "12 f") == Lines{"Il manque le nom. Envoyez le PRÉNOM et le NOM de la victime (exemple : Awa Diallo)."});
  CHECK(c.say(kSeydou, "Awa Diallo") == Lines{kTypeMenu});
}

TEST_CASE("Jam: an unknown type number is refused with the rule") {
  Conversation c;
  c.say(kSeydou, "Jam");
  c.say(kSeydou, "Awa Diallo 12 f");
  CHECK(c.say(kSeydou, "12") == Lines{"Réponse non comprise. Envoyez seulement le numéro, de 1 à 9."});
  CHECK(c.say(kSeydou, "mendicité") == Lines{kPlace});  // a word of the list works too
}

TEST_CASE("Jam: a silence first gets a reminder, then the flow expires") {
  Conversation c;
  c.say(kSeydou, "Jam");
  CHECK(c.wait_minutes(kSeydou, 11) ==
        Lines{"Rappel : pour terminer le signalement, envoyez PRÉNOM NOM AGE SEXE de la victime (exemple : Awa Diallo 12 f)."});
  CHECK(c.waiting(kSeydou));
  CHECK(c.wait_minutes(kSeydou, 180).empty());
  CHECK_FALSE(c.waiting(kSeydou));
  // A late answer is no longer part of the report: it gets the unknown-message reply.
  const Lines late = c.say(kSeydou, "Awa Diallo 12 f");
  REQUIRE(late.size() == 1);
  CHECK(late[0].rfind("Message non reconnu.", 0) == 0);
}

TEST_CASE("Jam: the trainer's « no response » button fires the timeout at once") {
  Conversation c;
  c.say(kSeydou, "Jam");
  CHECK(c.no_response(kSeydou) ==
        Lines{"Rappel : pour terminer le signalement, envoyez PRÉNOM NOM AGE SEXE de la victime (exemple : Awa Diallo 12 f)."});
}

TEST_CASE("Jam from an unregistered number asks the sender to register first") {
  Conversation c;
  CHECK(c.say(kAmadou, "Jam") == Lines{"Vous n'êtes pas encore inscrit comme signalant. Envoyez « prot » au 21999 pour vous "
                                       "inscrire, puis renvoyez « Jam »."});
  CHECK_FALSE(c.waiting(kAmadou));
}

TEST_CASE("Jam from an unregistered number is accepted when the scenario allows open reporting") {
  nlohmann::json j = scenario_json();
  j["sms"]["open_reporting"] = true;
  Conversation c;
  c.session = Session(load_ok(Conversation::quiet(j)));
  CHECK(c.say(kAmadou, "Jam") == Lines{kPrompt});
}

TEST_CASE("a trigger keyword restarts its flow even while another flow waits") {
  Conversation c;
  c.say(kSeydou, "Jam");
  c.say(kSeydou, "Awa Diallo 12 f");
  CHECK(c.say(kSeydou, "Jam") == Lines{kPrompt});
}

TEST_CASE("prot: consent accepted registers and activates the reporter") {
  Conversation c;
  CHECK(c.say(kAmadou, "prot") ==
        Lines{"Bienvenue sur RapidProtection (21999). Pour vous inscrire comme signalant, quel est votre PRÉNOM et NOM ?"});
  CHECK(c.say(kAmadou, "amadou yalcouyé") == Lines{"Quelle est votre structure ou votre CDPE ?"});
  CHECK(c.say(kAmadou, "CDPE de Sio") == Lines{"Dans quelle commune intervenez-vous ?"});
  CHECK(c.say(kAmadou, "Sio").size() == 1);
  const Lines consent = c.say(kAmadou, "1");
  REQUIRE(consent.size() == 1);
  CHECK(consent[0].find("Commission des données personnelles") != std::string::npos);
  CHECK(c.say(kAmadou, "oui") == Lines{"Merci Amadou, vous êtes inscrit comme signalant. Pour signaler un enfant en danger, "
                                       "envoyez « Jam » au 21999."});
  const auto* contact = c.session.state().sms.contact_by_urn(kAmadou);
  REQUIRE(contact);
  CHECK(contact->name == "Amadou Yalcouyé");
  CHECK(contact->fields.at("cdpe") == "CDPE de Sio");
  CHECK(contact->fields.at("inscrit") == "oui");
  CHECK(contact->fields.at("role") == "Relais communautaire");
  // Now "Jam" works.
  CHECK(c.say(kAmadou, "Jam") == Lines{kPrompt});
}

TEST_CASE("a reporter's new name and groups show in the flows of later messages") {
  // The contact's part of the expression context is kept from one message to the next: the
  // registration must replace what the first "Jam" saw (the world's name for the number).
  Conversation c;
  c.say(kAmadou, "Jam");  // refused: not registered yet
  for (const char* text : {"prot", "ousmane diarra", "CDPE de Sio", "Sio", "1", "oui"}) c.say(kAmadou, text);
  CHECK(c.say(kAmadou, "Jam") == Lines{kPrompt});
  for (const char* text : {"Awa Diallo 12 f", "2", "Socoura", "oui"}) c.say(kAmadou, text);
  const Lines alert = c.sent_to(kCsref);
  REQUIRE(alert.size() == 1);
  CHECK(alert[0].find("Signalant : Ousmane Diarra (" + std::string(kAmadou) + ")") != std::string::npos);
}

TEST_CASE("prot: a refusal of consent ends the registration cleanly, with no personal data kept") {
  Conversation c;
  c.say(kAmadou, "prot");
  c.say(kAmadou, "Amadou Yalcouyé");
  c.say(kAmadou, "CDPE de Sio");
  c.say(kAmadou, "Sio");
  c.say(kAmadou, "2");
  CHECK(c.say(kAmadou, "non") == Lines{"Inscription annulée : sans votre accord, aucune donnée n'est enregistrée. Vous pouvez "
                                       "recommencer à tout moment en envoyant « prot »."});
  const auto* contact = c.session.state().sms.contact_by_urn(kAmadou);
  REQUIRE(contact);
  CHECK(contact->name == "Amadou Yalcouyé");  // the scenario's own contact name, unchanged
  CHECK(contact->fields.count("cdpe") == 0);
  CHECK(contact->fields.at("inscrit") == "non");
  CHECK_FALSE(c.waiting(kAmadou));
  CHECK(c.say(kAmadou, "Jam").front().rfind("Vous n'êtes pas encore inscrit", 0) == 0);
}

TEST_CASE("provider follow-up: PEC and SUIVI messages are relayed to the reporter") {
  Conversation c;
  c.say(kSeydou, "Jam");
  c.say(kSeydou, "Awa Diallo 12 f");
  c.say(kSeydou, "1");
  c.say(kSeydou, "Socoura");
  c.say(kSeydou, "non");
  CHECK(c.say(kCsref, "PEC REF-0001 OK") == Lines{"Merci. Le signalant du cas REF-0001 a été informé."});
  CHECK(c.replies(kSeydou).empty());  // replies() only reads new messages to that number after the last call
  Lines to_reporter = c.sent_to(kSeydou);
  CHECK(to_reporter.back() == "Votre signalement REF-0001 est pris en charge par CSRéf de Mopti — prise en charge médicale.");
  CHECK(c.say(kCsref, "SUIVI REF-0001 enfant examinée, suivi psychosocial prévu") ==
        Lines{"Merci. Le signalant du cas REF-0001 a été informé."});
  to_reporter = c.sent_to(kSeydou);
  CHECK(to_reporter.back() == "Suivi de votre signalement REF-0001 : enfant examinée, suivi psychosocial prévu");
  CHECK(c.session.state().sms.reports[0].follow_ups.size() == 2);
  CHECK(c.say(kCsref, "PEC REF-0099 OK") == Lines{"Référence inconnue : REF-0099. Vérifiez le numéro reçu dans l'alerte."});
  CHECK(c.say(kCsref, "PEC OK") ==
        Lines{"Référence manquante. Exemples : « PEC REF-0001 OK » ou « SUIVI REF-0001 enfant reçu au centre »."});
}

TEST_CASE("an unknown message gets the catch-all reply") {
  Conversation c;
  const Lines r = c.say("tel:+22370009999", "Bonjour");
  REQUIRE(r.size() == 1);
  CHECK(r[0] == "Message non reconnu. Pour signaler un enfant en danger, envoyez « Jam » au 21999. Pour vous inscrire comme "
                "signalant, envoyez « prot ».");
  CHECK(c.session.state().sms.contacts.size() == 4);  // a new contact was created for the number
}

TEST_CASE("the same conversation replays to the same state") {
  Conversation a;
  a.say(kSeydou, "Jam");
  a.say(kSeydou, "Awa Diallo 12 f");
  a.wait_minutes(kSeydou, 5);
  a.say(kSeydou, "3");
  Session b(load_ok(Conversation::quiet(scenario_json())));
  for (const auto& cmd : a.session.commands()) REQUIRE(b.submit(cmd).ok);
  CHECK(b.hash() == a.session.hash());
}

TEST_CASE("a silent replay (no events built) reaches the same state, messages and reports included") {
  // Without events the engine builds only the messages it sends: the state must not notice.
  Conversation a;
  a.say(kAmadou, "prot");  // registration: contact name, fields and groups change
  for (const char* t : {"Amadou Traoré", "CDPE Socoura", "Socoura", "1", "oui"}) a.say(kAmadou, t);
  for (const char* t : {"Jam", "Awa Diallo 12 f", "2", "Socoura", "oui"}) a.say(kSeydou, t);  // two webhooks, a broadcast
  a.say(kCsref, "PEC REF-0001 OK");  // follow-up: relayed to the reporter
  a.say("tel:+22370009999", "bonjour");  // a new number: catch-all
  REQUIRE(a.session.state().sms.reports.size() == 1);
  REQUIRE(a.session.state().sms.reports[0].follow_ups.size() == 1);
  Session silent(load_ok(Conversation::quiet(scenario_json())));
  silent.set_record_events(false);
  for (const auto& cmd : a.session.commands()) {
    const ApplyResult r = silent.submit(cmd);
    REQUIRE(r.ok);
    CHECK(r.events.empty());
  }
  CHECK(silent.state().sms.log.size() == a.session.state().sms.log.size());
  CHECK(silent.hash() == a.session.hash());
}

TEST_CASE("hostile SMS never crash or hang the flows, and the session still replays") {
  Conversation c;
  Rng rng = Rng::from_seed(42);
  const std::vector<std::string> nasty = {
      "", " ", "\n\n\n", "Jam", "prot", "PEC", "SUIVI REF-", "@(1/0)", "@contact.name", "@@@@", "\xff\xfe\xfd",
      "\xc3", "Awa\0Diallo", std::string(1600, 'a'), "12345678901234567890123456789012345678901234567890", "-5 f",
      "Awa Diallo 999999999999999999999 f", "🙂 Jam", "ÉÇÀ 12 M", "((((((((((", "REF-0001 REF-0002", "0", "oui non"};
  const std::vector<std::string> phones = {kSeydou, kAmadou, kCsref, "tel:+22370009999"};
  for (int i = 0; i < 600; ++i) {
    std::string text = nasty[rng.below(nasty.size())];
    if (rng.below(4) == 0) {  // random bytes, including invalid UTF-8
      text.clear();
      const auto n = rng.below(40);
      for (std::uint64_t k = 0; k < n; ++k) text += static_cast<char>(rng.below(256));
    }
    if (text.size() > 1600) text.resize(1600);
    Command cmd{kTrainer, "", ReceiveSms{phones[rng.below(phones.size())], text}};
    const ApplyResult r = c.session.submit(cmd);
    REQUIRE(r.ok);
    if (i % 97 == 0) c.wait_minutes(kSeydou, 30);  // timeouts and expirations on the way
  }
  // Every outbound text is valid UTF-8 JSON-wise, and the whole session replays to the same hash.
  CHECK_NOTHROW(canonical_state(c.session.state()).dump());
  Session replayed(load_ok(Conversation::quiet(scenario_json())));
  for (const auto& cmd : c.session.commands()) REQUIRE(replayed.submit(cmd).ok);
  CHECK(replayed.hash() == c.session.hash());
}
