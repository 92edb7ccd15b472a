#!/usr/bin/env bash
# Memory of analyze over one long recording: a 2-hour, 384 kHz, 16-bit mono RF64 WAV (5.5 GB, written in
# chunks so the generator itself stays small) analysed with a model from bench/analyze.sh (trained
# at 256 kHz: the recording is resampled on the fly). Prints the peak Java heap after GC (from the
# GC log), the process's maximum RSS and the wall time. Results: docs/benchmarks.md.
# usage: MODEL=/tmp/echomask-bench-analyze/image-only bash bench/analyze_long.sh [WAV]
set -euo pipefail
cd "$(dirname "$0")/.."
WAV=${1:-/tmp/echomask-bench-384k-2h.wav}
MODEL=${MODEL:?set MODEL to a classifier package, e.g. the image-only one bench/analyze.sh trains}
HOURS=${HOURS:-2}
OUT=${OUT:-/tmp/echomask-bench-analyze-long}
python3 - "$WAV" "$HOURS" <<'PY'
import os, struct, sys, numpy as np
wav, hours = sys.argv[1], float(sys.argv[2])
rate = 384_000
n = int(rate * 3600 * hours)
if os.path.exists(wav) and os.path.getsize(wav) == 80 + 2 * n:
    sys.exit(0)
rng = np.random.default_rng(3)
with open(wav + ".tmp", "wb") as f:
    # RF64 (EBU Tech 3306): 5.5 GB is past the 4 GiB a RIFF size field can hold.
    data = 2 * n
    f.write(b"RF64" + struct.pack("<I", 0xFFFFFFFF) + b"WAVE"
            + b"ds64" + struct.pack("<IQQQI", 28, 4 + 36 + 24 + 8 + data, data, n, 0)
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, 2 * rate, 2, 16)
            + b"data" + struct.pack("<I", 0xFFFFFFFF))
    chunk = rate * 60
    for start in range(0, n, chunk):
        t = (start + np.arange(min(chunk, n - start))) / rate
        on = (t % 20) < 5  # a 20 kHz tone 5 s of every 20 s, over noise
        x = 0.05 * rng.standard_normal(t.size) + on * 0.1 * np.sin(2 * np.pi * 20_000 * t)
        f.write((np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())
os.replace(wav + ".tmp", wav)
PY
rm -rf "$OUT"
mkdir -p "$OUT"
export ECHOMASK_JAVA_OPTS="-Xmx8g -Xlog:gc:file=$OUT/gc.log"
/usr/bin/time -v -o "$OUT/time.txt" ./echomask analyze --model "$MODEL" --in "$WAV" --out "$OUT/run" | tail -3
python3 - "$OUT" <<'PY'
import re, sys
out = sys.argv[1]
before = after = committed = 0
for line in open(f"{out}/gc.log"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        before, after, committed = (max(before, int(m.group(1))), max(after, int(m.group(2))),
                                    max(committed, int(m.group(3))))
time = open(f"{out}/time.txt").read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", time).group(1)
print(f"heap: peak in use {before} MiB (at a GC), peak live after GC {after} MiB, peak committed {committed} MiB; "
      f"max RSS {rss / 1024:.0f} MiB; wall {wall}")
PY
