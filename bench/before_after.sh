#!/usr/bin/env bash
# Training and analysis speed of this checkout against an older commit, interleaved in one run on
# one machine: bench-training (image-only ResNet-18 w0.25 and MGC x-attn on soft masks, 1024
# examples, 3 epochs, the first one warm-up) and `analyze` of the 10-minute 256 kHz file of
# bench/analyze.sh with the two bench models, which the OLD build trains (its cards are the older
# format, so both builds read them). Run on a quiet machine. Results: docs/benchmarks.md.
# usage: bash bench/before_after.sh OLD_REV [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
OLD_REV=${1:?usage: before_after.sh OLD_REV [ROUNDS]}
ROUNDS=${2:-3}
OLD=${OLD_DIR:-/tmp/echomask-old-$OLD_REV}
WORK=${WORK:-/tmp/echomask-before-after}
WAV=${WAV:-/tmp/echomask-bench-256k-10min.wav}
[ -d "$OLD" ] || git worktree add -q "$OLD" "$OLD_REV"
[ -f "$OLD/echomask-app/target/echomask-app.jar" ] || (cd "$OLD" && mvn -B -q -DskipTests package -pl echomask-app -am)
[ -f echomask-app/target/echomask-app.jar ] || ./echomask --version >/dev/null
# The bench models and the WAV, made by the old build's scripts.
bash "$OLD/bench/bench_models.sh" "$WORK" >/dev/null 2>&1
[ -f "$WAV" ] || (WORK="$WORK" MINUTES=10 bash "$OLD/bench/analyze.sh" "$WAV" >/dev/null 2>&1)
[ -d "$WORK/image-only" ] && [ -d "$WORK/mgc-proposal" ] || { echo "bench models missing in $WORK" >&2; exit 1; }
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== old: $OLD_REV; new: $(git rev-parse --short HEAD)"
for round in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    dir=$([ $side = old ] && echo "$OLD" || echo .)
    for m in none xattn; do
      if [ $m = none ]; then args="--mask none"; else args="--mask soft --fusion xattn"; fi
      eps=$("$dir/echomask" bench-training $args --examples 1024 --epochs 3 2>/dev/null | grep examples_per_s | sed 's/.*"examples_per_s": \([0-9.]*\).*/\1/')
      echo "round $round $side train $m: $eps examples/s"
    done
    for m in image-only mgc-proposal; do
      rm -rf "$WORK/out-$side-$m"
      start=$(date +%s.%N)
      "$dir/echomask" analyze --model "$WORK/$m" --in "$WAV" --out "$WORK/out-$side-$m" --window-s 2 --hop-s 1 >/dev/null 2>&1
      end=$(date +%s.%N)
      python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'round $round $side analyze $m: {s:.1f} s wall with the JVM start, {600/s:.0f}x real time')" "$start" "$end"
    done
  done
done
for m in image-only mgc-proposal; do
  if cmp -s "$WORK/out-old-$m/recordings/$(basename "$WAV").windows.csv" "$WORK/out-new-$m/recordings/$(basename "$WAV").windows.csv"; then
    echo "$m: window probabilities identical between the builds"
  else
    python3 - "$WORK/out-old-$m/recordings/$(basename "$WAV").windows.csv" "$WORK/out-new-$m/recordings/$(basename "$WAV").windows.csv" "$m" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1]))); b = list(csv.reader(open(sys.argv[2])))
cols = [i for i, c in enumerate(a[0]) if c.startswith("p_")]
d = max(abs(float(x[i]) - float(y[i])) for x, y in zip(a[1:], b[1:]) for i in cols)
print(f"{sys.argv[3]}: {len(a) - 1} vs {len(b) - 1} windows, largest probability difference {d:.2e}")
PY
  fi
done
