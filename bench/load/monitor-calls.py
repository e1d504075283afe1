#!/usr/bin/env python3
"""Supervisors listen in on live calls during the bridged load (bench/load/bridged-load.sh with MONITORS > 0): each of
the COUNT supervisors bridged-agents.py created (supN) signs in at once (as supervisors are, long before they listen:
sign-in hashes a password, which is not what this measures), then after DELAY seconds asks to listen to a different answered call
(POST /api/v1/calls/{id}/monitor {"mode":"listen"}), which rings their phone (the SIPp UAS answers it) and answers 200
once they are on the call. Prints how many joined and the time each request took (what a supervisor waits for).
    monitor-calls.py BASE ADMIN_PASSWORD COUNT [DELAY=0] [WORKERS=8]
Loopback only; every request bounded by a 60-s time-out."""
import http.cookiejar
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE, ADMIN_PASSWORD, COUNT = sys.argv[1], sys.argv[2], int(sys.argv[3])
DELAY = float(sys.argv[4]) if len(sys.argv) > 4 else 0
WORKERS = int(sys.argv[5]) if len(sys.argv) > 5 else 8
PASSWORD = "Bridged-Agent-Secret-1"


def client(user, password):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    body = json.dumps({"tenant": "demo", "userName": user, "password": password}).encode()
    opener.open(urllib.request.Request(BASE + "/api/v1/auth/sign-in", body, {"Content-Type": "application/json"}), timeout=60).read()
    return opener


started = time.monotonic()
admin = client("admin", ADMIN_PASSWORD)
with ThreadPoolExecutor(WORKERS) as pool:
    supervisors = list(pool.map(lambda n: client(f"sup{n:04d}", PASSWORD), range(1, COUNT + 1)))
time.sleep(max(0.0, DELAY - (time.monotonic() - started)))
calls, cursor = [], None
while len(calls) < COUNT * 2:
    page = json.load(admin.open(BASE + "/api/v1/calls?disposition=Open&limit=200" + (f"&cursor={cursor}" if cursor else ""), timeout=60))
    calls += [c for c in page["items"] if c.get("answeredAt")]
    cursor = page.get("nextCursor")
    if not cursor:
        break
# The most recently answered calls have the longest left to run.
calls.sort(key=lambda c: c["answeredAt"], reverse=True)
targets = [c["id"] for c in calls[:COUNT]]


def monitor(args):
    supervisor, call_id = args
    started = time.monotonic()
    request = urllib.request.Request(f"{BASE}/api/v1/calls/{call_id}/monitor", json.dumps({"mode": "listen"}).encode(),
                                     {"Content-Type": "application/json"}, method="POST")
    try:
        supervisor.open(request, timeout=60).read()
        return (time.monotonic() - started) * 1000, None
    except urllib.error.HTTPError as error:
        return None, f"{error.code} {error.read()[:120]!r}"


with ThreadPoolExecutor(WORKERS) as pool:
    results = list(pool.map(monitor, zip(supervisors, targets)))
waits = sorted(ms for ms, _ in results if ms is not None)
errors = [e for _, e in results if e]
q = lambda p: waits[min(len(waits) - 1, int(p * len(waits)))]
print(f"monitors: {len(waits)} of {len(targets)} supervisors listening (answered calls open: {len(calls)})"
      + (f"; join p50 {q(0.5):.0f} ms, p99 {q(0.99):.0f} ms" if waits else "")
      + (f"; refused: {errors[:3]}" if errors else ""))
