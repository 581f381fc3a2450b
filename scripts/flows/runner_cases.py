#!/usr/bin/env python3
"""Writes the flow-runner inputs of tests/flows/runner/ (one JSON file per case, shaped like RapidPro's
flow-runner test files: assets, contact, trigger, resumes, http_mocks). Expected outputs are produced by
`kalan flow run` and reviewed before they are committed as *.expected.json.
Usage: python3 scripts/flows/runner_cases.py
"""
import json
from collections import OrderedDict
from pathlib import Path

from rapidprotection import FlowBuilder, U

CONTACT = OrderedDict(uuid=U("runner", "contact"), name="Mariam Poudiougo", language="fra",
                      urns=["tel:+22370000320"], groups=[], fields={"commune": {"text": "Bandiagara"}})
GROUP = {"uuid": U("runner", "group", "relais"), "name": "Relais"}


def export(*flows, triggers=(), fields=(), groups=()):
    return OrderedDict(version="13", flows=list(flows), triggers=list(triggers),
                       fields=[OrderedDict(key=k, name=n, type="text") for k, n in fields], groups=list(groups))


def case(name, assets, resumes=(), trigger=None, contact=CONTACT, mocks=None):
    flow = assets["flows"][0]
    t = trigger or OrderedDict(type="manual", flow={"uuid": flow["uuid"], "name": flow["name"]})
    out = OrderedDict(assets=assets, contact=contact, trigger=t, resumes=list(resumes), now="2024-06-10T08:00:00Z", seed=7)
    if mocks:
        out["http_mocks"] = mocks
    return name, out


def msg(text):
    return OrderedDict(type="msg", msg={"text": text})


