#!/bin/sh
# Usage: kernel-worktree.sh NAME
#
# Print the path of a fresh writable copy, $cache/work/NAME, of the prepared
# kernel tree from kernel-setup.sh.  Any earlier copy of that name is thrown
# away, so every call starts from the pristine sources and build state.
#
# The copy is cheap (about a second): source files are hard links to the
# pristine tree, and only what kbuild generated (.config, include/generated,
# objects, .cmd files, ...) is copied for real, because kbuild rewrites some
# of those in place.  So edit sources only with tools that replace the file:
# sed -i, patch, git apply, perl -pi, cp/mv over it.  Never write into an
# existing source in place (>>, cat >, truncate, dd conv=notrunc): that
# would change the pristine tree too.  LOCKSCOPE_WORKTREE_COPY=full makes
# a fully independent copy instead (~7 s and 1.5 GB each).
set -eu
export LC_ALL=C		# sort as kernel-setup.sh sorted sources.list

name=${1:?usage: kernel-worktree.sh NAME}
case $name in
*/* | . | .. | -*) echo "kernel-worktree: bad name '$name' (want a plain file name)" >&2; exit 1 ;;
esac

ci=$(cd "$(dirname "$0")" && pwd)
cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
tree=$(sh "$ci/kernel-setup.sh" | tail -n 1)
sources=$cache/kernel/sources.list
work=$cache/work/$name

[ -f "$sources" ] || { echo "kernel-worktree: $sources missing; re-run kernel-setup.sh" >&2; exit 1; }

# Keep kernel-check.sh from building in the pristine tree while we copy it.
exec 9<"$tree"
flock -s 9

mkdir -p "$cache/work"
rm -rf "$work" "$work.tmp"
if [ "${LOCKSCOPE_WORKTREE_COPY:-links}" = full ]; then
	cp -a "$tree" "$work.tmp"
else
	generated=$cache/work/.$name.generated
	(cd "$tree" && find . -type f | sort | comm -23 - "$sources") >"$generated"
	cp -al "$tree" "$work.tmp"
	# Give every file that is not from the source tarball its own inode:
	# drop the link, then copy the file from the pristine tree.
	(cd "$work.tmp" && xargs -r -d '\n' rm -f <"$generated")
	(cd "$tree" && xargs -r -d '\n' cp -a --parents -t "$work.tmp" <"$generated")
	rm -f "$generated"
fi

# The objtool build (tools/) records absolute paths in its .cmd and .d
# files; left alone, they would make it rebuild objtool here, and then
# kbuild would recompile every object.  Point them at the copy.
from=$(cd "$tree" && pwd -P)
to=$(cd "$cache/work" && pwd -P)/$name
(cd "$work.tmp" && grep -rlIF --include='.*.cmd' --include='.*.d' "$from/" tools) |
while IFS= read -r f; do
	sed -i "s|$from/|$to/|g" "$work.tmp/$f"
done
mv "$work.tmp" "$work"
echo "$work"
