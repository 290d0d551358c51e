#!/bin/bash
# Usage: bench.sh [DIR...]
#
# A benchmark, not a test: run Debian's sparse and lockscope on the same
# real kernel files, one after the other, and compare CPU time and peak
# RSS per file and in total (and the wall time in all); then time
# "lockscope report" on the facts those runs wrote.  DIRs default to net/ipv6/, net/ipv4/, net/core/ and
# the mlx5 core driver.  Each file gets exactly the argv kbuild gives CHECK
# for it: one make C=2 run records them (record-check-argv.sh), then they
# are replayed from the top of the kernel tree, where kbuild runs CHECK.
#
# Targets (not asserted: a benchmark is no test): lockscope within 1.3x
# of sparse per file, "lockscope report" in seconds.
#
# Environment:
#   LOCKSCOPE         the lockscope binary (default: ./lockscope of this repo)
#   LOCKSCOPE_KERNEL  kernel tree (default: from kernel-setup.sh)
#   BENCH_REPORT_DIRS also time "lockscope report" on the facts of these
#                     directories, written by one kbuild C=2 run (default:
#                     none; e.g. "net/ drivers/net/ethernet/mellanox/")
# The table is also written to $cache/bench/bench-<date>.txt.
#
# lockscope runs twice per file: as it runs by default (writing its facts)
# and with --no-facts, so the cost of the facts shows on its own.

# Needs bash (arrays, mapfile -d ''), also when started as "sh bench.sh".
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -eu
export LC_ALL=C

die() { echo "bench: $*" >&2; exit 1; }

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/need-packages.sh"
need_packages bench

cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
sparse=/usr/bin/sparse
lockscope=${LOCKSCOPE:-$ci/../lockscope}
[ -f "$lockscope" ] && [ -x "$lockscope" ] ||
	die "$lockscope: no lockscope binary (run make, or set LOCKSCOPE)"
lockscope=$(cd "$(dirname "$lockscope")" && pwd)/$(basename "$lockscope")

tree=${LOCKSCOPE_KERNEL:-$(sh "$ci/kernel-setup.sh" | tail -n 1)}
[ -f "$tree/include/generated/autoconf.h" ] ||
	die "$tree is not a prepared kernel tree (run ci/kernel-setup.sh)"

