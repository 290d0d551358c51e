#include "kernel.h"
#include "many_locks.h"

spinlock_t stats_lock;

/* 300 counters, each with a lock and a function that takes it. */
COUNTER100(1)
COUNTER100(2)
COUNTER100(3)

/* Takes the stats lock only when asked to. */
static void stats_maybe(int flag)
{
	if (flag) {
		spin_lock(&stats_lock);
		spin_unlock(&stats_lock);
	}
}

/*
 * The stats lock is reached only when @flag is set, before and after the
 * summary is full: what it says of @flag must hold to the end.
 */
void stats_many(int flag)
{
	stats_maybe(flag);
	BUMP100(1)
	BUMP100(2)
	BUMP100(3)
	stats_maybe(flag);
}

/* The same through a cycle of calls, which passes @flag on. */
void stats_ring(int flag, int depth)
{
	stats_maybe(flag);
	BUMP100(1)
	BUMP100(2)
	BUMP100(3)
	if (depth)
		stats_ring(flag, depth - 1);
}

/* A long summary of its own, called from two places: read by its keys. */
void stats_all(int flag)
{
	BUMP100(1)
	stats_maybe(flag);
}

void stats_reset(void)
{
	stats_all(1);
}

/* The way through it passes @flag on too. */
void stats_many_more(int flag)
{
	stats_maybe(flag);
	BUMP100(1)
	BUMP100(2)
	BUMP100(3)
	stats_all(flag);
}