def cases():
    # 1. Two questions with results and a contact field.
    f = FlowBuilder("r1", "Deux questions", 60)
    f.actions_node("q1", [f.msg("q1", 0, "Bonjour @contact.first_name ! Quel âge a l'enfant ?")], to="w1")
    n = f.switch("w1", "@input.text", [("has_number_between", ["0", "17"], "Mineur"), ("has_number", [], "Majeur")], "Autre", result_name="Âge", wait=True)
    f.route(n, Mineur="q2", Majeur="q2", Autre="q1")
    f.actions_node("q2", [f.msg("q2", 0, "Âge noté : @results.age (@results.age.category). Commune ?")], to="w2")
    n = f.switch("w2", "@input.text", [("has_text", [], "Commune")], "Vide", result_name="Commune", wait=True)
    f.route(n, Commune="fin")
    f.actions_node("fin", [f.action("fin", 0, "set_contact_field", field={"key": "commune", "name": "Commune"}, value="@results.commune"),
                           f.msg("fin", 1, "Merci. Commune : @fields.commune.")])
    yield case("01-results-and-fields", export(f.build(), fields=[("commune", "Commune")]), [msg("douze"), msg("il a 12ans"), msg("Sangha")])

    # 2. Timeout: the wait's "No Response" category.
    f = FlowBuilder("r2", "Délai", 60)
    f.actions_node("q", [f.msg("q", 0, "Répondez oui ou non.")], to="w")
    n = f.switch("w", "@input.text", [("has_any_word", ["oui"], "Oui")], "Autre", result_name="Réponse", wait=True, timeout=(300, "Sans réponse"))
    f.route(n, Oui="ok", Autre="ok", Sans_réponse="relance")
    f.actions_node("relance", [f.msg("relance", 0, "Toujours là ? Répondez oui ou non.")])
    f.actions_node("ok", [f.msg("ok", 0, "Bien reçu : @results.reponse.category.")])
    yield case("02-wait-timeout", export(f.build()), [OrderedDict(type="wait_timeout")])

    # 3. Subflow with parent and child results.
    child = FlowBuilder("r3c", "Sous-flux âge", 60)
    child.actions_node("q", [child.msg("q", 0, "Âge de l'enfant ? (flux parent : @parent.flow.name)")], to="w")
    n = child.switch("w", "@input.text", [("has_number", [], "Nombre")], "Autre", result_name="Âge enfant", wait=True)
    child.route(n, Nombre="fin", Autre="q")
    child.actions_node("fin", [child.action("fin", 0, "set_run_result", name="Vu par", value="@parent.contact.name", category="")])
    parent = FlowBuilder("r3", "Parent", 60)
    enter = parent.action("entre", 0, "enter_flow", flow={"uuid": U("r3c"), "name": "Sous-flux âge"}, terminal=False)
    n = parent.switch("entre", "@child.run.status", [("has_only_text", ["completed"], "Terminé")], "Expiré", actions=[enter])
    parent.route(n, Terminé="apres", Expiré="apres")
    parent.actions_node("apres", [parent.msg("apres", 0, "Le sous-flux a noté @child.results.age_enfant.value ans (@child.results.vu_par).")])
    yield case("03-subflow", export(parent.build(), child.build()), [msg("dix"), msg("10")])

    # 4. Webhook success and failure, with @webhook and the result.
    f = FlowBuilder("r4", "Webhook", 60)
    f.webhook("hook", "POST", "http://mock.kalan.example/service?type=health", '{"contact": "@contact.uuid"}', "Appel", success="ok", failure="ko")
    f.actions_node("ok", [f.msg("ok", 0, "Service : @webhook.name (@results.appel, @results.appel.category)")])
    f.actions_node("ko", [f.msg("ko", 0, "Échec : @results.appel")])
    assets = export(f.build())
    yield case("04-webhook-success", assets, mocks={"http://mock.kalan.example/service?type=health": [{"status": 200, "body": "{\"name\": \"CSRéf\"}"}]})
    yield case("05-webhook-failure", assets, mocks={"http://mock.kalan.example/service?type=health": [{"status": 503, "body": "indisponible"}]})
    yield case("06-webhook-no-network", assets)

    # 7. Groups, name and language changes, labels, broadcast.
    f = FlowBuilder("r7", "Contact", 60)
    f.actions_node("a", [
        f.action("a", 0, "add_contact_groups", groups=[GROUP]),
        f.action("a", 1, "set_contact_name", name="@(upper(contact.name))"),
        f.action("a", 2, "set_contact_language", language="eng"),
        f.action("a", 3, "send_broadcast", text="Nouveau relais : @contact.name", attachments=[], quick_replies=[], urns=["tel:+22370000302"], contacts=[], groups=[]),
        f.action("a", 4, "remove_contact_groups", groups=[GROUP], all_groups=False),
    ])
    yield case("07-contact-actions", export(f.build(), groups=[GROUP]))

    # 8. Localization: the contact speaks English, the flow has translations.
    f = FlowBuilder("r8", "Traduit", 60)
    f.actions_node("a", [f.msg("a", 0, "Bonjour !", ["Oui", "Non"])])
    built = f.build()
    built["localization"] = {"eng": {U("r8", "action", "a", "0"): {"text": ["Hello!"], "quick_replies": ["Yes", "No"]}}}
    english = OrderedDict(CONTACT)
    english["language"] = "eng"
    yield case("08-localization", export(built), contact=english)

    # 9. Expiration of a waiting run.
    f = FlowBuilder("r9", "Expire", 5)
    f.actions_node("q", [f.msg("q", 0, "Une question ?")], to="w")
    n = f.switch("w", "@input.text", [("has_text", [], "Texte")], "Autre", wait=True)
    f.route(n, Texte="q")
    yield case("09-expiration", export(f.build()), [OrderedDict(type="run_expiration")])

    # 10. Random router: deterministic with the seed.
    f = FlowBuilder("r10", "Hasard", 60)
    built = f.build()
    built["nodes"].append(OrderedDict(uuid=f.node_uuid("r"), actions=[], router=OrderedDict(
        type="random", result_name="Groupe", categories=[
            OrderedDict(uuid=U("r10", "c", "a"), name="A", exit_uuid=U("r10", "e", "a")),
            OrderedDict(uuid=U("r10", "c", "b"), name="B", exit_uuid=U("r10", "e", "b"))]),
        exits=[OrderedDict(uuid=U("r10", "e", "a"), destination_uuid=None), OrderedDict(uuid=U("r10", "e", "b"), destination_uuid=None)]))
    yield case("10-random-router", export(built))

    # 11. Message trigger with keyword match, @trigger and @input.
    f = FlowBuilder("r11", "Mot-clé", 60)
    f.actions_node("a", [f.msg("a", 0, "Mot-clé « @trigger.keyword_match.keyword » reçu : @input.text")])
    built = f.build()
    trig = OrderedDict(type="msg", flow={"uuid": built["uuid"], "name": built["name"]},
                       msg={"uuid": U("r11", "msg"), "urn": "tel:+22370000320", "text": "Jam Bandiagara"},
                       keyword_match={"type": "first_word", "keyword": "jam"})
    yield case("11-msg-trigger", export(built), trigger=trig)

    # 12. An expression error renders empty and emits an error event; the run goes on.
    f = FlowBuilder("r12", "Erreur", 60)
    f.actions_node("a", [f.msg("a", 0, "Valeur : [@(1 / 0)] [@results.inconnu.value] fin")])
    yield case("12-expression-error", export(f.build()))

    # 13. A loop without a wait is stopped.
    f = FlowBuilder("r13", "Boucle", 60)
    f.actions_node("a", [f.action("a", 0, "set_run_result", name="Tour", value="@(default(results.tour.value, 0) + 1)", category="")], to="a")
    yield case("13-infinite-loop", export(f.build()))


def main():
    out = Path(__file__).resolve().parents[2] / "tests" / "flows" / "runner"
    out.mkdir(parents=True, exist_ok=True)
    for name, data in cases():
        (out / (name + ".json")).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print("wrote", name)


if __name__ == "__main__":
    main()
