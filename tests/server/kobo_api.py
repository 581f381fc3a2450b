#!/usr/bin/env python3
"""server.kobo: KoboToolbox- and OpenRosa-shaped routes of `kalan serve` over loopback HTTP.

Usage: kobo_api.py KALAN_BINARY
A focal point sends the monthly report as KoboCollect would (multipart /submission with
xml_submission_file): 201, then 202 for the same instanceID; a malformed XML is a 400; the information
manager reads the data as Kobo's API v2 serves it; a case worker may not. KoboCollect's download: GET
/formList (OpenRosa headers) lists the monthly form with its md5 hash and a downloadUrl, which serves
the XForm (well-formed XML, the binds of the form) with X-OpenRosa-Version: 1.0.
"""
import hashlib
import os
import sys
import tempfile
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

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


XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"
JR = "{http://openrosa.org/javarosa}"


def check_xform_download(port, token):
    """GET /formList, follow the downloadUrl, check the XForm."""
    client = Client(port, token)
    code, body, r = client.request("GET", "/formList", headers={"X-OpenRosa-Version": "1.0"}, raw=True)
    check(code == 200 and r.getheader("X-OpenRosa-Version") == "1.0", f"formList answers with X-OpenRosa-Version ({code})")
    try:
        forms = ET.fromstring(body)
    except ET.ParseError as e:
        check(False, f"formList is XML ({e})")
        return
    ns = "{http://openrosa.org/xforms/xformsList}"
    xforms = forms.findall(ns + "xform")
    check(forms.tag == ns + "xforms" and len(xforms) == 1, "formList lists one xform")
    if not xforms:
        return
    xf = xforms[0]
    url = xf.findtext(ns + "downloadUrl") or ""
    check(xf.findtext(ns + "formID") == "mensuel" and xf.findtext(ns + "version") == "1", "formID mensuel, version 1")
    parsed = urllib.parse.urlparse(url)
    check(parsed.scheme == "http" and parsed.netloc == f"127.0.0.1:{port}" and parsed.path == "/forms/mensuel/form.xml",
          f"downloadUrl on the host the client used ({url})")
    code, xml, r = client.request("GET", parsed.path, headers={"X-OpenRosa-Version": "1.0"}, raw=True)
    check(code == 200 and r.getheader("X-OpenRosa-Version") == "1.0" and r.getheader("Content-Type", "").startswith("text/xml"),
          f"the downloadUrl serves text/xml with X-OpenRosa-Version ({code})")
    check(xf.findtext(ns + "hash") == "md5:" + hashlib.md5(xml).hexdigest(), "the list's hash is the md5 of the XForm")
    try:
        doc = ET.fromstring(xml)
    except ET.ParseError as e:
        check(False, f"the XForm is well-formed XML ({e})")
        return
    check(doc.tag == H + "html" and doc.find(H + "head/" + XF + "model") is not None and doc.find(H + "body") is not None,
          "h:html with a model and a body")
    model = doc.find(H + "head/" + XF + "model")
    data = model.find(XF + "instance/" + XF + "data")
    check(data is not None and data.get("id") == "mensuel", "the instance is <data id=\"mensuel\">")
    binds = {b.get("nodeset"): b for b in model.findall(XF + "bind")}
    nc = binds.get("/data/nouveaux_cas/nc_total")
    check(nc is not None and nc.get("type") == "int" and nc.get("required") == "true()"
          and "/data/nouveaux_cas/nc_sexe_age/nc_f_0_5" in (nc.get("constraint") or "")
          and (nc.get(JR + "constraintMsg") or "").startswith("jr:itext("), "nc_total: int, required, constraint on paths, message")
    check(binds.get("/data/vbg/vbg_detail") is not None and binds["/data/vbg/vbg_detail"].get("relevant") == "/data/vbg/vbg_total > 0",
          "the VBG detail group is relevant when vbg_total > 0")
    check(binds.get("/data/meta/instanceID") is not None, "meta/instanceID is bound")
    # Every leaf of the instance has a bind, so a filled instance posts back as one report.
    leaves = []

    def walk(node, path):
        children = list(node)
        if not children:
            leaves.append(path)
        for child in children:
            walk(child, path + "/" + child.tag.replace(XF, ""))
    walk(data, "/data")
    check(leaves and all(p in binds for p in leaves), f"every instance leaf has a bind ({len(leaves)} leaves)")
    french = model.find(XF + "itext/" + XF + "translation[@default='true()']")
    check(french is not None and french.get("lang") == "French (fr)", "French is the default translation")
    code, _, _ = client.request("GET", "/forms/autre/form.xml")
    check(code == 404, f"another form is 404 ({code})")
    code, _, _ = Client(port).request("GET", parsed.path)
    check(code == 401, f"the XForm needs a token ({code})")


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
            check_xform_download(srv.port, tokens["fkansaye"])
            check(srv.alive(), "server still up")
        finally:
            srv.stop()
    print(f"server.kobo: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
