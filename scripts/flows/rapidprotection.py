#!/usr/bin/env python3
"""Writes the RapidProtection flows ("Jam" report, "prot" registration, provider follow-up) as a
RapidPro export (spec 13) into the "sms" section of scenarios/mopti-atelier.json.

The flows are authored here, in French, for this project. UUIDs are derived from stable names so that
regenerating gives the same file. Usage: python3 scripts/flows/rapidprotection.py
"""
import json
import sys
import uuid
from collections import OrderedDict
from pathlib import Path

NS = uuid.UUID("6f1c2a4e-0d9b-4c1e-9a57-21999000aaaa")


def U(*parts):
    return str(uuid.uuid5(NS, "/".join(parts)))


GROUP_SIGNALANTS = {"uuid": U("group", "signalants"), "name": "Signalants"}
GROUP_PRESTATAIRES = {"uuid": U("group", "prestataires"), "name": "Prestataires"}


class FlowBuilder:
    def __init__(self, key, name, expire_minutes):
        self.key = key
        self.flow = OrderedDict(
            uuid=U(key), name=name, spec_version="13.1.0", language="fra", type="messaging",
            revision=1, expire_after_minutes=expire_minutes, localization={}, nodes=[])
        self.pending = []  # (node_key, exit index or category name, destination key)

    def node_uuid(self, nkey):
        return U(self.key, "node", nkey)

    def _node(self, nkey, actions, router=None, exits=None):
        node = OrderedDict(uuid=self.node_uuid(nkey), actions=actions)
        if router is not None:
            node["router"] = router
        node["exits"] = exits or []
        self.flow["nodes"].append(node)
        return node

    def action(self, nkey, i, type_, **fields):
        a = OrderedDict(uuid=U(self.key, "action", nkey, str(i)), type=type_)
        a.update(fields)
        return a

    def msg(self, nkey, i, text, quick_replies=()):
        return self.action(nkey, i, "send_msg", text=text, attachments=[], quick_replies=list(quick_replies))

    def actions_node(self, nkey, actions, to=None):
        """A node with actions and one exit to `to` (None: the flow ends)."""
        ex = U(self.key, "exit", nkey, "0")
        node = self._node(nkey, actions, exits=[OrderedDict(uuid=ex, destination_uuid=None)])
        if to:
            self.pending.append((node, 0, to))
        return node

    def switch(self, nkey, operand, cases, default, actions=(), result_name=None, wait=False, timeout=None):
        """cases: list of (test type, [arguments], category name); default: category name.
        Destinations are given later with route(). timeout: (seconds, category name)."""
        names = []
        for _, _, cat in cases:
            if cat not in names:
                names.append(cat)
        if default not in names:
            names.append(default)
        if timeout and timeout[1] not in names:
            names.append(timeout[1])
        cats, exits = [], []
        for n in names:
            cu, eu = U(self.key, "cat", nkey, n), U(self.key, "exit", nkey, n)
            cats.append(OrderedDict(uuid=cu, name=n, exit_uuid=eu))
            exits.append(OrderedDict(uuid=eu, destination_uuid=None))
        router = OrderedDict(type="switch", operand=operand, cases=[
            OrderedDict(uuid=U(self.key, "case", nkey, str(i)), type=t, arguments=args,
                        category_uuid=U(self.key, "cat", nkey, cat)) for i, (t, args, cat) in enumerate(cases)],
            categories=cats, default_category_uuid=U(self.key, "cat", nkey, default))
        if result_name:
            router["result_name"] = result_name
        if wait:
            w = OrderedDict(type="msg")
            if timeout:
                w["timeout"] = OrderedDict(seconds=timeout[0], category_uuid=U(self.key, "cat", nkey, timeout[1]))
            router["wait"] = w
        node = self._node(nkey, list(actions), router, exits)
        node["_names"] = names
        return node

    def route(self, node, **destinations):
        """Connect categories of a switch node (by category name, spaces as _) to node keys."""
        for i, n in enumerate(node["_names"]):
            key = n.replace(" ", "_")
            dest = destinations.get(key, destinations.get(n))
            if dest:
                self.pending.append((node, i, dest))

    def webhook(self, nkey, method, url, body, result_name, success, failure):
        action = self.action(nkey, 0, "call_webhook", method=method, url=url, headers={"Content-Type": "application/json"},
                             body=body, result_name=result_name)
        node = self.switch(nkey, "@results.%s.category" % result_name.lower().replace(" ", "_").replace("é", "e"),
                           [("has_only_text", ["Success"], "Success")], "Failure", actions=[action])
        self.route(node, Success=success, Failure=failure)
        return node

    def build(self):
        for node, i, dest in self.pending:
            node["exits"][i]["destination_uuid"] = self.node_uuid(dest)
        for node in self.flow["nodes"]:
            node.pop("_names", None)
        return self.flow


