#include "kernel.h"
#include "many_locks.h"

/* Called with 0 and the lock held: stats_always() still takes it. */
void stats_flush(void)
{
	spin_lock(&stats_lock);
	stats_many(0);
	spin_unlock(&stats_lock);
}

void stats_flush_ring(void)
{
	spin_lock(&stats_lock);
	stats_ring(0, 3);
	spin_unlock(&stats_lock);
}

void stats_flush_more(void)
{
	spin_lock(&stats_lock);
	stats_many_more(0);
	spin_unlock(&stats_lock);
}

/*
 * check-name: a full summary (over 256 locks) still widens a guarded lock reached again unconditionally (through a callee done before, read by its keys, and through a cycle)
 * check-error-start
test.c:8:9: error: stats_many() is called with '&stats_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:7: note: '&stats_lock' (stats_lock) acquired here
test.c:8:9: note: stats_flush() calls stats_many()
many.c:34:9: note: stats_many() calls stats_maybe()
many.c:15:17: note: stats_maybe() acquires '&stats_lock' here
test.c:15:9: error: stats_ring() is called with '&stats_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:14: note: '&stats_lock' (stats_lock) acquired here
test.c:15:9: note: stats_flush_ring() calls stats_ring()
many.c:47:9: note: stats_ring() calls stats_maybe()
many.c:15:17: note: stats_maybe() acquires '&stats_lock' here
test.c:22:9: error: stats_many_more() is called with '&stats_lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:21: note: '&stats_lock' (stats_lock) acquired here
test.c:22:9: note: stats_flush_more() calls stats_many_more()
many.c:70:9: note: stats_many_more() calls stats_maybe()
many.c:15:17: note: stats_maybe() acquires '&stats_lock' here
 * check-error-end
 */