[ $# -gt 0 ] || set -- net/ipv6/ net/ipv4/ net/core/ drivers/net/ethernet/mellanox/mlx5/core/
targets=()
for d; do
	d=${d#./}
	[ -d "$tree/$d" ] || die "$d: no such directory in $tree"
	targets+=("${d%/}/")
done

out=$cache/bench
argv_dir=$out/argv
mkdir -p "$out"
rm -rf "$argv_dir"

# Same lock as kernel-check.sh: one build at a time in a tree.
exec 9<"$tree"
flock 9

echo "  RECORD  kbuild's CHECK argv for ${targets[*]}"
LOCKSCOPE_ARGV_DIR=$argv_dir \
	make -C "$tree" -k -j"$(nproc)" C=2 CHECK="sh $ci/record-check-argv.sh" \
	"${targets[@]}" >"$out/record.log" 2>&1 ||
	{ tail -n 20 "$out/record.log" >&2; die "kbuild failed in $tree (log: $out/record.log)"; }

# The replay only reads the tree: let kernel-worktree.sh copy it meanwhile
# (a shared lock still keeps kernel-check.sh from building in it).
flock -s 9

files=()
for t in "${targets[@]}"; do
	[ -d "$argv_dir/$t" ] || die "kbuild checked no file in $t"
	while IFS= read -r f; do
		files+=("${f%.argv}")
	done < <(cd "$argv_dir" && find "$t" -name '*.argv' | sort)
done

# run NAME BINARY ARGV-FILE [OPTION...]: run BINARY with a recorded argv
# (after OPTIONs), its output going to NAME.log; sets cpu (user + system
# s), wall (s), rss (KB) and rc.  The table compares CPU time: on a shared
# machine the wall time also measures the others.
run() {
	local args user sys
	mapfile -d '' -t args <"$3"
	rc=0
	/usr/bin/time -f '%e %U %S %M' -o "$out/time.tmp" "$2" "${@:4}" "${args[@]}" \
		>>"$out/$1.log" 2>&1 || rc=$?
	read -r wall user sys rss < <(tail -n 1 "$out/time.tmp")
	cpu=$(awk "BEGIN { print $user + $sys }")
}

stamp=$(date +%Y%m%d-%H%M%S)
table=$out/bench-$stamp.txt
: >"$out/sparse.log"
: >"$out/lockscope.log"
w=15
for f in "${files[@]}"; do
	[ "${#f}" -le "$w" ] || w=${#f}
done

echo "  BENCH   ${#files[@]} files, sparse then lockscope on each"
cd "$tree"		# kbuild runs CHECK here; the argv has relative paths
{
	echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
	echo "# tree:      $tree"
	echo "# sparse:    $sparse ($($sparse --version 2>/dev/null || echo '?'))"
	echo "# lockscope: $lockscope"
	echo "# times in CPU seconds (user + system), peak RSS in MB; ratio = lockscope / sparse; ! = non-zero exit"
	printf '%-*s %9s %8s %9s %8s %7s %9s %7s\n' "$w" file sparse-s MB lscope-s MB ratio nofacts-s ratio
} | tee "$table"

# row NAME SPARSE-S SPARSE-KB LOCKSCOPE-S LOCKSCOPE-KB NOFACTS-S:
# one table line.  A time may carry a one-character flag ("!" for a
# failed run).
row() {
	awk -v w="$w" -v f="$1" -v sw="$2" -v sr="$3" -v lw="$4" -v lr="$5" -v nw="$6" 'BEGIN {
		sf = substr(sw, length(sw)); if (sf ~ /[0-9]/) sf = " "
		lf = substr(lw, length(lw)); if (lf ~ /[0-9]/) lf = " "
		sw += 0; lw += 0; nw += 0
		ratio = sw > 0 ? sprintf("%.2f", lw / sw) : "-"
		nratio = sw > 0 ? sprintf("%.2f", nw / sw) : "-"
		printf "%-" w "s %8.2f%s %8.1f %8.2f%s %8.1f %7s %9.2f %7s\n", f,
			sw, sf, sr / 1024, lw, lf, lr / 1024, ratio, nw, nratio
	}'
}

# show LINE...: print to the terminal and to the table file.
show() { printf '%s\n' "$@" | tee -a "$table"; }

s_tot=0 l_tot=0 n_tot=0 sw_tot=0 lw_tot=0 s_max=0 l_max=0 nbad=0 over=0 worst_ratio=0 worst=-
export LOCKSCOPE_FACTS_DIR=$out/facts-bench
rm -rf "$LOCKSCOPE_FACTS_DIR"
for f in "${files[@]}"; do
	run sparse "$sparse" "$argv_dir/$f.argv"
	s_cpu=$cpu s_rss=$rss s_flag=' '
	sw_tot=$(awk "BEGIN { print $sw_tot + $wall }")
	[ "$rc" -eq 0 ] || { s_flag='!'; nbad=$((nbad + 1)); }
	run lockscope "$lockscope" "$argv_dir/$f.argv"
	l_cpu=$cpu l_rss=$rss l_flag=' '
	lw_tot=$(awk "BEGIN { print $lw_tot + $wall }")
	[ "$rc" -eq 0 ] || { l_flag='!'; nbad=$((nbad + 1)); }
	run lockscope "$lockscope" "$argv_dir/$f.argv" --no-facts
	n_cpu=$cpu
	n_tot=$(awk "BEGIN { print $n_tot + $n_cpu }")
	s_tot=$(awk "BEGIN { print $s_tot + $s_cpu }")
	l_tot=$(awk "BEGIN { print $l_tot + $l_cpu }")
	[ "$s_rss" -le "$s_max" ] || s_max=$s_rss
	[ "$l_rss" -le "$l_max" ] || l_max=$l_rss
	show "$(row "$f" "$s_cpu$s_flag" "$s_rss" "$l_cpu$l_flag" "$l_rss" "$n_cpu")"
	r=$(awk "BEGIN { printf(\"%.2f\", $s_cpu > 0 ? $l_cpu / $s_cpu : 0) }")
	awk "BEGIN { exit !($r > 1.3) }" && over=$((over + 1))
	awk "BEGIN { exit !($r > $worst_ratio) }" && { worst_ratio=$r; worst=$f; }
done
show "$(row "TOTAL (max RSS)" "$s_tot " "$s_max" "$l_tot " "$l_max" "$n_tot")"
show "# wall time in all: sparse $sw_tot s, lockscope $lw_tot s ($(awk "BEGIN { printf(\"%.2f\", $sw_tot > 0 ? $lw_tot / $sw_tot : 0) }")x)"
[ "$nbad" -eq 0 ] ||
	show "# $nbad run(s) exited non-zero; their output is in $out/*.log"
# The per-file target: how many files are over 1.3x, and the worst one.
show "# $over of ${#files[@]} files over 1.3x sparse; worst: $worst_ratio ($worst)"

# report DIR WHAT: time the whole-tree step on the facts in DIR.
report() {
	local user sys
	/usr/bin/time -f '%e %U %S %M' -o "$out/time.tmp" "$lockscope" report --facts-dir="$1" \
		--stats >"$out/report.log" 2>&1 || true
	read -r wall user sys rss < <(tail -n 1 "$out/time.tmp")
	show "# lockscope report on $2: $wall s (CPU $(awk "BEGIN { print $user + $sys }") s), peak RSS $((rss / 1024)) MB;" \
		"$(grep '^lockscope report: ' "$out/report.log" | tail -n 1)"
}
report "$LOCKSCOPE_FACTS_DIR" "the facts of these ${#files[@]} files"

# The whole-tree step on the facts of a bigger part of the tree.
report_dirs=${BENCH_REPORT_DIRS:-none}
if [ "$report_dirs" != none ]; then
	facts=$out/facts-report
	rm -rf "$facts"
	flock 9		# a build again: the tree to ourselves
	echo "  FACTS   lockscope through kbuild over $report_dirs"
	# shellcheck disable=SC2086
	/usr/bin/time -f '%e' -o "$out/time.tmp" make -C "$tree" -k -j"$(nproc)" C=2 \
		CHECK="$lockscope --no-sparse-warnings --facts-dir=$facts" $report_dirs \
		>"$out/facts.log" 2>&1 || true
	show "# facts of $report_dirs: $(find "$facts" -name '*.facts' | wc -l) files," \
		"$(du -sh "$facts" | cut -f1), kbuild C=2 -j$(nproc): $(tail -n 1 "$out/time.tmp") s"
	report "$facts" "$report_dirs"
fi
ln -sf "$(basename "$table")" "$out/latest.txt"
echo "  table:  $table"
