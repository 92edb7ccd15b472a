#!/usr/bin/env bash
# Issue 13, item 11: the launcher's JVM stops promptly when it runs out of memory and when it gets
# SIGTERM. Not a unit test (it needs the built application and a few hundred MB): run by hand,
#   bench/sigterm_oom.sh [recording.wav]
# It prints the exit code and seconds of each case and fails when one takes longer than LIMIT_S.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WAV="${1:-/work/shared/data/fixtures/humpback_2khz_299s.wav}"
LIMIT_S="${LIMIT_S:-10}"
if [ ! -f "$WAV" ]; then
  echo "skipped: no recording at $WAV (give one as the first argument)" >&2
  exit 0
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$ROOT/echomask" --version >/dev/null # builds the application first if needed

fail=0
check() { # name, rc, seconds
  echo "$1: exit $2 after $3 s"
  if awk -v s="$3" -v l="$LIMIT_S" 'BEGIN { exit !(s > l) }'; then echo "  FAIL: over $LIMIT_S s"; fail=1; fi
}

# 1. Out of memory: a spectrogram under the grid limit but far over a 128 MiB heap.
start=$(date +%s.%N)
set +e
ECHOMASK_JAVA_OPTS=-Xmx128m "$ROOT/echomask" spectrogram "$WAV" --n-fft 1024 --hop 4 --out "$OUT/s.npy" \
  >"$OUT/oom.out" 2>&1
rc=$?
set -e
check "out of memory (expect 3, 'Terminating due to java.lang.OutOfMemoryError')" "$rc" \
  "$(echo "$(date +%s.%N) - $start" | bc)"
grep -m1 -i "outofmemory\|out of memory" "$OUT/oom.out" || { echo "  FAIL: no out-of-memory message"; fail=1; }

# 2. SIGTERM in the middle of a long computation (a heavy spectrogram with room to run).
"$ROOT/echomask" spectrogram "$WAV" --n-fft 1024 --hop 2 --out "$OUT/t.npy" >"$OUT/term.out" 2>&1 &
pid=$!
sleep 3
start=$(date +%s.%N)
kill -TERM "$pid" 2>/dev/null || true
set +e
wait "$pid"
rc=$?
set -e
check "SIGTERM (expect 143, or 0 if it finished first)" "$rc" "$(echo "$(date +%s.%N) - $start" | bc)"
exit $fail
