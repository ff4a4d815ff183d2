#!/usr/bin/env bash
# Runs the same alerting rules with `tocsin run` and with vmalert 1.79, one after the other, against
# one VictoriaMetrics 1.79 holding counter series x{instance="iN"}, both notifying a local sink that
# stands in for Alertmanager, and prints per process: CPU seconds, peak RSS, rule evaluations done
# (from each tool's own /metrics), CPU per evaluation, missed iterations, and the ratios
# Tocsin/vmalert. The issue-7 targets: CPU per evaluation <= vmalert's, peak RSS <= 2x vmalert's,
# no missed iterations. Peers come from scripts/peers.sh. Everything listens on 127.0.0.1 and is
# stopped on exit.
#
# Usage: bench/run-vs-vmalert.sh [--rules N] [--duration SECONDS] [--series N] [--per-group N]
#          [--interval SECONDS] [--firing FRACTION] [--only tocsin|vmalert] [--tocsin-workers N]
#          [--timeline] [--keep]
#   defaults: 10000 rules in groups of 10, 1000 series, 75 s per process, 15 s interval, 10% firing.
#   A smoke run: bench/run-vs-vmalert.sh --rules 100 --duration 20
#   TOCSIN_JAVA_OPTS replaces bin/tocsin's JVM options for the Tocsin run (to try other flags).
#   --tocsin-workers sets global.evaluation_workers in tocsin.yml (default: Tocsin's own default).
#   --timeline prints, every 5 s of each run, the process's CPU, RSS, evaluations and missed
#   iterations so far (the extra /metrics scrapes cost the process a little CPU).
#   --keep leaves the work folder (rule file, configs, logs, /metrics dumps) in place.
set -euo pipefail

rules=10000 duration=75 series=1000 per_group=10 interval=15 firing=0.1 only=both keep=0 timeline=0 workers=
die() { echo "run-vs-vmalert: $*" >&2; exit 1; }
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rules) need_value "$@"; rules=$2; shift 2 ;;
    --duration) need_value "$@"; duration=$2; shift 2 ;;
    --series) need_value "$@"; series=$2; shift 2 ;;
    --per-group) need_value "$@"; per_group=$2; shift 2 ;;
    --interval) need_value "$@"; interval=$2; shift 2 ;;
    --firing) need_value "$@"; firing=$2; shift 2 ;;
    --only) need_value "$@"; only=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --timeline) timeline=1; shift ;;
    --tocsin-workers) need_value "$@"; workers=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
for v in rules duration series per_group interval; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "--${v//_/-} must be a positive integer, got '${!v}'"
done
[ -z "$workers" ] || [[ $workers =~ ^[1-9][0-9]*$ ]] || die "--tocsin-workers must be a positive integer, got '$workers'"
[[ $firing =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || die "--firing must be a fraction between 0 and 1, got '$firing'"
case "$only" in both|tocsin|vmalert) ;; *) die "--only must be tocsin or vmalert, got '$only'" ;; esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="$root/.peers/usr/bin"
helper="$root/bench/daemon/vsbench.py"
for tool in victoria-metrics vmalert; do
  [ -x "$bin/$tool" ] || bash "$root/scripts/peers.sh" >/dev/null || die "scripts/peers.sh failed"
  [ -x "$bin/$tool" ] || die "$bin/$tool is missing after scripts/peers.sh"
