#!/usr/bin/env python3
"""Provisions the agents of the bridged load (bench/load/bridged-load.sh) through Parley's public API, as an
administrator would: N users with the agent role, each an agent with the demo 'support' skill and a fixed phone URI
(sip:bN@HOST:PORT, the SIPp UAS that plays every agent's phone), then each signs in and signs in to routing.
The Support queue's wrap-up is set to None so an agent is free again as soon as a call ends. With SUPERVISORS > 0 it
also creates that many supervisors (users supN with the supervisor role and an agent profile whose phone is
sip:sN@HOST:PORT, not signed in to routing) for bench/load/monitor-calls.py.
    bridged-agents.py BASE ADMIN_PASSWORD COUNT PHONE_HOST PHONE_PORT [WORKERS=4] [SUPERVISORS=0]
Prints how many agents are signed in and the Support queue id. Loopback only."""
import http.cookiejar
import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE, ADMIN_PASSWORD, COUNT, PHONE_HOST, PHONE_PORT = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
WORKERS = int(sys.argv[6]) if len(sys.argv) > 6 else 4
SUPERVISORS = int(sys.argv[7]) if len(sys.argv) > 7 else 0
AGENT_PASSWORD = "Bridged-Agent-Secret-1"


class Client:
    """One signed-in person: a cookie jar and JSON requests."""

    def __init__(self, user, password):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.call("POST", "/api/v1/auth/sign-in", {"tenant": "demo", "userName": user, "password": password})

    def call(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with self.opener.open(request, timeout=60) as response:
                text = response.read()
                return (json.loads(text) if text else None), response.headers
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {path}: {error.code} {error.read()[:300]!r}") from None


admin = Client("admin", ADMIN_PASSWORD)
skills, _ = admin.call("GET", "/api/v1/skills?limit=100")
support_skill = next(s["id"] for s in skills["items"] if s["name"] == "support")
queues, _ = admin.call("GET", "/api/v1/queues?limit=100")
support = next(q for q in queues["items"] if q["name"] == "Support")
queue, headers = admin.call("GET", f"/api/v1/queues/{support['id']}")
queue.update(wrapUpMode="None", wrapUpTimeLimitSeconds=None)
for key in ("id", "version"):
    queue.pop(key, None)
admin.call("PUT", f"/api/v1/queues/{support['id']}", queue, {"If-Match": headers["ETag"]})


def provision(n):
    name = f"bridged{n:05d}"
    user, _ = admin.call("POST", "/api/v1/users", {"userName": name, "password": AGENT_PASSWORD, "roles": ["agent"]})
    admin.call("POST", "/api/v1/agents", {
        "userId": user["id"], "displayName": f"Bridged {n}", "skills": [{"skillId": support_skill, "proficiency": 3}],
        "capacities": {"Voice": 1}, "phone": {"kind": "Uri", "uri": f"sip:b{n}@{PHONE_HOST}:{PHONE_PORT}"}})
    agent = Client(name, AGENT_PASSWORD)
    agent.call("POST", "/api/v1/agents/me/sign-in", {})
    return n


def provision_supervisor(n):
    name = f"sup{n:04d}"
    user, _ = admin.call("POST", "/api/v1/users", {"userName": name, "password": AGENT_PASSWORD, "roles": ["supervisor"]})
    admin.call("POST", "/api/v1/agents", {
        "userId": user["id"], "displayName": f"Supervisor {n}", "skills": [],
        "capacities": {"Voice": 1}, "phone": {"kind": "Uri", "uri": f"sip:s{n}@{PHONE_HOST}:{PHONE_PORT}"}})
    return n


with ThreadPoolExecutor(WORKERS) as pool:
    done = list(pool.map(provision, range(1, COUNT + 1)))
    supervisors = list(pool.map(provision_supervisor, range(1, SUPERVISORS + 1)))
print(f"agents signed in: {len(done)}; supervisors: {len(supervisors)}; support queue {support['id']}")
