#!/bin/sh
# Prepare a configured Linux 6.1 tree in which kbuild can run a checker
# (make C=2 CHECK=...), and print its path as the last line on stdout.
# Progress goes to stderr, so  tree=$(sh ci/kernel-setup.sh)  works.
#
# The source is Debian's linux-source-6.1 package.  It is fetched with apt
# through a private sources list and private state directories, so the
# system's apt configuration is never touched.  Every step leaves a stamp
# once it has completed; a re-run skips finished steps, and a step that was
# interrupted is redone from scratch rather than trusted.
#
# The tree's sources are never modified (kbuild writes only generated files
# into it); ci/kernel-worktree.sh gives writable copies for experiments.
#
# Environment:
#   LOCKSCOPE_CACHE       cache root (default $XDG_CACHE_HOME/lockscope,
#                         i.e. ~/.cache/lockscope)
#   LOCKSCOPE_KERNEL_DEB  use this linux-source-6.1 .deb instead of the
#                         cached or freshly fetched one
#   DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR   where apt fetches from
set -eu
export LC_ALL=C		# sources.list must sort the same way for kernel-worktree.sh

ci=$(cd "$(dirname "$0")" && pwd)
. "$ci/need-packages.sh"

cache=${LOCKSCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lockscope}
kdir=$cache/kernel			# .deb, apt state, stamps, logs
tree=$cache/linux-6.1-pristine
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

# Options the lockscope tests rely on, on top of x86_64 defconfig.  WERROR
# goes: a new compiler warning must not make the tree unbuildable.  Editing
# these lists re-configures the tree on the next run (they are in the stamp).
enable="IPV6 MLX5_CORE MLX5_CORE_EN"
disable="WERROR"

say() { echo "  $*" >&2; }
die() { echo "kernel-setup: $*" >&2; exit 1; }

# Run a step quietly; on failure show the end of its log.
run_logged() {
	log=$1; shift
	"$@" >"$log" 2>&1 ||
		{ tail -n 30 "$log" >&2; die "failed: $* (log: $log)"; }
}

[ "$(uname -m)" = x86_64 ] ||
	die "the tree is configured for x86_64 and built with the host gcc; this host is $(uname -m)"

need_packages kernel
mkdir -p "$kdir"

# One set-up at a time; a second caller waits and then finds the stamps.
exec 9>"$kdir/setup.lock"
flock 9

# ---- fetch ------------------------------------------------------------------
# Reuse any cached .deb (newest version wins); apt verifies what it
# downloads against the signed archive, and the file only gets its final
# name once complete.
fetch_deb() {
	apt_dir=$kdir/apt
	rm -rf "$apt_dir" "$kdir/download.tmp"
	mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" \
		"$apt_dir/cache/archives/partial" "$kdir/download.tmp"
	cat >"$apt_dir/sources/lockscope-kernel.sources" <<-SOURCES
	Types: deb
	URIs: $mirror
	Suites: bookworm bookworm-updates
	Components: main
	Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

	Types: deb
	URIs: $security
	Suites: bookworm-security
	Components: main
	Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	SOURCES
	apt_opts="-q -o Dir::Etc::sourcelist=/dev/null
		-o Dir::Etc::sourceparts=$apt_dir/sources
		-o Dir::State::Lists=$apt_dir/lists
		-o Dir::Cache=$apt_dir/cache
		-o APT::Sandbox::User=root
		-o Acquire::Languages=none"

	say "FETCH   linux-source-6.1 (Debian binary package)"
	# shellcheck disable=SC2086
	run_logged "$kdir/apt-update.log" apt-get $apt_opts update
	# shellcheck disable=SC2086
	(cd "$kdir/download.tmp" && apt-get $apt_opts download linux-source-6.1) \
		>"$kdir/apt-download.log" 2>&1 ||
		{ cat "$kdir/apt-download.log" >&2; die "cannot download linux-source-6.1"; }
	for f in "$kdir"/download.tmp/linux-source-6.1_*_all.deb; do
		[ -f "$f" ] || die "apt reported success but left no .deb in $kdir/download.tmp"
		mv "$f" "$kdir/"
	done
	rmdir "$kdir/download.tmp"
}

newest_deb() {
	ls "$kdir"/linux-source-6.1_*_all.deb 2>/dev/null | sort -V | tail -n 1
}

