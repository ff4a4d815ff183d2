#!/usr/bin/env bash
# Times `tocsin test rules` against `promtool test rules` (2.42, unpacked by scripts/peers.sh),
# whole process, side by side, on
#   (a) a PromQL-only copy of examples/p1b_alerts.test.yml (promtool rejects LogQL rules),
#   (b) a generated heavy test: 2,000 input series over 24 h at 1 m, 20 rules, 1 m evaluation,
# and prints the wall-time ratio tocsin/promtool (best of $RUNS runs, default 3; one run for (b),
# which takes minutes). CASES=a runs only (a).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
promtool="$root/.peers/usr/bin/promtool"
[ -x "$promtool" ] || bash "$root/scripts/peers.sh" >/dev/null
jar="$root/engine/target/tocsin.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# (a) the reference simulation without its LogQL rules and groups.
mkdir -p "$work/a"
python3 - "$root/examples" "$work/a" <<'PY'
import sys, re
src, out = sys.argv[1], sys.argv[2]
rules = open(src + "/p1b_alerts.yml").read()
kept, block, keep = [], [], True
def flush():
    global block, keep
    if keep: kept.extend(block)
    block, keep = [], True
for line in rules.splitlines(True):
    if re.match(r"\s+- alert:", line) or re.match(r"\s+- name:", line) or line.startswith("groups:"):
        flush()
        if not re.match(r"\s+- alert:", line):
            kept.append(line); continue
    block.append(line)
    if any(k in line for k in ("| json", "|~", "absent_over_time", "unwrap", "quantile_over_time(0.95,")):
        keep = False
flush()
open(out + "/p1b_alerts.yml", "w").write("".join(kept))
tests = open(src + "/p1b_alerts.test.yml").read()
cut = tests.index("  # LogQL alerts")
open(out + "/p1b_alerts.test.yml", "w").write(tests[:cut])
PY

# (b) 2,000 series over 24 h at 1 m, 20 rules, evaluated every minute for 24 h.
mkdir -p "$work/b"
python3 - "$work/b" <<'PY'
import sys
out = sys.argv[1]
rules = ["groups:", "- name: heavy", "  rules:"]
for i in range(10):
    rules += [f"  - record: job:req:rate{i}", f"    expr: sum by (job) (rate(req_total{{shard=\"{i}\"}}[5m]))"]
for i in range(10):
    rules += [f"  - alert: High{i}", f"    expr: rate(req_total{{shard=\"{i}\"}}[5m]) > 1.5", "    for: 5m",
              "    labels: {severity: warning}"]
open(out + "/rules.yml", "w").write("\n".join(rules) + "\n")
t = ["rule_files: [rules.yml]", "evaluation_interval: 1m", "tests:", "  - interval: 1m", "    input_series:"]
for s in range(2000):
    shard, job, inc = s % 10, f"job{s % 50}", 1 + (s % 7) * 0.25
    t += [f"      - series: 'req_total{{shard=\"{shard}\", job=\"{job}\", instance=\"i{s}\"}}'",
          f"        values: '1000+{inc * 60}x1440'"]
t += ["    alert_rule_test:", "      - eval_time: 24h", "        alertname: High0", "        exp_alerts: []"]
open(out + "/test.yml", "w").write("\n".join(t) + "\n")
PY

best() {
  local best=999999999 t0 ms
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true
    ms=$(( ($(date +%s%N) - t0) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
# The same JVM options as bin/tocsin: C1 only, serial GC, and (second column) an AppCDS archive.
java_cmd=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar")
# The class-data-sharing archive bin/tocsin makes after each build (from a training run over the
# examples; it holds loaded classes, not results), so the "+cds" figures are what bin/tocsin runs.
cds="$root/engine/target/tocsin.jsa"
"$root/bin/tocsin" --version >/dev/null
java_cds=(java -XX:SharedArchiveFile="$cds" -Xlog:disable -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar")
printf '%-46s %10s %10s %8s %10s %8s\n' case promtool tocsin ratio tocsin+cds ratio
for c in ${CASES:-a b}; do
  f=$([ $c = a ] && echo "$work/a/p1b_alerts.test.yml" || echo "$work/b/test.yml")
  name=$([ $c = a ] && echo "(a) p1b_alerts.test.yml, PromQL groups" || echo "(b) 2,000 series x 24 h at 1m, 20 rules")
  n=$runs
  [ $c = b ] && runs=1
  p=$(best "$promtool" test rules "$f")
  t=$(best "${java_cmd[@]}" test rules "$f")
  d=$(best "${java_cds[@]}" test rules "$f")
  runs=$n
  printf '%-46s %8sms %8sms %7.2fx %8sms %7.2fx\n' "$name" "$p" "$t" "$(echo "$t / $p" | bc -l)" "$d" \
    "$(echo "$d / $p" | bc -l)"
done
