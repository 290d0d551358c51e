# Sourced by the set-up scripts: make sure the Debian packages a step needs
# are installed.  As root they are installed; otherwise the missing ones are
# named and the script stops.

packages_for() {
	case $1 in
	build)	echo "gcc make dpkg-dev apt ca-certificates" ;;
	kernel)	echo "gcc make flex bison bc libelf-dev libssl-dev xz-utils dpkg-dev python3 time apt debian-archive-keyring" ;;
	bench)	echo "sparse time" ;;
	cocci)	echo "coccinelle libpython3.11" ;;
	clang)	echo "libclang-dev" ;;
	esac
}

need_packages() {
	missing=
	for p in $(packages_for "$1"); do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -eq 0 ]; then
		echo "  APT     installing$missing"
		DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null 2>&1 || true
		# shellcheck disable=SC2086
		DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends $missing >/dev/null ||
			{ echo "lockscope: could not install:$missing" >&2; exit 1; }
	else
		echo "lockscope: missing Debian packages; run as root:" >&2
		echo "  apt-get install$missing" >&2
		exit 1
	fi
}

# The same for an optional dependency: as root it is installed; otherwise
# the missing packages are named and the build goes on without them.
want_packages() {
	if [ "$(id -u)" -ne 0 ]; then
		missing=
		for p in $(packages_for "$1"); do
			dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
				missing="$missing $p"
		done
		[ -n "$missing" ] && echo "lockscope: building without $1 support; for it, run as root: apt-get install$missing" >&2
		return 0
	fi
	(need_packages "$1") || true
}
