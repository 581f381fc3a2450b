#!/usr/bin/env python3
"""Writes the harmonized CPIMS+ case-management forms (fictional content, French first) to
scenarios/forms/<id>.json, one form object per file (format: docs/forms-catalogue.md).
The JSON files are generated: edit the forms_*.py modules, then run
    python3 scripts/forms/build_forms.py && python3 scripts/forms/check_forms.py
`--check` writes nothing and fails when a file is out of date (CTest: forms.generated).
"""
import json
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ next to the sources
sys.path.insert(0, str(Path(__file__).resolve().parent))

import forms_any_step  # noqa: E402
import forms_step1  # noqa: E402
import forms_step2_3  # noqa: E402
import forms_step4  # noqa: E402
import forms_step5_6  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "scenarios" / "forms"


def all_forms():
    forms = (forms_step1.FORMS + forms_step2_3.FORMS + forms_step4.FORMS + forms_step5_6.FORMS +
             [forms_any_step.FA1, forms_any_step.FA2, forms_any_step.FA3, forms_any_step.FB1])
    forms_any_step.TITLES.update({f["id"]: (f["title"]["fr"], f["title"]["en"]) for f in forms})
    return forms + [forms_any_step.checklist_form(), forms_any_step.cover_form()]


def dumps(value, indent=0):
    """JSON with small objects (labels, choices) on one line, so the files read and diff well."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or len(flat) + indent <= 110:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    return "[\n" + ",\n".join(pad + dumps(v, indent + 2) for v in value) + "\n" + " " * indent + "]"


def main(argv):
    """Writes the files; with --check, only reports (exit 1) files that differ from what the sources give."""
    check = "--check" in argv
    stale = []
    OUT.mkdir(parents=True, exist_ok=True)
    for f in all_forms():
        path = OUT / f"{f['id']}.json"
        text = dumps(f) + "\n"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(OUT.parents[1])))
            continue
        path.write_text(text, encoding="utf-8")
        print(path.relative_to(OUT.parents[1]))
    for p in stale:
        print(f"{p}: pas à jour ; lancez python3 scripts/forms/build_forms.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
