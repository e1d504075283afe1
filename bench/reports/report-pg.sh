#!/usr/bin/env bash
# Reports over PostgreSQL, as a supervisor feels them (issue 11 "Proof": a month of 1,000,000 contacts in < 1 s).
# Like report-db.sh, on a throwaway PostgreSQL cluster (initdb in a temp folder, loopback port, stopped at the end):
# the Release server in demo mode on it, ROWS queued calls of the demo tenant over November 2026 written with psql,
# the month closed into quarter-hour aggregates, then GET /api/v1/reports/{kind} timed through HTTP.
#   bench/reports/report-pg.sh [ROWS=1000000] [RUNS=5]
set -euo pipefail
ROWS=${1:-1000000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d /tmp/parley-report-pg-XXXX)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL missing (apt-get install postgresql)"; exit 1; }
. "$ROOT/bench/reports/lib.sh"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$OUT"
PG_PORT=$(free_port)
as_postgres "$PG_BIN/initdb" -D "$OUT/pg" -U parley -A trust -E UTF8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -l "$OUT/pg.log" -w -t 60 -o "-p $PG_PORT -k $OUT -c listen_addresses=127.0.0.1" start >/dev/null
trap 'kill $SERVER 2>/dev/null || true; as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -m fast -w stop >/dev/null 2>&1 || true' EXIT
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U parley -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE parley"
PSQL+=(-d parley)
[ "$(id -u)" -eq 0 ] && chmod 777 "$OUT"
start_server --Parley:Database:Provider=Postgres "--ConnectionStrings:Parley=Host=127.0.0.1;Port=$PG_PORT;Username=parley;Database=parley"
TENANT=$("${PSQL[@]}" -c "select \"Id\" from \"Tenants\" where \"Slug\" = 'demo'")
read -r Q1 Q2 _ <<< "$("${PSQL[@]}" -c "select string_agg(\"Id\"::text, ' ') from \"Queues\" where \"TenantId\" = '$TENANT'")"
AGENT=$("${PSQL[@]}" -c "select \"Id\" from \"Agents\" where \"TenantId\" = '$TENANT' limit 1")
T_SEED=$(date +%s)
FLOW1=$(python3 -c 'import uuid; print(uuid.uuid4())'); FLOW2=$(python3 -c 'import uuid; print(uuid.uuid4())')
"${PSQL[@]}" <<SQL
-- One transaction: the server's aggregates job must not close a stretch between the calls and the history.
BEGIN;
INSERT INTO "CallRecords" ("Id", "TenantId", "NodeId", "Direction", "SipCallId", "ArrivedAt", "QueuedAt", "AnsweredAt", "EndedAt", "QueueId", "AgentId", "Disposition", "HoldMs", "HoldCount", "FlowId", "FlowPathJson")
SELECT gen_random_uuid(), '$TENANT', 'bench', 'Inbound', 'bench-' || i,
  t0 + at, t0 + at + interval '10 s',
  CASE WHEN answered THEN t0 + at + interval '10 s' + wait END,
  t0 + at + interval '10 s' + wait + CASE WHEN answered THEN talk ELSE interval '0 s' END,
  CASE WHEN i % 3 = 0 THEN '$Q2'::uuid ELSE '$Q1'::uuid END, CASE WHEN answered THEN '$AGENT'::uuid END,
  CASE WHEN answered THEN 'Answered' ELSE 'AbandonedInQueue' END, (i % 5) * 1000, 0,
  CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN '$FLOW1'::uuid ELSE '$FLOW2'::uuid END,
  '[{"blockId":"start"},{"blockId":"menu"},{"blockId":"' || CASE i % 4 WHEN 0 THEN 'sales' WHEN 1 THEN 'support' WHEN 2 THEN 'hours' ELSE 'menu' END || '"}]'
FROM (SELECT i, timestamptz '2026-11-01 00:00:00+00' AS t0, make_interval(secs => (i::bigint * 2592000 / $ROWS)) AS at, (i % 7 <> 0) AS answered,
        make_interval(secs => 5 + (i::bigint * 7919) % 90) AS wait, make_interval(secs => 60 + (i::bigint * 104729) % 400) AS talk
      FROM generate_series(0, $ROWS - 1) AS i) c;
INSERT INTO "RoutingHistory" ("TenantId", "At", "Kind", "AgentId", "Detail")
SELECT '$TENANT', timestamptz '2026-11-01 00:00:00+00' + make_interval(secs => (i::bigint * 2592000 / $ROWS)), 'agent.state-changed', '$AGENT'::uuid,
  CASE i % 4 WHEN 0 THEN '{"current":"Busy"}' WHEN 1 THEN '{"current":"AfterCallWork"}' WHEN 2 THEN '{"current":"Available"}'
    ELSE '{"current":"NotReady","reason":"Break"}' END
FROM generate_series(0, $ROWS - 1) AS i;
COMMIT;
ANALYZE "CallRecords";
ANALYZE "RoutingHistory";
SQL
echo "seeded $("${PSQL[@]}" -c "select count(*) from \"CallRecords\" where \"TenantId\" = '$TENANT'") calls in $(( $(date +%s) - T_SEED )) s; database $("${PSQL[@]}" -c "select pg_size_pretty(pg_database_size('parley'))")"
wait_closed "${PSQL[@]}" -c "select count(*) from \"ContactIntervalCloses\" where \"TenantId\" = '$TENANT' and \"Until\" >= '2026-12-01T00:00:00Z'"
echo "$("${PSQL[@]}" -c "select count(*) from \"ContactIntervals\" where \"TenantId\" = '$TENANT'") aggregate rows"
time_reports
