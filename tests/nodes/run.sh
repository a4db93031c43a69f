#!/usr/bin/env bash
# The multi-node suite (issue 19): two nodes of the Release build on one PostgreSQL, Debian's nginx in front, all on
# loopback. Called by test.sh after the build with PGBIN, PGDATA, PGPORT of its throwaway PostgreSQL; writes a .trx
# with its counters (the file named by $1) and prints each check's figures.
#   1. signed in through nginx, 200 requests alternating between the nodes; a form rendered by one node posted to the other
#   2. an import of 100,000 rows committed on node A shows its progress through node B
#   3. kill -9 of node A mid-commit: after its restart the register holds all good rows or none, and the job says which;
#      nothing else is lost
#   4. both nodes up through a reminder run: each reminder queued once and sent once
#   5. PostgreSQL stopped (immediate) and started under load: 503 during, recovery, every acknowledged write stored
#   6. the same record saved on both nodes from the same version: one wins, the other gets 409, nothing overwritten
#   7. pg_dump, pg_restore into a fresh database: the same row counts and checksums; an SQLite installation backed up
#      online (deploy/backup.sh) while it runs: the copy has the same row counts
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TRX=${1:-$ROOT/.test-results/nodes.trx}
: "${PGBIN:?}" "${PGDATA:?}" "${PGPORT:?}"
WORK=$(mktemp -d /tmp/clusterpact-nodes.XXXXXX)
chmod 755 "$WORK"
DB=clusterpact_nodes
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Timeout=3;Command Timeout=30"
free_port() { local p=$1; while (echo > /dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo $p; }
PA=$(free_port 5301); PB=$(free_port $((PA + 1))); PN=$(free_port $((PB + 1))); PS=$(free_port $((PN + 1)))
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_q() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d "${2:-$DB}" -At -c "$1"; }

passed=0; failed=0; results=""
check() { # name, condition (0 = pass), figures
  local name=$1 ok=$2 figures=$3
  if [ "$ok" -eq 0 ]; then passed=$((passed + 1)); outcome=Passed; else failed=$((failed + 1)); outcome=Failed; fi
  printf '  %-7s %s: %s\n' "$outcome" "$name" "$figures"
  results+="<UnitTestResult testName=\"nodes.$name\" outcome=\"$outcome\"><Output><StdOut>$(printf '%s' "$figures" | sed 's/&/\&amp;/g; s/</\&lt;/g')</StdOut></Output></UnitTestResult>"
}
write_trx() {
  mkdir -p "$(dirname "$TRX")"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary outcome="%s"><Counters total="%d" executed="%d" passed="%d" failed="%d" /></ResultSummary><Results>%s</Results></TestRun>\n' \
    "$([ $failed -eq 0 ] && echo Completed || echo Failed)" $((passed + failed)) $((passed + failed)) $passed $failed "$results" > "$TRX"
  echo "nodes: $passed passed, $failed failed"
}

pids=()
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  psql_q "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres >/dev/null 2>&1
  psql_q "DROP DATABASE IF EXISTS ${DB}_restored WITH (FORCE)" postgres >/dev/null 2>&1
  if [ -n "${KEEP_NODES_WORK:-}" ]; then echo "nodes: work folder kept in $WORK"; else rm -rf "$WORK"; fi
}
trap 'cleanup' EXIT
fail_all() { check "$1" 1 "$2"; write_trx; exit 0; }

psql_q "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres >/dev/null 2>&1
psql_q "CREATE DATABASE $DB" postgres >/dev/null || fail_all start "cannot create database $DB"
# test.sh runs its throwaway server with synchronous_commit off for speed; then a commit is acknowledged before its WAL is
# written, and the immediate stop of check 5 loses it. The nodes database keeps PostgreSQL's default durability.
psql_q "ALTER DATABASE $DB SET synchronous_commit = on" postgres >/dev/null || fail_all start "cannot set synchronous_commit on $DB"
mkdir -p "$WORK/outbox" "$WORK/uploads"

