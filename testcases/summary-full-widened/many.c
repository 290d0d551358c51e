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

/* Takes it whatever it is asked. */
static void stats_always(void)
{
	spin_lock(&stats_lock);
	spin_unlock(&stats_lock);
}

/*
 * The stats lock is first reached only when @flag is set; by the time
 * stats_always() is reached the summary is full, and that later,
 * unconditional way must still widen what it says.
 */
void stats_many(int flag)
{
	stats_maybe(flag);
	BUMP100(1)
	BUMP100(2)
	BUMP100(3)
	stats_always();
}

/*
 * The same, the other way inside a cycle of calls: the call of itself
 * passes 1, so the lock is taken whatever @flag was.
 */
void stats_ring(int flag, int depth)
{
	stats_maybe(flag);
	BUMP100(1)
	BUMP100(2)
	BUMP100(3)
	if (depth)
		stats_ring(1, depth - 1);
}

/* A long summary of its own, called from two places: read by its keys. */
void stats_all(void)
{
	BUMP100(1)
	stats_always();
}

void stats_reset(void)
{
	stats_all();
}

/* The unconditional way through it, once the summary is full. */
void stats_many_more(int flag)
{
	stats_maybe(flag);
	BUMP100(1)
	BUMP100(2)
	BUMP100(3)
	stats_all();
}
