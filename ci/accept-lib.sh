# Shared by the ci/accept-*.sh scripts, sourced (not run) with the script's
# own arguments, as
#	ci=$(cd "$(dirname "$0")" && pwd)
#	. "$ci/accept-lib.sh"
# $lockscope is the script's first argument, made absolute (the scripts
# run it from kernel trees); then verdicts counted into the "N passed,
# N failed" line, a scratch directory, and lockscope run over a kernel
# tree through kbuild.

lockscope=${1:?usage: $(basename "$0") LOCKSCOPE}
lockscope=$(cd "$(dirname "$lockscope")" && pwd)/$(basename "$lockscope")

passed=0
failed=0

verdict() {
	if [ "$1" = 0 ]; then
		echo "PASS  $2"
		passed=$((passed + 1))
	else
		echo "FAIL  $2"
		failed=$((failed + 1))
	fi
}

# check WHAT COMMAND...: a verdict on COMMAND (safe under "set -e")
check() {
	what=$1
	shift
	if "$@"; then
		verdict 0 "$what"
	else
		verdict 1 "$what"
	fi
}

# accept_tmpdir: $tmp, a fresh directory removed when the script exits
accept_tmpdir() {
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
}

# kbuild_check TREE FACTS LOG TARGET...: lockscope as kbuild's CHECK over
# TARGETs of TREE, facts into FACTS, make's output into LOG
kbuild_check() {
	tree=$1 facts=$2 log=$3
	shift 3
	(cd "$tree" && nice -n 10 make -s -k -j"$(nproc)" C=2 \
		CHECK="$lockscope --no-sparse-warnings --facts-dir=$facts" "$@") \
		>"$log" 2>&1 || true
}

# The last line, and the exit status with it.
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
