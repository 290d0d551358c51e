#!/bin/sh
# The shell side of "lockscope fix" (run by it; not meant to be run by hand).
#
#   lockscope-fix.sh diff TREE FILE key=value...
#       instantiate rules/cocci/<rule>.cocci with the finding's values and
#       print the change as a unified diff with a/ b/ paths
#   lockscope-fix.sh apply TREE PATCH
#       apply a patch to TREE (patch -p1; files are replaced, not rewritten)
#   lockscope-fix.sh verify TREE PATCH ID FACTS LOCKSCOPE IDS [local]
#       apply PATCH to a scratch copy of TREE, re-check the files it
#       touches and run the whole-tree step: finding ID must be gone and no
#       id outside the list IDS may appear; the touched objects must build.
#       With "local", the re-check's per-file warnings count as findings.
#
# Failures end with one line on stderr saying why, and exit status 1.
# $LOCKSCOPE_SCRATCH_CMD, if set, prints the path of a scratch copy of the
# tree (the kernel acceptance uses ci/kernel-worktree.sh); otherwise the
# tree is copied with cp -a.  Trees without kbuild are re-checked with
# lockscope $LOCKSCOPE_FIX_CFLAGS and built with $LOCKSCOPE_FIX_CC, if set
# (e.g. "cc -c -o /dev/null").
set -u
here=$(cd "$(dirname "$0")" && pwd)

die() {
	echo "$*" >&2
	exit 1
}

python=/usr/bin/python3
[ -x "$python" ] || python=python3

# An interrupted run leaves nothing behind.
tmp=$(mktemp -d) || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT

do_diff() {
	tree=$1 file=$2
	shift 2
	rule= func= line= kind= callee= lockline= heldline= mode= unline= head= entries=
	for kv in "$@"; do
		case $kv in
		rule=*) rule=${kv#rule=} ;;
		func=*) func=${kv#func=} ;;
		line=*) line=${kv#line=} ;;
		kind=*) kind=${kv#kind=} ;;
		callee=*) callee=${kv#callee=} ;;
		lockline=*) lockline=${kv#lockline=} ;;
		heldline=*) heldline=${kv#heldline=} ;;
		mode=*) mode=${kv#mode=} ;;
		unline=*) unline=${kv#unline=} ;;
		head=*) head=${kv#head=} ;;
		fixfile=*) file=${kv#fixfile=} ;;
		entries=*) entries=${kv#entries=} ;;
		esac
	done
	sp=$here/$rule.cocci
	[ -f "$sp" ] || die "no rule $sp"
	command -v spatch >/dev/null 2>&1 ||
		die "spatch not found: install Coccinelle (apt-get install coccinelle libpython3.11)"
	[ -f "$tree/$file" ] || die "$tree/$file: no such file"

	set -- -D patch
	case $rule in
	callback-under-lock)
		for key in func callee line lockline; do
			eval "[ -n \"\$$key\" ]" || die "the finding has no '$key' for $rule"
		done
		set -- "$@" -D "func=$func" -D "callee=$callee" -D "line=$line" \
			-D "lockline=$lockline" -D "flag=call_$callee" ;;
	teardown-race)
		# every unguarded entry point gets its guard, file by file
		[ -n "$entries" ] || entries=$kind:$file:$func
		guard_entries "$tree" "$sp" "$entries"
		return ;;
	lock-order)
		for key in func line heldline; do
			eval "[ -n \"\$$key\" ]" || die "the finding has no '$key' for $rule"
		done
		set -- "$@" -D "func=$func" -D "line=$line" -D "heldline=$heldline" ;;
	rcu-free)
		for key in func line mode; do
			eval "[ -n \"\$$key\" ]" || die "the finding has no '$key' for $rule"
		done
		case $mode in
		move) [ -n "$unline" ] || die "the finding has no 'unline' for $rule" ;;
		kfree_rcu) [ -n "$head" ] || die "the finding has no 'head' for $rule" ;;
		sync) ;;
		*) die "$rule: unknown mode '$mode'" ;;
		esac
		# every rule variable is given; only the mode's are used
		set -- "$@" -D "$mode" -D "func=$func" -D "line=$line" \
			-D "unline=${unline:-0}" -D "head=${head:-rcu}" ;;
	rcu-walked-add)
		for key in func line; do
			eval "[ -n \"\$$key\" ]" || die "the finding has no '$key' for $rule"
		done
		set -- "$@" -D "func=$func" -D "line=$line" ;;
	esac
	cp "$tree/$file" "$tmp/orig.c"
	# spatch exits 0 when nothing matched: the output file tells.
	spatch --python "$python" --very-quiet --no-includes --include-headers \
		--sp-file "$sp" "$@" -o "$tmp/new.c" "$tmp/orig.c" >"$tmp/spatch.log" 2>&1
	if [ ! -s "$tmp/new.c" ] || cmp -s "$tmp/orig.c" "$tmp/new.c"; then
		# a rule that declines says why
		nofix=$(sed -n 's/^lockscope-nofix: //p' "$tmp/spatch.log" | head -n 1)
		[ -z "$nofix" ] || die "no patch: $nofix"
		grep -i "error\|exception" "$tmp/spatch.log" | head -n 3 >&2
		die "$rule.cocci does not match $func() in $file (line $line)"
	fi
	kernel_style "$tmp/new.c" "$tmp/orig.c"
	echo "diff --git a/$file b/$file"
	diff -u --label "a/$file" --label "b/$file" "$tmp/orig.c" "$tmp/new.c"
	[ $? -le 1 ] || die "diff failed"
}

