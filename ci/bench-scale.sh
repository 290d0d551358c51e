#!/bin/bash
# Usage: bench-scale.sh [SIZE...]
#
# A benchmark, not a test: how "lockscope report" scales with the size of
# the tree.  Synthetic facts of kernel shape (ci/gen-facts.py) are made in
# three sizes and "lockscope report --stats" is timed on each:
#
#   small    1/16 of the kernel:  31250 functions,  312500 calls,  6250 classes
#   medium   1/4:                125000 functions, 1250000 calls, 25000 classes
#   full     kernel size:        500000 functions, 5000000 calls, 100000 classes
#
# SIZEs default to all three, smallest first.  The facts are cached under
# $cache/scale/<size>-s<seed>/ and made again only when the generator, the
# facts version or the parameters change.  One table is printed (and kept
# in $cache/scale/bench-scale-<date>.txt): facts on disk, generation time,
# report wall time and CPU time (user + system: on a shared machine the
# wall time also measures the others), peak RSS, findings.
#
# Environment:
#   LOCKSCOPE              the lockscope binary (default: ./lockscope of this repo)
#   LOCKSCOPE_CACHE        cache directory (default: ~/.cache/lockscope)
#   BENCH_SCALE_SEED       generator seed (default 1)
#   BENCH_SCALE_TIMEOUT    seconds per report run (default 1800): "timeout"
#   BENCH_SCALE_MEM_GB     address-space limit of a report run (default:
#                          80% of the machine's memory): "out of memory"
#                          rather than the OOM killer picking a victim

# Needs bash (arrays, PIPESTATUS), also when started as "sh bench-scale.sh".
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -eu
export LC_ALL=C

die() { echo "bench-scale: $*" >&2; exit 1; }

ci=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$ci")
cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
out=$cache/scale
seed=${BENCH_SCALE_SEED:-1}
limit=${BENCH_SCALE_TIMEOUT:-1800}
lockscope=${LOCKSCOPE:-$repo/lockscope}
[ -f "$lockscope" ] && [ -x "$lockscope" ] ||
	die "$lockscope: no lockscope binary (run make, or set LOCKSCOPE)"
lockscope=$(cd "$(dirname "$lockscope")" && pwd)/$(basename "$lockscope")
command -v python3 >/dev/null || die "python3 is needed for ci/gen-facts.py"
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"
command -v timeout >/dev/null || die "timeout (coreutils) is needed"

mem_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
if [ -n "${BENCH_SCALE_MEM_GB:-}" ]; then
	vlimit=$((BENCH_SCALE_MEM_GB * 1024 * 1024))
else
	vlimit=$((mem_kb * 8 / 10))
fi

# size: functions calls classes
params() {
	case $1 in
	small)  echo 31250 312500 6250 ;;
	medium) echo 125000 1250000 25000 ;;
	full)   echo 500000 5000000 100000 ;;
	*)      die "unknown size '$1' (small, medium, full)" ;;
	esac
}

