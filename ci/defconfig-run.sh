#!/bin/sh
# Usage: defconfig-run.sh [--summary | --resume]
#
# A measurement, not a test (not part of make check): lockscope over every
# file of the kernel build, once, then "lockscope report" on all the facts.
# The build is the cached tree of kernel-setup.sh: x86_64 defconfig plus
# IPV6 and MLX5 ("our defconfig").  It runs in a fresh hard-linked copy
# (kernel-worktree.sh defconfig), never in the pristine tree:
#
#   make -k -j$(nproc) C=2 CHECK="sh kernel-check-one.sh" (default target)
#
# with defconfig-cc.sh first in PATH as "gcc": kernel objects are only
# preprocessed (for kbuild's dependency files) and left empty, so the
# checker, not gcc, is what takes the time.  Objects that later steps need
# for real (vmlinux, the vDSO, the real-mode blob, modpost) fail to link;
# make -k goes on, and the few files generated from them are not checked.
#
# Prints, and writes to $out/summary.txt: files checked, the wall time of
# the run and the checker's summed time and peak memory, crashes (signals,
# sanitizer reports, hangs), files with parse errors (each listed), other
# non-zero exits, warnings per check from the per-file runs, and "lockscope
# report" on all the facts: its wall time, peak RSS and findings per check.
# --summary only re-reads the logs of an earlier (or still running) run.
# --resume continues a stopped run with its own copy of the checker: files
# already checked are skipped (those whose checker the stop killed are
# checked again), and the run's wall time is the sum of its parts.
# A file with errors is checked again with Debian's sparse through kbuild:
# errors that sparse prints as well are the tree's, not lockscope's.
#
# The checker is a copy of ./lockscope (or $LOCKSCOPE) and its rules/ taken
# at the start,
# so rebuilding the repository does not disturb a run.  Run it niced:
#   nice -n 19 sh ci/defconfig-run.sh
#
# Environment:
#   LOCKSCOPE                the lockscope binary (default: ./lockscope)
#   LOCKSCOPE_CHECK_TIMEOUT  seconds per file before it counts as hung (600)
set -eu
export LC_ALL=C

die() { echo "defconfig-run: $*" >&2; exit 1; }

ci=$(cd "$(dirname "$0")" && pwd)
cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
out=$cache/defconfig
log=$out/check

# Errors in a file are lockscope's to explain only if Debian's sparse, run
# by kbuild on the same object, does not print them too: prints which.
sparse_verdict() {
	[ -x /usr/bin/sparse ] || { echo "(no /usr/bin/sparse to compare)"; return; }
	sparse_log=$out/sparse/$1.log
	mkdir -p "$(dirname "$sparse_log")"
	make -C "$tree" -s C=2 CHECK=/usr/bin/sparse "${1%.c}.o" >"$sparse_log" 2>&1 || :
	grep -E "$error_re" "$2" | sort -u >"$sparse_log.ours"
	grep -E "$error_re" "$sparse_log" | sort -u >"$sparse_log.theirs"
	only_ours=$(comm -23 "$sparse_log.ours" "$sparse_log.theirs" | wc -l)
	if [ "$only_ours" -eq 0 ]; then
		echo "Debian's sparse prints the same errors (the tree's own)"
	else
		echo "$only_ours error(s) that Debian's sparse does not print"
	fi
}

