#!/bin/sh
# make demo: lockscope's main job on the bundled example: check each file
# the way kbuild would, then the whole-tree step on the facts they wrote.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top/ci/demo" || exit 2
facts=$(mktemp -d)
trap 'rm -rf "$facts"' EXIT
export LOCKSCOPE_FACTS_DIR="$facts"

echo "$ lockscope -I../../testcases/include demo_driver.c demo_events.c"
"$top/lockscope" -I"$top/testcases/include" demo_driver.c demo_events.c || exit $?
echo
echo "$ lockscope report"
"$top/lockscope" report --stats || exit $?
echo "(warnings do not fail the build, as with sparse: exit status 0)"
