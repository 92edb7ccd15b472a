#!/usr/bin/env bash
# Front-end throughput: a 10-minute 256 kHz 16-bit WAV, decode -> STFT (n_fft 1024, hop 512) -> dB,
# Echomask vs raw JTransforms FFT on the same frames vs scipy.signal.stft. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
WAV=${1:-/tmp/echomask-bench-256k-10min.wav}
if [ ! -f "$WAV" ]; then
  python3 - "$WAV" <<'PY'
import sys, numpy as np, scipy.io.wavfile
rate, n = 256_000, 256_000 * 600
rng = np.random.default_rng(1)
t = np.arange(n) / rate
x = 0.05 * rng.standard_normal(n) + 0.2 * np.sin(2 * np.pi * 12_000 * t) + 0.1 * np.sin(2 * np.pi * (30_000 + 5_000 * np.sin(t)) * t)
scipy.io.wavfile.write(sys.argv[1], rate, (np.clip(x, -1, 1) * 32767).astype(np.int16))
PY
fi
mvn -B -q -o test-compile -pl echomask-core -am >/dev/null 2>&1 || mvn -B -q test-compile -pl echomask-core -am
(cd echomask-core && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null)
CP="echomask-core/target/classes:echomask-core/target/test-classes:$(cat echomask-core/target/bench.classpath)"
echo "== Echomask (Java $(java -version 2>&1 | head -1), $(nproc) cores)"
java -Xmx8g -cp "$CP" org.echomask.bench.FrontEndBench "$WAV" 1024 512 5
echo "== scipy $(python3 -c 'import scipy; print(scipy.__version__)')"
python3 bench/frontend_scipy.py "$WAV" 1024 512 3
