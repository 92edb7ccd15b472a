#!/usr/bin/env bash
# The two small models the analyze benchmarks run, trained once into WORK (skipped when there):
# 48 two-second 256 kHz clips (tone / noise), the `origin` recipe at 256 kHz, then an image-only
# ResNet-18 (width 0.25) in WORK/image-only and a mask-guided x-attn one on soft proposal masks in
# WORK/mgc-proposal. Used by bench/analyze.sh and bench/analyze_spark.sh.
# usage: bash bench/bench_models.sh WORK
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:?usage: bench_models.sh WORK}
mkdir -p "$WORK"
[ -d "$WORK/ds" ] || python3 - "$WORK" <<'PY'
import os, sys, numpy as np, scipy.io.wavfile
work = sys.argv[1]
rate = 256_000
rng = np.random.default_rng(2)
t = np.arange(2 * rate) / rate
for label in ("tone", "noise"):
    os.makedirs(f"{work}/clips/{label}", exist_ok=True)
    for i in range(24):
        x = 0.05 * rng.standard_normal(t.size)
        if label == "tone":
            x += 0.1 * np.sin(2 * np.pi * rng.uniform(10_000, 60_000) * t)
        scipy.io.wavfile.write(f"{work}/clips/{label}/{i:02d}.wav", rate, (x * 32767).astype(np.int16))
PY
cat > "$WORK/t256.json" <<'JSON'
{"name": "origin-256k", "sample_rate": 256000, "window": "hann", "n_fft": 1024, "hop": 512, "center": true,
 "scale": "db", "db_floor": 1e-10, "top_db": 80.0, "fmax_hz": 128000, "output_height": 128, "output_width": 128,
 "normalisation": "imagenet"}
JSON
E=./echomask
if [ ! -d "$WORK/ds" ]; then
  $E dataset --folders "$WORK/clips" --transform "$WORK/t256.json" --out "$WORK/ds" --no-images
  $E masks propose --dataset "$WORK/ds" --preset soundscape
fi
[ -d "$WORK/image-only" ] || $E train --dataset "$WORK/ds" --mask none --width 0.25 --epochs 2 --batch-size 8 --out "$WORK/image-only"
[ -d "$WORK/mgc-proposal" ] || $E train --dataset "$WORK/ds" --mask soft --mask-source proposal --fusion xattn --width 0.25 \
  --epochs 2 --batch-size 8 --out "$WORK/mgc-proposal"
