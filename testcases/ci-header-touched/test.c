#include "kernel.h"
#include "stats.h"

/*
 * The deadlock is in the header: stats_bump(), inlined here, now calls
 * stats_flush(), which takes the lock held around it.  The series changed
 * only stats.h; libclang maps that hunk to stats_bump(), and its calls
 * here (and stats_bump_twice()'s) to the finding's chain.
 */
void stats_event(struct stats_dev *d)
{
	spin_lock(&d->lock);
	stats_bump(d);
	spin_unlock(&d->lock);
}

void stats_burst(struct stats_dev *d)
{
	spin_lock(&d->lock);
	stats_bump_twice(d);
	spin_unlock(&d->lock);
}

/* The same deadlock, not through the changed function: not marked. */
void stats_reset(struct stats_dev *d)
{
	spin_lock(&d->lock);
	stats_flush(d);
	spin_unlock(&d->lock);
}

/* Not on any chain: stats_limit() is unchanged. */
int stats_room(struct stats_dev *d)
{
	return stats_limit() - d->events;
}

/*
 * check-name: ci: a hunk in a header marks the findings whose chain passes its inlined function
 * check-command: mkdir -p $FACTS-db && printf '[{"directory": "%s", "file": "test.c", "arguments": ["gcc", "-I../include", "-c", "test.c"]}]' "$PWD" >$FACTS-db/compile_commands.json && lockscope -I../include --no-sparse-warnings *.c && printf 'stats.h 17 23\n@ test.c\n' | lockscope ci-functions --compdb=$FACTS-db >$FACTS-db/touched && cat $FACTS-db/touched && lockscope report --touched=$FACTS-db/touched
 * check-output-start
stats.h 18 23 stats_bump
test.c 13 13 stats_bump stats.h 18
test.c 20 20 stats_bump stats.h 18
 * check-output-end
 * check-error-start
test.c:13:9: error: stats_flush() is called with '&d->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:12: note: '&d->lock' (struct stats_dev::lock) acquired here
test.c:13:9: note: stats_event() calls stats_flush()
flush.c:6:9: note: stats_flush() acquires '&d->lock' here
stats.h:18: note: this series changes stats_bump(), on this path
test.c:20:9: error: stats_flush() is called with '&d->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:19: note: '&d->lock' (struct stats_dev::lock) acquired here
test.c:20:9: note: stats_burst() calls stats_flush()
flush.c:6:9: note: stats_flush() acquires '&d->lock' here
stats.h:18: note: this series changes stats_bump(), on this path
test.c:28:9: error: stats_flush() is called with '&d->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:27: note: '&d->lock' (struct stats_dev::lock) acquired here
test.c:28:9: note: stats_reset() calls stats_flush()
flush.c:6:9: note: stats_flush() acquires '&d->lock' here
 * check-error-end
 */
