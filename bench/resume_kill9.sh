#!/usr/bin/env bash
# kill -9 a training run after its 2nd epoch, resume it with --resume, and compare with an
# uninterrupted run of the same seed: metrics and weights must be byte-identical.
# Usage: bash bench/resume_kill9.sh DATASET_DIR [WORK_DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
DS=$1; W=${2:-/tmp/echomask-kill9}; rm -rf "$W"; mkdir -p "$W"
A="--dataset $DS --mask none --epochs 5 --batch-size 32 --lr 2e-3 --patience 0 --seed 3"
./echomask train $A --out "$W/full" > /dev/null 2>&1
./echomask train $A --out "$W/killed" > /dev/null 2>&1 &
while [ "$(wc -l < "$W/killed.run/metrics.csv" 2>/dev/null || echo 0)" -lt 3 ]; do sleep 0.5; done
sleep 2; pkill -9 -f "out $W/killed"; wait
echo "killed with kill -9 after $(($(wc -l < "$W/killed.run/metrics.csv") - 1)) epochs"
./echomask train $A --out "$W/killed" --resume > /dev/null 2>&1
diff <(cut -d, -f1-5 "$W/full.run/metrics.csv") <(cut -d, -f1-5 "$W/killed.run/metrics.csv") && echo "metrics IDENTICAL"
cmp "$W/full/weights.params" "$W/killed/weights.params" && echo "weights IDENTICAL"
