#!/usr/bin/env python3
"""Structural checker for Kalan form definitions (scenarios/forms/*.json), python3 stdlib only.

Checks what a loader relies on: known keys, unique field names across a whole form, labels in French and
English, every `choices` key defined, every ${ref} naming an existing field, expressions that parse as the
ODK XPath subset forms use (known functions, arity), and comparisons of a select field with a literal that
names one of its choices. The real engine (sim/forms) validates again; this catches authoring slips early.

Usage: python3 scripts/forms/check_forms.py [--stats] [FILE...]   (default: scenarios/forms/*.json)
Exit status 1 when any error is found; each error starts with FILE and the JSON path of the mistake.
"""
import json
import re
import sys
from pathlib import Path

FORM_KEYS = {"id", "version", "title", "description", "repeatable", "fields", "choices"}
FIELD_KEYS = {"name", "type", "label", "hint", "choices", "choice_filter", "required", "required_message",
              "constraint", "constraint_message", "relevant", "calculation", "default", "read_only",
              "appearance", "fields"}
TYPES = {"text", "integer", "decimal", "date", "datetime", "time", "select_one", "select_multiple", "yes_no",
         "note", "calculate", "group", "repeat", "attachment", "signature", "consent"}
SELECTS = {"select_one", "select_multiple"}
CONTAINERS = {"group", "repeat"}
BUILT_IN_YES_NO = {"yes_no", "consent"}  # store "oui"/"non" without a choices list
FORM_ID = re.compile(r"^[A-Za-z0-9_.-]+$")
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
CHOICE_NAME = re.compile(r"^[A-Za-z0-9_]+$")  # no spaces: select_multiple stores space-separated names

# Functions of the ODK XPath subset, with (min, max) argument counts; None = no upper bound.
FUNCTIONS = {
    "if": (3, 3), "coalesce": (2, 2), "selected": (2, 2), "count-selected": (1, 1), "selected-at": (2, 2),
    "jr:choice-name": (2, 2), "sum": (1, 1), "count": (1, 1), "max": (1, None), "min": (1, None),
    "string-length": (0, 1), "concat": (0, None), "substr": (2, 3), "substring": (2, 3), "contains": (2, 2),
    "starts-with": (2, 2), "ends-with": (2, 2), "regex": (2, 2), "normalize-space": (0, 1), "translate": (3, 3),
    "substring-before": (2, 2), "substring-after": (2, 2), "join": (2, None),
    "int": (1, 1), "round": (1, 2), "number": (0, 1), "string": (0, 1), "boolean": (1, 1),
    "boolean-from-string": (1, 1), "not": (1, 1), "true": (0, 0), "false": (0, 0), "floor": (1, 1),
    "ceiling": (1, 1), "abs": (1, 1), "pow": (2, 2),
    "today": (0, 0), "now": (0, 0), "date": (1, 1), "date-time": (1, 1), "decimal-date-time": (1, 1),
    "format-date": (2, 2), "format-date-time": (2, 2), "position": (0, 1), "once": (1, 1), "uuid": (0, 1),
}
AGGREGATES = {"count", "sum", "max", "min", "join"}  # may read the fields of a repeat from outside it
EXPR_KEYS = ("required", "constraint", "relevant", "calculation", "choice_filter")


class XPathError(Exception):
    pass


TOKEN = re.compile(r"""\s*(?:
    (?P<num>\d+(?:\.\d*)?|\.\d+) |
    (?P<str>'[^']*'|"[^"]*") |
    (?P<ref>\$\{[^}]*\}) |
    (?P<op>!=|<=|>=|\.\.|[=<>+\-*|(),./]) |
    (?P<name>[A-Za-z_][A-Za-z0-9_.\-]*(?::[A-Za-z_][A-Za-z0-9_.\-]*)?)
)""", re.X)


