/* A device's statistics, bumped through a static inline helper. */
#ifndef TEST_STATS_H
#define TEST_STATS_H

struct stats_dev {
	spinlock_t lock;
	int events;
};

void stats_flush(struct stats_dev *d);

static inline int stats_limit(void)
{
	return 64;
}

/* The series changed this: it now flushes when the count is high. */
static inline void stats_bump(struct stats_dev *d)
{
	d->events++;
	if (d->events > stats_limit())
		stats_flush(d);
}

/* Calls the changed helper: it changes with it. */
static inline void stats_bump_twice(struct stats_dev *d)
{
	stats_bump(d);
	stats_bump(d);
}

#endif
