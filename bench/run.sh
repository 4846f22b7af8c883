#!/usr/bin/env bash
# Benchmark harness of AdTarget Conversions (issue 9) — one command:
#
#   bench/run.sh
#
# builds the load generator (and the service jar when missing), measures the machine's own
# ceilings (pgbench -N, GET /health/live), starts the service against a fresh database on the
# local (or given) Postgres and Redis with the dry-run gateway, provisions a tenant through the
# admin API, runs the scenarios, restarts it with the live gateway against a fake Graph API with
# 100 ms latency, and writes bench/results/<timestamp>.md (+ .json). Every load goes to 127.0.0.1.
#
# Knobs (environment):
#   DURATION=20 WARMUP=20 CONNS=32 LOADGEN_THREADS=1 STORM_N=500 REPLAY_KEYS=2000
#   META_LATENCY_MS=100 PG_SETTLE=11 SCENARIOS="health new new-open replay dedup storm live"
#   BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432   (server URL, no database)
#   BENCH_DB=adtarget_bench  BENCH_REDIS_URL=redis://127.0.0.1:6379 (empty: in-process lock)
#   BENCH_HTTP_PORT=… (default: a free port)
#   SERVICE_JAR=bootstrap/target/adtarget.jar  SERVICE_JAVA_OPTS=…  SERVICE_JAVA_OPTS_EXTRA=…  SERVICE_ENV="K=V K2=V2"
#   OPEN_FRACTIONS="0.25 0.35" (more open-loop points of new conversions after (a'), at these fractions of (a)'s
#     maximum: the latency curve below half of it; scenarios new-open-25, new-open-35)
#   PROFILE=1 (JFR profile of the service during (a))
#   SERVICE_WARMUP=60 (s of unmeasured new conversions before the first scenario: the service's C2 JIT takes
#     ~20 CPU-s on this 2-core machine and was still compiling during (a) with 10-30 s)
#   BENCH_DB_SETTINGS="synchronous_commit=off"  (ALTER DATABASE … SET, for what-if experiments only)
#   BENCH_TAG=free text stored with the results (e.g. "before" / "after pool=32")
#   NEW_DRIVER=wrk (default; installed from Debian when missing) or loadgen: what drives (a), closed loop. wrk
#     costs ~0.04 ms of CPU per request on the shared cores, the Java load generator ~0.4; (a') and the rest
#     always use the load generator (open loop, replays, storms)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
CONNS=${CONNS:-32}
LOADGEN_THREADS=${LOADGEN_THREADS:-1}
STORM_N=${STORM_N:-500}
REPLAY_KEYS=${REPLAY_KEYS:-2000}
META_LATENCY_MS=${META_LATENCY_MS:-100}
PG_SETTLE=${PG_SETTLE:-11}
SCENARIOS=${SCENARIOS:-"health new new-open replay dedup storm live"}
PG_URL=${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432}
BENCH_DB=${BENCH_DB:-adtarget_bench}
PGBENCH_DB=${BENCH_DB}_pgbench
REDIS=${BENCH_REDIS_URL-redis://127.0.0.1:6379}
HTTP_PORT=${BENCH_HTTP_PORT:-}
GRAPH_PORT=
SERVICE_JAR=${SERVICE_JAR:-$ROOT/bootstrap/target/adtarget.jar}
# Strict blocked-thread checker: check every 100 ms, warn when an event-loop task runs > 100 ms
# (defaults: 1 s / 2 s). The service builds its VertxOptions in code; bench/shim (a Vert.x
# VertxServiceProvider put on its class path, never shipped) applies these vertx.options.*
# properties to them. -Dvertx.options.eventLoopPoolSize=N works the same way.
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-"-Dvertx.options.blockedThreadCheckInterval=100 -Dvertx.options.maxEventLoopExecuteTime=100 -Dvertx.options.maxEventLoopExecuteTimeUnit=MILLISECONDS -Dvertx.options.maxWorkerExecuteTime=10 -Dvertx.options.maxWorkerExecuteTimeUnit=SECONDS -Dvertx.options.warningExceptionTime=100 -Dvertx.options.warningExceptionTimeUnit=MILLISECONDS"}
SERVICE_JAVA_OPTS="$SERVICE_JAVA_OPTS ${SERVICE_JAVA_OPTS_EXTRA:-}"
SERVICE_ENV=${SERVICE_ENV:-}
SERVICE_WARMUP=${SERVICE_WARMUP:-60}
BENCH_DB_SETTINGS=${BENCH_DB_SETTINGS:-}
PROFILE=${PROFILE:-1} # 1: JFR CPU profile of the service during (a) (costs it a few %)
NEW_DRIVER=${NEW_DRIVER:-wrk}
ADMIN_TOKEN=bench-admin-token-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

