#!/usr/bin/env bash
# Reports over the database, as a supervisor feels them (issue 11 "Proof": a month of 1,000,000 contacts in < 1 s).
# Starts the Release Parley.Server in demo mode on SQLite (fresh data directory, loopback), writes ROWS queued calls of
# the demo tenant spread over November 2026 straight into CallRecords with sqlite3 (answered or abandoned, waits and
# talk times varied, two queues, two thirds through one of two IVR flows) and one agent state change per call into
# RoutingHistory, then times GET /api/v1/reports/{kind} for the whole month through HTTP with the
# supervisor's cookie: RUNS runs per kind after one warm-up, median and max. The server closes the month into quarter-hour
# aggregates first (Parley:Reports:CloseInterval 2 s; the time it took is printed); the whole month (on quarter hours)
# then reads the aggregates, and the same month shifted by one second (not on quarter hours) reads the raw records, as
# a range that is not yet closed does. Loopback only; the server is bounded in time.
#   bench/reports/report-db.sh [ROWS=1000000] [RUNS=5]      (PostgreSQL: report-pg.sh; shared steps: lib.sh)
set -euo pipefail
ROWS=${1:-1000000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d /tmp/parley-report-db-XXXX)
command -v sqlite3 >/dev/null || { echo "sqlite3 missing (apt-get install sqlite3)"; exit 1; }
. "$ROOT/bench/reports/lib.sh"
start_server
trap 'kill $SERVER 2>/dev/null || true' EXIT
DB=$(ls "$OUT"/data/*.db | head -1)
TENANT=$(sqlite3 "$DB" "select Id from Tenants where Slug='demo'")
QUEUES=$(sqlite3 "$DB" "select group_concat(Id, ' ') from Queues where TenantId='$TENANT'")
read -r Q1 Q2 _ <<< "$QUEUES"
AGENT=$(sqlite3 "$DB" "select Id from Agents where TenantId='$TENANT' limit 1")
# EF's DateTimeOffsetToBinaryConverter for UTC: (ticks / 1000) << 11, ticks = (unix seconds + 62135596800) × 10^7.
T0=$(date -u -d 2026-11-01 +%s)
T_SEED=$(date +%s)
FLOW1=$(python3 -c 'import uuid; print(str(uuid.uuid4()).upper())'); FLOW2=$(python3 -c 'import uuid; print(str(uuid.uuid4()).upper())')
sqlite3 "$DB" <<SQL
.timeout 120000
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
-- One transaction: the server's aggregates job must not close a stretch between the calls and the history.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS - 1),
c AS (SELECT i, $T0 + (i * 2592000 / $ROWS) AS at, (i % 7 <> 0) AS answered, 5 + (i * 7919) % 90 AS wait, 60 + (i * 104729) % 400 AS talk FROM n)
INSERT INTO CallRecords (Id, TenantId, NodeId, Direction, SipCallId, ArrivedAt, QueuedAt, AnsweredAt, EndedAt, QueueId, AgentId, Disposition, HoldMs, HoldCount, FlowId, FlowPathJson)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  '$TENANT', 'bench', 'Inbound', 'bench-' || i,
  ((at + 62135596800) * 10000) << 11,
  ((at + 10 + 62135596800) * 10000) << 11,
  CASE WHEN answered THEN ((at + 10 + wait + 62135596800) * 10000) << 11 END,
  ((at + 10 + wait + CASE WHEN answered THEN talk ELSE 0 END + 62135596800) * 10000) << 11,
  CASE WHEN i % 3 = 0 THEN '$Q2' ELSE '$Q1' END, CASE WHEN answered THEN '$AGENT' END,
  CASE WHEN answered THEN 'Answered' ELSE 'AbandonedInQueue' END, (i % 5) * 1000, 0,
  CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN '$FLOW1' ELSE '$FLOW2' END,
  '[{"blockId":"start"},{"blockId":"menu"},{"blockId":"' || CASE i % 4 WHEN 0 THEN 'sales' WHEN 1 THEN 'support' WHEN 2 THEN 'hours' ELSE 'menu' END || '"}]'
FROM c;
-- One agent state change per contact: the agent's history over the month (1,000,000 changes for 1,000,000 contacts).
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS - 1)
INSERT INTO RoutingHistory (TenantId, At, Kind, AgentId, Detail)
SELECT '$TENANT', ((($T0 + (i * 2592000 / $ROWS)) + 62135596800) * 10000) << 11, 'agent.state-changed', '$AGENT',
  CASE i % 4 WHEN 0 THEN '{"current":"Busy"}' WHEN 1 THEN '{"current":"AfterCallWork"}' WHEN 2 THEN '{"current":"Available"}'
    ELSE '{"current":"NotReady","reason":"Break"}' END
FROM n;
COMMIT;
SQL
echo "seeded $(sqlite3 "$DB" "select count(*) from CallRecords where TenantId='$TENANT'") calls in $(( $(date +%s) - T_SEED )) s; database $(du -h "$DB" | cut -f1)"
DEC1=$(( ( ( $(date -u -d 2026-12-01 +%s) + 62135596800 ) * 10000 ) << 11 ))
wait_closed sqlite3 "$DB" "select count(*) from ContactIntervalCloses where TenantId='$TENANT' and Until >= $DEC1"
echo "$(sqlite3 "$DB" "select count(*) from ContactIntervals where TenantId='$TENANT'") aggregate rows"
time_reports
