#!/bin/sh
# lockscope ci: what a patch series introduces, in a kernel git tree with a
# configured build (run as "lockscope ci", which sets $LOCKSCOPE).
#
# The files the series touches (and the .c files that include a touched
# header) are checked at head with their compile commands; every other
# file's facts come from a cache of the base, built once per base commit
# and kept between runs.  Only findings whose stable ids are not in the
# base are printed.  Exit status: 1 new findings, 0 none, 2 the tool failed.
set -u
export LC_ALL=C

usage() {
	cat <<'EOF'
Usage: lockscope ci [options]

Run in the top directory of a kernel git tree whose build is configured
(and built for the files to check: compile commands come from its .cmd
files).  Checks what the series BASE..HEAD changes; prints only the
findings that are new in HEAD.  Exit status: 1 when there are new findings,
0 when there are none, 2 when lockscope itself failed.

  --base REV        the series' base (default: merge-base of HEAD and its
                    upstream branch)
  --head REV        the series' head (default HEAD; must be checked out)
  --compdb DIR      directory of compile_commands.json (default: the tree's,
                    or one generated with scripts/clang-tools/gen_compile_commands.py)
  --under PATH      only files under PATH, a directory or a file
                    (repeatable; default: every file of the compile database)
  --sarif FILE      also write the new findings as SARIF 2.1.0
  --markdown FILE   also write a Markdown summary for a review comment
  --json FILE       also write them as JSON
  --fix-dir DIR     also write the "lockscope fix" patch of each new finding
                    that has a fix rule into DIR (one mail per finding)
  --cache DIR       base facts cache (default: $XDG_CACHE_HOME/lockscope/ci)
  --jobs N          parallel per-file checks (default: the number of CPUs)
EOF
}

die() {
	echo "lockscope ci: $*" >&2
	exit 2
}

lockscope=${LOCKSCOPE:-}
[ -n "$lockscope" ] && [ -x "$lockscope" ] || die "run me as 'lockscope ci' (\$LOCKSCOPE is not set)"
base= head=HEAD compdb= unders= under= sarif= markdown= json= fixdir= jobs=$(nproc)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lockscope/ci
while [ $# -gt 0 ]; do
	case $1 in
	--base) base=${2:?}; shift ;;
	--head) head=${2:?}; shift ;;
	--compdb) compdb=${2:?}; shift ;;
	--under) unders="$unders ${2:?}"; shift ;;
	--sarif) sarif=${2:?}; shift ;;
	--markdown) markdown=${2:?}; shift ;;
	--json) json=${2:?}; shift ;;
	--fix-dir) fixdir=${2:?}; shift ;;
	--cache) cache=${2:?}; shift ;;
	--jobs) jobs=${2:?}; shift ;;
	--help | -h) usage; exit 0 ;;
	*) usage >&2; die "unknown option '$1'" ;;
	esac
	shift
