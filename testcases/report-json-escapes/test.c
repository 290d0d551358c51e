#include "kernel.h"

/*
 * JSON strings escape what they must: the file this is checked as is
 * named with a double quote and a backslash (copied there by the
 * check-command), and every finding and note names it.  The filter
 * counts the lines with the name escaped, and prints the names as JSON
 * reads them back.  (A tab in a name becomes a space in the facts.)
 */
struct pair {
	spinlock_t a, b;
};

void pair_ab(struct pair *p)
{
	spin_lock(&p->a);
	spin_lock(&p->b);
	spin_unlock(&p->b);
	spin_unlock(&p->a);
}

void pair_ba(struct pair *p)
{
	spin_lock(&p->b);
	spin_lock(&p->a);
	spin_unlock(&p->a);
	spin_unlock(&p->b);
}

/*
 * check-name: lockscope report --format=json escapes quotes and backslashes
 * check-command: d=$(mktemp -d) && cp test.c "$d/q\"b\\c.c" && (cd "$d" && lockscope -I"$OLDPWD/../include" --no-sparse-warnings *.c) && lockscope report --format=json > "$d/out.json" && grep -c 'q\\"b\\\\c\.c' "$d/out.json" && python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(len(d), "findings;", *sorted({f["file"] for f in d} | {n["file"] for f in d for n in f["notes"]}))' "$d/out.json"; rm -rf "$d"
 * check-output-start
9
1 findings; q"b\c.c
 * check-output-end
 */
