#include "kernel.h"
#include "link.h"

/*
 * Two findings for the JSON form: state -> stats here inverts
 * link_count() (stats.c), and link_reset() is called with the very
 * state_lock it takes.  The filter checks the shape of every finding and
 * of every note, that the ids are 16 hex digits and distinct, and prints
 * one line per finding.
 */
void link_down(struct link *l)
{
	spin_lock(&l->state_lock);
	spin_lock(&l->stats_lock);
	l->packets = 0;
	spin_unlock(&l->stats_lock);
	link_reset(l);
	spin_unlock(&l->state_lock);
}

/*
 * check-name: lockscope report --format=json: a JSON array of findings with notes, on stdout
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --format=json | python3 -c 'import json, re, sys; d = json.load(sys.stdin); assert all(set(f) - {"fix"} == {"id", "check", "severity", "file", "line", "column", "message", "notes"} for f in d); assert all(set(n) == {"file", "line", "column", "message"} for f in d for n in f["notes"]); assert all(re.fullmatch("[0-9a-f]{16}", f["id"]) for f in d); assert len({f["id"] for f in d}) == len(d); print(len(d), "findings"); [print("%s %s %s:%d:%d notes=%d: %s" % (f["check"], f["severity"], f["file"], f["line"], f["column"], len(f["notes"]), f["message"])) for f in d]'
 * check-output-start
2 findings
lock-order warning test.c:14:9 notes=8: possible circular locking dependency: 'struct link::state_lock' -> 'struct link::stats_lock' -> 'struct link::state_lock'
callback-under-lock error test.c:17:9 notes=3: link_reset() is called with '&l->state_lock' held and acquires it again: deadlock
 * check-output-end
 */
