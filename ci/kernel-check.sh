#!/bin/sh
# Usage: kernel-check.sh CHECKER DIR...
#
# Run CHECKER through kbuild (make -k C=2 CHECK=...) over DIRs of the
# prepared kernel tree, e.g.
#     kernel-check.sh ./lockscope net/ipv6/ drivers/net/ethernet/mellanox/mlx5/core/
# and decide whether it coped with real kernel code.  FAIL (exit 1) when, on
# any file, the checker crashed, aborted, hung, exited non-zero, reported a
# sanitizer error, or could not parse the file (file:line:col: error:); also
# when kbuild itself failed or no file was checked.  Prints the number of
# files checked, lockscope warnings by check, and each failure.
#
# Environment:
#   LOCKSCOPE_KERNEL         tree to build in (default: from kernel-setup.sh)
#   LOCKSCOPE_CHECK_LOG_DIR  logs (default $cache/check/<tree name>); holds
#                            make.log, checker.log and files/<file>.{log,rc}
#   LOCKSCOPE_CHECK_TIMEOUT  seconds per file before the checker counts as
#                            hung (default 600)
#   CF                       extra checker flags; kbuild passes them on
set -eu
export LC_ALL=C

die() { echo "kernel-check: $*" >&2; exit 1; }

[ $# -ge 2 ] || die "usage: kernel-check.sh CHECKER DIR..."
ci=$(cd "$(dirname "$0")" && pwd)
cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}

checker=$1; shift
case $checker in
*/*) ;;
*) checker=$(command -v "$checker") || die "$checker: checker not found in PATH" ;;
esac
[ -f "$checker" ] && [ -x "$checker" ] || die "$checker: checker is not an executable file"
checker=$(cd "$(dirname "$checker")" && pwd)/$(basename "$checker")

tree=${LOCKSCOPE_KERNEL:-$(sh "$ci/kernel-setup.sh" | tail -n 1)}
[ -f "$tree/.config" ] && [ -f "$tree/include/generated/autoconf.h" ] ||
	die "$tree is not a prepared kernel tree (run ci/kernel-setup.sh)"

targets=
for d; do
	d=${d#./}
	if [ -d "$tree/$d" ]; then
		targets="$targets ${d%/}/"
	else
		die "$d: no such directory in $tree"
	fi
done

log=${LOCKSCOPE_CHECK_LOG_DIR:-$cache/check/$(basename "$tree")}
case $log in /*) ;; *) log=$(pwd)/$log ;; esac

# One build at a time per tree (kernel-worktree.sh copies under this lock).
exec 9<"$tree"
flock 9

rm -rf "$log"
mkdir -p "$log/files"

echo "  CHECK   $checker on$targets"
echo "          tree $tree"
start=$(date +%s)
make_rc=0
# shellcheck disable=SC2086
LOCKSCOPE_CHECKER=$checker LOCKSCOPE_CHECK_LOG=$log \
LOCKSCOPE_CHECK_TIMEOUT=${LOCKSCOPE_CHECK_TIMEOUT:-600} \
	make -C "$tree" -k -j"$(nproc)" C=2 CHECK="sh $ci/kernel-check-one.sh" \
	$targets >"$log/make.log" 2>&1 || make_rc=$?
elapsed=$(( $(date +%s) - start ))

# Judge every checked file; failures are collected in failures.txt.
crash_re='ERROR: [A-Za-z]*Sanitizer|runtime error:|^Segmentation fault|^Aborted'
error_re='^[^ :]+:[0-9]+:[0-9]+: error:'
: >"$log/failures.txt"
nfiles=0
for rc_file in $(cd "$log/files" && find . -name '*.rc' | sort); do
	nfiles=$((nfiles + 1))
	f=${rc_file#./}; f=${f%.rc}
	out=$log/files/$f.log
	rc=$(cat "$log/files/$rc_file")
	why=
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		why="hung: killed after ${LOCKSCOPE_CHECK_TIMEOUT:-600}s"
	elif [ "$rc" -gt 128 ]; then
		why="killed by signal $((rc - 128)) ($(kill -l $((rc - 128)) 2>/dev/null || echo '?'))"
	elif [ "$rc" -ne 0 ]; then
		why="exit status $rc"
	fi
	grep -Eq "$crash_re" "$out" && why="${why:+$why; }crash report in its output"
	grep -Eq "$error_re" "$out" && why="${why:+$why; }parse errors"
	[ -z "$why" ] && continue
	{
		echo "    $f: $why"
		grep -E "$crash_re|$error_re" "$out" | head -n 3 | sed 's/^/        /'
	} >>"$log/failures.txt"
done

# All the checker's output in one place, in file order.
(cd "$log/files" && find . -name '*.log' | sort | xargs -r cat) >"$log/checker.log"

nfail=$(grep -c '^    [^ ]' "$log/failures.txt" || true)
nwarn=$(grep -c '\[lockscope/' "$log/checker.log" || true)

echo "  files checked:      $nfiles in ${elapsed}s"
empty=
for t in $targets; do
	n=$(find "$log/files/$t" -name '*.rc' 2>/dev/null | wc -l)
	echo "      $n $t"
	[ "$n" -gt 0 ] || empty="$empty $t"
done
echo "  lockscope warnings: $nwarn"
grep -o '\[lockscope/[^]]*\]' "$log/checker.log" | sort | uniq -c | sort -rn |
	sed 's/^ */      /; s/\[\(lockscope\/[^]]*\)\]/\1/'
echo "  logs:               $log/{checker,make}.log"

result=PASS
if [ "$nfail" -gt 0 ]; then
	echo "  checker failed on $nfail file(s):"
	cat "$log/failures.txt"
	result=FAIL
fi
if [ "$make_rc" -ne 0 ]; then
	echo "  kbuild failed (make exit $make_rc); from make.log:"
	grep -E 'error|Error' "$log/make.log" | head -n 10 | sed 's/^/      /'
	result=FAIL
fi
if [ -n "$empty" ]; then
	# e.g. a directory that kbuild does not descend into by itself
	echo "  no file was checked in:$empty (see make.log)"
	result=FAIL
fi
echo "kernel-check: $result"
[ $result = PASS ]
