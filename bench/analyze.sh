#!/usr/bin/env bash
# analyze throughput: a long 256 kHz 16-bit WAV (the front-end benchmark's file) analysed end to end
# (decode -> 2-s windows every 1 s -> STFT n_fft 1024 / hop 512 -> dB -> 128x128 -> network -> outputs)
# by two small models trained here on 256 kHz clips: an image-only ResNet-18 (width 0.25) and a
# mask-guided one on proposal masks (the proposer runs on every window). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
WAV=${1:-/tmp/echomask-bench-256k-10min.wav}
WORK=${WORK:-/tmp/echomask-bench-analyze}
MINUTES=${MINUTES:-10}
mkdir -p "$WORK"
python3 - "$WAV" "$MINUTES" <<'PY'
import os, struct, sys, numpy as np
wav, minutes = sys.argv[1], int(sys.argv[2])
rate = 256_000
if not os.path.exists(wav):  # the same signal as bench/frontend.sh, written a minute at a time
    n = rate * 60 * minutes
    rng = np.random.default_rng(1)
    with open(wav + ".tmp", "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 36 + 2 * n) + b"WAVE" + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, 2 * rate, 2, 16)
                + b"data" + struct.pack("<I", 2 * n))
        for start in range(0, n, rate * 60):
            t = (start + np.arange(min(rate * 60, n - start))) / rate
            x = 0.05 * rng.standard_normal(t.size) + 0.2 * np.sin(2 * np.pi * 12_000 * t) + 0.1 * np.sin(2 * np.pi * (30_000 + 5_000 * np.sin(t)) * t)
            f.write((np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())
    os.replace(wav + ".tmp", wav)
PY
bash bench/bench_models.sh "$WORK"
E=./echomask
echo "== $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for m in image-only mgc-proposal; do
  rm -rf "$WORK/out-$m"
  start=$(date +%s.%N)
  $E analyze --model "$WORK/$m" --in "$WAV" --out "$WORK/out-$m" 2>/dev/null
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'$m: {s:.1f} s wall (JVM start included), {n/s/1e6:.1f} Msamples/s, {n/256000/s:.1f}x real time')" \
    "$start" "$end" "$(python3 -c "import scipy.io.wavfile as w, sys; r, x = w.read(sys.argv[1], mmap=True); print(len(x))" "$WAV")"
done
