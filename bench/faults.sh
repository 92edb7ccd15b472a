#!/usr/bin/env bash
# Fault tests of the three long-running commands (issue 13): kill -9 at several points of
# `dataset`, `train` and `analyze`, then rerun (train: --resume) and compare with an uninterrupted
# run byte for byte; a full disk (a tiny tmpfs) and an unwritable output (a read-only tmpfs) for
# each command: the run must fail with exit != 0, a message saying what happened and no stack
# trace, and leave no half-written output where the result belongs.
# Usage: bash bench/faults.sh [WORK_DIR]
# The tmpfs parts need root (mount); they are reported as skipped otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
W=${1:-/tmp/echomask-faults}
umount "$W/full" "$W/ro" 2>/dev/null
rm -rf "$W"; mkdir -p "$W"
E=./echomask
PASS=0; FAIL=0; SKIP=0
ok()   { PASS=$((PASS + 1)); printf 'PASS  %s\n' "$*"; }
bad()  { FAIL=$((FAIL + 1)); printf 'FAIL  %s\n' "$*"; }
skip() { SKIP=$((SKIP + 1)); printf 'SKIP  %s\n' "$*"; }

# Digest of a dataset or analysis directory: every file's hash, minus what differs between any
# two runs by design: settings.json's start time, the HTML reports' clock, logs, and the wall time
# ("seconds") in each per-recording record of analyze.
digest() {
  (cd "$1" && find . -type f ! -name '*.html' ! -name 'settings.json' ! -name '*.log' -print0 | sort -z \
    | while IFS= read -r -d '' f; do
        printf '%s  %s\n' "$(grep -av '^  "seconds" : ' "$f" | sha256sum | cut -c1-64)" "$f"
      done)
}
# Polls `count` (a command printing a number) until it reaches $2 or process group $1 ends, then
# kill -9 the whole group (the launcher and its JVM). Prints how far the run had got.
kill_when() {
  local pid=$1 n=$2; shift 2
  while kill -0 "$pid" 2>/dev/null && [ "$("$@")" -lt "$n" ]; do sleep 0.1; done
  local reached; reached=$("$@")
  kill -9 -- -"$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  echo "$reached"
}
files() { find "$1" -path "$2" 2>/dev/null | wc -l; }
lines() { cat "$1" 2>/dev/null | wc -l; }
no_trace() { ! grep -q -E '^\s+at [a-z]+\.|Exception in thread' "$1"; }

echo "== inputs"
$E synth --clips 48 --duration 2 --seed 5 --out "$W/synth" > /dev/null || exit 1
DSA="--manifest $W/synth/manifest.csv --threads 2"
$E dataset $DSA --out "$W/ds" > /dev/null || exit 1
TRA="--dataset $W/ds --mask none --width 0.25 --epochs 6 --batch-size 16 --patience 0 --seed 3 --threads 2"
$E train $TRA --out "$W/model" > /dev/null 2>&1 || exit 1
ANA="--model $W/model --in $W/synth/audio --threads 2"
$E analyze $ANA --out "$W/an" > /dev/null 2>&1 || exit 1
ref_ds=$(digest "$W/ds"); ref_an=$(digest "$W/an")

echo "== kill -9, then rerun"
for n in 1 12 30; do
  setsid $E dataset $DSA --out "$W/dsk$n" > /dev/null 2>&1 & pid=$!
  got=$(kill_when "$pid" "$n" files "$W" "$W/.dsk$n*/arrays/*.npy")
  $E dataset $DSA --out "$W/dsk$n" > /dev/null 2>&1
  [ "$(digest "$W/dsk$n")" = "$ref_ds" ] && ok "dataset killed at $got arrays written, rerun identical" \
    || bad "dataset killed at $got arrays written: rerun differs"
done
for e in 1 2 3; do
  setsid $E train $TRA --out "$W/mk$e" > /dev/null 2>&1 & pid=$!
  got=$(kill_when "$pid" $((e + 1)) lines "$W/mk$e.run/metrics.csv")
  $E train $TRA --out "$W/mk$e" --resume > /dev/null 2>&1
  cmp -s "$W/model/weights.params" "$W/mk$e/weights.params" \
    && ok "train killed after $((got - 1)) epochs, --resume gives identical weights" \
    || bad "train killed after $((got - 1)) epochs: resumed weights differ"
done
for n in 1 10 30; do
  setsid $E analyze $ANA --out "$W/ank$n" > /dev/null 2>&1 & pid=$!
  got=$(kill_when "$pid" "$n" files "$W/ank$n" "$W/ank$n/recordings/*.json")
  $E analyze $ANA --out "$W/ank$n" > /dev/null 2>&1
  [ "$(digest "$W/ank$n")" = "$ref_an" ] && ok "analyze killed at $got recordings done, rerun identical" \
    || bad "analyze killed at $got recordings done: rerun differs"
done

# A command must fail (exit != 0), say why on stderr without a stack trace, and leave no result.
expect_failure() {
  local what=$1 out=$2 words=$3; shift 3
  "$@" > "$W/err.out" 2> "$W/err.txt"; local rc=$?
  local msg; msg=$(grep -m1 -i -E "$words" "$W/err.txt")
  if [ $rc -ne 0 ] && [ -n "$msg" ] && no_trace "$W/err.txt" && [ ! -e "$out/manifest.csv" ] \
     && [ ! -e "$out/model.json" ] && [ ! -e "$out/detections.selections.txt" ]; then
    ok "$what: exit $rc, \"$msg\""
  else
    bad "$what: exit $rc; stderr: $(head -c 300 "$W/err.txt" | tr '\n' ' ')"
  fi
}
echo "== disk full, unwritable output"
if [ "$(id -u)" = 0 ] && mkdir -p "$W/full" "$W/ro" && mount -t tmpfs -o size=300k tmpfs "$W/full" \
   && mount -t tmpfs -o ro,size=1m tmpfs "$W/ro"; then
  SPACE='space|disk|full'
  expect_failure "dataset on a full disk" "$W/full/ds" "$SPACE" $E dataset $DSA --out "$W/full/ds"
  rm -rf "$W/full"/* "$W/full"/.[!.]* 2>/dev/null
  expect_failure "train on a full disk" "$W/full/m" "$SPACE" $E train $TRA --out "$W/full/m"
  rm -rf "$W/full"/* "$W/full"/.[!.]* 2>/dev/null
  head -c 250k /dev/zero > "$W/full/filler"
  expect_failure "analyze on a full disk" "$W/full/an" "$SPACE" $E analyze $ANA --out "$W/full/an"
  RO='read-only|cannot write|not writable|permission'
  expect_failure "dataset into a read-only directory" "$W/ro/ds" "$RO" $E dataset $DSA --out "$W/ro/ds"
  expect_failure "train into a read-only directory" "$W/ro/m" "$RO" $E train $TRA --out "$W/ro/m"
  expect_failure "analyze into a read-only directory" "$W/ro/an" "$RO" $E analyze $ANA --out "$W/ro/an"
  umount "$W/full" "$W/ro"
else
  skip "disk full and read-only output need root (mount -t tmpfs)"
fi
echo "== $PASS passed, $FAIL failed, $SKIP skipped"
[ $FAIL -eq 0 ]
