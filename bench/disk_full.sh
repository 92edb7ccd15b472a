#!/usr/bin/env bash
# Disk full during `echomask dataset` (issue 13, item 4): builds a dataset onto a tmpfs too small
# for it. Expected: exit code 1, one "echomask:" line naming the file and "No space left on
# device", nothing left on the full disk (no half dataset, no .ds.building/), and, when a smaller
# dataset was there before, that dataset unchanged. Needs root (mounts a tmpfs).
#   bench/disk_full.sh            # 24 synthetic clips; CLIPS=... to change
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EM="$ROOT/echomask"
CLIPS="${CLIPS:-24}"
WORK="$(mktemp -d /tmp/echomask-diskfull.XXXXXX)"
MNT="$WORK/disk"
mkdir -p "$MNT"
cleanup() { mountpoint -q "$MNT" && umount "$MNT"; rm -rf "$WORK"; }
trap cleanup EXIT

"$EM" synth --out "$WORK/corpus" --clips "$CLIPS" --seed 7 --duration 1 > /dev/null 2>&1
"$EM" dataset --manifest "$WORK/corpus/manifest.csv" --out "$WORK/reference" --transform origin > /dev/null 2>&1
full_kb=$(du -sk "$WORK/reference" | cut -f1)
size_kb=$(( full_kb / 2 ))
mount -t tmpfs -o size=${size_kb}k tmpfs "$MNT"
echo "full dataset: ${full_kb} KiB; tmpfs: ${size_kb} KiB"

fail=0
check() { if eval "$2"; then echo "  ok:   $1"; else echo "  FAIL: $1"; fail=1; fi; }

echo "1. first build onto the full disk"
set +e
"$EM" dataset --manifest "$WORK/corpus/manifest.csv" --out "$MNT/ds" --transform origin > "$WORK/out1" 2> "$WORK/err1"
code=$?
set -e
echo "  exit $code; stderr: $(grep -v '^\s*$' "$WORK/err1" | grep -v '%' | tail -n 1)"
check "exit code 1" "[ $code -eq 1 ]"
check "message says no space left" "grep -q 'No space left on device' '$WORK/err1'"
check "nothing left on the disk" "[ -z \"\$(ls -A '$MNT')\" ]"

echo "2. a small dataset fits, then a rebuild with all clips does not"
head -n $(( CLIPS / 6 + 1 )) "$WORK/corpus/manifest.csv" > "$WORK/corpus/small.csv"
"$EM" dataset --manifest "$WORK/corpus/small.csv" --out "$MNT/ds" --transform origin > /dev/null 2>&1
before=$(cd "$MNT/ds" && find . -type f | sort | xargs sha256sum | sha256sum)
set +e
"$EM" dataset --manifest "$WORK/corpus/manifest.csv" --out "$MNT/ds" --transform origin > "$WORK/out2" 2> "$WORK/err2"
code=$?
set -e
echo "  exit $code; stderr: $(grep -v '^\s*$' "$WORK/err2" | grep -v '%' | tail -n 1)"
after=$(cd "$MNT/ds" && find . -type f | sort | xargs sha256sum | sha256sum)
check "exit code 1" "[ $code -eq 1 ]"
check "the small dataset is unchanged" "[ '$before' = '$after' ]"
check "no .ds.building/ or .ds.old/ left" "[ \"\$(ls -A '$MNT')\" = ds ]"
check "errors.csv blames no recording" "[ \$(wc -l < '$MNT/ds/errors.csv') -eq 1 ]"
df -k "$MNT" | tail -n 1 | awk '{print "  tmpfs after: " $3 " KiB used of " $2}'
[ $fail -eq 0 ] && echo "disk_full: PASS" || { echo "disk_full: FAIL"; exit 1; }
