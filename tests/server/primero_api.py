#!/usr/bin/env python3
"""server.primero: the Primero-like API of `kalan serve` over real loopback HTTP.

Usage: primero_api.py KALAN_BINARY
A case worker and her supervisor take a case through identification, consent, assessment (rejected
once, then approved), a referral answered by the provider, with the core's refusals shaped as
Primero's {"errors": [...]} and records hidden from those outside the case's scope.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kalan_http import Client, Server  # noqa: E402

KALAN = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what, flush=True)
    else:
        print("ok:", what, flush=True)


def expect(result, status, what):
    code, body, _ = result
    check(code == status, f"{what} ({code}, expected {status}) {str(body)[:200] if code != status else ''}")
    if code >= 400:
        errs = body.get("errors") if isinstance(body, dict) else None
        check(isinstance(errs, list) and errs and all({"status", "resource", "code", "message"} <= set(e) for e in errs),
              f"{what}: errors are [{{status, resource, code, message}}]")
    return body


def complete(form):
    """The complete entries of tests/unit/case_fixtures.h (JSON between the raw-string markers)."""
    import json
    text = open(os.path.join(HERE, "..", "unit", "case_fixtures.h"), encoding="utf-8").read()
    return json.loads(text.split('R"KALAN(')[1].split(')KALAN"')[0])[form]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        srv = Server(KALAN, os.path.join(tmp, "data")).start()
        try:
            anon = Client(srv.port)
            join = lambda name, user: expect(anon.request("POST", f"/api/rooms/{srv.room}/participants",
                                                          {"name": name, "user": user}, token=srv.token), 201,
                                             f"trainer assigns {user}")["token"]
            worker = Client(srv.port, join("Fatou", "fkansaye"))
            supervisor = Client(srv.port, join("Moussa", "mtembely"))
            provider = Client(srv.port, join("Hawa", "htapily"))
            other = Client(srv.port, join("Kadi", "kguindo"))
            trainer = Client(srv.port, srv.token)

            made = expect(worker.request("POST", "/api/v2/cases", {"data": {"child_name": "Awa Traoré", "age": 9,
                                                                            "sex": "f", "location": "socoura"}}),
                          201, "POST /api/v2/cases identifies a case")
            case = made["data"]["id"]
            check(made["data"]["status"] == "identified" and made["data"]["workflow"] == "new", "new case is identified, step « new »")
            expect(worker.request("POST", "/api/v2/cases", {"child_name": "sans data"}), 422, "a body without data")
            expect(worker.request("PATCH", f"/api/v2/cases/{case}", {"data": {"status": "open", "risk_level": "high"}}),
                   200, "PATCH status open")
            expect(worker.request("POST", f"/api/v2/cases/{case}/referrals", {"data": {"service": "svc-csref"}}),
                   422, "a referral without consent is refused")
            expect(worker.request("PATCH", f"/api/v2/cases/{case}", {"data": {"form": "1A", "values": complete("1A")}}),
                   200, "consent form 1A saved")
            bad = dict(complete("1A"), child_age="25")
            body = expect(worker.request("PATCH", f"/api/v2/cases/{case}", {"data": {"form": "1A", "values": bad}}),
                          422, "an invalid form value is refused at the field")
            check("child_age" in body["errors"][0]["message"], "the message names the field")
            expect(worker.request("PATCH", f"/api/v2/cases/{case}", {"data": {"form": "2A", "values": complete("2A")}}),
                   200, "assessment 2A saved")
            approvals = f"/api/v2/cases/{case}/approvals/assessment"
            expect(worker.request("PATCH", approvals, {"data": {"approval_status": "requested"}}), 200, "approval requested")
            expect(worker.request("PATCH", approvals, {"data": {"approval_status": "approved"}}), 403,
                   "a case worker cannot approve")
            expect(supervisor.request("PATCH", approvals, {"data": {"approval_status": "rejected"}}), 422,
                   "a rejection needs notes")
            expect(supervisor.request("PATCH", approvals, {"data": {"approval_status": "rejected", "notes": "Préciser"}}),
                   200, "supervisor rejects with notes")
            expect(worker.request("PATCH", approvals, {"data": {"approval_status": "requested"}}), 200, "requested again")
            done = expect(supervisor.request("PATCH", approvals, {"data": {"approval_status": "approved"}}), 200,
                          "supervisor approves")
            check(done["data"]["approvals"]["assessment"]["status"] == "approved" and done["data"]["workflow"] == "case_plan",
                  "approved: the workflow moves to the case plan")
            expect(other.request("GET", f"/api/v2/cases/{case}"), 404, "another structure does not see the case")
            listed = expect(other.request("GET", "/api/v2/cases"), 200, "another structure's list")
            check(listed["metadata"]["total"] == 0, "another structure's list is empty")
            ref = expect(worker.request("POST", f"/api/v2/cases/{case}/referrals",
                                        {"data": {"service": "svc-csref", "notes": "Bilan de santé"}}), 200, "referral sent")
            rid = ref["data"]["referrals"][0]["id"]
            expect(provider.request("PATCH", f"/api/v2/cases/{case}/referrals/{rid}", {"data": {"status": "done"}}), 422,
                   "done before accepted is refused")
            expect(provider.request("PATCH", f"/api/v2/cases/{case}/referrals/{rid}", {"data": {"status": "accepted"}}),
                   200, "provider accepts")
            fin = expect(provider.request("PATCH", f"/api/v2/cases/{case}/referrals/{rid}",
                                          {"data": {"status": "done", "service_result": "Bilan fait"}}), 200, "provider closes the referral")
            check(fin["data"]["referrals"][0]["status"] == "done" and fin["data"]["owner"] == "fkansaye",
                  "referral done, owner unchanged")
            refs = expect(provider.request("GET", f"/api/v2/cases/{case}/referrals"), 200, "provider reads the referrals")
            check(len(refs["data"]) == 1, "one referral")
            expect(trainer.request("GET", "/api/v2/cases"), 404, "the trainer must name the room")
            all_cases = expect(trainer.request("GET", f"/api/v2/cases?room={srv.room}&status=open"), 200, "trainer lists a room")
            check(all_cases["metadata"]["total"] == 1, "one open case")
            expect(worker.request("PATCH", f"/api/v2/cases/{case}", {"data": {"status": "flying"}}), 422, "unknown status")
            check(srv.alive(), "server still up")
        finally:
            srv.stop()
    print(f"server.primero: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
