#!/bin/sh
# A lockscope job for any CI system: check the patch series of the
# checked-out branch against its target branch, keep the base facts cache
# between jobs, and fail the job when the series introduces a finding.
#
#   TARGET       the branch the series goes to (default origin/master)
#   CACHE_DIR    a directory the CI system keeps between jobs
#   OUT          where to leave lockscope.sarif and lockscope.md
#
# The kernel must be configured and built first (lockscope reads the
# compile commands from kbuild's .cmd files); a build of what the series
# touches is enough on top of a cached build of the base.
set -u

TARGET=${TARGET:-origin/master}
CACHE_DIR=${CACHE_DIR:-$HOME/.cache}
OUT=${OUT:-.}

make -s olddefconfig >/dev/null &&
	make -s -j"$(nproc)" >build.log 2>&1 || { tail -n 30 build.log; exit 2; }

XDG_CACHE_HOME=$CACHE_DIR lockscope ci --base "$(git merge-base HEAD "$TARGET")" \
	--sarif "$OUT/lockscope.sarif" --markdown "$OUT/lockscope.md" --fix-dir "$OUT/lockscope-fixes"
status=$?
case $status in
0) echo "lockscope: the series introduces no finding" ;;
1) echo "lockscope: the series introduces findings (above; summary in $OUT/lockscope.md, patches in $OUT/lockscope-fixes)" ;;
*) echo "lockscope: the check itself failed (exit status $status)" ;;
esac
exit $status