[ $# -gt 0 ] || set -- small medium full
for s; do params "$s" >/dev/null; done
mkdir -p "$out"

# What the cached facts depend on: the generator, the format, the sizes.
gen_sum=$( (cat "$ci/gen-facts.py"; grep FACTS_VERSION "$repo/include/lockscope/facts.h";
	    cat "$repo/rules/callbacks.tab" "$repo/rules/registrations.tab") | cksum | cut -d' ' -f1)

rows=()
for s; do
	read -r nf ne nk < <(params "$s")
	dir=$out/$s-s$seed
	stamp="gen=$gen_sum functions=$nf edges=$ne classes=$nk seed=$seed"
	if [ -f "$dir/stamp" ] && [ "$(head -n 1 "$dir/stamp")" = "$stamp" ]; then
		gen_time="$(sed -n 2p "$dir/stamp") (cached)"
		echo "  CACHED  $s: $dir/facts"
	else
		echo "  GEN     $s: $nf functions, $ne calls, $nk classes"
		rm -rf "$dir" "$dir.tmp"
		mkdir -p "$dir.tmp"
		start=$(date +%s.%N)
		python3 "$ci/gen-facts.py" --functions "$nf" --edges "$ne" --classes "$nk" \
			--seed "$seed" --out "$dir.tmp/facts" 2>"$dir.tmp/gen.log" ||
			{ cat "$dir.tmp/gen.log" >&2; die "gen-facts.py failed for $s"; }
		gen_time=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f s", b - a }')
		printf '%s\n%s\n' "$stamp" "$gen_time" >"$dir.tmp/stamp"
		mv "$dir.tmp" "$dir"
		sed 's/^/          /' "$dir/gen.log"
	fi
	files=$(find "$dir/facts" -name '*.facts' | wc -l)
	size_mb=$(du -sk "$dir/facts" | awk '{ printf "%.0f", $1 / 1024 }')

	echo "  REPORT  $s (timeout ${limit}s, memory limit $((vlimit / 1024 / 1024)) GB)"
	rm -f "$dir/findings.txt" "$dir/time.txt"
	set +e
	(
		ulimit -v "$vlimit"
		exec /usr/bin/time -f '%e s %M KB %U %S' -o "$dir/time.txt" \
			timeout --kill-after=30 "$limit" \
			"$lockscope" report --facts-dir="$dir/facts" --stats \
			--rules="$repo/rules" --output="$dir/findings.txt"
	) >"$dir/report.log" 2>&1
	rc=$?
	set -e
	# time.txt: "Command exited with non-zero status N" first, if it did
	read -r wall _ rss _ usr sys < <(tail -n 1 "$dir/time.txt" 2>/dev/null || echo "? s ? KB")
	cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { if (u != "") printf "%.2f", u + s; else print "?" }')
	stats=$(grep '^lockscope report: ' "$dir/report.log" | tail -n 1 || true)
	findings=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) findings$/\1/p')
	skipped=$(echo "$stats" | sed -n 's/.*(\([0-9][0-9]*\) skipped).*/\1/p')
	case $rc in
	0)	status=ok
		[ "$skipped" = 0 ] || status="ok, ${skipped:-?} files skipped!" ;;
	124)	status="timeout after ${limit}s"; findings=- ;;
	137)	status="killed (SIGKILL: OOM killer?)"; findings=- ;;
	*)	if grep -q 'out of memory' "$dir/report.log"; then
			status="out of memory"
		else
			status="failed (exit $rc, see $dir/report.log)"
		fi
		findings=- ;;
	esac
	rss_mb=$(awk -v k="$rss" 'BEGIN { if (k + 0 > 0) printf "%.0f", k / 1024; else print "?" }')
	kb_fn=$(awk -v k="$rss" -v n="$nf" 'BEGIN { if (k + 0 > 0) printf "%.1f", k / n; else print "?" }')
	echo "          $wall s (CPU $cpu s), $rss_mb MB: $status"
	# the critical path, and how long it waited for a CPU the other
	# threads had; then what the host charged for fresh memory (README),
	# and the CPU time of every thread against what the CPUs could give
	sed -n -e 's/^lockscope report: \(summaries  *[0-9]\)/          \1/p' \
		-e 's/^lockscope report: the block filler /          the block filler /p' \
		-e 's/^lockscope report: in all /          in all /p' \
		"$dir/report.log"
	rows+=("$(printf '%-7s %9s %9s %7s %7s %9s %13s %10s %8s %10s %8s %9s  %s' \
		"$s" "$nf" "$ne" "$nk" "$files" "$size_mb" "$gen_time" "$wall" "$cpu" "$rss_mb" \
		"$kb_fn" "${findings:--}" "$status")")
done

table=$out/bench-scale-$(date +%Y%m%d-%H%M%S).txt
{
	echo "lockscope report on synthetic facts: $lockscope" \
		"(tree at $(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo '?')," \
		"facts v$(sed -n 's/^#define FACTS_VERSION //p' "$repo/include/lockscope/facts.h")," \
		"seed $seed, $(nproc) CPUs, $((mem_kb / 1024 / 1024)) GB)"
	printf '%-7s %9s %9s %7s %7s %9s %13s %10s %8s %10s %8s %9s  %s\n' \
		size functions calls classes files "facts MB" generation "report s" "CPU s" "peak MB" \
		"KB/fn" findings status
	for r in "${rows[@]}"; do echo "$r"; done
} | tee "$table"
echo "(table in $table)"
