#include "kernel.h"
#include "many_locks.h"

/* Called with 0 and the lock held: no way down takes it. */
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
 * check-name: a full summary (over 256 locks) keeps a lock's guard when every way to it is guarded: silent
 */