def jam_flow():
    f = FlowBuilder("jam", "Signalement Jam", 120)
    # 1. Registered reporters only, unless the scenario allows open reporting.
    n = f.switch("inscrit", "@contact.groups", [("has_group", [GROUP_SIGNALANTS["uuid"], GROUP_SIGNALANTS["name"]], "Inscrit")], "Non inscrit")
    f.route(n, Inscrit="invite", Non_inscrit="ouvert")
    n = f.switch("ouvert", "@globals.open_reporting", [("has_any_word", ["oui"], "Ouvert")], "Fermé")
    f.route(n, Ouvert="invite", Fermé="refus")
    f.actions_node("refus", [f.msg("refus", 0, "Vous n'êtes pas encore inscrit comme signalant. Envoyez « prot » au @globals.shortcode pour vous inscrire, puis renvoyez « Jam ».")])
    # 2. The prompt of the field card, then one reply with name, age and sex.
    f.actions_node("invite", [f.msg("invite", 0, "Signalement Violence - Vulnérabilité. Info Victime : PRÉNOM et NOM . AGE . SEXE (exemple : Awa Diallo 12 f)")], to="reponse")
    n = f.switch("reponse", "@input.text", [("has_text", [], "Réponse")], "Réponse", result_name="Info victime",
                 wait=True, timeout=(600, "Sans réponse"))
    f.route(n, Réponse="age", Sans_réponse="rappel")
    f.actions_node("rappel", [f.msg("rappel", 0, "Rappel : pour terminer le signalement, envoyez PRÉNOM NOM AGE SEXE de la victime (exemple : Awa Diallo 12 f).")], to="reponse2")
    n = f.switch("reponse2", "@input.text", [("has_text", [], "Réponse")], "Réponse", result_name="Info victime", wait=True)
    f.route(n, Réponse="age")
    # 3. Parse the reply: the age in digits ("25", "25ans"), the sex (f/m), the name before the age.
    n = f.switch("age", "@results.info_victime.value", [("has_number_between", ["0", "120"], "Valide"), ("has_number", [], "Invalide")], "Manquant", result_name="Âge")
    f.route(n, Valide="sexe", Invalide="sexe", Manquant="sexe")
    n = f.switch("sexe", "@results.info_victime.value",
                 [("has_any_word", ["f fille femme féminin"], "F"), ("has_any_word", ["m garçon homme masculin"], "M")], "Manquant", result_name="Sexe")
    f.route(n, F="nom", M="nom", Manquant="nom")
    n = f.switch("nom", "@results.info_victime.value",
                 [("has_pattern", ["^[\\s,.;:-]*([^0-9,.;:]+?)[\\s,.;:-]+[0-9]"], "Avant l'âge"),
                  ("has_pattern", ["^[\\s,.;:-]*([^0-9,.;:]+?)[\\s,.;:-]+(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt)([\\s,.;:-]+ans?)?([\\s,.;:-]+[fFmM])?[\\s,.;:-]*$"], "Avant l'âge en lettres"),
                  ("has_pattern", ["^[\\s,.;:-]*([^0-9,.;:]+?)[\\s,.;:-]+[fFmM][\\s,.;:-]*$"], "Avant le sexe"),
                  ("has_pattern", ["^[\\s,.;:-]*([^0-9,.;:]{3,}?)[\\s,.;:-]*$"], "Seul")], "Manquant", result_name="Nom")
    f.route(n, Avant_l_âge="nom_ok", Avant_le_sexe="nom_ok", Seul="nom_ok", Manquant="ask_nom")
    f.route(n, **{"Avant l'âge": "nom_ok", "Avant l'âge en lettres": "nom_ok"})
    f.actions_node("nom_ok", [f.action("nom_ok", 0, "set_run_result", name="Victime", value='@(title(join(split(trim(results.nom.extra["1"]), " "), " ")))', category="")], to="check_age")
    f.actions_node("ask_nom", [f.msg("ask_nom", 0, "Il manque le nom. Envoyez le PRÉNOM et le NOM de la victime (exemple : Awa Diallo).")], to="wait_nom")
    n = f.switch("wait_nom", "@input.text", [("has_pattern", ["^[\\s,.;:-]*([^0-9]{3,}?)[\\s,.;:-]*$"], "Nom")], "Invalide", result_name="Nom", wait=True)
    f.route(n, Nom="nom_ok", Invalide="ask_nom")
    # Ask again only for what is missing or invalid.
    n = f.switch("check_age", "@results.age.category", [("has_only_text", ["Valide"], "Valide")], "À redemander")
    f.route(n, Valide="check_sexe", À_redemander="ask_age")
    f.actions_node("ask_age", [f.msg("ask_age", 0, "L'âge doit être écrit en chiffres seulement (exemple : 12). Quel est l'âge de la victime ?")], to="wait_age")
    n = f.switch("wait_age", "@input.text", [("has_number_between", ["0", "120"], "Valide")], "Invalide", result_name="Âge", wait=True)
    f.route(n, Valide="check_sexe", Invalide="ask_age")
    n = f.switch("check_sexe", "@results.sexe.category", [("has_any_word", ["F M"], "Connu")], "À redemander")
    f.route(n, Connu="type", À_redemander="ask_sexe")
    f.actions_node("ask_sexe", [f.msg("ask_sexe", 0, "Sexe de la victime : répondez f (fille ou femme) ou m (garçon ou homme).", ["f", "m"])], to="wait_sexe")
    n = f.switch("wait_sexe", "@input.text",
                 [("has_any_word", ["f fille femme féminin"], "F"), ("has_any_word", ["m garçon homme masculin"], "M")], "Invalide", result_name="Sexe", wait=True)
    f.route(n, F="type", M="type", Invalide="ask_sexe")
    # 4. Type of violence or vulnerability, place, immediate danger.
    types = ["Violence physique", "Violence sexuelle", "Abus ou exploitation", "Abandon", "Négligence",
             "Enfant séparé ou non accompagné", "Mariage d'enfant", "Travail ou mendicité forcée", "Autre"]
    keywords = ["physique coups frappé battu", "sexuelle viol agression", "abus exploitation", "abandon abandonné abandonnée",
                "négligence négligé", "séparé non accompagné perdu", "mariage marié mariée", "travail mendicité talibé", "autre"]
    menu = "Type de violence ou de vulnérabilité ? Répondez par le numéro :\n" + "\n".join("%d %s" % (i + 1, t) for i, t in enumerate(types))
    f.actions_node("type", [f.msg("type", 0, menu, [str(i + 1) for i in range(len(types))])], to="wait_type")
    cases = [("has_number_eq", [str(i + 1)], t) for i, t in enumerate(types)] + [("has_any_word", [k], t) for k, t in zip(keywords, types)]
    n = f.switch("wait_type", "@input.text", cases, "Invalide", result_name="Type", wait=True)
    f.route(n, **{t: "besoin" for t in types}, Invalide="type_invalide")
    f.actions_node("type_invalide", [f.msg("type_invalide", 0, "Réponse non comprise. Envoyez seulement le numéro, de 1 à 9.")], to="wait_type")
    need = ('@(if(results.type.category = "Violence physique", "health", if(results.type.category = "Violence sexuelle", "health", '
            'if(results.type.category = "Abandon", "shelter", if(results.type.category = "Enfant séparé ou non accompagné", "family_tracing", '
            'if(results.type.category = "Mariage d\'enfant", "legal", if(results.type.category = "Travail ou mendicité forcée", "case_management", '
            '"psychosocial")))))))')
    f.actions_node("besoin", [f.action("besoin", 0, "set_run_result", name="Service requis", value=need, category="")], to="lieu")
    f.actions_node("lieu", [f.msg("lieu", 0, "Dans quelle commune ou quel village se trouve la victime ?")], to="wait_lieu")
    n = f.switch("wait_lieu", "@input.text", [("has_text", [], "Lieu")], "Vide", result_name="Lieu", wait=True)
    f.route(n, Lieu="danger", Vide="lieu")
    f.actions_node("danger", [f.msg("danger", 0, "La victime est-elle en danger immédiat ? Répondez oui ou non.", ["oui", "non"])], to="wait_danger")
    n = f.switch("wait_danger", "@input.text", [("has_any_word", ["oui o yes"], "Oui"), ("has_any_word", ["non n no"], "Non")], "Invalide", result_name="Danger", wait=True)
    f.route(n, Oui="service", Non="service", Invalide="danger")
    # 5. The competent service, the report and its case, the alert, the answer to the reporter.
    f.webhook("service", "GET", "kalan:services/find?type=@results.service_requis.value&location=@(url_encode(results.lieu.value))", "",
              "Service", success="signalement", failure="signalement")
    body = ('@(json(object("child_name", results.victime.value, "age", results.age.value, "sex", results.sexe.category, '
            '"type", results.type.category, "location", results.lieu.value, "danger", results.danger.category, '
            '"service", results.service.extra.id)))')
    f.webhook("signalement", "POST", "kalan:reports/create", body, "Signalement", success="alerte", failure="echec")
    f.actions_node("alerte", [
        f.action("alerte", 0, "send_broadcast", text=(
            "[RapidProtection @globals.shortcode] Alerte @webhook.reference : @results.type.category. Victime : @results.victime.value, "
            "@results.age.value ans, sexe @results.sexe.category, lieu : @results.lieu.value. Danger immédiat : @results.danger.category. "
            "Signalant : @contact.name (@(default(urns.tel, \"\"))). Répondez « PEC @webhook.reference OK » pour confirmer la prise en charge."),
            attachments=[], quick_replies=[], urns=["@results.service.extra.urn"], contacts=[], groups=[]),
        f.msg("alerte", 1, "Merci. Signalement @webhook.reference enregistré. Prise en charge : @results.service.extra.name, tél. "
              "@results.service.extra.phone. Vous serez informé du suivi."),
        f.action("alerte", 2, "set_contact_field", field={"key": "dernier_signalement", "name": "Dernier signalement"}, value="@webhook.reference"),
    ])
    f.actions_node("echec", [f.msg("echec", 0, "Le signalement n'a pas pu être transmis. Appelez le service social le plus proche ou renvoyez « Jam ».")])
    return f.build()