# The demo loads without the register sample: the generated import lists enterprise numbers the sample does not hold.
start_node() { # name port [extra env...]
  local name=$1 port=$2; shift 2
  ( cd "$ROOT/src/Clusterpact.Web" && exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
      Database__Provider=PostgreSQL "ConnectionStrings__PostgreSQL=$CS" \
      Demo__Load=true EnterpriseRegister__LoadSampleWithDemo=false Security__RequireTwoFactorForStaff=false \
      Security__SignIn__PerAddressPerMinute=1000000 Security__SignIn__PerAccountPerMinute=1000000 Security__SignIn__LockoutFailures=1000000 \
      Email__OutboxFolder="$WORK/outbox" Email__DispatchIntervalSeconds=2 Import__UploadFolder="$WORK/uploads" \
      App__BaseUrl="http://127.0.0.1:$PN" Serilog__MinimumLevel__Default=Warning "$@" \
      dotnet "$ROOT/src/Clusterpact.Web/bin/Release/net10.0/Clusterpact.Web.dll" --urls "http://127.0.0.1:$port" ) >>"$WORK/$name.log" 2>&1 &
  pids+=($!)
  eval "PID_$name=$!"
}
wait_ready() { # port seconds
  local i
  for i in $(seq 1 $(($2 * 5))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" = 200 ] && return 0
    sleep 0.2
  done
  return 1
}

echo "nodes: A on $PA, B on $PB, nginx on $PN, PostgreSQL on $PGPORT"
start_node a "$PA"
wait_ready "$PA" 300 || { tail -30 "$WORK/a.log"; fail_all start "node A not ready"; }
# The first node made the key ring; the second reads it.
curl -s -o /dev/null "http://127.0.0.1:$PA/Account/Login"
start_node b "$PB"
wait_ready "$PB" 300 || { tail -30 "$WORK/b.log"; fail_all start "node B not ready"; }

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || fail_all start "nginx is not installed"
# deploy/nginx.conf as shipped, with this run's loopback ports.
sed -e "s/127.0.0.1:5081/127.0.0.1:$PA/; s/127.0.0.1:5082/127.0.0.1:$PB/; s/listen 80;/listen 127.0.0.1:$PN;/" "$ROOT/deploy/nginx.conf" > "$WORK/site.conf"
{
  [ "$(id -u)" -eq 0 ] && echo "user root;"
  echo "pid $WORK/nginx.pid; error_log $WORK/nginx-error.log; worker_processes 1;"
  echo "events { worker_connections 256; }"
  echo "http { access_log off; client_body_temp_path $WORK/nginx-body; proxy_temp_path $WORK/nginx-proxy;"
  echo "  fastcgi_temp_path $WORK/nginx-fcgi; uwsgi_temp_path $WORK/nginx-uwsgi; scgi_temp_path $WORK/nginx-scgi;"
  echo "  include $WORK/site.conf; }"
} > "$WORK/nginx.conf"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" || fail_all start "nginx did not start: $(cat "$WORK/nginx-error.log" 2>/dev/null)"
P="http://127.0.0.1:$PN"

token_of() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p; s/.*type="hidden" name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }
sign_in() { # base-url-for-get base-url-for-post jar email -> http code of the post
  local page="$WORK/login.$$.html"
  curl -s -c "$3" -b "$3" "$1/Account/Login" -o "$page"
  curl -s -c "$3" -b "$3" -o /dev/null -w '%{http_code}' --data-urlencode "Input.Email=$4" --data-urlencode "Input.Password=Clusterpact-2026" \
    --data-urlencode "__RequestVerificationToken=$(token_of "$page")" "$2/Account/Login"
}
# --- 1. sessions and forms across nodes --------------------------------------------------------------------------------
JAR="$WORK/officer.jar"
code=$(sign_in "$P" "$P" "$JAR" officer@clusterpact.demo)
ok=0; bad=0; on_a=0; on_b=0
for i in $(seq 1 200); do
  out=$(curl -s -b "$JAR" -o /dev/null -D - -w 'STATUS %{http_code}\n' "$P/Clusters?page=$((i % 3 + 1))")
  status=$(sed -n 's/^STATUS //p' <<<"$out")
  if [ "$status" = 200 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
  grep -qi "^x-upstream: 127.0.0.1:$PA" <<<"$out" && on_a=$((on_a + 1))
  grep -qi "^x-upstream: 127.0.0.1:$PB" <<<"$out" && on_b=$((on_b + 1))
done
check sessions-alternate "$([ "$code" = 302 ] && [ $bad -eq 0 ] && [ $on_a -ge 90 ] && [ $on_b -ge 90 ]; echo $?)" \
  "sign-in $code, 200 requests: $ok ok, $bad not ok (signed out or failed), $on_a on node A, $on_b on node B"
code=$(sign_in "http://127.0.0.1:$PA" "http://127.0.0.1:$PB" "$WORK/cross.jar" reader@clusterpact.demo)
after=$(curl -s -b "$WORK/cross.jar" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PA/Clusters")
check form-to-other-node "$([ "$code" = 302 ] && [ "$after" = 200 ]; echo $?)" \
  "login form rendered by A, posted to B: $code; the session B made, read by A: $after"

# --- 2. an import of 100,000 rows started on node A, its progress read through node B ------------------------------------
ROWS=100000
MJAR="$WORK/manager.jar"
sign_in "$P" "$P" "$MJAR" manager.catalisti@clusterpact.demo >/dev/null
CLUSTER=$(psql_q "SELECT \"Id\" FROM clusters WHERE \"Name\" = 'Catalisti'")
# Valid enterprise numbers no demo organisation has (check digits: 97 - number mod 97).
awk -v n=$ROWS 'BEGIN { print "Naam;Ondernemingsnummer;Lid sinds"; for (i = 0; i < n; i++) { b = 1000000 + i; printf "Knooppunt %06d BV;0%07d%02d;01-01-2024\n", i, b, 97 - b % 97 } }' > "$WORK/members.csv"
marker="\"Name\" LIKE 'Knooppunt %'"
orgs_before=$(psql_q "SELECT count(*) FROM organisations WHERE NOT ($marker)")
others_members() { psql_q "SELECT count(*) FROM memberships m JOIN organisations o ON o.\"Id\" = m.\"OrganisationId\" WHERE NOT (o.$marker)"; }
members_before=$(others_members)
A="http://127.0.0.1:$PA"; B="http://127.0.0.1:$PB"
curl -s -b "$MJAR" -c "$MJAR" "$A/Organisations/Import" -o "$WORK/upload.html"
session_url=$(curl -s -b "$MJAR" -c "$MJAR" -o /dev/null -w '%{redirect_url}' \
  -F "__RequestVerificationToken=$(token_of "$WORK/upload.html")" -F "Input.ClusterId=$CLUSTER" \
  -F "Input.DefaultMemberSince=2026-01-01" -F "Input.FiguresYear=2025" -F "Input.File=@$WORK/members.csv;type=text/csv" "$A/Organisations/Import")
SESSION=${session_url##*/}
commit_on() { # base -> http code of the commit button
  curl -s -b "$1" -c "$MJAR" "$2/Organisations/Import" -o "$WORK/token.html"
  curl -s -b "$MJAR" -c "$MJAR" -o /dev/null -w '%{http_code}' --data-urlencode "__RequestVerificationToken=$(token_of "$WORK/token.html")" \
    "$2/Organisations/Import/$SESSION?handler=Commit"
}
started=$(date +%s.%N)
committed=$(commit_on "$MJAR" "$A")
JOB=$(psql_q "SELECT \"JobId\" FROM import_sessions WHERE \"Id\" = '$SESSION'")
job_on() { curl -s -b "$MJAR" -H 'Accept: application/json' "$1/api/v1/jobs/$JOB"; }
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" <<<"$2" | head -n 1; }
seen=""; last=""; killed_at=""
for i in $(seq 1 1200); do
  state=$(job_on "$B"); progress=$(field progress "$state"); status=$(field status "$state")
  if [ -n "$progress" ] && [ "$progress" != "$last" ] && [ "$progress" != 0 ]; then seen+="$progress "; last=$progress; fi
  # 3. mid-commit (progress seen through B between 20 % and 95 %): kill the node running it.
  if awk -v p="${progress:-0}" 'BEGIN { exit !(p >= 0.2 && p < 0.95) }' && [ "$(wc -w <<<"$seen")" -ge 2 ]; then
    kill -9 "$PID_a"; killed_at=$(date +%s.%N); break
  fi
  case "$status" in Succeeded|Failed|2|3) break;; esac
  sleep 0.25
done
steps=$(wc -w <<<"$seen")
check import-progress-on-other-node "$([ "$committed" = 302 ] && [ -n "$JOB" ] && [ "$steps" -ge 2 ]; echo $?)" \
  "$ROWS-row list uploaded and committed on node A ($committed), job $JOB; progress read through node B: $steps distinct values ($(tr ' ' '\n' <<<"$seen" | head -n 4 | paste -sd' ') ...) in $(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }') s"

# --- 3. kill -9 of the node running the import, mid-commit --------------------------------------------------------------
wait "$PID_a" 2>/dev/null
after_kill=$(psql_q "SELECT count(*) FROM organisations WHERE $marker")
start_node a "$PA"
wait_ready "$PA" 300 || { tail -30 "$WORK/a.log"; fail_all kill-mid-commit "node A did not come back"; }
# The cluster takes node A for dead 25 s after its last check-in and recovers its firing (on B, or on A restarted): the
# job is closed by its commit mark (decision 0018).
for i in $(seq 1 120); do
  state=$(job_on "$B"); status=$(field status "$state"); error=$(field error "$state")
  case "$status" in Running|1) sleep 0.5;; *) break;; esac
