#!/bin/sh
# Fetch Debian's sparse source package and build libsparse.a under $1.
#
# apt runs with a private sources list and private state directories, so
# the system's apt configuration is never touched.  The unpacked tree gets
# Debian's patches applied by dpkg-source.
set -eu

dest=${1:?usage: fetch-sparse.sh BUILD-DIR}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
version=${SPARSE_DEBIAN_VERSION:-0.6.4-3}
suites=${DEBIAN_SUITES:-bookworm bookworm-updates}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

. "$(dirname "$0")/need-packages.sh"
need_packages build

src="$dest/sparse"
if [ -f "$src/libsparse.a" ] && [ -f "$src/.lockscope-version" ] &&
   [ "$(cat "$src/.lockscope-version")" = "$version" ]; then
	exit 0
fi

apt_dir="$dest/apt"
rm -rf "$apt_dir" "$src"
mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
cat > "$apt_dir/sources/lockscope-src.sources" <<SOURCES
Types: deb-src
URIs: $mirror
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

apt_opts="-q -o Dir::Etc::sourcelist=/dev/null
	-o Dir::Etc::sourceparts=$apt_dir/sources
	-o Dir::State::Lists=$apt_dir/lists
	-o Dir::Cache=$apt_dir/cache
	-o APT::Sandbox::User=root"

echo "  FETCH   sparse $version (Debian source package)"
# shellcheck disable=SC2086
apt-get $apt_opts update >"$apt_dir/update.log" 2>&1 ||
	{ cat "$apt_dir/update.log" >&2; echo "fetch-sparse: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
(cd "$apt_dir" && apt-get $apt_opts source --download-only "sparse=$version") \
	>"$apt_dir/source.log" 2>&1 ||
	{ cat "$apt_dir/source.log" >&2; echo "fetch-sparse: cannot download sparse $version" >&2; exit 1; }

echo "  UNPACK  sparse (with Debian's patches)"
dpkg-source -q -x "$apt_dir"/sparse_"$version".dsc "$src" >"$apt_dir/unpack.log" 2>&1 ||
	{ cat "$apt_dir/unpack.log" >&2; exit 1; }

echo "  BUILD   libsparse.a"
make -s -C "$src" -j"$(nproc)" CC="${CC:-cc}" libsparse.a >"$apt_dir/build.log" 2>&1 ||
	{ tail -20 "$apt_dir/build.log" >&2; echo "fetch-sparse: building libsparse failed" >&2; exit 1; }
echo "$version" > "$src/.lockscope-version"
