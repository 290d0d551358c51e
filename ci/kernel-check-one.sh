#!/bin/sh
# kbuild's CHECK for kernel-check.sh: run the real checker on one file with
# kbuild's argv, keep its output and exit status in the log directory, and
# always succeed.  A failing CHECK would stop make for that object (kbuild
# deletes the .o and skips the rest of its rule); kernel-check.sh judges
# the recorded status instead.
#
# Environment, set by kernel-check.sh:
#   LOCKSCOPE_CHECKER        the checker (absolute path)
#   LOCKSCOPE_CHECK_LOG      log directory; for each source file F this
#                            writes files/F.log (stdout+stderr), files/F.rc
#   LOCKSCOPE_CHECK_TIMEOUT  seconds before a hung checker is killed
#   LOCKSCOPE_CHECK_RESUME   if set, a file already checked is skipped, unless
#                            its checker was stopped by SIGTERM (exit 143:
#                            the run itself was interrupted, not a crash)
set -u

checker=${LOCKSCOPE_CHECKER:?kernel-check-one: LOCKSCOPE_CHECKER is not set}
logdir=${LOCKSCOPE_CHECK_LOG:?kernel-check-one: LOCKSCOPE_CHECK_LOG is not set}
limit=${LOCKSCOPE_CHECK_TIMEOUT:-600}

for src; do :; done	# kbuild passes the source file last
case $src in
/*) rel=${src#/} ;;
*) rel=${src#./} ;;
esac
base=$logdir/files/$rel
mkdir -p "$(dirname "$base")"
if [ -e "$base.rc" ]; then
	if [ -n "${LOCKSCOPE_CHECK_RESUME:-}" ]; then
		[ "$(cat "$base.rc")" = 143 ] || exit 0
	else
		base=$base.$$	# checked twice in one run: keep both results
	fi
fi

ulimit -c 0 2>/dev/null || :	# no core files in the kernel tree
timeout -k 10 "$limit" "$checker" "$@" >"$base.log" 2>&1
echo $? >"$base.rc"
exit 0
