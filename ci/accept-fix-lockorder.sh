#!/bin/sh
# Usage: accept-fix-lockorder.sh LOCKSCOPE
#
# Real-kernel acceptance of "lockscope fix" on a lock-order (ABBA)
# inversion.  No upstream 6.1 fix that reorders two acquisitions in one
# function was found in the files lockscope checks quickly, so this is a
# re-creation, not a revert: a scripted edit swaps the two locks that
# check_matching_master_slave() in sound/core/timer.c nests, keeping each
# call's flavour, as a hand swapping the arguments would:
#	spin_lock_irq(&master->timer->lock); spin_lock(&slave_active_lock);
# and the releases in reverse.  Three other functions of the file
# (snd_timer_close_locked(), snd_timer_start_slave(),
# snd_timer_stop_slave()) take slave_active_lock first, so the order is
# clear: three sites against one.
#  - The unmodified timer.c has no lock-order finding.
#  - The re-created one has, with both sites (the minority one and a
#    witness of the dominant order).
#  - "lockscope fix --verify" writes one patch in git format-patch form,
#    "ALSA: timer: ..." as its subject, that verifies: the finding is gone,
#    nothing new is reported, sound/core/timer.o builds.
#  - The patched function is the pristine one, byte for byte: the rule
#    puts the interrupt flavour on the lock that becomes the outer one
#    (spin_lock_irq(&slave_active_lock)), as upstream has it.
# Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
. "$ci/accept-fix-lib.sh"
work=$(fix_worktree fix-lockorder) || { echo "0 passed, 1 failed"; exit 1; }
accept_tmpdir
file=sound/core/timer.c

# the unmodified file first: no lock-order finding
cp "$work/$file" "$tmp/pristine.c"
kbuild_check "$work" "$tmp/facts0" "$tmp/make0.log" "${file%.c}.o"
"$lockscope" report --facts-dir="$tmp/facts0" >"$tmp/report0" 2>&1 || true
check "unmodified $file: checked, no lock-order finding" \
	sh -c 'test -d "$1" && ! grep -q "\[lockscope/lock-order\]" "$2"' - "$tmp/facts0" "$tmp/report0"

# The re-creation: the two locks of check_matching_master_slave() swapped.
perl -0 -i -pe '
	s/(static int check_matching_master_slave\(.*?\tspin_lock_irq\()&slave_active_lock(\);\n\tspin_lock\()&master->timer->lock(\);\n.*?\tspin_unlock\()&master->timer->lock(\);\n\tspin_unlock_irq\()&slave_active_lock\);/$1&master->timer->lock$2&slave_active_lock$3&slave_active_lock$4&master->timer->lock);/s
		or die "check_matching_master_slave: the edit did not apply\n";' "$work/$file"
# --verify's scratch copies: of the re-created tree, objects and all
cat >"$tmp/scratch.sh" <<EOS
ci='$ci'
. '$ci/accept-fix-lib.sh'
worktree_copy '$work' fix-lockorder-verify
EOS

kbuild_check "$work" "$tmp/facts" "$tmp/make.log" "${file%.c}.o"
"$lockscope" report --facts-dir="$tmp/facts" >"$tmp/report" 2>&1 || true
"$lockscope" report --facts-dir="$tmp/facts" --format=json --output="$tmp/report.json" || true
id=$(python3 -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    if f["check"] == "lock-order":
        print(f["id"])
        break
' "$tmp/report.json")
check "re-created: the lock-order finding, between slave_active_lock and struct snd_timer::lock" \
	grep -q "$file:.*warning: possible circular locking dependency: '$file:slave_active_lock' -> 'struct snd_timer::lock' -> '$file:slave_active_lock' \[lockscope/lock-order\]" "$tmp/report"
check "the minority site: check_matching_master_slave() takes slave_active_lock under the timer's lock" \
	sh -c 'grep -q "^$2:227: note: check_matching_master_slave() holds .&master->timer->lock. (struct snd_timer::lock) from here" "$1" &&
	       grep -q "^$2:228:9: note: ... and acquires .&slave_active_lock. ($2:slave_active_lock) here" "$1"' - "$tmp/report" "$file"
check "a site of the dominant order: snd_timer_close_locked() takes them the other way" \
	sh -c 'grep -q "^$2:422: note: snd_timer_close_locked() holds .&slave_active_lock." "$1" &&
	       grep -q "^$2:423:[0-9]*: note: ... and acquires .&timeri->timer->lock. (struct snd_timer::lock) here" "$1"' - "$tmp/report" "$file"

rc=0
LOCKSCOPE_SCRATCH_CMD="sh '$tmp/scratch.sh'" \
	nice -n 10 "$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" \
	--output-dir="$tmp/patches" --id="${id:-none}" --verify >"$tmp/fix.log" 2>&1 || rc=$?
verdict $rc "lockscope fix --verify: a patch, verified"
check "the patched tree: finding gone, nothing new, sound/core/timer.o builds" \
	grep -q "verified: the finding is gone, nothing new is reported, sound/core/timer.o builds" "$tmp/fix.log"
patch=$tmp/patches/lock-order-$id.patch
check "git format-patch form: From line, kernel-style subject, body, ---, diffstat, a/ b/ diff" \
	sh -c 'head -n 1 "$1" | grep -q "^From $2[0-9]* Mon Sep 17 00:00:00 2001$" &&
	       grep -qx "Subject: \[PATCH\] ALSA: timer: fix lock order in check_matching_master_slave()" "$1" &&
	       grep -qx -- "---" "$1" && grep -q "^ sound/core/timer.c | 8 ++++----$" "$1" &&
	       grep -qx "diff --git a/sound/core/timer.c b/sound/core/timer.c" "$1" &&
	       grep -qx -- "--- a/sound/core/timer.c" "$1" && grep -qx "+++ b/sound/core/timer.c" "$1"' - "$patch" "$id"
check "the subject fits in 75 columns" \
	sh -c 'test "$(sed -n "s/^Subject: \[PATCH\] //p" "$1" | wc -c)" -le 76' - "$patch"
# the patch on the re-created file, compared with the pristine file
rc=0
patch -s -o "$tmp/patched.c" "$work/$file" <"$patch" >"$tmp/patch.log" 2>&1 || rc=$?
verdict $rc "the patch applies to the re-created $file"
check "the patched $file is the pristine one: the outer lock takes the _irq flavour" \
	cmp -s "$tmp/patched.c" "$tmp/pristine.c"

echo "--- lock-order finding"
grep -A 8 "\[lockscope/lock-order\]" "$tmp/report" || true
echo "--- lockscope fix"
cat "$tmp/fix.log"
echo "--- the patch"
cat "$patch" 2>/dev/null || true
echo "--- the patched file against the pristine one"
diff -u "$tmp/pristine.c" "$tmp/patched.c" && echo "(no difference)" || true
finish