# kernel_style NEW OLD: spatch puts the "else" after a brace it added on
# a line of its own; join them as the kernel writes them, unless OLD
# already had such lines (then they are the file's own).
kernel_style() {
	grep -A1 -E '^[[:space:]]*}$' "$2" | grep -qE '^[[:space:]]*else\b' && return
	perl -0 -i -pe 's/^(\t*)\}\n\1else\b/$1} else/mg' "$1"
}

# run_rule FILE SPATCH-ARGS...: apply the rule to $tmp/work.c in place;
# false if it changed nothing.
run_rule() {
	what=$1
	shift
	spatch --python "$python" --very-quiet --no-includes --include-headers \
		--sp-file "$sp" "$@" -o "$tmp/new.c" "$tmp/work.c" </dev/null >"$tmp/spatch.log" 2>&1
	if [ ! -s "$tmp/new.c" ] || cmp -s "$tmp/work.c" "$tmp/new.c"; then
		grep -i "error\|exception" "$tmp/spatch.log" | head -n 3 >&2
		die "$(basename "$sp") does not match $what"
	fi
	kernel_style "$tmp/new.c" "$tmp/work.c"
	mv "$tmp/new.c" "$tmp/work.c"
}

# guard_entries TREE RULE "kind:file:func ...": one diff over every file.
guard_entries() {
	tree=$1 sp=$2
	printf '%s\n' $3 | awk -F: '!seen[$0]++' >"$tmp/entries"
	for efile in $(cut -d: -f2 "$tmp/entries" | sort -u); do
		[ -f "$tree/$efile" ] || die "$tree/$efile: no such file"
		cp "$tree/$efile" "$tmp/orig.c"
		cp "$tree/$efile" "$tmp/work.c"
		awk -F: -v f="$efile" '$2 == f { print $1, $3 }' "$tmp/entries" >"$tmp/funcs"
		while read -r ekind efunc; do
			guard=$(awk -v k="$ekind" '$1 == k { print $2; exit }' "$here/guards.tab")
			[ -n "$guard" ] || die "no presence guard known for '$ekind' entry points (rules/cocci/guards.tab)"
			run_rule "$efunc() in $efile" -D patch -D "func=$efunc" -D "guard=$guard"
		done <"$tmp/funcs"
		echo "diff --git a/$efile b/$efile"
		diff -u --label "a/$efile" --label "b/$efile" "$tmp/orig.c" "$tmp/work.c"
		[ $? -le 1 ] || die "diff failed"
	done
}