done
command -v python3 >/dev/null || die "python3 is needed for the data feeder and the sink"
command -v curl >/dev/null || die "curl is needed to read /metrics"
if [ "$only" != vmalert ]; then
  # bin/tocsin builds the jar when it is stale; do it now, outside the measurement, and let it
  # write its class-data archive.
  "$root/bin/tocsin" --version >/dev/null || die "bin/tocsin --version failed (does the build pass?)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tocsin-vs-vmalert.XXXXXX")
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$keep" = 1 ]; then echo "run-vs-vmalert: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 "$helper" port; }
# start NAME LOG CMD...: runs CMD in the background, remembering its PID in $started.
start() {
  local name=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  started=$!
  pids+=("$started")
}
# stop PID: ends a process this script started and forgets it.
stop() {
  local p keep_pids=()
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  for p in "${pids[@]}"; do [ "$p" = "$1" ] || keep_pids+=("$p"); done
  pids=("${keep_pids[@]}")
}
# wait_http NAME PID URL SECONDS: until URL answers 2xx; fails with the log's tail if PID dies.
wait_http() {
  local name=$1 pid=$2 url=$3 limit=$4 i
  for ((i = 0; i < limit * 10; i++)); do
    curl -sf -o /dev/null --max-time 2 "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$name.log" >&2; die "$name exited before $url answered"; }
    sleep 0.1
  done
  tail -20 "$work/$name.log" >&2
  die "$name did not answer $url within $limit s"
}
clk_tck=$(getconf CLK_TCK)
# cpu_seconds PID: user + system CPU of a live process (fields 14 and 15 after the command name).
cpu_seconds() {
  local stat
  stat=$(cat "/proc/$1/stat") || die "process $1 is gone"
  stat=${stat##*) }
  awk -v t="$clk_tck" '{ printf "%.2f", ($12 + $13) / t }' <<<"$stat"
}
peak_rss_mib() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# metric_sum FILE NAME: the sum of every series of NAME in a Prometheus text dump (0 if absent).
metric_sum() { awk -v n="$2" '$1 == n || index($1, n "{") == 1 { s += $NF } END { printf "%.0f", s }' "$1"; }

echo "run-vs-vmalert: $rules rules in groups of $per_group at ${interval}s over $series series," \
  "$duration s per process, work folder $work" >&2
python3 "$helper" rules "$work/rules.yml" --rules "$rules" --series "$series" --per-group "$per_group" \
  --interval "$interval" --firing "$firing"

# VictoriaMetrics with 10 minutes of history (enough for rate(...[5m])), kept fresh by the feeder.
# -search.latencyOffset=0s: both tools see a sample as soon as it is imported.
vm_port=$(free_port)
start vm "$work/vm.log" "$bin/victoria-metrics" -storageDataPath="$work/vm-data" \
  -httpListenAddr="127.0.0.1:$vm_port" -search.latencyOffset=0s -loggerLevel=ERROR
vm_pid=$started
vm="http://127.0.0.1:$vm_port"
wait_http vm "$vm_pid" "$vm/health" 30
python3 "$helper" history "$vm" --series "$series" --seconds 600 --step "$interval" \
  || die "importing the history into VictoriaMetrics failed"
start feeder "$work/feeder.log" python3 "$helper" feed "$vm" --series "$series" --step "$interval" \
  --max-seconds $((duration * 2 + 600))
for ((i = 0; ; i++)); do
  curl -sf -X POST "$vm/internal/force_flush" >/dev/null 2>&1 || true
  n=$(curl -sf "$vm/api/v1/query" --data-urlencode 'query=count(rate(x[5m]))' \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)') || n=0
  [ "$n" = "$series" ] && break
  [ "$i" -lt 100 ] || die "VictoriaMetrics shows $n of $series series after 10 s"
  sleep 0.1
done

start sink "$work/sink.log" python3 "$helper" sink "$work/sink.port" --max-seconds $((duration * 2 + 600))
sink_pid=$started
for ((i = 0; i < 100; i++)); do [ -s "$work/sink.port" ] && break; sleep 0.1; done
[ -s "$work/sink.port" ] || { cat "$work/sink.log" >&2; die "the alert sink did not start"; }
sink="http://127.0.0.1:$(cat "$work/sink.port")"
sink_alerts() { curl -sf "$sink/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["alerts"])'; }

# measure NAME PID METRICS_URL EVALS_METRIC MISSED_METRIC FAILED_METRIC: lets the process run for
# $duration s from its start, then records one result line.
results="$work/results.tsv"
measure() {
  local name=$1 pid=$2 url=$3 evals_metric=$4 missed_metric=$5 failed_metric=$6 t0=$7
  local alerts0 vm_cpu0 left cpu rss dump="$work/$name.metrics" next_sample=$(( t0 + 5000 ))
  alerts0=$(sink_alerts); vm_cpu0=$(cpu_seconds "$vm_pid")
  while :; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/$name.log" >&2; die "$name exited during the run"; }
    left=$(( t0 + duration * 1000 - $(date +%s%3N) ))
    [ "$left" -le 0 ] && break
    if [ "$timeline" = 1 ] && [ "$(date +%s%3N)" -ge "$next_sample" ]; then
      next_sample=$(( next_sample + 5000 ))
      curl -sf --max-time 5 "$url" >"$dump" || true
      printf '%-8s t=%5.1fs CPU %6ss RSS %6s MiB evaluations %7s missed %4s\n' "$name" \
        "$(awk -v a="$t0" -v b="$(date +%s%3N)" 'BEGIN { print (b - a) / 1000 }')" "$(cpu_seconds "$pid")" \
        "$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")" \
        "$(metric_sum "$dump" "$evals_metric")" "$(metric_sum "$dump" "$missed_metric")" >&2
    fi
    sleep "$(awk -v l="$left" 'BEGIN { printf "%.3f", (l > 1000 ? 1000 : l) / 1000 }')"
  done
  curl -sf --max-time 10 "$url" >"$dump" || die "$name: cannot read $url"
  cpu=$(cpu_seconds "$pid"); rss=$(peak_rss_mib "$pid")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$cpu" "$rss" "$(metric_sum "$dump" "$evals_metric")" \
    "$(metric_sum "$dump" "$missed_metric")" "$(metric_sum "$dump" "$failed_metric")" \
    "$(( $(sink_alerts) - alerts0 ))" \
    "$(awk -v a="$vm_cpu0" -v b="$(cpu_seconds "$vm_pid")" 'BEGIN { printf "%.2f", b - a }')" >>"$results"
  stop "$pid"
}

if [ "$only" != vmalert ]; then
  t_port=$(free_port)
  cat >"$work/tocsin.yml" <<EOF
global:
  evaluation_interval: ${interval}s
${workers:+  evaluation_workers: $workers}
rule_files: [rules.yml]
datasources:
  prometheus:
    url: $vm
alerting:
  alertmanagers: [{url: $sink}]
EOF
  t0=$(date +%s%3N)
  start tocsin "$work/tocsin.log" "$root/bin/tocsin" run --config.file "$work/tocsin.yml" \
    --web.listen-address "127.0.0.1:$t_port"
  wait_http tocsin "$started" "http://127.0.0.1:$t_port/-/healthy" 60
  measure tocsin "$started" "http://127.0.0.1:$t_port/metrics" tocsin_rule_evaluations_total \
    tocsin_rule_group_iterations_missed_total tocsin_rule_evaluation_failures_total "$t0"
fi

if [ "$only" != tocsin ]; then
  v_port=$(free_port)
  t0=$(date +%s%3N)
  start vmalert "$work/vmalert.log" "$bin/vmalert" -rule="$work/rules.yml" -datasource.url="$vm" \
    -notifier.url="$sink" -evaluationInterval="${interval}s" -httpListenAddr="127.0.0.1:$v_port" \
    -loggerLevel=ERROR
  wait_http vmalert "$started" "http://127.0.0.1:$v_port/-/healthy" 60
  measure vmalert "$started" "http://127.0.0.1:$v_port/metrics" vmalert_execution_total \
    vmalert_iteration_missed_total vmalert_execution_errors_total "$t0"
fi

python3 - "$results" "$rules" "$duration" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, cpu, rss, evals, missed, failed, alerts, vm_cpu = line.rstrip("\n").split("\t")
    rows[name] = dict(cpu=float(cpu), rss=float(rss), evals=int(evals), missed=int(missed),
                      failed=int(failed), alerts=int(alerts), vm_cpu=float(vm_cpu))
print(f"\n{sys.argv[2]} rules, {sys.argv[3]} s per process")
print(f"{'process':<8} {'CPU s':>8} {'peak RSS MiB':>13} {'evaluations':>12} {'CPU/eval ms':>12} "
      f"{'missed':>7} {'failed':>7} {'alerts sent':>12} {'VM CPU s':>9}")
for name, r in rows.items():
    r["per_eval"] = r["cpu"] / r["evals"] * 1000 if r["evals"] else float("nan")
    print(f"{name:<8} {r['cpu']:>8.2f} {r['rss']:>13.1f} {r['evals']:>12,} {r['per_eval']:>12.3f} "
          f"{r['missed']:>7} {r['failed']:>7} {r['alerts']:>12,} {r['vm_cpu']:>9.2f}")
if len(rows) == 2:
    t, v = rows["tocsin"], rows["vmalert"]
    ratio = lambda a, b: a / b if b else float("nan")
    cpu_ratio, rss_ratio = ratio(t["per_eval"], v["per_eval"]), ratio(t["rss"], v["rss"])
    print(f"\ntocsin/vmalert: CPU {ratio(t['cpu'], v['cpu']):.2f}x, CPU per evaluation {cpu_ratio:.2f}x"
          f" (target <= 1: {'meets' if cpu_ratio <= 1 else 'misses'}), peak RSS {rss_ratio:.2f}x"
          f" (target <= 2: {'meets' if rss_ratio <= 2 else 'misses'}), missed iterations {t['missed']}"
          f" (target 0: {'meets' if t['missed'] == 0 else 'misses'})")
PY
