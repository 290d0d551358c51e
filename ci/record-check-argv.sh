#!/bin/sh
# kbuild's CHECK for bench.sh: save the argv kbuild gives the checker for
# one file, so that checkers can be replayed on it later with exactly the
# same flags.  Runs no checker and always succeeds.
#
# For source file F (kbuild passes it last) this writes
# $LOCKSCOPE_ARGV_DIR/F.argv: the arguments without argv[0], each ended by
# a NUL byte (flags such as -DKBUILD_BASENAME='"x"' survive unquoted).
set -eu

dir=${LOCKSCOPE_ARGV_DIR:?record-check-argv: LOCKSCOPE_ARGV_DIR is not set}
for src; do :; done
case $src in
/*) rel=${src#/} ;;
*) rel=${src#./} ;;
esac
mkdir -p "$(dirname "$dir/$rel")"
printf '%s\0' "$@" >"$dir/$rel.argv"
