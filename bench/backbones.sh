#!/usr/bin/env bash
# Forward + backward cost of the default backbones and DeepLabV3 (batch 32, 1x128x128, CPU).
# Usage: bench/backbones.sh [iterations] [batch] [size] [names...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -DskipTests -pl echomask-core >/dev/null
mvn -B -q -o test-compile -pl echomask-ml >/dev/null
(cd echomask-ml && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null)
CP="echomask-ml/target/classes:echomask-ml/target/test-classes:$(cat echomask-ml/target/bench.classpath)"
MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=68719476736 MALLOC_TOP_PAD_=1073741824 \
  java -Dai.djl.offline=true -Xss4m -cp "$CP" org.echomask.nn.BackboneBench "$@"