def prot_flow():
    f = FlowBuilder("prot", "Inscription prot", 120)
    f.actions_node("accueil", [f.msg("accueil", 0, "Bienvenue sur RapidProtection (@globals.shortcode). Pour vous inscrire comme signalant, quel est votre PRÉNOM et NOM ?")], to="wait_nom")
    n = f.switch("wait_nom", "@input.text", [("has_pattern", ["^[^0-9]{3,}$"], "Nom")], "Invalide", result_name="Nom", wait=True)
    f.route(n, Nom="structure", Invalide="accueil")
    f.actions_node("structure", [f.msg("structure", 0, "Quelle est votre structure ou votre CDPE ?")], to="wait_structure")
    n = f.switch("wait_structure", "@input.text", [("has_text", [], "Structure")], "Vide", result_name="Structure", wait=True)
    f.route(n, Structure="commune", Vide="structure")
    f.actions_node("commune", [f.msg("commune", 0, "Dans quelle commune intervenez-vous ?")], to="wait_commune")
    n = f.switch("wait_commune", "@input.text", [("has_text", [], "Commune")], "Vide", result_name="Commune", wait=True)
    f.route(n, Commune="role", Vide="commune")
    roles = ["Relais communautaire", "Membre du CDPE ou CCPE", "Agent d'une structure", "Autre"]
    f.actions_node("role", [f.msg("role", 0, "Votre rôle ? Répondez par le numéro :\n" + "\n".join("%d %s" % (i + 1, r) for i, r in enumerate(roles)), ["1", "2", "3", "4"])], to="wait_role")
    n = f.switch("wait_role", "@input.text", [("has_number_eq", [str(i + 1)], r) for i, r in enumerate(roles)], "Invalide", result_name="Rôle", wait=True)
    f.route(n, **{r: "consentement" for r in roles}, Invalide="role")
    f.actions_node("consentement", [f.msg("consentement", 0, (
        "Vos données (nom, numéro, structure, commune) serviront uniquement au suivi des signalements, selon la procédure "
        "de la Commission des données personnelles. Acceptez-vous ? Répondez oui ou non."), ["oui", "non"])], to="wait_consentement")
    n = f.switch("wait_consentement", "@input.text", [("has_any_word", ["oui o yes accepte"], "Oui"), ("has_any_word", ["non n no refuse"], "Non")],
                 "Invalide", result_name="Consentement", wait=True)
    f.route(n, Oui="active", Non="refus", Invalide="consentement")
    # Nothing is written on the contact before consent: a refusal leaves no personal data behind.
    f.actions_node("active", [
        f.action("active", 0, "set_contact_name", name="@(title(results.nom.value))"),
        f.action("active", 1, "set_contact_field", field={"key": "cdpe", "name": "CDPE"}, value="@results.structure.value"),
        f.action("active", 2, "set_contact_field", field={"key": "commune", "name": "Commune"}, value="@results.commune.value"),
        f.action("active", 3, "set_contact_field", field={"key": "role", "name": "Rôle"}, value="@results.role.category"),
        f.action("active", 4, "set_contact_field", field={"key": "inscrit", "name": "Inscrit"}, value="oui"),
        f.action("active", 5, "add_contact_groups", groups=[GROUP_SIGNALANTS]),
        f.msg("active", 6, "Merci @contact.first_name, vous êtes inscrit comme signalant. Pour signaler un enfant en danger, envoyez « Jam » au @globals.shortcode."),
    ])
    f.actions_node("refus", [
        f.action("refus", 0, "set_contact_field", field={"key": "inscrit", "name": "Inscrit"}, value="non"),
        f.msg("refus", 1, "Inscription annulée : sans votre accord, aucune donnée n'est enregistrée. Vous pouvez recommencer à tout moment en envoyant « prot »."),
    ])
    return f.build()