done
imported=$(psql_q "SELECT count(*) FROM organisations WHERE $marker")
orgs_after=$(psql_q "SELECT count(*) FROM organisations WHERE NOT ($marker)")
members_after=$(others_members)
session_status=$(psql_q "SELECT \"Status\" FROM import_sessions WHERE \"Id\" = '$SESSION'")
# Either nothing (the job failed, Job.Interrupted) or everything (the commit went through just before the kill: Succeeded).
consistent=$( { [ "$imported" = 0 ] && [ "$after_kill" = 0 ] && [ "$error" = Job.Interrupted ]; } || { [ "$imported" = $ROWS ] && case "$status" in Succeeded|2) true;; *) false;; esac; }; echo $?)
check kill-mid-commit "$([ -n "$killed_at" ] && [ "$consistent" = 0 ] && [ "$orgs_after" = "$orgs_before" ] && [ "$members_after" = "$members_before" ]; echo $?)" \
  "node A killed (-9) at the progress above: $after_kill of $ROWS imported rows right after, $imported after its restart (job: ${status:-?} ${error:-none}, session status $session_status: $([ "$imported" = 0 ] && echo 'none committed, the list can be committed again' || echo 'all committed')); other organisations $orgs_before before, $orgs_after after; their memberships $members_before before, $members_after after"

