/*
 * Over 256 locks, each behind a function of its own: COUNTER100(1)
 * defines counter_bump_100() ... counter_bump_199(), BUMP100(1) calls
 * them.  A function that calls them all reaches more locks than a
 * summary keeps.
 */
#ifndef TEST_MANY_LOCKS_H
#define TEST_MANY_LOCKS_H

#define COUNTER(n)						\
	static spinlock_t counter_lock_##n;			\
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

/* The stats lock the tests reach again, and their entry points. */
extern spinlock_t stats_lock;

void stats_many(int flag);
void stats_ring(int flag, int depth);
void stats_many_more(int flag);

#endif
