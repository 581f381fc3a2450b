#!/usr/bin/env bash
# The `kalan forms` subcommands end to end: eval (values, dates on --now/--utc-offset, errors with
# their column and exit 1), check, validate (issues as JSON, exit 1), import (CSV and Kobo, errors
# by sheet/row/column), xform (the monthly form's XForm is the golden file; errors exit 1). Usage: run_cli.sh "KALAN COMMAND" SOURCE_DIR (the command may be node ... kalan-cli.js)
set -u
kalan="$1"
src="$2"
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # name, expected, actual
  if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: expected [$2] got [$3]"; fail=1; fi
}

expect "eval arithmetic" "7" "$($kalan forms eval '1 + 2 * 3')"
expect "eval empty is not zero" "NaN" "$($kalan forms eval "number('')")"
expect "eval today at an offset" "2024-03-02" "$($kalan forms eval --utc-offset +01:00 --now 2024-03-01T23:30:00Z 'today()')"
expect "eval date at -07:00" "1969-12-31T17:00:00.000-07:00" "$($kalan forms eval --utc-offset -07:00 'date(0)')"
$kalan forms eval '1 + (2' > "$tmp/out" 2> "$tmp/err"
expect "eval invalid exits 1" "1" "$?"
grep -q "colonne 7" "$tmp/err" && echo "ok: eval error names the column" || { echo "FAIL: eval error column"; cat "$tmp/err"; fail=1; }

expect "check" "tests/forms/suivi.json: ok (1 formulaire(s), 18 champs)" "$($kalan forms check tests/forms/suivi.json)"
printf '{"consent": "oui", "region": "mopti", "age": "40"}' > "$tmp/values.json"
$kalan forms validate --now 2024-03-01T10:00:00Z tests/forms/suivi.json "$tmp/values.json" > "$tmp/v.json"
expect "validate with issues exits 1" "1" "$?"
grep -q '"field": "age"' "$tmp/v.json" && grep -q '"code": "constraint"' "$tmp/v.json" && echo "ok: validate reports the constraint" ||
  { echo "FAIL: validate output"; cat "$tmp/v.json"; fail=1; }

$kalan forms import tests/forms/xlsform-csv > "$tmp/imported.json" || { echo "FAIL: CSV import"; fail=1; }
expect "imported CSV form checks" "$tmp/imported.json: ok (1 formulaire(s), 11 champs)" "$($kalan forms check "$tmp/imported.json")"
$kalan forms import tests/forms/kobo-content.json > "$tmp/kobo.json" || { echo "FAIL: Kobo import"; fail=1; }
grep -q '"rapport_mensuel"' "$tmp/kobo.json" && echo "ok: Kobo import" || { echo "FAIL: Kobo import output"; fail=1; }
mkdir "$tmp/bad" && cp tests/forms/xlsform-csv/*.csv "$tmp/bad/"
sed -i 's/^select_one regions,region/selct_one regions,region/' "$tmp/bad/survey.csv"
$kalan forms import "$tmp/bad" > /dev/null 2> "$tmp/err"
expect "bad import exits 1" "1" "$?"
grep -q "survey.csv:8:type: type inconnu « selct_one regions »" "$tmp/err" && echo "ok: import error position" ||
  { echo "FAIL: import error position"; cat "$tmp/err"; fail=1; }
$kalan forms xform scenarios/reporting/mensuel.json > "$tmp/mensuel.xml"
expect "xform exits 0" "0" "$?"
cmp -s "$tmp/mensuel.xml" tests/forms/mensuel.xform.xml && echo "ok: xform is the golden tests/forms/mensuel.xform.xml" ||
  { echo "FAIL: xform differs from tests/forms/mensuel.xform.xml"; diff "$tmp/mensuel.xml" tests/forms/mensuel.xform.xml | head; fail=1; }
$kalan forms xform "$tmp/bad/survey.csv" > /dev/null 2> "$tmp/err"
expect "xform of a file that is not a form exits 1" "1" "$?"
$kalan forms xform > /dev/null 2> "$tmp/err"
expect "xform without a file exits 2" "2" "$?"
exit $fail
