"""Small builders for Kalan form definitions (docs/forms-catalogue.md, format: forms-format v1).
Each builder returns the JSON object of one field; the shared choice lists live in CHOICES and a form
only carries the lists its fields use (see form())."""
from collections import OrderedDict

DEFAULT_FUTURE = (". <= today()", ("La date ne peut pas être dans le futur.", "The date cannot be in the future."))


def L(fr, en):
    return OrderedDict(fr=fr, en=en)


def field(name, type_, fr, en, hint=None, choices=None, choice_filter=None, required=None, req_msg=None,
          constraint=None, cmsg=None, relevant=None, calculation=None, default=None, read_only=None,
          appearance=None, fields=None):
    f = OrderedDict(name=name, type=type_)
    if fr is not None:
        f["label"] = L(fr, en)
    if hint:
        f["hint"] = L(*hint)
    if choices:
        f["choices"] = choices
    if choice_filter:
        f["choice_filter"] = choice_filter
    if required:
        f["required"] = required
        # A required field always says, in French first, what is missing.
        f["required_message"] = L(*req_msg) if req_msg else L(
            f"Ce champ est obligatoire : « {fr} ».", f"This field is required: “{en}”.")
    if constraint:
        f["constraint"] = constraint
        f["constraint_message"] = L(*cmsg)
    if relevant:
        f["relevant"] = relevant
    if calculation:
        f["calculation"] = calculation
    if default is not None:
        f["default"] = default
    if read_only:
        f["read_only"] = True
    if appearance:
        f["appearance"] = appearance
    if fields is not None:
        f["fields"] = fields
    return f


def text(name, fr, en, multiline=False, **kw):
    return field(name, "text", fr, en, appearance="multiline" if multiline else None, **kw)


def integer(name, fr, en, **kw):
    return field(name, "integer", fr, en, **kw)


def yes_no(name, fr, en, **kw):
    return field(name, "yes_no", fr, en, **kw)


def one(name, fr, en, choices, **kw):
    return field(name, "select_one", fr, en, choices=choices, **kw)


def many(name, fr, en, choices, **kw):
    return field(name, "select_multiple", fr, en, choices=choices, **kw)


def exclusive(choice, fr, en):
    """Constraint for a select_multiple whose `choice` (e.g. « aucun ») cannot be combined."""
    return dict(constraint=f"not(selected(., '{choice}') and count-selected(.) > 1)",
                cmsg=(f"« {fr} » ne peut pas être combiné avec d'autres réponses.",
                      f"“{en}” cannot be combined with other answers."))


def date(name, fr, en, past=True, constraint=None, cmsg=None, **kw):
    """A date; by default it cannot be in the future (most forms record what happened)."""
    if past and constraint is None:
        constraint, cmsg = DEFAULT_FUTURE
    return field(name, "date", fr, en, constraint=constraint, cmsg=cmsg, **kw)


def date_after(name, fr, en, after, after_fr, after_en, strict=True, **kw):
    if strict:
        expr, cmsg = f". > ${{{after}}}", (f"La date doit être postérieure {after_fr}.", f"The date must be after {after_en}.")
    else:
        expr, cmsg = f". >= ${{{after}}}", (f"La date ne peut pas être antérieure {after_fr}.",
                                             f"The date cannot be before {after_en}.")
    return date(name, fr, en, past=False, constraint=expr, cmsg=cmsg, **kw)


def age(name, fr="Âge de l'enfant (ans)", en="Child's age (years)", **kw):
    return integer(name, fr, en, constraint=". >= 0 and . <= 17",
                   cmsg=("L'âge doit être compris entre 0 et 17 ans.", "The age must be between 0 and 17 years."), **kw)


def phone(name, fr, en, **kw):
    return text(name, fr, en, hint=("Format : +223 70 00 00 00", "Format: +223 70 00 00 00"),
                constraint="regex(., '^\\+223( ?[0-9]{2}){4}$')",
                cmsg=("Numéro malien attendu : +223 suivi de 8 chiffres.",
                      "A Malian number is expected: +223 followed by 8 digits."), **kw)


def note(name, fr, en, **kw):
    return field(name, "note", fr, en, **kw)


def calc(name, expr):
    return field(name, "calculate", None, None, calculation=expr)


def group(name, fr, en, fields, **kw):
    return field(name, "group", fr, en, fields=fields, **kw)


def repeat(name, fr, en, fields, **kw):
    return field(name, "repeat", fr, en, fields=fields, **kw)


def signature(name, fr, en, **kw):
    return field(name, "signature", fr, en, **kw)


def attachment(name, fr, en, **kw):
    return field(name, "attachment", fr, en, **kw)


def worker(name="case_worker_name", fr="Nom du gestionnaire de cas", en="Case worker's name"):
    return text(name, fr, en, required=True)


def age_from(dob):
    """Whole years since ${dob}; empty while the date is unknown."""
    return (f"if(${{{dob}}} = '', '', int((decimal-date-time(today()) - decimal-date-time(${{{dob}}})) div 365.25))")


def used_choices(fields, out):
    for f in fields:
        if "choices" in f:
            out.append(f["choices"])
        used_choices(f.get("fields", []), out)
    return out


def form(id_, title, description, fields, repeatable=False):
    keys = used_choices(fields, [])
    missing = [k for k in keys if k not in CHOICES]
    if missing:
        raise KeyError(f"{id_}: unknown choice lists {missing}")
    f = OrderedDict(id=id_, version=1, title=L(*title), description=L(*description))
    if repeatable:
        f["repeatable"] = True
    f["fields"] = fields
    f["choices"] = OrderedDict((k, CHOICES[k]) for k in sorted(set(keys), key=keys.index))
    return f


def C(name, fr, en, **attrs):
    c = OrderedDict(name=name, label=L(fr, en))
    c.update(attrs)
    return c


CHOICES = OrderedDict()