# An SQLite installation of its own for the SQLite half of check 7; it starts while the other checks run.
mkdir -p "$WORK/sqlite"
start_node s "$PS" Database__Provider=Sqlite "ConnectionStrings__Sqlite=Data Source=$WORK/sqlite/clusterpact.db" Email__OutboxFolder="$WORK/sqlite/outbox"

# --- 4. reminders exactly once -------------------------------------------------------------------------------------------
for i in $(seq 1 60); do
  pending=$(psql_q 'SELECT count(*) FROM outbox_emails WHERE "SentAt" IS NULL AND "Attempts" < 5')
  [ "$pending" = 0 ] && break; sleep 1
done
rows=$(psql_q 'SELECT count(*) FROM outbox_emails')
reminders=$(psql_q "SELECT count(*) FROM outbox_emails WHERE \"DedupKey\" LIKE 'deposit:%' OR \"DedupKey\" LIKE 'report%'")
sent=$(psql_q 'SELECT count(*) FROM outbox_emails WHERE "SentAt" IS NOT NULL')
dups=$(psql_q 'SELECT count(*) FROM (SELECT "DedupKey" FROM outbox_emails GROUP BY 1 HAVING count(*) > 1) d')
files=$(find "$WORK/outbox" -type f | wc -l)
check reminders-once "$([ "$reminders" -gt 0 ] && [ "$pending" = 0 ] && [ "$dups" = 0 ] && [ "$files" = "$sent" ] && [ "$sent" = "$rows" ]; echo $?)" \
  "reminder runs on both nodes: $reminders reminders queued, $rows e-mails queued, $sent sent, $files files written, $dups duplicate keys, $pending pending"