TS=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH_DIR/results
WORK=$RESULTS/tmp/$TS
mkdir -p "$WORK"
LOADGEN=$BENCH_DIR/loadgen/target/loadgen.jar
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

SERVICE_PID=
GRAPH_PID=
cleanup() {
  [[ -n $SERVICE_PID ]] && kill "$SERVICE_PID" 2>/dev/null || true
  [[ -n $GRAPH_PID ]] && kill "$GRAPH_PID" 2>/dev/null || true
}
trap cleanup EXIT

meta() { printf '%s=%s\n' "$1" "$2" >> "$WORK/meta.properties"; }

# ---------------------------------------------------------------- build
log "building the load generator"
(cd "$BENCH_DIR/loadgen" && mvn -B -ntp -q package -DskipTests)
if [[ ! -f $SERVICE_JAR ]]; then
  log "building the service jar"
  (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)
fi
[[ -f $SERVICE_JAR ]] || { log "no service jar at $SERVICE_JAR"; exit 1; }
log "compiling the bench shim (vertx.options.* system properties -> the service's VertxOptions)"
SHIM=$BENCH_DIR/shim/target
rm -rf "$SHIM" && mkdir -p "$SHIM"
javac -nowarn -d "$SHIM" -cp "$SERVICE_JAR" "$BENCH_DIR"/shim/src/io/adtarget/benchshim/*.java
cp -r "$BENCH_DIR/shim/src/META-INF" "$SHIM/"
SERVICE_MAIN=${SERVICE_MAIN:-$(unzip -p "$SERVICE_JAR" META-INF/MANIFEST.MF | awk -F': ' '/^Main-Class/{print $2}' | tr -d '\r')}
# Each scenario is a fresh load-generator JVM: give it WARMUP=20 on this 2-core machine, or its own C2 compiling
# (~0.6 ms of CPU per request of (a) with WARMUP=10) is charged to the cores the service and Postgres share.
# C1 alone (-XX:TieredStopAtLevel=1) compiles fast but caps GET /health/live at the load generator's speed.
LG_JAVA=(java -XX:+UseSerialGC -Xms64m -Xmx512m -jar "$LOADGEN")
lg() { "${LG_JAVA[@]}" "$@"; }
[[ -n $HTTP_PORT ]] || HTTP_PORT=$(lg free-port)

if [[ $NEW_DRIVER == wrk ]] && ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package) for (a)"
  { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1 || true
  command -v wrk >/dev/null || { log "wrk unavailable: (a) runs on the load generator"; NEW_DRIVER=loadgen; }
fi
meta new_driver "$NEW_DRIVER"

# ---------------------------------------------------------------- machine
meta timestamp "$TS"
meta tag "${BENCH_TAG:-}"
meta git_commit "$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD -- . ':!bench' ':!docs' || echo '+dirty')"
meta machine "$(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
meta java "$(java -version 2>&1 | head -1)"
meta postgres "$(psql "$PG_URL/postgres" -tAc 'select version()' | cut -d, -f1) (synchronous_commit=$(psql "$PG_URL/postgres" -tAc 'show synchronous_commit'), fsync=$(psql "$PG_URL/postgres" -tAc 'show fsync'))"
if [[ -n $REDIS ]]; then meta redis "$(redis-cli -u "$REDIS" info server 2>/dev/null | awk -F: '/redis_version/{print $2}' | tr -d '\r') at $REDIS"; fi
meta service_jvm_opts "${SERVICE_JAVA_OPTS}"
meta service_env "DATABASE_URL=$PG_URL/$BENCH_DB REDIS_URL=$REDIS ${SERVICE_ENV}"
meta load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
meta fake_graph_latency_ms "$META_LATENCY_MS"

# ---------------------------------------------------------------- Postgres ceiling
log "pgbench -N ceiling: $CONNS clients, ${DURATION}s on a scratch database"
psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)" -c "CREATE DATABASE $PGBENCH_DB" >/dev/null
pgbench -q -i -s 10 "$PG_URL/$PGBENCH_DB" >"$WORK/pgbench-init.log" 2>&1
pgbench -N -c "$CONNS" -j 2 -T "$DURATION" "$PG_URL/$PGBENCH_DB" >"$WORK/pgbench.log" 2>&1
PGBENCH_TPS=$(awk '/^tps = /{print $3; exit}' "$WORK/pgbench.log")
meta pgbench_tps "$PGBENCH_TPS"
meta pgbench_clients "$CONNS"
meta pgbench_latency_ms "$(awk '/latency average/{print $4}' "$WORK/pgbench.log")"
psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)" >/dev/null
log "pgbench -N: $PGBENCH_TPS TPS"

# ---------------------------------------------------------------- service
psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" >/dev/null
for kv in $BENCH_DB_SETTINGS; do
  psql "$PG_URL/postgres" -qc "ALTER DATABASE $BENCH_DB SET ${kv%%=*} = '${kv#*=}'" >/dev/null
done
meta bench_db_settings "${BENCH_DB_SETTINGS:-none}"

# One key ring for every start of this run (tokens sealed by one start must open in the next), and no
# per-key rate limit in the way of the load (#16's default of 100/s would cap a single-key benchmark).
BENCH_SECRETS_KEY=${SECRETS_KEY:-k1:$(head -c 32 /dev/urandom | base64 -w0)}
BENCH_RATE_LIMIT=${RATE_LIMIT_PER_SECOND:-1000000}

start_service() { # $1 = log file, rest = extra env
  local logf=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  env DATABASE_URL="$PG_URL/$BENCH_DB" REDIS_URL="$REDIS" HTTP_HOST=127.0.0.1 HTTP_PORT="$HTTP_PORT" \
      ADMIN_TOKEN="$ADMIN_TOKEN" SECRETS_KEY="$BENCH_SECRETS_KEY" RATE_LIMIT_PER_SECOND="$BENCH_RATE_LIMIT" \
      DEV_SEED=false META_MODE=dry-run $SERVICE_ENV "$@" \
      java -Xlog:gc:file="${logf%.log}-gc.log" $SERVICE_JAVA_OPTS -cp "$SERVICE_JAR:$SHIM" "$SERVICE_MAIN" >"$logf" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 1500); do # at most ~60 s
    if curl -fsS -o /dev/null "http://127.0.0.1:$HTTP_PORT/health/ready" 2>/dev/null; then
      t1=$(date +%s%N)
      STARTUP_MS=$(( (t1 - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { log "service died, see $logf"; tail -20 "$logf" >&2; exit 1; }
    sleep 0.02
  done
  log "service not ready after 60 s, see $logf"; exit 1
}

stop_service() {
  [[ -n $SERVICE_PID ]] || return 0
  kill -TERM "$SERVICE_PID" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}

pgsnap() {
  psql "$PG_URL/postgres" -tA -F' ' -c "select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched, (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter) from pg_stat_database where datname='$BENCH_DB'"
}

# run_scenario NAME loadgen-args… : wraps one loadgen invocation with Postgres counters
run_scenario() {
  local name=$1; shift
  local before after
  before=$(pgsnap)
  lg "$@" --url "http://127.0.0.1:$HTTP_PORT" --pid "$SERVICE_PID" --out "$WORK/$name.json"
  # backends flush their statistics at most once a second and, when idle, after 10 s
  sleep "$PG_SETTLE"
  after=$(pgsnap)
  read -r -a b <<<"$before"; read -r -a a <<<"$after"
  {
    echo "xact_commit=$((a[0] - b[0]))"; echo "xact_rollback=$((a[1] - b[1]))"
    echo "tup_inserted=$((a[2] - b[2]))"; echo "tup_updated=$((a[3] - b[3]))"
    echo "tup_deleted=$((a[4] - b[4]))"; echo "tup_fetched=$((a[5] - b[5]))"
    # checkpoints of the whole cluster during the scenario: each one starts a burst of full-page images in the WAL
    echo "checkpoints=$((a[6] - b[6]))"
  } >"$WORK/pg-$name.properties"
}

# pg_waits NAME: while a scenario runs, samples what the service's Postgres backends are doing
# (wait event, or "CPU" when active without one) every 50 ms over the measured window.
pg_waits() {
  local name=$1 n
  n=$(( DURATION * 20 ))
  sleep "$WARMUP"
  psql "$PG_URL/postgres" -tA -F'|' >"$WORK/pgwait-$name.txt" 2>&1 <<SQL || true
CREATE TEMP TABLE w(what text);
DO \$\$
BEGIN
  FOR i IN 1..$n LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO w SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU')
                              ELSE coalesce(state, '?') END
      FROM pg_stat_activity WHERE datname = '$BENCH_DB' AND pid <> pg_backend_pid();
    PERFORM pg_sleep(0.05);
  END LOOP;
END \$\$;
SELECT what, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) FROM w GROUP BY what ORDER BY 2 DESC;
SQL
}

# floor NAME RATE: the floor of an open-loop scenario's latency on this machine — Postgres alone doing the two
# durable commits in a row that a new conversion needs (bench/floor.sql), open loop at the same rate (pgbench -R
# measures from the scheduled start), same warm-up and window, the service idle meanwhile. A p99 target below this
# floor is out of any service's reach here. Writes meta floor_NAME ("n=… p50=… p99=… p999=… max=…") and floor_rate_NAME.
floor() {
  local name=$1 rate=$2 db=${BENCH_DB}_floor result
  log "latency floor of $name: two durable commits in a row, pgbench open loop at $rate/s"
  psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
  psql "$PG_URL/$db" -qc "CREATE TABLE floor_created (id bigserial PRIMARY KEY, k bigint, v text, t timestamptz DEFAULT now())" \
    -c "CREATE TABLE floor_completed (id bigserial PRIMARY KEY, k bigint, v text, t timestamptz DEFAULT now())" >/dev/null
  rm -f "$WORK"/floor-log.*
  pgbench -n -f "$BENCH_DIR/floor.sql" -c "$CONNS" -j 2 -R "$rate" -T $(( WARMUP + DURATION )) -l \
    --log-prefix="$WORK/floor-log" "$PG_URL/$db" >"$WORK/floor-$name.log" 2>&1 || true
  # pgbench -l: one line per script run, field 3 = latency in µs (from its scheduled start), field 5 = epoch s
  result=$(cat "$WORK"/floor-log.* 2>/dev/null | python3 -c "
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
if not rows: print('n=0'); sys.exit()
t0 = min(int(r[4]) for r in rows)
lat = sorted(int(r[2]) / 1000 for r in rows if int(r[4]) >= t0 + $WARMUP)
n = len(lat)
q = lambda p: lat[min(n - 1, int(n * p))]
print('n=%d p50=%.2f p99=%.2f p999=%.2f max=%.2f' % (n, q(.5), q(.99), q(.999), lat[-1]))
" || echo "n=0")
  rm -f "$WORK"/floor-log.*
  psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  meta "floor_$name" "$result"
  meta "floor_rate_$name" "$rate"
  log "latency floor of $name: $result"
}

wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }

log "starting the service (dry-run gateway)"
start_service "$WORK/service-dry-run.log"
meta startup_wall_ms "$STARTUP_MS"
meta blocked_thread_check "$(grep -m1 -o 'bench-shim\] VertxOptions:.*' "$WORK/service-dry-run.log" || echo 'shim NOT applied: Vert.x defaults (1 s / 2 s)')"
meta startup_log_ms "$(grep -o 'ready in [0-9]* ms' "$WORK/service-dry-run.log" | head -1 | grep -o '[0-9]*' || echo '?')"
log "ready after $STARTUP_MS ms; provisioning"
lg provision --url "http://127.0.0.1:$HTTP_PORT" --admin-token "$ADMIN_TOKEN" --out "$WORK/setup.json"
meta service_rss_idle_mb "$(awk '/VmRSS/{printf "%.1f", $2/1024}' /proc/$SERVICE_PID/status)"

if (( SERVICE_WARMUP > 0 )); then
  log "warming the service up for ${SERVICE_WARMUP}s (unmeasured: JIT, pools)"
  lg run --scenario new --url "http://127.0.0.1:$HTTP_PORT" --setup "$WORK/setup.json" --conns 16 --warmup 0 \
    --duration "$SERVICE_WARMUP" --out "$WORK/warmup.json.skip" >/dev/null
fi

COMMON=(--conns "$CONNS" --threads "$LOADGEN_THREADS" --warmup "$WARMUP" --duration "$DURATION")
if wants health; then
  log "HTTP ceiling: GET /health/live, closed loop, $CONNS connections"
  run_scenario health run --scenario health --label "HTTP ceiling GET /health/live" "${COMMON[@]}"
fi
if wants new || wants new-open; then
  log "(a) new conversions, closed loop"
  pg_waits new & WAITS_PID=$!
  if [[ $PROFILE == 1 ]]; then
    jcmd "$SERVICE_PID" JFR.start name=bench settings=profile filename="$WORK/new.jfr" >/dev/null || PROFILE=0
  fi
  if [[ $NEW_DRIVER == wrk ]]; then
    run_scenario new wrk --script "$BENCH_DIR/wrk/new.lua" --label "(a) new conversions (wrk)" \
      --setup "$WORK/setup.json" --conns "$CONNS" --warmup "$WARMUP" --duration "$DURATION"
  else
    run_scenario new run --scenario new --label "(a) new conversions" --setup "$WORK/setup.json" "${COMMON[@]}"
  fi
  wait "$WAITS_PID" || true
  if [[ $PROFILE == 1 ]]; then
    jcmd "$SERVICE_PID" JFR.stop name=bench >/dev/null || true
    lg jfr-top --file "$WORK/new.jfr" --top 25 --out "$WORK/profile-new.md" >/dev/null || true
  fi
fi
if wants new-open; then
  HALF=$(python3 -c "import json;print(max(1.0, round(json.load(open('$WORK/new.json'))['stats']['throughput']/2, 1)))" 2>/dev/null \
    || awk -F'[:,]' '/"throughput"/{print $2/2; exit}' "$WORK/new.json")
  log "(a') new conversions, open loop at $HALF req/s (half the closed-loop maximum)"
  run_scenario new-open run --scenario new --mode open --rate "$HALF" --label "(a') new conversions at ½ max" \
    --setup "$WORK/setup.json" --conns 256 --threads "$LOADGEN_THREADS" --warmup "$WARMUP" --duration "$DURATION"
  floor new-open "$HALF"
  meta floor_clients "$CONNS"
fi
if wants new-open; then
  for frac in ${OPEN_FRACTIONS:-}; do
    pct=$(python3 -c "print(round(100 * $frac))")
    rate=$(python3 -c "import json;print(max(1.0, round(json.load(open('$WORK/new.json'))['stats']['throughput'] * $frac, 1)))")
    log "(a') new conversions, open loop at $rate req/s ($pct % of the closed-loop maximum)"
    run_scenario "new-open-$pct" run --scenario new --mode open --rate "$rate" --label "(a') new conversions at $pct % of max" \
      --setup "$WORK/setup.json" --conns 256 --threads "$LOADGEN_THREADS" --warmup "$WARMUP" --duration "$DURATION"
    floor "new-open-$pct" "$rate"
  done
fi
if wants replay; then
  log "(b) preparing $REPLAY_KEYS stored keys"
  lg prepare-keys --n "$REPLAY_KEYS" --url "http://127.0.0.1:$HTTP_PORT" --setup "$WORK/setup.json" --out "$WORK/keys.tsv"
  log "(b) replays of stored keys"
  run_scenario replay run --scenario replay --label "(b) replays" --setup "$WORK/setup.json" --keys "$WORK/keys.tsv" "${COMMON[@]}"
fi
if wants dedup; then
  log "(d) upsert dedup: fresh keys, one match key"
  run_scenario dedup run --scenario dedup --label "(d) upsert dedup, one match key" --setup "$WORK/setup.json" "${COMMON[@]}"
fi
if wants storm; then
  log "(c) hot-key storm: $STORM_N concurrent requests, one key"
  run_scenario storm storm --n "$STORM_N" --threads "$LOADGEN_THREADS" --label "(c) hot-key storm" --setup "$WORK/setup.json"
fi
blocked_summary() { # counts warnings after "ready in", and those whose stack shows service code
  awk '/ready in [0-9]+ ms/{ready=1}
       /has been blocked for/{if(ready){n++; cur=1; own=0} else {pre++}; next}
       cur && /at .*io\.adtarget\./{if(!own){o++; own=1}}
       cur && !/^[[:space:]]+at |VertxException/{cur=0}
       END{printf "%d after ready (%d with io.adtarget frames), %d during start-up\n", n, o, pre}' "$1"
}
blocked_summary "$WORK/service-dry-run.log" >"$WORK/blocked-dry-run.txt"
stop_service

if wants live; then
  log "(e) live gateway against a fake Graph API with ${META_LATENCY_MS} ms latency"
  "${LG_JAVA[@]}" fake-graph --port 0 --latency-ms "$META_LATENCY_MS" --max-seconds 900 >"$WORK/fake-graph.log" 2>&1 &
  GRAPH_PID=$!
  for _ in $(seq 1 100); do
    GRAPH_PORT=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$WORK/fake-graph.log" | grep -o '[0-9]*$' || true)
    [[ -n $GRAPH_PORT ]] && break
    kill -0 "$GRAPH_PID" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n $GRAPH_PORT ]] || { log "fake Graph API did not start, see $WORK/fake-graph.log"; exit 1; }
  start_service "$WORK/service-live.log" META_MODE=live META_GRAPH_URL="http://127.0.0.1:$GRAPH_PORT"
  meta startup_live_wall_ms "$STARTUP_MS"
  run_scenario live run --scenario live --label "(e) new conversions, live gateway, Meta +${META_LATENCY_MS} ms" \
    --setup "$WORK/setup.json" "${COMMON[@]}"
  meta fake_graph_accepted "$(curl -fsS "http://127.0.0.1:$GRAPH_PORT/stats" | grep -o '[0-9]*')"
  blocked_summary "$WORK/service-live.log" >"$WORK/blocked-live.txt"
  stop_service
  kill "$GRAPH_PID" 2>/dev/null || true
  GRAPH_PID=
fi

meta blocked_thread_warnings "dry-run service: $(cat "$WORK/blocked-dry-run.txt"); live service: $(cat "$WORK/blocked-live.txt" 2>/dev/null || echo 'not run')"
meta load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
meta other_busy_processes "$(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1>5{printf "%s(%s%%) ", $2, $1}' | head -c 200)"

lg report --dir "$WORK" --md "$RESULTS/$TS.md" --json "$RESULTS/$TS.json"
log "results: bench/results/$TS.md (raw: bench/results/$TS.json, logs: bench/results/tmp/$TS/)"
