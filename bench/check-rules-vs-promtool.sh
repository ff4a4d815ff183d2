#!/usr/bin/env bash
# Times `tocsin check rules` against `promtool check rules` (2.42, unpacked by scripts/peers.sh) on
#   (a) a PromQL-only copy of examples/p1b_alerts.yml (promtool rejects LogQL),
#   (b) every file of ../shared/corpus/rules (about 1,100 real rules),
#   (c) that corpus replicated to about 10,000 rules,
# and prints the wall-time ratio tocsin/promtool for each, without and with an AppCDS archive.
# Each figure is the best of $RUNS runs (default 3). Usage: bench/check-rules-vs-promtool.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TOCSIN_SHARED:-$root/../shared}
runs=${RUNS:-3}
promtool="$root/.peers/usr/bin/promtool"
[ -x "$promtool" ] || bash "$root/scripts/peers.sh" >/dev/null
jar="$root/engine/target/tocsin.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# (a) the PromQL rules of the reference file only.
python3 - "$root/examples/p1b_alerts.yml" "$work/p1b_promql.yml" <<'PY'
import sys, re
text = open(sys.argv[1]).read()
# Keep a rule block only if its expr has no LogQL stream selector at the start of a selector.
out, block, keep = [], [], True
for line in text.splitlines(keepends=True):
    if re.match(r"\s+- (alert|record):", line):
        if keep: out.extend(block)
        block, keep = [line], True
        continue
    if re.match(r"\s+- name:", line) or line.startswith("groups:"):
        if keep: out.extend(block)
        block, keep = [], True
        out.append(line)
        continue
    block.append(line)
    if "{container=~" in line and ("| json" in line or "|~" in line or "absent_over_time" in line) or "unwrap" in line:
        keep = False
if keep: out.extend(block)
open(sys.argv[2], "w").write("".join(out))
PY
mapfile -t corpus < <(find "$shared/corpus/rules" -name '*.yml' | sort)
mkdir -p "$work/x10"
for i in $(seq 1 10); do
  for f in "${corpus[@]}"; do cp "$f" "$work/x10/$i-$(basename "$(dirname "$f")")-$(basename "$f")"; done
done
mapfile -t x10 < <(find "$work/x10" -name '*.yml' | sort)

# The JVM options bin/tocsin gives `check`.
java_cmd=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -jar "$jar")
# The class-data-sharing archive bin/tocsin makes after each build (from a training run over the
# examples; it holds loaded classes, not results), so the "+cds" figures are what bin/tocsin runs.
cds="$root/engine/target/tocsin.jsa"
"$root/bin/tocsin" --version >/dev/null
java_cds=(java -XX:SharedArchiveFile="$cds" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -jar "$jar")

best() { # best wall time in ms of $runs runs of a command
  local best=999999999 t0 t1 ms
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 )); [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

rules_in() { grep -hE '^\s*- (alert|record):' "$@" | wc -l; }
printf '%-34s %7s %10s %10s %8s %10s %8s\n' case rules promtool tocsin ratio tocsin+cds ratio
row() {
  local name=$1; shift
  local p t c
  p=$(best "$promtool" check rules "$@")
  t=$(best "${java_cmd[@]}" check rules "$@")
  c=$(best "${java_cds[@]}" check rules "$@")
  printf '%-34s %7s %8sms %8sms %7.2fx %8sms %7.2fx\n' "$name" "$(rules_in "$@")" "$p" "$t" \
    "$(echo "$t / $p" | bc -l)" "$c" "$(echo "$c / $p" | bc -l)"
}
row "(a) p1b_alerts.yml, PromQL rules" "$work/p1b_promql.yml"
row "(b) corpus (${#corpus[@]} files)" "${corpus[@]}"
row "(c) corpus x10 (${#x10[@]} files)" "${x10[@]}"
