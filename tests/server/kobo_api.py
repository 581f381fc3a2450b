#!/usr/bin/env python3
"""server.kobo: KoboToolbox- and OpenRosa-shaped routes of `kalan serve` over loopback HTTP.

Usage: kobo_api.py KALAN_BINARY
A focal point sends the monthly report as KoboCollect would (multipart /submission with
xml_submission_file): 201, then 202 for the same instanceID; a malformed XML is a 400; the information
manager reads the data as Kobo's API v2 serves it; a case worker may not.
"""
import os
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kalan_http import Client, Server  # noqa: E402

KALAN = os.path.abspath(sys.argv[1])
failures = []

REPORT = {"structure": "slpfef-mopti", "region": "mopti", "cercle": "mopti-cercle", "month": "3", "year": "2024",
          "actifs_debut": "4", "nc_total": "5", "nc_f_0_5": "1", "nc_f_6_11": "1", "nc_f_12_17": "1", "nc_m_0_5": "0",
          "nc_m_6_11": "1", "nc_m_12_17": "1", "rq_violence": "1", "rq_sexuelle": "1", "rq_negligence": "0", "rq_esna": "1",
          "rq_eafgas": "0", "rq_travail": "1", "rq_mariage_mgf": "0", "rq_autre": "1", "plan_approuve": "2", "ref_total": "2",
          "ref_health": "1", "ref_psychosocial": "1", "ref_legal": "0", "ref_shelter": "0", "ref_socio_economic": "0",
          "ref_education": "0", "ref_police_justice": "0", "ref_civil_registration": "0", "ref_case_management": "0",
          "ref_family_tracing": "0", "ref_recues": "1", "tr_entrants": "0", "tr_sortants": "0", "clos": "2", "actifs_fin": "7",
          "vbg_total": "1", "vbg_f": "1", "vbg_m": "0", "vbg_sexuelle": "1", "vbg_exploitation": "0", "vbg_mariage": "0",
          "vbg_mgf": "0"}


def check(cond, what):
    print(("ok: " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def submit(port, token, xml):
    boundary = "kalanBoundary7MA4YWxk"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\n"
            f"Content-Type: text/xml\r\n\r\n{xml}\r\n--{boundary}--\r\n").encode("utf-8")
    req = urllib.request.Request(f"http://127.0.0.1:{port}/submission", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                                          "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode(), r.headers.get("X-OpenRosa-Version")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers.get("X-OpenRosa-Version")


def instance(uuid, values):
    fields = "".join(f"<{k}>{v}</{k}>" for k, v in values.items())
    return (f'<?xml version="1.0"?><data id="mensuel"><identification>{fields}</identification>'
            f"<meta><instanceID>{uuid}</instanceID></meta></data>")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        srv = Server(KALAN, os.path.join(tmp, "data")).start()
        try:
            trainer = Client(srv.port, srv.token)
            tokens = {}
            for user in ("fkansaye", "ntogo"):
                code, body, _ = trainer.request("POST", f"/api/rooms/{srv.room}/participants", {"name": user, "user": user})
                check(code == 201, f"trainer assigns {user}")
                tokens[user] = body["token"]
            code, body, version = submit(srv.port, tokens["fkansaye"], instance("uuid:4a1b-0001", REPORT))
            check(code == 201 and version == "1.0", f"a new report is 201 with X-OpenRosa-Version ({code} {body[:160]})")
            code, body, _ = submit(srv.port, tokens["fkansaye"], instance("uuid:4a1b-0001", REPORT))
            check(code == 202, f"the same instanceID again is 202, one report ({code})")
            code, body, _ = submit(srv.port, tokens["fkansaye"], "<data><identification><structure>x</identification>")
            check(code == 400 and "OpenRosaResponse" in body, f"malformed XML is a 400 OpenRosa message ({code})")
            bad = dict(REPORT, nc_total="9")  # the total no longer equals its breakdown
            code, body, _ = submit(srv.port, tokens["fkansaye"], instance("uuid:4a1b-0002", bad))
            check(code == 400 and "OpenRosaResponse" in body, f"a report breaking a constraint is refused ({code} {body[:200]})")
            code, body, _ = Client(srv.port, tokens["ntogo"]).request("GET", "/api/v2/assets/mensuel/data/")
            check(code == 200 and body.get("count") == 1 and body.get("next") is None and len(body.get("results", [])) == 1,
                  f"the information manager reads {{count, next, previous, results}} ({code})")
            result = body["results"][0] if code == 200 and body.get("results") else {}
            check(result.get("_uuid") == "4a1b-0001" and "_submission_time" in result and "_id" in result,
                  "a result carries _id, _uuid (without « uuid: », as Kobo) and _submission_time")
            code, _, _ = Client(srv.port, tokens["fkansaye"]).request("GET", "/api/v2/assets/mensuel/data/")
            check(code == 403, f"a case worker may not read the project's data ({code})")
            code, body, _ = Client(srv.port, tokens["fkansaye"]).request("GET", "/formList")
            check(code == 200, "formList answers")
            check(srv.alive(), "server still up")
        finally:
            srv.stop()
    print(f"server.kobo: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
