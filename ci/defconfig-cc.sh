#!/bin/sh
# The compiler for defconfig-run.sh, installed as "gcc" first in PATH.
#
# A kernel object (-D__KERNEL__ ... -c -o X.o) is only preprocessed: that
# writes the -MD dependency file kbuild needs, and X.o becomes an empty
# object, so the checker, not the compiler, is what the run measures.
# Everything else (host programs, Kconfig's and kbuild's compiler probes,
# --version) goes to the real compiler untouched, so the configuration
# stays the same.
#
# Environment: DEFCONFIG_REAL_CC (default /usr/bin/gcc),
#              DEFCONFIG_EMPTY_O (an empty object to copy; made if missing)
real=${DEFCONFIG_REAL_CC:-/usr/bin/gcc}

kernel= compile= out= src= prev=
for a; do
	case $a in
	-D__KERNEL__) kernel=1 ;;
	-c) compile=1 ;;
	esac
	[ "$prev" = -o ] && out=$a
	prev=$a
	src=$a
done
case $src:$out in
*.c:*.o | *.S:*.o) ;;
*) kernel= ;;
esac
[ -n "$kernel" ] && [ -n "$compile" ] || exec "$real" "$@"

# Rebuild the argv: -c becomes -E, the object goes to /dev/null.
n=$#
i=0
prev=
while [ $i -lt $n ]; do
	a=$1; shift; i=$((i + 1))
	if [ "$prev" = -o ]; then
		a=/dev/null
	elif [ "$a" = -c ]; then
		a=-E
	fi
	prev=$a
	set -- "$@" "$a"
done

"$real" "$@" || exit
empty=${DEFCONFIG_EMPTY_O:-/tmp/defconfig-empty.o}
if [ ! -s "$empty" ]; then
	"$real" -c -x c /dev/null -o "$empty.$$" && mv "$empty.$$" "$empty" || exit
fi
cp "$empty" "$out"
