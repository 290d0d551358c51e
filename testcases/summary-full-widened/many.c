#include "kernel.h"
#include "many.h"

spinlock_t stats_lock;

/* 300 counters, each with a lock and a function that takes it. */
#define COUNTER(n)						\
	static spinlock_t counter_lock_##n;		\
	static int counter_##n;					\
	static void counter_bump_##n(void)			\
	{							\
		spin_lock(&counter_lock_##n);			\
		counter_##n++;					\
		spin_unlock(&counter_lock_##n);			\
	}
#define COUNTER10(n)						\
	COUNTER(n##0) COUNTER(n##1) COUNTER(n##2) COUNTER(n##3)	\
	COUNTER(n##4) COUNTER(n##5) COUNTER(n##6) COUNTER(n##7)	\
	COUNTER(n##8) COUNTER(n##9)
#define COUNTER100(n)						\
	COUNTER10(n##0) COUNTER10(n##1) COUNTER10(n##2)		\
	COUNTER10(n##3) COUNTER10(n##4) COUNTER10(n##5)		\
	COUNTER10(n##6) COUNTER10(n##7) COUNTER10(n##8)		\
	COUNTER10(n##9)

#define BUMP(n) counter_bump_##n();
#define BUMP10(n)						\
	BUMP(n##0) BUMP(n##1) BUMP(n##2) BUMP(n##3) BUMP(n##4)	\
	BUMP(n##5) BUMP(n##6) BUMP(n##7) BUMP(n##8) BUMP(n##9)
#define BUMP100(n)						\
	BUMP10(n##0) BUMP10(n##1) BUMP10(n##2) BUMP10(n##3)	\
	BUMP10(n##4) BUMP10(n##5) BUMP10(n##6) BUMP10(n##7)	\
	BUMP10(n##8) BUMP10(n##9)

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