def suivi_flow():
    f = FlowBuilder("suivi", "Suivi prestataire", 60)
    n = f.switch("ref", "@input.text", [("has_pattern", ["(REF-?[0-9]+)[\\s,.;:-]*(.*)$"], "Référence")], "Sans référence", result_name="Référence")
    f.route(n, Référence="genre", Sans_référence="aide")
    f.actions_node("aide", [f.msg("aide", 0, "Référence manquante. Exemples : « PEC REF-0001 OK » ou « SUIVI REF-0001 enfant reçu au centre ».")])
    n = f.switch("genre", "@input.text", [("has_beginning", ["PEC"], "Prise en charge")], "Suivi", result_name="Nature")
    f.route(n, Prise_en_charge="relais", Suivi="relais")
    body = '@(json(object("reference", results.reference.extra["1"], "text", input.text)))'
    f.webhook("relais", "POST", "kalan:reports/follow_up", body, "Relais", success="informe", failure="inconnue")
    text = ('@(if(results.nature.category = "Prise en charge", "Votre signalement " & webhook.reference & " est pris en charge par " & '
            'webhook.service_name & ".", "Suivi de votre signalement " & webhook.reference & " : " & '
            'results.reference.extra["2"]))')
    f.actions_node("informe", [
        f.action("informe", 0, "send_broadcast", text=text, attachments=[], quick_replies=[], urns=["@webhook.reporter_urn"], contacts=[], groups=[]),
        f.msg("informe", 1, "Merci. Le signalant du cas @webhook.reference a été informé."),
    ])
    f.actions_node("inconnue", [f.msg("inconnue", 0, "Référence inconnue : @(results.reference.extra[\"1\"]). Vérifiez le numéro reçu dans l'alerte.")])
    return f.build()


