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
	sname= member= pnode= nnode= nullshead= runfiles=
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
		sname=*) sname=${kv#sname=} ;;
		member=*) member=${kv#member=} ;;
		pnode=*) pnode=${kv#pnode=} ;;
		nnode=*) nnode=${kv#nnode=} ;;
		nullshead=*) nullshead=${kv#nullshead=} ;;
		runfiles=*) runfiles=${kv#runfiles=} ;;
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
	rcu-nulls)
		for key in sname member runfiles; do
			eval "[ -n \"\$$key\" ]" || die "the finding has no '$key' for $rule"
		done
		nulls_convert "$tree" "$sp"
		return ;;
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
	diff -u -p --label "a/$file" --label "b/$file" "$tmp/orig.c" "$tmp/new.c"
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
		diff -u -p --label "a/$efile" --label "b/$efile" "$tmp/orig.c" "$tmp/work.c"
		[ $? -le 1 ] || die "diff failed"
	done
}

# nulls_convert TREE RULE: the struct's header and every file of the run
# that uses the struct, converted by rcu-nulls.cocci; the nulls base is
# explained above the diff (lockscope fix puts it in the patch body).
nulls_convert() {
	tree=$1 sp=$2
	nmember=nulls_$member
	# the struct's definition: a header under include/ or beside a file
	# of the run, or a file of the run itself
	while IFS= read -r f; do
		[ -f "$tree/$f" ] && echo "$f"
	done <"$runfiles" >"$tmp/run"
	defn=$(
		{ [ ! -d "$tree/include" ] || (cd "$tree" && grep -rlE --include='*.h' "^struct $sname \{" include); }
		for d in $(sed 's#/*[^/]*$##; s#^$#.#' "$tmp/run" | sort -u); do
			(cd "$tree" && grep -lE "^struct $sname \{" "$d"/*.h 2>/dev/null) | sed 's#^\./##'
		done
		(cd "$tree" && xargs -r -d '\n' grep -lE "^struct $sname \{" <"$tmp/run")
	)
	defn=$(printf '%s\n' $defn | sort -u)
	[ "$(printf '%s\n' "$defn" | grep -c .)" = 1 ] ||
		die "cannot tell where struct $sname is defined (found: ${defn:-nowhere})"
	(cd "$tree" && xargs -r -d '\n' grep -lw "$sname" <"$tmp/run") | grep -vx "$defn" | sort >"$tmp/users"
	mkdir -p "$tmp/w"
	(cd "$tree" && cp --parents "$defn" $(cat "$tmp/users") "$tmp/w/") || die "cannot copy the files"
	cp -a "$tmp/w" "$tmp/orig"
	# one *_NULLS_BASE next to the struct is there for it; else a new one
	base=$(sed -n 's/^#define[[:space:]]\{1,\}\([A-Z0-9_]*NULLS_BASE\)\b.*/\1/p' "$tmp/w/$defn")
	if [ "$(printf '%s\n' "$base" | grep -c .)" = 1 ]; then
		why_base="$base, which $defn defines for this purpose as $(sed -n "s/^#define[[:space:]]*$base[[:space:]]*//p" "$tmp/w/$defn")"
	else
		base=$(echo "$sname" | tr a-z A-Z)_NULLS_BASE
		SNAME=$sname BASE=$base perl -0 -i -pe '
			s{^(struct \Q$ENV{SNAME}\E \{)}{/*
 * The nulls values of these chains start here, above every slot number
 * of the hlist_nulls hashes the same objects are linked into: a lookup
 * carried from there into one of these chains ends on a value it does
 * not expect, and restarts.
 */
#define $ENV{BASE}\t(1U << 29)
$1}m or die "no struct $ENV{SNAME} in the header\n"' "$tmp/w/$defn" ||
			die "cannot add $base to $defn"
		why_base="$base, a new constant (1U << 29)"
	fi
	set -- -D patch -D "sname=$sname" -D "member=$member" -D "nmember=$nmember" \
		-D "base=$base" -D "pnode=${pnode:-lockscope_no_node}" -D "nnode=${nnode:-lockscope_no_node}"
	incs=
	[ ! -d "$tree/include" ] || incs="-I $tree/include"
	for f in "$defn" $(cat "$tmp/users"); do
		# shellcheck disable=SC2086
		(cd "$tmp/w" && spatch --python "$python" --very-quiet --all-includes \
			--include-headers-for-types $incs --sp-file "$sp" "$@" --in-place "$f") \
			</dev/null >>"$tmp/spatch.log" 2>&1 ||
			{ grep -i "error\|exception" "$tmp/spatch.log" | head -n 3 >&2; die "spatch failed on $f"; }
	done
	# spatch writes the new member with a space: keep the file's alignment
	MEMBER=$member NMEMBER=$nmember perl -0 -i -pe '
		BEGIN { open(my $o, "<", $ARGV[0] =~ s{/w/}{/orig/}r) or die; local $/; $_o = <$o>; }
		if ($_o =~ /struct hlist_head(\s+)\Q$ENV{MEMBER}\E;/) {
			my $ws = $1;
			s/struct hlist_nulls_head \Q$ENV{NMEMBER}\E;/struct hlist_nulls_head$ws$ENV{NMEMBER};/;
		}' "$tmp/w/$defn"
	changed=
	for f in "$defn" $(cat "$tmp/users"); do
		cmp -s "$tmp/orig/$f" "$tmp/w/$f" || changed="$changed $f"
	done
	[ -n "$changed" ] || die "rcu-nulls.cocci does not match struct $sname's member '$member'"
	# files in the same directories that use the struct but were not checked
	unchecked=$(for d in $(printf '%s\n' $changed | sed 's#/*[^/]*$##; s#^$#.#' | sort -u); do
		(cd "$tree" && grep -lw "struct $sname" "$d"/*.c 2>/dev/null) | sed 's#^\./##'
	done | sort -u | comm -23 - "$tmp/run" | tr '\n' ' ')
	# one paragraph a line: lockscope fix wraps them into the body
	echo "The fix: '$sname::$member' becomes an hlist_nulls, '$nmember' (its type, and every use of the member in the files checked, with the nulls variant of each insertion, removal and walk), whose chains end in nulls values of their own: the bucket's index plus $why_base. The hlist_nulls chains the same objects are linked into ('$nullshead') conventionally end in their slot number, far below that, so a lookup there that a reused object carries into one of these chains ends on a foreign nulls value and restarts instead of missing its object."
	echo "This list's own walks get no restart test: where a lookup here must not miss an object, compare get_nulls_value() with the bucket's value and restart."
	[ -z "$unchecked" ] || echo "Not converted, because not checked: ${unchecked% } (using struct $sname)."
	echo
	for f in $changed; do
		echo "diff --git a/$f b/$f"
		diff -u -p --label "a/$f" --label "b/$f" "$tmp/orig/$f" "$tmp/w/$f"
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
