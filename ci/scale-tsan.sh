#!/bin/sh
# Usage: scale-tsan.sh LOCKSCOPE LOCKSCOPE_TSAN
#
# The whole-tree step's threads (the summaries' helper, the block filler
# and its idle-priority twin, the checks beside the summaries) race only
# at size: the testcases are too small for the helper to take an SCC
# while the main thread makes another.  So: synthetic facts of a quarter
# of a kernel (ci/gen-facts.py, the medium size of bench-scale.sh),
# "lockscope report" under ThreadSanitizer with every thread, and its
# findings compared with one thread's (LOCKSCOPE --jobs=1): the threads
# must not change what is found.  Prints "N passed, N failed".
set -u
[ $# -eq 2 ] || { echo "usage: $0 LOCKSCOPE LOCKSCOPE_TSAN" >&2; exit 2; }
plain=$1
tsan=$2
ci=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$ci")
work=$(mktemp -d "${TMPDIR:-/tmp}/lockscope-scale-tsan.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

result() {
	if [ "$1" = ok ]; then
		passed=$((passed + 1))
		echo "PASS: $2"
	else
		failed=$((failed + 1))
		echo "FAIL: $2"
	fi
}

if ! python3 "$ci/gen-facts.py" --functions 125000 --edges 1250000 --classes 25000 \
	--seed 1 --out "$work/facts" 2>"$work/gen.log"; then
	cat "$work/gen.log"
	echo "0 passed, 1 failed"
	exit 1
fi

TSAN_OPTIONS=halt_on_error=1 "$tsan" report --stats --rules="$repo/rules" \
	--facts-dir="$work/facts" >"$work/tsan.out" 2>"$work/tsan.err"
rc=$?
if grep -q 'WARNING: ThreadSanitizer' "$work/tsan.err" || [ "$rc" -gt 1 ]; then
	sed -n '/WARNING: ThreadSanitizer/,/^SUMMARY/p' "$work/tsan.err" | head -n 80
	tail -n 5 "$work/tsan.err"
	result fail "medium synthetic facts under ThreadSanitizer (exit $rc)"
else
	result ok "medium synthetic facts under ThreadSanitizer: no race"
fi

"$plain" report --jobs=1 --rules="$repo/rules" --facts-dir="$work/facts" \
	>"$work/one.out" 2>"$work/one.err"
grep -v '^lockscope report:' "$work/tsan.err" >"$work/tsan.findings"
grep -v '^lockscope report:' "$work/one.err" >"$work/one.findings"
n=$(grep -c 'warning:' "$work/one.findings")
if [ "$n" -gt 0 ] && cmp -s "$work/tsan.findings" "$work/one.findings" &&
	cmp -s "$work/tsan.out" "$work/one.out"; then
	result ok "every thread finds what one thread finds ($n findings)"
else
	diff "$work/one.findings" "$work/tsan.findings" | head -n 20
	result fail "the threaded findings differ from one thread's ($n findings)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
