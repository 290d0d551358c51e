#!/bin/sh
# Usage: accept-ci.sh LOCKSCOPE
#
# Real-kernel acceptance of "lockscope ci".  A scratch copy of the 6.1 tree
# becomes a git repository tracking only net/ipv6's and mlx5 core's sources
# (the rest stays untracked: enough for git diff, and quick); series are
# commits on it:
#
#   seed000   addrconf_dad_begin() notifies under idev->lock again (the edit
#             of accept-seed000.sh): exactly one new finding, the seed 000
#             one (the same call under ifp->lock, and the lock-order cycle
#             it closes, are its notes), exit 1; the same new findings as a
#             full run of the head against the base; --fix-dir writes the
#             patch of that one finding
#   moved     only moves code (a comment block shifts every line of two
#             files): nothing, exit 0 - also on top of seed000, whose
#             finding then exists in the base and is not new
#   doubled   a second write_lock_bh() in __ipv6_dev_ac_inc(): the per-file
#             double-lock is new, exit 1
#   lagcall   a driver patch: mlx5_lag_remove_netdev() calls
#             mlx5_lag_disable_change() inside its ldev->lock section, which
#             takes that mutex again: that deadlock only, exit 1
#   lagmoved  the same driver file, code moved only: nothing, exit 0
#   laghdr    a header-only driver patch: lag.h's static inline
#             mlx5_lag_is_ready() takes ldev->lock, and mlx5_do_bond(),
#             under that lock in the bond work, calls it: the deadlock,
#             exit 1, and the finding says the series changed
#             mlx5_lag_is_ready() (a header function, found by libclang)
#   a corrupt cache: rebuilt (said so), the same answer
#
# The incremental run (warm cache) and a full run over the same files are
# timed.  Ends with "N passed, N failed".
set -u
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
work=$(sh "$ci/kernel-worktree.sh" ci-accept | tail -n 1) || exit 1
accept_tmpdir
export XDG_CACHE_HOME=$tmp/xdg

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

cd "$work" || exit 1
git() { command git -c user.name=lockscope -c user.email=ci@lockscope.invalid "$@"; }
mlx5=drivers/net/ethernet/mellanox/mlx5/core
git init -q . &&
	find net/ipv6 $mlx5 -type f \( -name '*.[ch]' -o -name Makefile -o -name Kconfig \) |
	git add -f --pathspec-from-file=- && git commit -q -m base || exit 1
base=$(git rev-parse HEAD)
# the tree's compile database (untracked), as a CI job would make it
python3 scripts/clang-tools/gen_compile_commands.py -d . -o compile_commands.json || exit 1

