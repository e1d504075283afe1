#!/usr/bin/env python3
"""Checks after a cluster benchmark (bench/cluster/lib.sh, bench_check): OUT [killed node number] [kill time, unix ms].

Reads OUT/db-checks.txt (the acknowledged ids looked up in PostgreSQL), OUT/call-records.csv (every call record),
SIPp's message log (answered and completed calls by Call-ID) and the driver's OUT/api.csv, and prints the figures.
Exit status 1 when something acknowledged is missing, a call record is left open, or a call failed that was not on
the killed node."""
import collections
import glob
import sys

out = sys.argv[1]
killed = f"node-{sys.argv[2]}" if len(sys.argv) > 2 and sys.argv[2] else None
kill_ms = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
problems = []

checks = dict(line.strip().split("=", 1) for line in open(f"{out}/db-checks.txt") if "=" in line)
acked = sum(1 for _ in open(f"{out}/interactions.txt"))
print(f"database: {acked} acknowledged interactions, {checks['interactions_missing']} missing, "
      f"{checks['interactions_without_history']} without a routing-history row")
print(f"database: {checks['chat_messages_acked']} acknowledged chat messages, {checks['chat_messages_missing']} missing "
      f"({checks['chats_missing']} chats missing; {checks['chat_messages_stored_beyond_ack']} stored but not yet acknowledged "
      f"when the driver stopped); chat interactions without routing history: {checks['chat_interactions_without_history']}")
for key in ("interactions_missing", "interactions_without_history", "chats_missing", "chat_messages_missing",
            "chat_interactions_without_history", "call_interactions_without_history"):
    if checks[key] != "0":
        problems.append(f"{key} = {checks[key]}")

at_kill = []
answered, completed = set(), set()
for path in glob.glob(f"{out}/ivr-uac_*_logs.log"):
    for line in open(path, errors="replace"):
        parts = line.split()
        if len(parts) >= 2 and parts[-2] in ("answered", "completed"):
            (answered if parts[-2] == "answered" else completed).add(parts[-1])

records = {}
for line in open(f"{out}/call-records.csv"):
    parts = line.rstrip("\n").split(",")
    if len(parts) < 7:
        continue
    call_id, node, cause, disposition, arrived, ended, interaction = parts[:7]
    records[call_id] = dict(node=node, cause=cause, disposition=disposition, arrived=int(arrived), ended=int(ended))

by_node = collections.Counter(r["node"] for r in records.values())
print(f"calls: {len(answered)} answered by the cluster, {len(completed)} completed normally; call records per node: {dict(sorted(by_node.items()))}")
missing_cdr = [c for c in answered if c not in records]
open_records = [c for c, r in records.items() if r["ended"] == 0]
print(f"call records: {len(missing_cdr)} answered calls without a record, {len(open_records)} records still open")
if missing_cdr:
    # A call's record is first saved just after its 200 OK: a node killed in between leaves that call without one.
    # Those are reported; any other answered call without a record is a problem.
    killed_log = open(f"{out}/cluster/logs/{killed}.log", errors="replace").read() if killed else ""
    at_kill = [c for c in missing_cdr if f"(Call-ID {c}) answered" in killed_log]
    print(f"  answered on {killed} just before the kill, before their first save: {at_kill}")
    if len(at_kill) < len(missing_cdr):
        problems.append(f"{len(missing_cdr) - len(at_kill)} answered calls have no call record: {sorted(set(missing_cdr) - set(at_kill))[:5]}")
if open_records:
    problems.append(f"{len(open_records)} call records still open: {sorted(open_records)[:5]}")

causes = collections.Counter(r["cause"] for r in records.values())
print(f"call records by release cause: {dict(causes.most_common())}")
sipp_failed = 0
try:
    for line in open(f"{out}/sipp-screen.txt", errors="replace"):
        if line.startswith("  Failed call"):
            sipp_failed = int(line.split("|")[2].split()[0])
except (FileNotFoundError, IndexError, ValueError):
    pass
print(f"SIPp: {sipp_failed} calls failed in all (answered or not)")
if not killed and sipp_failed:
    problems.append(f"{sipp_failed} calls failed (SIPp)")

failed = sorted(answered - completed)
failed_where = collections.Counter((records.get(c, {}).get("node", "no record"), records.get(c, {}).get("cause", "")) for c in failed)
print(f"calls answered but not completed: {len(failed)}, by (node, release cause): {dict(failed_where)}")
if killed and sipp_failed > len(failed):
    problems.append(f"{sipp_failed - len(failed)} calls failed before they were answered (Kamailio should have tried another node)")
survivors_failed = [c for c in failed if records.get(c, {}).get("node") != killed and c not in at_kill]
if survivors_failed:
    problems.append(f"{len(survivors_failed)} failed calls were not on the killed node (on {killed or 'none killed'})")

if killed and kill_ms:
    live_at_kill = [r for r in records.values() if r["node"] == killed and r["arrived"] <= kill_ms and (r["ended"] == 0 or r["ended"] > kill_ms)]
    causes = collections.Counter(r["cause"] for r in live_at_kill)
    closed_after = sorted(r["ended"] - kill_ms for r in live_at_kill if r["ended"])
    print(f"{killed}: {by_node[killed]} call records, {len(live_at_kill)} live at the kill; their release causes {dict(causes)}; "
          f"closed by a survivor {closed_after[0] / 1000 if closed_after else 0:.1f}-{closed_after[-1] / 1000 if closed_after else 0:.1f} s after the kill")
    if any(r["cause"] != "node_failure" for r in live_at_kill):
        problems.append(f"calls live on {killed} at the kill not closed with node_failure: {dict(causes)}")

    node_index = int(killed.split("-")[1]) - 1
    requests = [tuple(int(x) for x in line.split(",")) for line in open(f"{out}/api.csv")]
    before = [a for s, a, n, st in requests if st == 201 and a <= kill_ms]
    after = sorted((a, n) for s, a, n, st in requests if st == 201 and s >= kill_ms and n != node_index)
    failures = collections.Counter(st for s, a, n, st in requests if a >= kill_ms and st != 201 and n != node_index)
    last_before = max(before) if before else kill_ms
    if after:
        print(f"tenant grain: the first interaction created on a survivor by a request sent after the kill was answered "
              f"{(after[0][0] - kill_ms) / 1000:.2f} s after the kill (last before it {(kill_ms - last_before) / 1000:.2f} s before); "
              f"failed answers from survivors after the kill: {dict(failures)}")
        if after[0][0] - kill_ms > 10_000:
            problems.append(f"the tenant grain came back after {(after[0][0] - kill_ms) / 1000:.1f} s (target 10 s)")
    else:
        problems.append("no interaction was created on a survivor after the kill")

print("RESULT: " + ("all checks passed" if not problems else "PROBLEMS: " + "; ".join(problems)))
sys.exit(1 if problems else 0)