summary() {
	crash_re='ERROR: [A-Za-z]*Sanitizer|runtime error:|^Segmentation fault|^Aborted'
	error_re='^[^ :]+:[0-9]+:[0-9]+: error:'
	finding_re=': (warning|error): .*\[lockscope/[^]]*\]$'
	nfiles=0 ncrash=0 nparse=0 nexit=0
	: >"$out/crashes.txt"
	: >"$out/parse-errors.txt"
	: >"$out/exits.txt"
	for rc_file in $(cd "$log/files" && find . -name '*.rc' | sort); do
		nfiles=$((nfiles + 1))
		f=${rc_file#./}; f=${f%.rc}
		flog=$log/files/$f.log
		rc=$(cat "$log/files/$rc_file")
		if [ "$rc" -eq 124 ] || [ "$rc" -gt 128 ] ||
		   grep -Eq "$crash_re" "$flog"; then
			ncrash=$((ncrash + 1))
			echo "$f: exit $rc" >>"$out/crashes.txt"
			grep -E "$crash_re" "$flog" | head -n 3 | sed 's/^/    /' >>"$out/crashes.txt"
		elif grep -Eq "$error_re" "$flog"; then
			nparse=$((nparse + 1))
			echo "$f: $(sparse_verdict "$f" "$flog")" >>"$out/parse-errors.txt"
			grep -E "$error_re" "$flog" | head -n 3 | sed 's/^/    /' >>"$out/parse-errors.txt"
		elif [ "$rc" -ne 0 ]; then
			nexit=$((nexit + 1))
			{ echo "$f: exit $rc"; tail -n 3 "$flog" | sed 's/^/    /'; } >>"$out/exits.txt"
		fi
	done
	(cd "$log/files" && find . -name '*.log' | sort | xargs -r cat) >"$log/checker.log"
	(cd "$log/files" && find . -name '*.time' | sort | xargs -r cat) >"$out/times.txt"

	{
		echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs; tree $tree"
		echo "# checker: $checker_note"
		[ -f "$out/make.time" ] &&
			echo "run (make -k -j$(nproc) C=2, wall):  $(cut -d' ' -f1 "$out/make.time") s in $(cut -d' ' -f2- "$out/make.time") part(s)" ||
			echo "run: still going (or stopped early)"
		awk '{ w += $1; u += $2; if ($3 > m) m = $3; n++ }
		     END { printf "checker, summed over %d files: %.0f s wall, %.0f s user; max %.0f s on one file; peak RSS %.0f MB\n",
			   n, w, u, mx, m / 1024 }
		     { if ($1 > mx) mx = $1 }' "$out/times.txt"
		echo "files checked:  $nfiles"
		echo "crashes:        $ncrash"
		cat "$out/crashes.txt"
		echo "parse errors:   $nparse"
		cat "$out/parse-errors.txt"
		echo "other non-zero: $nexit"
		cat "$out/exits.txt"
		echo "per-file warnings: $(grep -c '\[lockscope/' "$log/checker.log" || true)"
		grep -o '\[lockscope/[^]]*\]' "$log/checker.log" | sort | uniq -c | sort -rn |
			sed 's/^ */    /; s/\[\(lockscope\/[^]]*\)\]/\1/'
	} >"$out/summary.txt"

	facts=$(find "$out/facts" -name '*.facts' 2>/dev/null | wc -l)
	rm -f "$out/report.time"
	/usr/bin/time -f '%e %M' -o "$out/report.time" \
		"$checker" report --facts-dir="$out/facts" --stats \
		>"$out/report.log" 2>&1 || echo "report: exit $?" >>"$out/summary.txt"
	read -r rwall rrss <"$out/report.time" || :
	{
		echo "lockscope report on $facts facts files ($(du -sh "$out/facts" | cut -f1)): $rwall s, peak RSS $((${rrss:-0} / 1024)) MB"
		grep '^lockscope report: ' "$out/report.log" | sed 's/^/    /'
		# a finding's line, not a note folded into it ("the same bug, also")
		echo "report findings: $(grep -Ec "$finding_re" "$out/report.log" || true)"
		grep -E "$finding_re" "$out/report.log" | grep -o '\[lockscope/[^]]*\]' |
			sort | uniq -c | sort -rn |
			sed 's/^ */    /; s/\[\(lockscope\/[^]]*\)\]/\1/'
	} >>"$out/summary.txt"
	cat "$out/summary.txt"
}

if [ "${1:-}" = --summary ]; then
	[ -d "$log/files" ] || die "no earlier run in $out"
	tree=$(cat "$out/tree")
	checker=$out/lockscope
	checker_note=$(cat "$out/checker-note")
	summary
	exit 0
fi

# A part of the run's wall time, from time(1): killed with the run, it
# writes none, and the part counts as not timed ("-").
record_part() {
	grep -E '^[0-9.]+$' "$out/make.time.tmp" >>"$out/make.parts" ||
		echo "-" >>"$out/make.parts"
	rm -f "$out/make.time.tmp"
}

checker=$out/lockscope
if [ "${1:-}" = --resume ]; then
	[ -x "$checker" ] && [ -d "$log/files" ] || die "no earlier run to resume in $out"
	checker_note=$(cat "$out/checker-note")
	[ -f "$out/make.time.tmp" ] && record_part
	rm -f "$out/make.time"
	export LOCKSCOPE_CHECK_RESUME=1
	echo "  DEFCONFIG resuming: $(find "$log/files" -name '*.rc' | wc -l) files already checked"
else
	lockscope=${LOCKSCOPE:-$ci/../lockscope}
	[ -x "$lockscope" ] || die "$lockscope: no lockscope binary (run make, or set LOCKSCOPE)"
	rm -rf "$out"
	mkdir -p "$out/bin" "$log/files"
	cp "$lockscope" "$checker"
	cp -R "$(dirname "$lockscope")/rules" "$out/rules"	# found beside the binary
	checker_note="copy of $(cd "$(dirname "$lockscope")" && pwd)/$(basename "$lockscope") ($(git -C "$ci" describe --always --dirty 2>/dev/null || echo '?'))"
	echo "$checker_note" >"$out/checker-note"
fi

# The checker, timed: one F.time per file (wall s, user s, peak KB).
rm -f "$out/bin/timed-lockscope" "$out/bin/gcc"
mkdir -p "$out/bin"
cat >"$out/bin/timed-lockscope" <<EOF
#!/bin/sh
for src; do :; done
t=$log/files/\${src#./}.time
mkdir -p "\$(dirname "\$t")"
exec /usr/bin/time -f '%e %U %M' -o "\$t" "$checker" "\$@"
EOF
chmod +x "$out/bin/timed-lockscope"
ln -s "$ci/defconfig-cc.sh" "$out/bin/gcc"

if [ -n "${LOCKSCOPE_CHECK_RESUME:-}" ] && [ -d "$(cat "$out/tree")" ]; then
	tree=$(cat "$out/tree")	# objects already made are not made again
else
	tree=$(sh "$ci/kernel-worktree.sh" defconfig | tail -n 1)
	echo "$tree" >"$out/tree"
fi
echo "  DEFCONFIG lockscope over every file of $tree"
echo "            logs in $out"

export PATH="$out/bin:$PATH"
export DEFCONFIG_EMPTY_O=$out/empty.o
export LOCKSCOPE_FACTS_DIR=$out/facts
export LOCKSCOPE_CHECKER=$out/bin/timed-lockscope LOCKSCOPE_CHECK_LOG=$log
export LOCKSCOPE_CHECK_TIMEOUT=${LOCKSCOPE_CHECK_TIMEOUT:-600}
/usr/bin/time -f '%e' -o "$out/make.time.tmp" \
	make -C "$tree" -k -j"$(nproc)" C=2 CHECK="sh $ci/kernel-check-one.sh" \
	>>"$out/make.log" 2>&1 || echo "make: exit $? (expected with -k: see make.log)"
# A resumed run's wall time is the sum of its parts.
record_part
awk '$1 == "-" { lost++ } { s += $1 }
     END { printf "%.2f %d%s\n", s, NR, lost ? " (" lost " part(s) not timed)" : "" }' \
	"$out/make.parts" >"$out/make.time"
summary