def export():
    jam, prot, suivi = jam_flow(), prot_flow(), suivi_flow()

    def trig(keyword, flow, groups=()):
        return OrderedDict(trigger_type="K", keyword=keyword, flow={"uuid": flow["uuid"], "name": flow["name"]},
                           groups=list(groups), exclude_groups=[], match_type="F")

    return OrderedDict(
        version="13", site="kalan.example", flows=[jam, prot, suivi], campaigns=[],
        triggers=[trig("jam", jam), trig("prot", prot), trig("pec", suivi), trig("suivi", suivi)],
        fields=[OrderedDict(key=k, name=n, type="text") for k, n in
                [("cdpe", "CDPE"), ("commune", "Commune"), ("role", "Rôle"), ("inscrit", "Inscrit"), ("dernier_signalement", "Dernier signalement")]],
        groups=[GROUP_SIGNALANTS, GROUP_PRESTATAIRES])


def main():
    root = Path(__file__).resolve().parents[2]
    out = export()
    (root / "tests" / "flows").mkdir(parents=True, exist_ok=True)
    path = root / "scenarios" / "mopti-atelier.json"
    scenario = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=OrderedDict)
    sms = scenario.get("sms", OrderedDict())
    sms["shortcode"] = sms.get("shortcode", "21999")
    sms["open_reporting"] = False
    sms["unknown_reply"] = ("Message non reconnu. Pour signaler un enfant en danger, envoyez « Jam » au 21999. "
                            "Pour vous inscrire comme signalant, envoyez « prot ».")
    sms["flows"] = out
    scenario["sms"] = sms
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(scenario, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    exp = root / "tests" / "flows" / "rapidprotection-export.json"
    exp.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("wrote", path, "and", exp, file=sys.stderr)


if __name__ == "__main__":
    main()
