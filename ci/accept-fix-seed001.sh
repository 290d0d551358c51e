#!/bin/sh
# Usage: accept-fix-seed001.sh LOCKSCOPE
#
# Real-kernel acceptance of "lockscope fix" on seed 001 (teardown race).
# Seed 001 is re-created in a scratch copy of the 6.1 tree as
# accept-seed001.sh does (PCI shutdown destroys the command interface,
# the presence check of __ethtool_get_link_ksettings() and the
# "command interface down" test of cmd_exec() removed); the mlx5 core
# driver, net-sysfs and the ethtool core are checked through kbuild.
# "lockscope fix --verify" must make a patch for each teardown-race
# finding which, applied to another scratch copy, leaves the finding
# gone, adds none, and builds every object it touches: it guards each
# unguarded entry point, the mlx5e ndo callbacks (device parameter, RTNL
# held by the caller) and speed_show()/duplex_show() (under their RTNL).
# Ends with "N passed, N failed".
set -eu
export LC_ALL=C

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/accept-lib.sh"
. "$ci/accept-fix-lib.sh"
work=$(fix_worktree fix-seed001)
accept_tmpdir
mlx5=drivers/net/ethernet/mellanox/mlx5/core

# The re-creation of accept-seed001.sh.
cat >"$tmp/recreate.sh" <<'EOS'
set -e
mlx5=drivers/net/ethernet/mellanox/mlx5/core
perl -0 -i -pe '
	s/(static void shutdown\(struct pci_dev \*pdev\)\n\{.*?)(\tmlx5_pci_disable_device\(dev\);\n\})/$1\tmlx5_cmd_cleanup(dev);\n$2/s
		or die "shutdown: the edit did not apply\n";
' "$1/$mlx5/main.c"
perl -0 -i -pe '
	s/(int __ethtool_get_link_ksettings\(.*?)\tif \(!netif_device_present\(dev\)\)\n\t\treturn -ENODEV;\n\n/$1/s
		or die "__ethtool_get_link_ksettings: the edit did not apply\n";
' "$1/net/ethtool/ioctl.c"
perl -0 -i -pe '
	s/(static int cmd_exec\(.*?)if \(mlx5_cmd_is_down\(dev\) \|\| /$1if (/s
		or die "cmd_exec: the edit did not apply\n";
' "$1/$mlx5/cmd.c"
EOS
sh "$tmp/recreate.sh" "$work"
# --verify's scratch copies: of the re-created tree, objects and all
cat >"$tmp/scratch.sh" <<EOS
ci='$ci'
. '$ci/accept-fix-lib.sh'
worktree_copy '$work' fix-seed001-verify
EOS

kbuild_check "$work" "$tmp/facts" "$tmp/make.log" net/core/net-sysfs.o net/ethtool/ioctl.o $mlx5/
"$lockscope" report --facts-dir="$tmp/facts" --format=json --output="$tmp/report.json"
python3 -c '
import json, sys
for f in json.load(open(sys.argv[1])):
    if f["check"] == "teardown-race":
        print(f["id"], f.get("fix", {}).get("entries", ""))
' "$tmp/report.json" >"$tmp/findings"
ids=$(cut -d" " -f1 "$tmp/findings" | tr '\n' ' ')

check "seed 001 re-created: teardown-race findings carry their entry points" \
	grep -q "netdev:$mlx5/en_main.c:mlx5e_change_nic_mtu .*sysfs:net/core/net-sysfs.c:speed_show" "$tmp/findings"

set --
for id in $ids; do
	set -- "$@" --id="$id"
done
rc=0
LOCKSCOPE_SCRATCH_CMD="sh '$tmp/scratch.sh'" \
	nice -n 10 "$lockscope" fix --facts-dir="$tmp/facts" --tree="$work" \
	--output-dir="$tmp/patches" "$@" --verify >"$tmp/fix.log" 2>&1 || rc=$?
verdict $rc "lockscope fix --verify: a patch per teardown-race finding, each verified"
n=$(grep -c "verified: the finding is gone, nothing new is reported, .*$mlx5/en_main.o.*net/core/net-sysfs.o builds" "$tmp/fix.log" || true)
check "each patched tree: finding gone, nothing new, en_main.o and net-sysfs.o build" \
	test -n "$ids" -a "$n" -eq "$(echo $ids | wc -w)"
check "the patch guards mlx5e_change_nic_mtu() first thing and speed_show() under the RTNL" \
	sh -c 'cat "$1"/*.patch | tr "\n" "@" | grep -q "mlx5e_change_nic_mtu.*+	if (!netif_device_present(netdev))@+		return -ENODEV;" &&
	       cat "$1"/*.patch | tr "\n" "@" | grep -q "rtnl_trylock())@ 		return restart_syscall();@+	if (!netif_device_present(netdev)) {@+		rtnl_unlock();"' - "$tmp/patches"

echo "--- lockscope fix"
cat "$tmp/fix.log"
echo "--- the first patch"
cat "$(ls "$tmp/patches"/*.patch | head -n 1)" 2>/dev/null || true
finish
