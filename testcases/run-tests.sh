#!/bin/bash
# Run lockscope's testcases, sparse-validation style.
#
# Each testcase is a .c file (or a directory holding a test.c and more .c
# files: a whole-tree case, checked file by file and then by "lockscope
# report") whose trailing comment says what to expect:
#
#   check-name: what the test is about
#   check-command: lockscope -Iinclude $file      (the default; $FACTS is
#                                                 the test's facts directory)
#   check-exit-value: 0                           (the default)
#   check-known-to-fail                           (a documented limitation)
#   check-error-start
#   file.c:3:9: warning: ... [lockscope/double-lock]
#   check-error-end
#   check-output-start / check-output-end         (stdout, if any)
#
# The expected stderr must match exactly; no error block means silence.
# Usage: run-tests.sh [-v] [LOCKSCOPE-BINARY] [TESTCASE...]
# The last line printed is "N passed, N failed".

set -u

verbose=0
if [ "${1:-}" = "-v" ]; then
	verbose=1
	shift
fi
here=$(cd "$(dirname "$0")" && pwd)
lockscope=$(realpath "${1:-$here/../lockscope}")
shift || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Print the lines between "check-$1-start" and "check-$1-end".
block() {
	awk -v start="check-$1-start" -v end="check-$1-end" '
		index($0, end) { on = 0 }
		on { print }
		index($0, start) { on = 1 }
	' "$2"
}

tag() {
	sed -n "s/^[ *]*check-$1: *//p" "$2" | head -n 1
}

passed=0
failed=0
known=0
unexpected=0

run_one() {
	local test=$1 file dir name cmd want_exit exit_code
	if [ -d "$test" ]; then
		file=test.c
		dir=$test
	else
		file=$(basename "$test")
		dir=$(dirname "$test")
	fi
	local spec="$dir/$file"
	name=$(tag name "$spec")
	[ -n "$name" ] || name=$test
	cmd=$(tag command "$spec")
	if [ -z "$cmd" ]; then
		if [ -d "$test" ]; then
			# a whole tree: check every file, then the whole-tree step
			cmd='lockscope -I../include --no-sparse-warnings *.c && lockscope report'
		else
			cmd='lockscope -Iinclude $file'
		fi
	fi
	want_exit=$(tag exit-value "$spec")
	[ -n "$want_exit" ] || want_exit=0

	block error "$spec" > "$tmp/want.err"
	block output "$spec" > "$tmp/want.out"
	# $file and $dir are the test's; "lockscope" is the binary under test
	cmd=${cmd//\$file/$file}
	cmd=$(printf '%s' "$cmd" | sed "s#^lockscope #$lockscope #; s#| *lockscope #| $lockscope #g; s#&& *lockscope #\\&\\& $lockscope #g; s#; *lockscope #; $lockscope #g; s#; do *lockscope #; do $lockscope #g")
	# every test gets its own facts directory, outside the testcases
	rm -rf "$tmp/facts" "$tmp/facts".*
	(cd "$dir" && LOCKSCOPE_FACTS_DIR="$tmp/facts" FACTS="$tmp/facts" eval "$cmd") \
		> "$tmp/got.out" 2> "$tmp/got.err"
	exit_code=$?

	local ok=1
	cmp -s "$tmp/want.err" "$tmp/got.err" || ok=0
	cmp -s "$tmp/want.out" "$tmp/got.out" || ok=0
	[ "$exit_code" = "$want_exit" ] || ok=0

	if grep -q "check-known-to-fail" "$spec"; then
		if [ $ok = 1 ]; then
			echo "UNEXPECTED PASS  $test: $name (remove check-known-to-fail)"
			unexpected=$((unexpected + 1))
			failed=$((failed + 1))
		else
			[ $verbose = 1 ] && echo "known to fail    $test: $name"
			known=$((known + 1))
			passed=$((passed + 1))
		fi
		return
	fi
	if [ $ok = 1 ]; then
		[ $verbose = 1 ] && echo "PASS             $test: $name"
		passed=$((passed + 1))
		return
	fi
	echo "FAIL             $test: $name"
	[ "$exit_code" = "$want_exit" ] ||
		echo "    exit status $exit_code, expected $want_exit"
	diff -u --label expected --label actual "$tmp/want.err" "$tmp/got.err" | sed 's/^/    /'
	diff -u --label expected-stdout --label actual-stdout "$tmp/want.out" "$tmp/got.out" | sed 's/^/    /'
	failed=$((failed + 1))
}

cd "$here" || exit 2
if [ $# -gt 0 ]; then
	tests=("$@")
else
	mapfile -t tests < <(find . -path ./include -prune -o \
		\( -name '*.c' -not -path '*/*/*.c' -print \) -o \
		\( -mindepth 1 -maxdepth 1 -type d -exec test -f '{}/test.c' ';' -print \) |
		sed 's#^\./##' | sort)
fi
for t in "${tests[@]}"; do
	run_one "$t"
done
[ $known -gt 0 ] && echo "($known known to fail, counted as passed: see the README's limitations)"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
