#!/usr/bin/env bash
# analyze on Spark, embedded: the same recordings analysed with --engine spark --master local[1] and
# local[2] (and the local engine for reference); prints wall times, the speed-up of local[2] over
# local[1], and checks that all three wrote the same files. Recordings: RECORDINGS x MINUTES of
# 256 kHz 16-bit noise with tones (numpy); model: MODEL, else an image-only ResNet-18 (width 0.25)
# trained here as bench/analyze.sh does. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/echomask-bench-spark}
RECORDINGS=${RECORDINGS:-4}
MINUTES=${MINUTES:-2}
MODEL=${MODEL:-$WORK/image-only}
mkdir -p "$WORK/recordings"
python3 - "$WORK" "$RECORDINGS" "$MINUTES" <<'PY'
import os, sys, numpy as np, scipy.io.wavfile
work, count, minutes = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
rate = 256_000
for i in range(count):
    path = f"{work}/recordings/2022010{1 + i // 24}_{i % 24:02d}0000.wav"
    if os.path.exists(path):
        continue
    n = int(rate * 60 * minutes)
    rng = np.random.default_rng(10 + i)
    t = np.arange(n) / rate
    on = (np.sin(2 * np.pi * t / (7 + i)) > 0.6)  # tones switch on and off
    x = 0.05 * rng.standard_normal(n) + 0.1 * on * np.sin(2 * np.pi * (15_000 + 5_000 * i) * t)
    scipy.io.wavfile.write(path, rate, (np.clip(x, -1, 1) * 32767).astype(np.int16))
PY
E=./echomask
[ -d "$MODEL" ] || { bash bench/bench_models.sh "$WORK"; MODEL=$WORK/image-only; }
$E analyze --engine spark --help > /dev/null  # builds echomask-spark once, outside the timings
echo "== $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $RECORDINGS recordings x $MINUTES min at 256 kHz, model $MODEL"
declare -A WALL
run() {  # name, then analyze's extra arguments
  local name=$1; shift
  rm -rf "$WORK/out-$name"
  local start end
  start=$(date +%s.%N)
  $E analyze --model "$MODEL" --in "$WORK/recordings" --out "$WORK/out-$name" "$@" 2>/dev/null | tail -1 | sed "s/^/$name: /"
  end=$(date +%s.%N)
  WALL[$name]=$(python3 -c "print(f'{float(\"$end\") - float(\"$start\"):.1f}')")
  echo "$name: ${WALL[$name]} s wall (JVM and Spark start included)"
}
run local
run spark-local1 --engine spark --master 'local[1]'
run spark-local2 --engine spark --master 'local[2]'
python3 -c "print(f'speed-up local[2] over local[1]: {float(\"${WALL[spark-local1]}\") / float(\"${WALL[spark-local2]}\"):.2f}x (wall)')"
for name in spark-local1 spark-local2; do
  # The same files as the local engine but for wall times: summary.html is skipped and the "seconds"
  # of recordings/*.json blanked (as SparkAnalysisTest.contents does); settings.json is compared too.
  if python3 - "$WORK/out-local" "$WORK/out-$name" <<'PY'
import os, re, sys
def contents(root):
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            rel = os.path.relpath(os.path.join(d, f), root)
            if rel == "summary.html":
                continue
            text = open(os.path.join(d, f), encoding="utf-8").read()
            if rel.startswith("recordings" + os.sep) and rel.endswith(".json"):
                text = re.sub(r'"seconds"\s*:\s*[0-9.eE+-]+', '"seconds":_', text)
            out[rel] = text
    return out
a, b = contents(sys.argv[1]), contents(sys.argv[2])
sys.exit(0 if a == b else 1)
PY
  then
    echo "$name: same files as the local engine"
  else
    echo "$name: FILES DIFFER from the local engine"; exit 1
  fi
done
