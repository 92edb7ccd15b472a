#!/usr/bin/env bash
# Training throughput, side by side on one machine: Echomask (DJL, the real trainer with prefetching
# loaders and per-batch scopes, random in-memory inputs) and the same networks in PyTorch-Python
# (Debian's python3-torch). Models: image-only ResNet-18 w0.25 ("none") and the MGC variants.
# Run on a quiet machine: two jobs on two cores slow both by 10-50x. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
MODELS=${MODELS:-"none concat gated xattn"}
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1 /proc/loadavg)"
echo "== Echomask ($(java -version 2>&1 | head -1))"
for m in $MODELS; do
  if [ "$m" = none ]; then ./echomask bench-training --mask none --examples 4096 --epochs 3;
  else ./echomask bench-training --mask soft --fusion "$m" --examples 4096 --epochs 3; fi
done
echo "== PyTorch-Python ($(/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)'))"
for m in $MODELS; do
  /usr/bin/python3 bench/train_torch.py --model "$m" --batch 32 --steps 200 --warmup 10 --threads 2
done
echo "== load after: $(cut -d' ' -f1 /proc/loadavg)"
