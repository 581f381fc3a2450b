"""Small HTTP helpers for the server tests and the load benchmark (Python standard library only)."""
import http.client
import json
import os
import re
import socket
import subprocess
import time


class Server:
    """A `kalan serve` process on a free loopback port, with its data folder."""

    def __init__(self, kalan, data, web=None, extra=()):
        self.kalan, self.data, self.web, self.extra = kalan, data, web, list(extra)
        self.port = free_port()
        self.proc = None

    def start(self):
        args = [self.kalan, "serve", "--port", str(self.port), "--data", self.data] + self.extra
        if self.web:
            args += ["--web", self.web]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out = ""
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("server exited: " + self.proc.stderr.read())
            out += line
            if "  données : " in line:
                break
        self.token = re.search(r"jeton formateur : ([0-9a-f]{32})", out).group(1)
        self.room = re.search(r"salle par défaut : ([A-Z0-9]+)", out).group(1)
        return self

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def kill9(self):
        self.proc.kill()
        self.proc.wait()

    def stop(self):
        """SIGTERM; returns the standard error text."""
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.stderr.read() if self.proc and self.proc.stderr else ""


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Client:
    """One keep-alive connection; request() returns (status, parsed JSON or raw bytes, headers)."""

    def __init__(self, port, token=None, timeout=30):
        self.port, self.token, self.timeout = port, token, timeout
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method, path, body=None, token=None, headers=None, raw=False):
        h = dict(headers or {})
        tok = token if token is not None else self.token
        if tok:
            h["Authorization"] = "Bearer " + tok
        data = body
        if body is not None and not isinstance(body, (bytes, str)):
            data = json.dumps(body)
            h.setdefault("Content-Type", "application/json")
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=data, headers=h)
                r = self.conn.getresponse()
                payload = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        ctype = r.getheader("Content-Type", "")
        if not raw and ctype.startswith("application/json"):
            payload = json.loads(payload)
        return r.status, payload, r

    def close(self):
        self.conn.close()


def sse_events(port, path, token, stop_after, timeout=15):
    """Reads Server-Sent Events until `stop_after(events)` is true; returns [(event, data)]."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request("GET", path, headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"})
    r = conn.getresponse()
    assert r.status == 200, r.status
    assert r.getheader("Content-Type", "").startswith("text/event-stream")
    events, kind, data = [], "message", []
    while not stop_after(events):
        line = r.readline().decode()
        if not line:
            break
        line = line.rstrip("\n")
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data.append(line[6:])
        elif line == "" and data:
            events.append((kind, json.loads("\n".join(data))))
            kind, data = "message", []
    conn.close()
    return events