def tokenize(src):
    out, pos = [], 0
    while pos < len(src):
        if src[pos:].strip() == "":
            break
        m = TOKEN.match(src, pos)
        if not m or m.end() == pos:
            raise XPathError(f"caractère inattendu à la position {pos} : {src[pos:pos + 10]!r}")
        kind = m.lastgroup
        value = m.group(kind)
        # "and", "or", "div", "mod" are operators only after an operand (XPath 1.0 §3.7).
        if kind == "name" and value in ("and", "or", "div", "mod") and out and out[-1][0] in ("num", "str", "ref", "name") \
                or kind == "name" and value in ("and", "or", "div", "mod") and out and out[-1] in (("op", ")"), ("op", ".")):
            kind = "op"
        out.append((kind, value))
        pos = m.end()
    return out


class Parser:
    """Recursive descent over the XPath 1.0 expression grammar, building tuples:
    ('num', v) ('str', v) ('ref', name) ('self',) ('name', n) ('call', f, [args]) ('bin', op, l, r) ('neg', x)."""
    LEVELS = [("or",), ("and",), ("=", "!="), ("<", "<=", ">", ">="), ("+", "-"), ("*", "div", "mod")]

    def __init__(self, src):
        self.toks = tokenize(src)
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def parse(self):
        if not self.toks:
            raise XPathError("expression vide")
        node = self.binary(0)
        if self.i != len(self.toks):
            raise XPathError(f"élément en trop : {self.peek()[1]!r}")
        return node

    def binary(self, level):
        if level == len(self.LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in self.LEVELS[level]:
            op = self.take()[1]
            node = ("bin", op, node, self.binary(level + 1))
        return node

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        node = self.primary()
        while self.peek() == ("op", "|"):
            self.take()
            node = ("bin", "|", node, self.primary())
        return node

    def primary(self):
        kind, value = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "str":
            return ("str", value[1:-1])
        if kind == "ref":
            name = value[2:-1]
            if not FIELD_NAME.match(name):
                raise XPathError(f"référence mal formée : {value}")
            return ("ref", name)
        if (kind, value) == ("op", "."):
            return ("self",)
        if (kind, value) == ("op", "("):
            node = self.binary(0)
            if self.take() != ("op", ")"):
                raise XPathError("parenthèse fermante manquante")
            return node
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = []
                if self.peek() != ("op", ")"):
                    args.append(self.binary(0))
                    while self.peek() == ("op", ","):
                        self.take()
                        args.append(self.binary(0))
                if self.take() != ("op", ")"):
                    raise XPathError(f"parenthèse fermante manquante après les arguments de {value}()")
                return ("call", value, args)
            return ("name", value)
        raise XPathError(f"opérande attendu, trouvé {value!r}" if value else "expression incomplète")


def walk(node, visit, in_aggregate=False):
    visit(node, in_aggregate)
    if node[0] == "call":
        for a in node[2]:
            walk(a, visit, in_aggregate or node[1] in AGGREGATES)
    elif node[0] == "bin":
        walk(node[2], visit, in_aggregate)
        walk(node[3], visit, in_aggregate)
    elif node[0] == "neg":
        walk(node[1], visit, in_aggregate)


class FormChecker:
    def __init__(self, label):
        self.label = label
        self.errors = []
        self.warnings = []

    def err(self, path, msg):
        self.errors.append(f"{self.label}:{path}: {msg}")

    def lang_pair(self, obj, path, what):
        if not isinstance(obj, dict) or set(obj) != {"fr", "en"} or not all(
                isinstance(v, str) and v.strip() for v in obj.values()):
            self.err(path, f"{what} doit être un objet {{\"fr\", \"en\"}} de deux textes non vides")

    # --- form level -------------------------------------------------------------------------------------
    def check(self, form, stem):
        if not isinstance(form, dict):
            return self.err("", "un formulaire est un objet JSON")
        for k in set(form) - FORM_KEYS:
            self.err(f"/{k}", "clé inconnue")
        for k in ("id", "version", "title", "fields"):
            if k not in form:
                self.err(f"/{k}", "clé obligatoire manquante")
        fid = form.get("id")
        if not isinstance(fid, str) or not FORM_ID.match(fid):
            self.err("/id", f"identifiant invalide : {fid!r}")
        elif stem is not None and fid != stem:
            self.err("/id", f"l'identifiant {fid!r} ne correspond pas au nom du fichier {stem!r}")
        if not isinstance(form.get("version"), int) or isinstance(form.get("version"), bool) or form.get("version", 0) < 1:
            self.err("/version", "entier ≥ 1 attendu")
        if "title" in form:
            self.lang_pair(form["title"], "/title", "le titre")
        if "description" in form:
            self.lang_pair(form["description"], "/description", "la description")
        if "repeatable" in form and not isinstance(form["repeatable"], bool):
            self.err("/repeatable", "booléen attendu")
        self.choices = self.check_choices(form.get("choices", {}))
        self.fields = {}  # name -> (field, path, repeat name or None)
        fields = form.get("fields")
        if not isinstance(fields, list) or not fields:
            return self.err("/fields", "liste de champs non vide attendue")
        self.collect(fields, "/fields", None)
        for name, (f, path, rep) in self.fields.items():
            self.check_expressions(f, path, rep)
            self.check_default(f, path)
        self.check_calc_cycles()
        used = {f.get("choices") for f, _, _ in self.fields.values()}
        for key in self.choices:
            if key not in used:
                self.warnings.append(f"{self.label}:/choices/{key}: liste de choix inutilisée")

    def check_choices(self, choices):
        if not isinstance(choices, dict):
            self.err("/choices", "objet attendu")
            return {}
        out = {}
        for key, items in choices.items():
            path = f"/choices/{key}"
            if not FIELD_NAME.match(key):
                self.err(path, "nom de liste invalide")
            if not isinstance(items, list) or not items:
                self.err(path, "liste de choix non vide attendue")
                continue
            names = {}
            for i, c in enumerate(items):
                cp = f"{path}/{i}"
                if not isinstance(c, dict):
                    self.err(cp, "objet attendu")
                    continue
                n = c.get("name")
                if not isinstance(n, str) or not CHOICE_NAME.match(n):
                    self.err(f"{cp}/name", f"nom de choix invalide : {n!r} (lettres, chiffres, _)")
                elif n in names:
                    self.err(f"{cp}/name", f"choix en double : {n!r}")
                else:
                    names[n] = c
                self.lang_pair(c.get("label"), f"{cp}/label", "le libellé")
                for k, v in c.items():
                    if k not in ("name", "label") and not isinstance(v, str):
                        self.err(f"{cp}/{k}", "un attribut de choix est un texte")
            out[key] = names
        return out

    # --- fields -----------------------------------------------------------------------------------------
    def collect(self, fields, path, rep):
        for i, f in enumerate(fields):
            fp = f"{path}/{i}"
            if not isinstance(f, dict):
                self.err(fp, "objet attendu")
                continue
            self.check_field(f, fp)
            name = f.get("name")
            if isinstance(name, str):
                if name in self.fields:
                    self.err(f"{fp}/name", f"nom en double dans le formulaire : {name!r} (déjà en {self.fields[name][1]})")
                else:
                    self.fields[name] = (f, fp, rep)
            if f.get("type") in CONTAINERS and isinstance(f.get("fields"), list):
                self.collect(f["fields"], f"{fp}/fields", name if f.get("type") == "repeat" else rep)

    def check_field(self, f, fp):
        for k in set(f) - FIELD_KEYS:
            self.err(f"{fp}/{k}", "clé inconnue")
        name, t = f.get("name"), f.get("type")
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            self.err(f"{fp}/name", f"nom de champ invalide : {name!r}")
        if t not in TYPES:
            return self.err(f"{fp}/type", f"type inconnu : {t!r}")
        if t == "calculate":
            if not isinstance(f.get("calculation"), str):
                self.err(f"{fp}/calculation", "un calculate a besoin d'une calculation")
            if "label" in f:
                self.lang_pair(f["label"], f"{fp}/label", "le libellé")
        else:
            self.lang_pair(f.get("label"), f"{fp}/label", "le libellé")
        for k in ("hint", "required_message", "constraint_message"):
            if k in f:
                self.lang_pair(f[k], f"{fp}/{k}", k)
        if t in SELECTS:
            key = f.get("choices")
            if key not in self.choices:
                self.err(f"{fp}/choices", f"liste de choix non définie : {key!r}")
        elif "choices" in f:
            self.err(f"{fp}/choices", f"un champ {t} n'a pas de liste de choix")
        if "choice_filter" in f and t not in SELECTS:
            self.err(f"{fp}/choice_filter", "choice_filter n'a de sens que pour un select")
        if t in CONTAINERS:
            if not isinstance(f.get("fields"), list) or not f["fields"]:
                self.err(f"{fp}/fields", f"un {t} contient au moins un champ")
        elif "fields" in f:
            self.err(f"{fp}/fields", f"un champ {t} ne contient pas de champs")
        req = f.get("required")
        if req is not None and not isinstance(req, (bool, str)):
            self.err(f"{fp}/required", "booléen ou expression attendu")
        if "constraint" in f and "constraint_message" not in f:
            self.err(f"{fp}/constraint_message", "une contrainte a besoin de son message (fr/en)")
        if "required_message" in f and not req:
            self.err(f"{fp}/required_message", "message sans champ obligatoire")
        for k in ("read_only",):
            if k in f and not isinstance(f[k], bool):
                self.err(f"{fp}/{k}", "booléen attendu")
        for k in ("default", "appearance"):
            if k in f and not isinstance(f[k], str):
                self.err(f"{fp}/{k}", "texte attendu")
        if t in ("note", "group", "repeat", "calculate") and req:
            self.err(f"{fp}/required", f"un {t} ne peut pas être obligatoire")

    def check_default(self, f, fp):
        """A default of a select or yes/no field must be one of its answers."""
        d = f.get("default")
        if not isinstance(d, str) or d == "":
            return
        if f.get("type") in BUILT_IN_YES_NO:
            names = {"oui", "non"}
        elif f.get("type") in SELECTS:
            names = set(self.choices.get(f.get("choices"), {}))
        else:
            return
        values = d.split() if f.get("type") == "select_multiple" else [d]
        for v in values:
            if v not in names:
                self.err(f"{fp}/default", f"valeur par défaut {v!r} absente des choix ({', '.join(sorted(names))})")

    # --- expressions ------------------------------------------------------------------------------------
    def check_expressions(self, f, fp, rep):
        for key in EXPR_KEYS:
            src = f.get(key)
            if not isinstance(src, str):
                continue
            path = f"{fp}/{key}"
            try:
                node = Parser(src).parse()
            except XPathError as e:
                self.err(path, f"XPath invalide ({e}) : {src}")
                continue
            walk(node, lambda n, agg: self.check_node(n, agg, f, key, path, rep))

    def check_node(self, n, in_aggregate, f, key, path, rep):
        kind = n[0]
        if kind == "ref":
            target = self.fields.get(n[1])
            if target is None:
                return self.err(path, f"${{{n[1]}}} ne désigne aucun champ du formulaire")
            if n[1] == f.get("name") and key != "choice_filter":
                self.err(path, f"le champ se désigne lui-même ; utilisez « . »")
            trep = target[2]
            if trep and trep != rep and not in_aggregate:
                self.err(path, f"${{{n[1]}}} est dans la répétition {trep!r} : lisez-la avec count()/sum()")
        elif kind == "self" and key not in ("constraint", "required"):
            self.err(path, "« . » ne s'emploie que dans une contrainte")
        elif kind == "name":
            if key != "choice_filter":
                self.err(path, f"nom nu {n[1]!r} : écrivez ${{{n[1]}}} pour un champ ou '{n[1]}' pour un texte")
            else:
                attrs = {a for c in self.choices.get(f.get("choices"), {}).values() for a in c} - {"label"}
                if n[1] not in attrs:
                    self.err(path, f"attribut {n[1]!r} absent des choix de {f.get('choices')!r}")
        elif kind == "call":
            arity = FUNCTIONS.get(n[1])
            if arity is None:
                return self.err(path, f"fonction inconnue : {n[1]}()")
            lo, hi = arity
            if len(n[2]) < lo or (hi is not None and len(n[2]) > hi):
                self.err(path, f"{n[1]}() reçoit {len(n[2])} argument(s)")
            if n[1] == "selected" and len(n[2]) == 2:
                self.check_literal(n[2][0], n[2][1], path)
            if n[1] == "regex" and len(n[2]) == 2 and n[2][1][0] == "str":
                try:
                    re.compile(n[2][1][1])
                except re.error as e:
                    self.err(path, f"expression régulière invalide : {e}")
        elif kind == "bin" and n[1] in ("=", "!="):
            self.check_literal(n[2], n[3], path)
            self.check_literal(n[3], n[2], path)

    def check_literal(self, subject, literal, path):
        """`${select} = 'x'` and selected(${select}, 'x'): 'x' must be one of the field's choices."""
        if literal[0] != "str" or literal[1] == "":
            return
        if subject[0] == "ref" and subject[1] in self.fields:
            f = self.fields[subject[1]][0]
            names = None
            if f.get("type") in BUILT_IN_YES_NO:
                names = {"oui", "non"}
            elif f.get("type") in SELECTS:
                names = set(self.choices.get(f.get("choices"), {}))
            if names is not None and literal[1] not in names:
                self.err(path, f"'{literal[1]}' n'est pas un choix de ${{{subject[1]}}} ({', '.join(sorted(names))})")

    def check_calc_cycles(self):
        deps = {}
        for name, (f, _, _) in self.fields.items():
            if isinstance(f.get("calculation"), str):
                try:
                    refs = set()
                    walk(Parser(f["calculation"]).parse(), lambda n, _a: refs.add(n[1]) if n[0] == "ref" else None)
                    deps[name] = refs
                except XPathError:
                    pass
        state = {}

        def visit(n, chain):
            if state.get(n) == 1:
                self.err(self.fields[n][1] + "/calculation", "calcul circulaire : " + " → ".join(chain + [n]))
                return
            if state.get(n) == 2 or n not in deps:
                return
            state[n] = 1
            for d in sorted(deps[n]):
                visit(d, chain + [n])
            state[n] = 2

        for n in deps:
            visit(n, [])


def answer_fields(fields):
    for f in fields:
        if f.get("type") in CONTAINERS:
            yield from answer_fields(f.get("fields", []))
        elif f.get("type") != "note":
            yield f


def main(argv):
    stats = "--stats" in argv
    files = [Path(a) for a in argv if a != "--stats"]
    if not files:
        files = sorted((Path(__file__).resolve().parents[2] / "scenarios" / "forms").glob("*.json"))
    errors, warnings, ids = [], [], {}
    for path in files:
        try:
            form = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            errors.append(f"{path}: illisible : {e}")
            continue
        c = FormChecker(str(path))
        c.check(form, path.stem)
        errors += c.errors
        warnings += c.warnings
        if isinstance(form, dict) and isinstance(form.get("id"), str):
            if form["id"] in ids:
                errors.append(f"{path}:/id: identifiant déjà utilisé par {ids[form['id']]}")
            ids[form["id"]] = path
            if stats:
                answers = list(answer_fields(form.get("fields", [])))
                print(f"{form['id']:>9}  {len(answers):>3} champs  {', '.join(f['name'] for f in answers)}")
    for w in warnings:
        print("attention :", w)
    for e in errors:
        print(e)
    print(f"{len(files)} formulaire(s), {len(errors)} erreur(s), {len(warnings)} avertissement(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
