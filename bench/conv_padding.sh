#!/usr/bin/env bash
# oneDNN's partial channel blocks, measured: JVMS fresh JVMs each run bench/java/ConvPaddingProbe.java
# (seeded forward + backward of small convolutions, plain float32 operator vs BlockedConv2d) and
# the table counts the distinct results per case. More than one distinct result for the same seed
# means uninitialised memory was read. Set ONEDNN_MAX_CPU_ISA=AVX2 to compare. docs/benchmarks.md.
# usage: JVMS=8 bash bench/conv_padding.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JVMS=${JVMS:-8}
[ -f echomask-app/target/echomask-app.jar ] || ./echomask --version >/dev/null
CP="echomask-app/target/echomask-app.jar:echomask-app/target/lib/*"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), ONEDNN_MAX_CPU_ISA=${ONEDNN_MAX_CPU_ISA:-unset}"
for i in $(seq 1 "$JVMS"); do
  java -Dai.djl.offline=true -cp "$CP" bench/java/ConvPaddingProbe.java 2>/dev/null | tail -1
done | python3 -c '
import sys, collections
runs = [l.split() for l in sys.stdin if l.strip()]
cases = collections.OrderedDict()
for run in runs:
    for i in range(0, len(run), 3):
        key = run[i] + " " + run[i + 1] + " " + run[i + 2].split("=")[0]
        cases.setdefault(key, []).append(run[i + 2].split("=")[1])
print(f"{len(runs)} JVMs; distinct results per convolution (1 = the same bits everywhere)")
for key, values in cases.items():
    c = collections.Counter(values)
    nan = c.get("nan", 0)
    print(f"  {key:22s} {len(c)} distinct" + (f", {nan} non-finite" if nan else ""))
'