if [ -n "${LOCKSCOPE_KERNEL_DEB:-}" ]; then
	deb=$LOCKSCOPE_KERNEL_DEB
	[ -f "$deb" ] || die "LOCKSCOPE_KERNEL_DEB=$deb: no such file"
else
	deb=$(newest_deb)
	if [ -z "$deb" ]; then
		fetch_deb
		deb=$(newest_deb)
	fi
fi
dpkg-deb -f "$deb" Package 2>/dev/null | grep -qx linux-source-6.1 ||
	die "$deb is not a linux-source-6.1 package"
version=$(dpkg-deb -f "$deb" Version)

# ---- unpack -----------------------------------------------------------------
# The stamp names the package version, so a different .deb means a new tree.
# The file list is kept so that kernel-worktree.sh can tell the sources from
# what kbuild generated later.
stamp_unpack=$kdir/stamp.unpack
stamp_config=$kdir/stamp.config
stamp_verify=$kdir/stamp.verify
if [ "$(cat "$stamp_unpack" 2>/dev/null)" != "$version" ]; then
	rm -f "$stamp_unpack" "$stamp_config" "$stamp_verify"
	say "UNPACK  linux-source-6.1 $version"
	rm -rf "$tree" "$tree.tmp"
	mkdir -p "$tree.tmp"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xOf - ./usr/src/linux-source-6.1.tar.xz |
		tar -xJf - -C "$tree.tmp" ||
		die "cannot unpack the kernel tarball from $deb (if it is damaged, delete it to fetch it again)"
	[ -f "$tree.tmp/linux-source-6.1/Makefile" ] ||
		die "$deb: no linux-source-6.1/Makefile in its tarball"
	(cd "$tree.tmp/linux-source-6.1" && find . -type f) | sort >"$kdir/sources.list"
	mv "$tree.tmp/linux-source-6.1" "$tree"
	rmdir "$tree.tmp"
	echo "$version" >"$stamp_unpack"
fi

# ---- configure and prepare --------------------------------------------------
config_id="$version defconfig +$enable -$disable"
if [ "$(cat "$stamp_config" 2>/dev/null)" != "$config_id" ]; then
	rm -f "$stamp_config" "$stamp_verify"
	say "CONFIG  x86_64 defconfig +$enable -$disable"
	run_logged "$kdir/defconfig.log" make -C "$tree" defconfig
	for o in $enable; do
		"$tree/scripts/config" --file "$tree/.config" --enable "$o"
	done
	for o in $disable; do
		"$tree/scripts/config" --file "$tree/.config" --disable "$o"
	done
	run_logged "$kdir/olddefconfig.log" make -C "$tree" olddefconfig
	# olddefconfig silently drops options whose dependencies are unmet.
	for o in $enable; do
		grep -q "^CONFIG_$o=y\$" "$tree/.config" ||
			die "CONFIG_$o did not stay enabled (unmet dependency?) in $tree/.config"
	done
	for o in $disable; do
		! grep -q "^CONFIG_$o=" "$tree/.config" ||
			die "CONFIG_$o is still set in $tree/.config"
	done
	say "PREPARE $tree"
	run_logged "$kdir/prepare.log" make -C "$tree" -j"$(nproc)" prepare
	echo "$config_id" >"$stamp_config"
fi

# ---- verify -----------------------------------------------------------------
# One real file through kbuild with Debian's sparse: proves that both the
# compiler and a checker run in this tree.
if [ "$(cat "$stamp_verify" 2>/dev/null)" != "$config_id" ]; then
	need_packages bench
	say "VERIFY  make C=2 CHECK=/usr/bin/sparse net/ipv6/addrconf.o"
	run_logged "$kdir/verify.log" \
		make -C "$tree" -s C=2 CHECK=/usr/bin/sparse net/ipv6/addrconf.o
	! grep -E '^[^ :]+:[0-9]+:[0-9]+: error:' "$kdir/verify.log" >&2 ||
		die "sparse could not parse net/ipv6/addrconf.c (log: $kdir/verify.log)"
	[ -f "$tree/net/ipv6/addrconf.o" ] || die "net/ipv6/addrconf.o was not built"
	echo "$config_id" >"$stamp_verify"
fi

echo "$tree"
