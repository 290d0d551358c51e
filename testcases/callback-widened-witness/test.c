#include "kernel.h"

extern spinlock_t stats_lock;
void stats_update(int flag);

/* With 0 only stats_always() takes the lock: the chain should say so. */
void stats_flush(void)
{
	spin_lock(&stats_lock);
	stats_update(0);
	spin_unlock(&stats_lock);
}

/*
 * check-name: a lock reached first under a condition, then always: the chain names the way taken whatever the argument
 * check-known-to-fail
 * check-error-start
test.c:10:9: error: stats_update() is called with '&stats_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:9: note: '&stats_lock' (stats_lock) acquired here
test.c:10:9: note: stats_flush() calls stats_update()
stats.c:25:9: note: stats_update() calls stats_always()
stats.c:17:9: note: stats_always() acquires '&stats_lock' here
 * check-error-end
 */
