#!/bin/sh
# make demo: run lockscope on the bundled example driver, the way kbuild
# would run it on a kernel file, and show what it finds.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top/ci/demo" || exit 2
echo "$ lockscope -I../../testcases/include demo_driver.c"
"$top/lockscope" -I"$top/testcases/include" demo_driver.c
status=$?
echo "(exit status $status: warnings do not fail the build, as with sparse)"
exit $status