# Scripted series (perl -i replaces the files: the pristine tree's links stay).
seed000() {
	perl -0 -i -pe '
		s/(static void addrconf_dad_begin\(struct inet6_ifaddr \*ifp\)\n\{.*?)notify = true;/$1ipv6_ifa_notify(RTM_NEWADDR, ifp);/s
			or die "addrconf_dad_begin: the edit did not apply\n";
	' net/ipv6/addrconf.c
}
move() {
	for f in net/ipv6/addrconf.c net/ipv6/anycast.c; do
		perl -0 -i -pe 'BEGIN { $c = "/*\n" . (" * moved\n" x 40) . " */\n" } s/\n#include/\n$c#include/' "$f"
	done
}
doubled() {
	perl -0 -i -pe '
		s/(int __ipv6_dev_ac_inc\(.*?\n\{.*?)(\twrite_lock_bh\(&idev->lock\);\n)/$1$2$2/s
			or die "__ipv6_dev_ac_inc: the edit did not apply\n";
	' net/ipv6/anycast.c
}
lagcall() {
	perl -0 -i -pe '
		s/(void mlx5_lag_remove_netdev\(.*?\n\{.*?)(\tmlx5_ldev_remove_netdev\(ldev, netdev\);\n)/$1$2\tmlx5_lag_disable_change(dev);\n/s
			or die "mlx5_lag_remove_netdev: the edit did not apply\n";
	' $mlx5/lag/lag.c
}
lagmove() {
	perl -0 -i -pe 'BEGIN { $c = "/*\n" . (" * moved\n" x 40) . " */\n" } s/\n#include/\n$c#include/' $mlx5/lag/lag.c
}
laghdr() {
	perl -0 -i -pe '
		s/(mlx5_lag_is_ready\(struct mlx5_lag \*ldev\)\n\{\n)\treturn (test_bit\(.*?\));\n/$1\tbool ready;\n\n\tmutex_lock(&ldev->lock);\n\tready = $2;\n\tmutex_unlock(&ldev->lock);\n\treturn ready;\n/s
			or die "mlx5_lag_is_ready: the edit did not apply\n";
	' $mlx5/lag/lag.h
}
series() {
	name=$1 from=$2
	shift 2
	git checkout -q -b "$name" "$from" && "$@" && git commit -q -a -m "$name" || exit 1
}
series seed000 "$base" seed000
series moved "$base" move
series seed000-moved seed000 move
series doubled "$base" doubled
series lagcall "$base" lagcall
series lagmoved "$base" lagmove
series laghdr "$base" laghdr

# run SERIES ARGS...: lockscope ci at SERIES, in net/ipv6 unless ARGS say where
run() {
	name=$1
	shift
	case " $* " in *" --under "*) where= ;; *) where="--under net/ipv6" ;; esac
	git checkout -q "$name" || exit 1
	# shellcheck disable=SC2086
	"$lockscope" ci $where "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
}
# how many findings (not notes) an output has
findings() { grep -c ': \(error\|warning\): .*\[lockscope/' "$1"; }
ids() { grep -o '^[0-9a-f]\{16\}' "$1" | sort; }

# seed000: a cold cache, then the incremental run.
t0=$(now)
run seed000 --base "$base" --markdown "$tmp/seed000.md" --sarif "$tmp/seed000.sarif" --json "$tmp/cold.json"
t1=$(now)
run seed000 --base "$base" --json "$tmp/seed000.json" --fix-dir "$tmp/fixes"
t2=$(now)
[ "$(cat "$tmp/seed000.rc")" = 1 ]
verdict $? "seed000: exit status 1"
grep -q "^net/ipv6/addrconf.c:[0-9]*:[0-9]*: error: ipv6_ifa_notify() is called with '&ifp->idev->lock' held for read and acquires it again for write: deadlock \[lockscope/callback-under-lock\]" "$tmp/seed000.out"
verdict $? "seed000: the seed 000 finding is new"
[ "$(findings "$tmp/seed000.out")" = 1 ] &&
	grep -q "^lockscope ci: .*: 1 files checked, 0 not built in this configuration, 1 new finding$" "$tmp/seed000.err" &&
	grep -q "note: the same bug, also: ipv6_ifa_notify() is called with '&ifp->lock' held and acquires it again: deadlock \[lockscope/callback-under-lock\]" "$tmp/seed000.out" &&
	grep -q "note: the same bug, also: possible circular locking dependency: 'struct inet6_dev::lock' -> 'struct inet6_ifaddr::lock' -> 'struct inet6_dev::lock' \[lockscope/lock-order\]" "$tmp/seed000.out"
verdict $? "seed000: exactly one new finding; the same call's other deadlocks are its notes"
grep -q "note: this series changes addrconf_dad_begin(), on this path" "$tmp/seed000.out"
verdict $? "seed000: says the series changed addrconf_dad_begin()"
grep -q '^| error | `callback-under-lock` | `net/ipv6/addrconf.c:' "$tmp/seed000.md" &&
	grep -q '"partialFingerprints"' "$tmp/seed000.sarif"
verdict $? "seed000: Markdown summary and SARIF written"
cmp -s "$tmp/cold.json" "$tmp/seed000.json"
verdict $? "seed000: the cached run gives the same findings as the cold one"

# A full run of head and base, for the answer and for the time.
git checkout -q seed000
t3=$(now)
"$lockscope" ci-check --compdb="$work" --facts-dir="$tmp/full/facts" \
	--log-dir="$tmp/full/logs" --under=net/ipv6/ --all >"$tmp/full.out" 2>&1
cat "$tmp"/full/logs/net/ipv6/*.log >"$tmp/full.local" 2>/dev/null
"$lockscope" report --facts-dir="$tmp/full/facts" --local="$tmp/full.local" --format=ids --output="$tmp/full.ids"
t4=$(now)
store=$(ls -d "$XDG_CACHE_HOME"/lockscope/ci/"$base"-*)
cat "$store"/logs/net/ipv6/*.log >"$tmp/base.local"
"$lockscope" report --facts-dir="$store/facts" --local="$tmp/base.local" --format=ids --output="$tmp/base.ids"
ids "$tmp/full.ids" | comm -23 - "$(ids "$tmp/base.ids" >"$tmp/base.s"; echo "$tmp/base.s")" >"$tmp/full-new"
grep -o '"id": "[0-9a-f]*"' "$tmp/seed000.json" | grep -o '[0-9a-f]\{16\}' | sort >"$tmp/ci-new"
[ "$(wc -l <"$tmp/ci-new")" = 1 ] && cmp -s "$tmp/full-new" "$tmp/ci-new"
verdict $? "seed000: the one new finding of a full run ($(wc -l <"$tmp/ci-new") ids, full run $(wc -l <"$tmp/full-new"))"
id=$(cat "$tmp/ci-new")
patch=$tmp/fixes/callback-under-lock-$id.patch
[ "$(ls "$tmp/fixes" | wc -l)" = 1 ] && grep -q "^+++ b/net/ipv6/addrconf.c" "$patch" &&
	grep -q "^+.*ipv6_ifa_notify(RTM_NEWADDR, ifp);" "$patch" &&
	grep -q "^lockscope ci: 1 of 1 new findings have a fix rule" "$tmp/seed000.err"
verdict $? "seed000: --fix-dir wrote the one finding's patch (moves the notify out)"

run moved --base "$base"
[ "$(cat "$tmp/moved.rc")" = 0 ] && ! grep -q lockscope/ "$tmp/moved.out"
verdict $? "moved code: nothing new, exit status 0"
run seed000-moved --base seed000
[ "$(cat "$tmp/seed000-moved.rc")" = 0 ] && ! grep -q lockscope/ "$tmp/seed000-moved.out"
verdict $? "moved code over seed000: the finding moved, is not new, exit status 0"
run doubled --base "$base"
[ "$(cat "$tmp/doubled.rc")" = 1 ] && grep -q "\[lockscope/double-lock\]" "$tmp/doubled.out"
verdict $? "doubled lock in a function: the double-lock is new, exit status 1"

# The driver patches, checked in mlx5's lag code.
run lagcall --base "$base" --under $mlx5/lag
[ "$(cat "$tmp/lagcall.rc")" = 1 ] && [ "$(findings "$tmp/lagcall.out")" = 1 ] &&
	grep -q "^$mlx5/lag/lag.c:[0-9]*:[0-9]*: error: mlx5_lag_disable_change() is called with '&dev->priv.lag->lock' held and acquires it again: deadlock \[lockscope/callback-under-lock\]" "$tmp/lagcall.out" &&
	grep -q "note: this series changes mlx5_lag_remove_netdev(), on this path" "$tmp/lagcall.out"
verdict $? "driver patch calling a locking helper under its lock: that deadlock only, exit status 1"
run lagmoved --base "$base" --under $mlx5/lag
[ "$(cat "$tmp/lagmoved.rc")" = 0 ] && ! grep -q lockscope/ "$tmp/lagmoved.out"
verdict $? "driver patch moving code: nothing new, exit status 0"
run laghdr --base "$base" --under $mlx5/lag
[ "$(cat "$tmp/laghdr.rc")" = 1 ] &&
	grep -q "^$mlx5/lag/lag.c:[0-9]*:[0-9]*: [a-z]*: mlx5_do_bond() is called with '[^']*' held and acquires .*\[lockscope/callback-under-lock\]" "$tmp/laghdr.out" &&
	grep -q "^$mlx5/lag/lag.h:[0-9]*: note: this series changes mlx5_lag_is_ready(), on this path" "$tmp/laghdr.out"
verdict $? "driver patch changing a header's inline function: the deadlock, says the series changed it"

# A corrupt cache: one facts file cut short.
victim=$store/facts/net/ipv6/route.c.facts
head -c 1000 "$victim" >"$tmp/cut" && mv -f "$tmp/cut" "$victim"
run seed000 --base "$base" --json "$tmp/rebuilt.json"
[ "$(cat "$tmp/seed000.rc")" = 1 ] && grep -q "damaged or out of date: rebuilding" "$tmp/seed000.err" &&
	cmp -s "$tmp/rebuilt.json" "$tmp/cold.json"
verdict $? "corrupt cache: rebuilt, the same answer"

printf 'TIME  cold (base cache built) %.1f s, incremental %.1f s, full run of the same files %.1f s\n' \
	"$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" "$(secs "$t3" "$t4")"
for n in seed000 moved seed000-moved doubled lagcall lagmoved laghdr; do
	echo "--- $n (exit status $(cat "$tmp/$n.rc"))"
	cat "$tmp/$n.err" "$tmp/$n.out"
done
finish