do_apply() {
	tree=$1 patch=$2
	patch -d "$tree" -p1 --forward --batch --dry-run -s <"$patch" >"$tmp/log" 2>&1 ||
		die "the patch does not apply to $tree: $(head -n 1 "$tmp/log")"
	patch -d "$tree" -p1 --forward --batch -s <"$patch" >"$tmp/log" 2>&1 ||
		die "patch failed on $tree: $(head -n 1 "$tmp/log")"
}

# The .c files a patch touches.
touched() {
	sed -n 's#^diff --git a/\([^ ]*\) b/.*#\1#p' "$1"
}

do_verify() {
	tree=$1 patch=$2 id=$3 facts=$4 lockscope=$5 ids=$6 local=${7:-}
	patch=$(cd "$(dirname "$patch")" && pwd)/$(basename "$patch")
	facts=$(cd "$facts" && pwd) || die "no facts directory $facts"
	if [ -n "${LOCKSCOPE_SCRATCH_CMD:-}" ]; then
		scratch=$(sh -c "$LOCKSCOPE_SCRATCH_CMD" | tail -n 1)
		[ -d "$scratch" ] || die "LOCKSCOPE_SCRATCH_CMD gave no directory"
	else
		scratch=$tmp/tree
		cp -a "$tree" "$scratch" || die "cannot copy $tree"
	fi
	do_apply "$scratch" "$patch"
	cp -a "$facts" "$tmp/facts" || die "cannot copy $facts"
	built=
	for f in $(touched "$patch"); do
		case $f in *.c) ;; *) continue ;; esac
		if [ -f "$scratch/Makefile" ] && [ -f "$scratch/.config" ]; then
			# kbuild checks the file and builds its object in one go
			(cd "$scratch" && make -s C=2 \
				CHECK="$lockscope --no-sparse-warnings --facts-dir=$tmp/facts" \
				"${f%.c}.o") >"$tmp/build.log" 2>&1 ||
				{ tail -n 5 "$tmp/build.log" >&2; die "${f%.c}.o does not build with the patch"; }
			built="$built${built:+, }${f%.c}.o"
		else
			# shellcheck disable=SC2086
			(cd "$scratch" && "$lockscope" --no-sparse-warnings --facts-dir="$tmp/facts" \
				${LOCKSCOPE_FIX_CFLAGS:-} "$f" &&
				{ [ -z "${LOCKSCOPE_FIX_CC:-}" ] ||
				  $LOCKSCOPE_FIX_CC ${LOCKSCOPE_FIX_CFLAGS:-} "$f"; }) >"$tmp/build.log" 2>&1 ||
				{ tail -n 5 "$tmp/build.log" >&2; die "$f does not compile with the patch"; }
			[ -z "${LOCKSCOPE_FIX_CC:-}" ] || built="$built${built:+, }$f"
		fi
		cat "$tmp/build.log" >>"$tmp/local.log"
	done
	: >>"$tmp/local.log"
	set --
	[ "$local" != local ] || set -- --local="$tmp/local.log"
	"$lockscope" report --facts-dir="$tmp/facts" "$@" --format=json --output="$tmp/after.json" ||
		die "lockscope report failed on the patched tree"
	sed -n 's/^ *{"id": "\([0-9a-f]*\)".*/\1/p' "$tmp/after.json" | sort >"$tmp/after.ids"
	grep -qx "$id" "$tmp/after.ids" && die "the finding is still reported with the patch"
	new=$(sort "$ids" | comm -13 - "$tmp/after.ids" | tr '\n' ' ')
	[ -z "$new" ] || die "the patch brings new findings: $new"
	if [ -z "$built" ]; then
		echo "verified: the finding is gone and nothing new is reported (not built: no kbuild, no \$LOCKSCOPE_FIX_CC)" >&2
	else
		echo "verified: the finding is gone, nothing new is reported, $built builds" >&2
	fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
diff) do_diff "$@" ;;
apply) do_apply "$@" ;;
verify) do_verify "$@" ;;
*) die "usage: lockscope-fix.sh diff|apply|verify ..." ;;
esac
