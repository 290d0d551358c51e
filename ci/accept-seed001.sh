#!/bin/sh
# Usage: accept-seed001.sh LOCKSCOPE
#
# Real-kernel acceptance of the teardown-race check (seed 001).  In a
# scratch copy of the 6.1 tree, three scripted edits bring back the shape
# of the seed's kernel:
#
#  - __ethtool_get_link_ksettings() no longer checks netif_device_present()
#    (the upstream fix for this race, reverted);
#  - PCI shutdown destroys the command interface, and with it the command
#    DMA pool (mlx5_cmd_cleanup()), as the seed's mlx5_unload_one() did;
#  - cmd_exec() no longer refuses commands once the interface is marked
#    down (the mlx5_cmd_is_down() test upstream added).
#
# The net device stays registered at shutdown, and speed_show() checks only
# netif_running(): reading /sys/class/net/<dev>/speed reaches
# dma_pool_zalloc() on the destroyed pool.  lockscope runs over the mlx5
# core driver, net-sysfs and the ethtool core through kbuild; "lockscope
# report" must name the free in mlx5_cmd_cleanup(), the shutdown side and
# speed_show().  On the unmodified tree nothing may be reported: the
# command path is guarded and remove deletes the net devices first.
# Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
pristine=$(sh "$ci/kernel-setup.sh" | tail -n 1)
work=$(sh "$ci/kernel-worktree.sh" seed001 | tail -n 1)
# kept after the run, for a look at the reports
cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
tmp=$cache/accept/seed001
rm -rf "$tmp"
mkdir -p "$tmp"
mlx5=drivers/net/ethernet/mellanox/mlx5/core

# The re-creation.
perl -0 -i -pe '
	s/(static void shutdown\(struct pci_dev \*pdev\)\n\{.*?)(\tmlx5_pci_disable_device\(dev\);\n\})/$1\tmlx5_cmd_cleanup(dev);\n$2/s
		or die "shutdown: the edit did not apply\n";
' "$work/$mlx5/main.c"
perl -0 -i -pe '
	s/(int __ethtool_get_link_ksettings\(.*?)\tif \(!netif_device_present\(dev\)\)\n\t\treturn -ENODEV;\n\n/$1/s
		or die "__ethtool_get_link_ksettings: the edit did not apply\n";
' "$work/net/ethtool/ioctl.c"
perl -0 -i -pe '
	s/(static int cmd_exec\(.*?)if \(mlx5_cmd_is_down\(dev\) \|\| /$1if (/s
		or die "cmd_exec: the edit did not apply\n";
' "$work/$mlx5/cmd.c"

run() {
	tree=$1 name=$2
	kbuild_check "$tree" "$tmp/$name" "$tmp/$name.make" net/core/net-sysfs.o net/ethtool/ioctl.o $mlx5/
	"$lockscope" report --facts-dir="$tmp/$name" --stats >"$tmp/$name.report" 2>&1
}
run "$pristine" pristine
run "$work" seed001


# The finding at the pool's destruction, with both sides.
check "seed 001 re-created: shutdown -> mlx5_cmd_cleanup -> dma_pool_destroy against speed_show reported" awk '
	/\[lockscope\// { inside = 0 }
	/cmd\.c:[0-9]+:[0-9]+: warning: dma_pool_destroy\(\) frees .struct mlx5_cmd::pool. .*\[lockscope\/teardown-race\]/ { inside = 1; next }
	inside && /CPU0: shutdown\(\) tears the device down \(struct pci_driver::shutdown\)/ { cpu0 = 1 }
	inside && /CPU0: shutdown\(\) calls mlx5_cmd_cleanup\(\)/ { call = 1 }
	inside && /speed_show\(\)/ { cpu1 = 1 }
	END { exit !(cpu0 && call && cpu1) }
' "$tmp/seed001.report"
check "seed 001 re-created: the entry side ends in cmd_exec's allocation from the pool" \
	grep -q "scenario: CPU1: .*cmd_exec() -> .*dma_pool_zalloc(): use after free" "$tmp/seed001.report"
check "unmodified tree: no teardown race reported" \
	sh -c '! grep -q "\[lockscope/teardown-race\]" "$1"' - "$tmp/pristine.report"
check "unmodified tree: every facts file loaded" \
	grep -q "lockscope report: [0-9]* facts files (0 skipped)" "$tmp/pristine.report"

echo "--- teardown races on the re-created tree"
grep -A 200 "teardown-race" "$tmp/seed001.report" | head -60
echo "--- report on the unmodified tree"
cat "$tmp/pristine.report"
finish