# --- 6. the same record edited on both nodes ------------------------------------------------------------------------------
version_of() { curl -s -b "$MJAR" -H 'Accept: application/json' "$1/api/v1/clusters/$CLUSTER" | sed -n 's/.*"version":\([0-9]*\).*/\1/p' | head -n 1; }
put_contact() { # base version name -> http code
  curl -s -b "$MJAR" -o "$WORK/put.json" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
    -d "{\"version\":$2,\"website\":\"https://catalisti.be\",\"contactName\":\"$3\",\"contactEmail\":\"info@catalisti.be\"}" "$1/api/v1/clusters/$CLUSTER/contact"
}
v=$(version_of "http://127.0.0.1:$PA")
first=$(put_contact "http://127.0.0.1:$PA" "$v" "Saved on A")
second=$(put_contact "http://127.0.0.1:$PB" "$v" "Saved on B")
stored=$(psql_q "SELECT \"ContactName\" FROM clusters WHERE \"Id\" = '$CLUSTER'")
check same-record-both-nodes "$([ "$first" = 200 ] && [ "$second" = 409 ] && [ "$stored" = "Saved on A" ]; echo $?)" \
  "version $v saved on A: $first, the same version on B: $second, stored: '$stored'"

# --- 5. PostgreSQL restarted under load -------------------------------------------------------------------------------------
acked="$WORK/acked.txt"; : > "$acked"; : > "$WORK/statuses.txt"; : > "$WORK/pages.txt"
# Writers and readers in two loops of their own: a request that meets the outage waits through the retries (about 7 s)
# and then gets the 503 page, so the database stays away longer than that.
( n=0; v=$(version_of "$P")
  while [ ! -f "$WORK/stop-load" ]; do
    n=$((n + 1)); name="load-$n"
    code=$(put_contact "$P" "${v:-0}" "$name")
    echo "$(date +%s.%N) $code" >> "$WORK/statuses.txt"
    if [ "$code" = 200 ]; then echo "$name" >> "$acked"; v=$(sed -n 's/.*"version":\([0-9]*\).*/\1/p' "$WORK/put.json"); else v=$(version_of "$P"); fi
    [ "$code" = 503 ] && grep -q 'Tijdelijk niet beschikbaar\|Temporarily unavailable' "$WORK/put.json" && touch "$WORK/saw-503-text"
    sleep 0.05
  done ) &
load=$!
( while [ ! -f "$WORK/stop-load" ]; do
    curl -s -o "$WORK/page.html" -w '%{http_code}\n' -b "$MJAR" "$P/Clusters" >> "$WORK/pages.txt"
    grep -q 'Tijdelijk niet beschikbaar' "$WORK/page.html" && touch "$WORK/saw-503-page"
    sleep 0.1
  done ) &
pages=$!
sleep 3
run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1
down_at=$(date +%s.%N)
sleep 10
run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
up_at=$(date +%s.%N)
recovered=""
for i in $(seq 1 150); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PA/health/ready")" = 200 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PB/health/ready")" = 200 ]; then
    recovered=$(date +%s.%N); break
  fi
  sleep 0.2
