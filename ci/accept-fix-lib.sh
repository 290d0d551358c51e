# Shared by ci/accept-fix-*.sh (sourced): scratch copies of a kernel work
# tree for "lockscope fix --verify", made from that work tree rather than
# the pristine one, so that they already hold its edits and objects and
# need no lock on the pristine tree (kernel-check.sh may be building there).

# worktree_copy FROM NAME: print the path of a fresh copy of the
# kernel-worktree.sh tree FROM, as kernel-worktree.sh makes them: sources
# hard-linked (edit them only by replacing them: patch(1) does), every
# generated file copied.
worktree_copy() {
	from=$(cd "$1" && pwd -P)
	cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
	to=$cache/work/$2
	rm -rf "$to" "$to.tmp"
	(cd "$from" && find . -type f | sort | comm -23 - "$cache/kernel/sources.list") >"$to.generated"
	cp -al "$from" "$to.tmp"
	(cd "$to.tmp" && xargs -r -d '\n' rm -f <"$to.generated")
	(cd "$from" && xargs -r -d '\n' cp -a --parents -t "$to.tmp" <"$to.generated")
	rm -f "$to.generated"
	# objtool's .cmd and .d files name the tree: point them at the copy
	(cd "$to.tmp" && grep -rlIF --include='.*.cmd' --include='.*.d' "$from/" tools || true) |
	while IFS= read -r f; do
		sed -i "s|$from/|$to/|g" "$to.tmp/$f"
	done
	mv "$to.tmp" "$to"
	echo "$to"
}

# fix_worktree NAME: the work tree for a fix acceptance: a fresh
# kernel-worktree.sh copy, or with $LOCKSCOPE_FIX_FROM a copy of that
# (unmodified) work tree instead.  The copy can race with another kbuild
# run's temporary files in the tree copied: it is retried.
fix_worktree() {
	for try in 1 2 3; do
		if [ -n "${LOCKSCOPE_FIX_FROM:-}" ]; then
			fixed=$(worktree_copy "$LOCKSCOPE_FIX_FROM" "$1") || fixed=
		else
			fixed=$(sh "$ci/kernel-worktree.sh" "$1" | tail -n 1)
		fi
		if [ -n "$fixed" ] && [ -f "$fixed/Makefile" ]; then
			echo "$fixed"
			return 0
		fi
		sleep 5
	done
	echo "fix_worktree: no copy of the kernel tree for $1" >&2
	return 1
}