done
"$lockscope" ci-check --need-libclang || exit 2
# output paths are the caller's, not the tree top's
abs() { case $1 in /* | '') echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
sarif=$(abs "$sarif") markdown=$(abs "$markdown") json=$(abs "$json") fixdir=$(abs "$fixdir")
compdb=$(abs "$compdb") cache=$(abs "$cache")

top=$(git rev-parse --show-toplevel 2>/dev/null) || die "not in a git tree"
cd "$top" || exit 2
[ -f Makefile ] && [ -f .config ] || die "$top: not a configured kernel tree (no .config)"
# a directory matches what is below it, a file itself
for p in $unders; do
	if [ -f "$p" ]; then under="$under --under=$p"; else under="$under --under=${p%/}/"; fi
done

# ---- the series -------------------------------------------------------------
if [ -z "$base" ]; then
	up=$(git rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null) ||
		die "HEAD has no upstream branch: give --base REV"
	base=$(git merge-base HEAD "$up") || die "no merge-base of HEAD and $up"
fi
base_sha=$(git rev-parse --verify -q "$base^{commit}") || die "bad --base '$base'"
head_sha=$(git rev-parse --verify -q "$head^{commit}") || die "bad --head '$head'"
[ "$head_sha" = "$(git rev-parse HEAD)" ] ||
	die "--head $head is not checked out (git checkout $head first)"

tmp=$(mktemp -d) || exit 2
restore=
cleanup() {
	# put back what the base build swapped out, whatever happened
	if [ -n "$restore" ] && [ -s "$tmp/swapped" ]; then
		while IFS= read -r f; do
			if [ -e "$tmp/keep/$f" ]; then mv -f "$tmp/keep/$f" "$f"; else rm -f "$f"; fi
		done <"$tmp/swapped"
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

git diff --name-status --no-renames "$base_sha" "$head_sha" >"$tmp/status" ||
	die "git diff $base..$head failed"
awk '$1 != "D" { print $2 }' "$tmp/status" >"$tmp/changed"
awk '$1 == "D" { print $2 }' "$tmp/status" >"$tmp/deleted"
awk '$1 == "A" { print $2 }' "$tmp/status" >"$tmp/added"
if [ -s "$tmp/changed" ]; then
	# shellcheck disable=SC2046
	git diff --quiet HEAD -- $(cat "$tmp/changed") ||
		die "the working tree differs from HEAD in files the series touches; commit or stash"
fi

if [ -z "$compdb" ]; then
	if [ -f compile_commands.json ]; then
		compdb=$top
	else
		mkdir -p "$tmp/compdb"
		python3 scripts/clang-tools/gen_compile_commands.py -d . \
			-o "$tmp/compdb/compile_commands.json" 2>"$tmp/compdb/log" ||
			die "cannot write compile_commands.json: $(tail -n 1 "$tmp/compdb/log")"
		compdb=$tmp/compdb
	fi
fi
# shellcheck disable=SC2086
"$lockscope" ci-check --compdb="$compdb" $under --list >"$tmp/all" || exit 2
[ -s "$tmp/all" ] || die "the compile database has no file${under:+ under$under}: is the tree built?"

# Files to check at head: the changed .c files, and those that include a
# changed header (their .o.cmd dependency lists say so).
grep '\.c$' "$tmp/changed" | sort -u >"$tmp/cfiles"
grep -v '\.c$' "$tmp/changed" >"$tmp/others"
if [ -s "$tmp/others" ]; then
	while IFS= read -r c; do
		cmd=$(dirname "$c")/.$(basename "$c" .c).o.cmd
		[ -f "$cmd" ] && grep -qFf "$tmp/others" "$cmd" && echo "$c"
	done <"$tmp/all" >>"$tmp/cfiles"
fi
sort -u "$tmp/cfiles" | comm -12 - "$(sort "$tmp/all" >"$tmp/all.s" && echo "$tmp/all.s")" >"$tmp/check"
sort -u "$tmp/cfiles" | comm -23 - "$tmp/all.s" >"$tmp/unbuilt"

# ---- the base facts cache ---------------------------------------------------
stamp_of() {
	echo "lockscope $("$lockscope" ci-check --facts-version)"
	echo "base $base_sha"
	echo "files $(wc -l <"$tmp/all.s") $(sha1sum <"$tmp/all.s" | cut -c1-16)"
}
key=$base_sha-$(printf '%s' "$under" | sha1sum | cut -c1-8)
store=$cache/$key
stamp_of >"$tmp/stamp"

# A cache is used only whole: stamp, every facts file as written.
cache_ok() {
	[ -f "$store/stamp" ] && cmp -s "$store/stamp" "$tmp/stamp" &&
		(cd "$store" && sha1sum -c --quiet --strict manifest >/dev/null 2>&1)
}

build_base() {
	new=$cache/.$key.tmp.$$
	rm -rf "$new"
	mkdir -p "$new/facts" "$new/logs" || die "cannot write the cache in $cache"
	# The base's version of every file the series touches, for the
	# duration of the build (restored by cleanup()).
	restore=1
	: >"$tmp/swapped"
	cat "$tmp/changed" "$tmp/deleted" | while IFS= read -r f; do
		mkdir -p "$tmp/keep/$(dirname "$f")" "$(dirname "$f")"
		echo "$f" >>"$tmp/swapped"
		[ -e "$f" ] && { cp -p "$f" "$tmp/keep/$f" || exit 2; }
		if grep -qxF "$f" "$tmp/added"; then
			rm -f "$f"
		else
			git show "$base_sha:$f" >"$f.lockscope-ci" && mv -f "$f.lockscope-ci" "$f" || exit 2
		fi
	done || die "cannot put the base's files in place"
	grep -vxFf "$tmp/added" "$tmp/all.s" >"$tmp/base-files" || :
	"$lockscope" ci-check --compdb="$compdb" --facts-dir="$new/facts" \
		--log-dir="$new/logs" --jobs="$jobs" - <"$tmp/base-files" >"$tmp/base.out"
	rc=$?
	while IFS= read -r f; do
		if [ -e "$tmp/keep/$f" ]; then mv -f "$tmp/keep/$f" "$f"; else rm -f "$f"; fi
	done <"$tmp/swapped"
	restore=
	[ $rc -eq 0 ] || { rm -rf "$new"; die "building the base facts failed: $(tail -n 1 "$tmp/base.out")"; }
	(cd "$new" && find facts -type f -name '*.facts' | sort | xargs -r sha1sum) >"$new/manifest"
	cp "$tmp/stamp" "$new/stamp"
	rm -rf "$store"
	mv "$new" "$store" || die "cannot rename the cache into $store"
}

mkdir -p "$cache" || die "cannot create $cache"
exec 8>"$cache/.lock"
flock 8
t0=$(date +%s.%N)
if ! cache_ok; then
	if [ -d "$store" ]; then
		echo "lockscope ci: base facts cache $store is damaged or out of date: rebuilding" >&2
	else
		echo "lockscope ci: building the base facts cache for $base_sha ($(wc -l <"$tmp/all.s") files)" >&2
	fi
	build_base
fi
flock -u 8
t1=$(date +%s.%N)

# ---- head: the base's facts, the touched files' replaced --------------------
mkdir -p "$tmp/head"
cp -al "$store/facts" "$tmp/head/facts" || die "cannot link the cached facts"
cat "$tmp/changed" "$tmp/deleted" "$tmp/check" | sort -u | while IFS= read -r f; do
	rm -f "$tmp/head/facts/$f.facts"
done
"$lockscope" ci-check --compdb="$compdb" --facts-dir="$tmp/head/facts" \
	--log-dir="$tmp/head/logs" --jobs="$jobs" - <"$tmp/check" >"$tmp/head.out" ||
	die "checking the series' files failed: $(tail -n 1 "$tmp/head.out")"

# The per-file warnings of the checked files, before and after.
: >"$tmp/base.local"
: >"$tmp/head.local"
while IFS= read -r f; do
	[ -f "$store/logs/$f.log" ] && cat "$store/logs/$f.log" >>"$tmp/base.local"
	cat "$tmp/head/logs/$f.log" >>"$tmp/head.local"
done <"$tmp/check"

# Which functions the hunks change (new side of each hunk).  A changed
# header's static inline functions are found through the checked files
# that include it, and so are their calls (inlined in the facts).
grep '\.h$' "$tmp/changed" >"$tmp/headers" || :
# shellcheck disable=SC2046
git diff -U0 --no-renames "$base_sha" "$head_sha" -- $(cat "$tmp/check" "$tmp/headers") 2>/dev/null |
awk '
	/^\+\+\+ b\// { file = substr($0, 7); next }
	/^@@/ {
		split($3, a, ",")
		start = substr(a[1], 2); n = (a[2] == "") ? 1 : a[2]
		print file, start, start + n - 1
	}' >"$tmp/hunks"
[ -s "$tmp/headers" ] && sed 's/^/@ /' "$tmp/check" >>"$tmp/hunks"
"$lockscope" ci-functions --compdb="$compdb" <"$tmp/hunks" >"$tmp/touched" 2>"$tmp/touched.err" ||
	die "mapping hunks to functions failed: $(tail -n 1 "$tmp/touched.err")"

# ---- new findings -------------------------------------------------------------
"$lockscope" report --facts-dir="$store/facts" --local="$tmp/base.local" \
	--format=ids --output="$tmp/base.ids" --stats 2>"$tmp/base.stats" ||
	die "report on the base failed: $(tail -n 1 "$tmp/base.stats")"
grep -q " (0 skipped)" "$tmp/base.stats" ||
	die "the base facts cache $store does not load cleanly; remove it"
rep() {
	"$lockscope" report --facts-dir="$tmp/head/facts" --local="$tmp/head.local" \
		--baseline="$tmp/base.ids" --touched="$tmp/touched" "$@"
}
rep --format=ids --output="$tmp/new.ids" --stats 2>"$tmp/head.stats" ||
	die "report on the head failed: $(tail -n 1 "$tmp/head.stats")"
grep -q " (0 skipped)" "$tmp/head.stats" || die "some head facts did not load: $(tail -n 1 "$tmp/head.stats")"
new=$(wc -l <"$tmp/new.ids")
t2=$(date +%s.%N)

{
	printf 'lockscope ci: %s..%s: %d files checked, %d not built in this configuration, %d new finding%s\n' \
		"$(git rev-parse --short "$base_sha")" "$(git rev-parse --short "$head_sha")" \
		"$(wc -l <"$tmp/check")" "$(wc -l <"$tmp/unbuilt")" "$new" "$([ "$new" = 1 ] || echo s)"
	sed 's/^/lockscope ci: not built, not checked: /' "$tmp/unbuilt"
	printf 'lockscope ci: base facts %.1f s, series %.1f s\n' \
		"$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
} >&2
if [ "$new" -gt 0 ]; then
	rep --format=text --output="$tmp/new.txt" || exit 2
	cat "$tmp/new.txt"
fi
[ -z "$sarif" ] || rep --format=sarif --output="$sarif" || exit 2
[ -z "$json" ] || rep --format=json --output="$json" || exit 2
if [ -n "$fixdir" ] && [ "$new" -gt 0 ]; then
	# Only the whole-tree findings have fix rules (their JSON says which).
	rep --format=json --output="$tmp/new.json" || exit 2
	python3 -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    if f.get("fix", {}).get("rule"):
        print(f["id"])' "$tmp/new.json" >"$tmp/fixable" || die "cannot read the new findings' JSON"
	mkdir -p "$fixdir" || die "cannot create $fixdir"
	if [ -s "$tmp/fixable" ]; then
		# shellcheck disable=SC2046
		"$lockscope" fix --facts-dir="$tmp/head/facts" --tree="$top" --output-dir="$fixdir" \
			$(sed 's/^/--id=/' "$tmp/fixable") 2>"$tmp/fix.err"
		sed 's/^lockscope fix: /lockscope ci: fix: /' "$tmp/fix.err" >&2
	fi
	printf 'lockscope ci: %d of %d new findings have a fix rule; patches in %s\n' \
		"$(wc -l <"$tmp/fixable")" "$new" "$fixdir" >&2
fi
if [ -n "$markdown" ]; then
	{
		echo "### lockscope: $new new finding$([ "$new" = 1 ] || echo s)"
		echo
		echo "Series \`$(git rev-parse --short "$base_sha")..$(git rev-parse --short "$head_sha")\`, $(wc -l <"$tmp/check") files checked."
		echo
		rep --format=markdown --output="$tmp/new.md" && cat "$tmp/new.md"
	} >"$markdown.tmp" && mv "$markdown.tmp" "$markdown" || exit 2
fi
[ "$new" -eq 0 ]