done
sleep 3
touch "$WORK/stop-load"; wait $load $pages
ack=$(wc -l < "$acked")
in_db=$(psql_q "SELECT count(DISTINCT \"NewValue\") FROM audit_entries WHERE \"Field\" = 'ContactName' AND \"EntityId\" = '$CLUSTER' AND \"NewValue\" LIKE 'load-%'")
missing=$(psql_q "SELECT count(*) FROM unnest(string_to_array('$(paste -sd, "$acked")', ',')) a(v) WHERE a.v <> '' AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.\"Field\" = 'ContactName' AND e.\"NewValue\" = a.v)")
s503=$(grep -c ' 503$' "$WORK/statuses.txt"); s500=$(grep -c ' 500$' "$WORK/statuses.txt"); total=$(wc -l < "$WORK/statuses.txt")
p503=$(grep -c '^503$' "$WORK/pages.txt"); p500=$(grep -c '^500$' "$WORK/pages.txt")
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
recovery=$([ -n "$recovered" ] && secs "$recovered" "$up_at" || echo never)
check pg-restart-under-load "$([ -n "$recovered" ] && [ "$ack" -gt 0 ] && [ "$missing" = 0 ] && [ "$s500" = 0 ] && [ "$p500" = 0 ] && [ $((s503 + p503)) -gt 0 ] && [ -f "$WORK/saw-503-page" ]; echo $?)" \
  "PostgreSQL down $(secs "$up_at" "$down_at") s; $total writes: $ack acknowledged, $in_db stored of them, $missing acknowledged but missing, $s503 answered 503, $s500 answered 500; pages: $p503 x 503, $p500 x 500; both nodes ready $recovery s after its start"

# --- 7. backup and restore -----------------------------------------------------------------------------------------------------
export PGHOST=127.0.0.1 PGUSER=postgres PGBIN
backup_log=$("$ROOT/deploy/backup.sh" postgres "$DB" "$WORK/backup.dump" 2>&1) || echo "$backup_log"
psql_q "DROP DATABASE IF EXISTS ${DB}_restored WITH (FORCE)" postgres >/dev/null 2>&1
psql_q "CREATE DATABASE ${DB}_restored" postgres >/dev/null
"$PGBIN/pg_restore" -h 127.0.0.1 -p "$PGPORT" -U postgres -d "${DB}_restored" --no-owner "$WORK/backup.dump" 2>"$WORK/restore.log"
# The nodes keep writing (scheduler check-ins); compare the business tables, which nothing writes now.
tables="clusters organisations memberships support_agreements projects audit_entries outbox_emails background_jobs data_protection_keys \"AspNetUsers\""
sum_of() { local t out=""; for t in $tables; do out+="$t=$(psql_q "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') FROM $t x" "$1") "; done; echo "$out"; }
live=$(sum_of "$DB"); restored=$(sum_of "${DB}_restored")
counts=$(sed 's/:[0-9a-f-]*//g' <<<"$live")
check backup-restore "$([ -s "$WORK/backup.dump" ] && [ "$live" = "$restored" ]; echo $?)" \
  "deploy/backup.sh postgres: $(du -k "$WORK/backup.dump" | cut -f1) kB, restored into a fresh database; rows and md5 per table equal: $counts"

# SQLite: the online backup of the running installation, and the copy's rows per table.
wait_ready "$PS" 300 || { tail -30 "$WORK/s.log"; fail_all sqlite-backup "the SQLite node did not start"; }
curl -s -o /dev/null "http://127.0.0.1:$PS/Account/Login"
sleep 1
sqlite_log=$("$ROOT/deploy/backup.sh" sqlite "$WORK/sqlite/clusterpact.db" "$WORK/sqlite-copy.db" 2>&1)
copy_ok=$?
live=$("$ROOT/deploy/backup.sh" counts sqlite "$WORK/sqlite/clusterpact.db" 2>&1); copied=$("$ROOT/deploy/backup.sh" counts sqlite "$WORK/sqlite-copy.db" 2>&1)
tables=$(grep -c . <<<"$copied"); rows=$(awk '{ s += $2 } END { print s + 0 }' <<<"$copied")
check sqlite-backup "$([ $copy_ok -eq 0 ] && [ "$tables" -gt 10 ] && [ "$live" = "$copied" ]; echo $?)" \
  "deploy/backup.sh sqlite while the node runs: $sqlite_log; $tables tables, $rows rows, the same in the running database and the copy: $([ "$live" = "$copied" ] && echo yes || diff <(echo "$live") <(echo "$copied") | tr '\n' ' ')"

write_trx
