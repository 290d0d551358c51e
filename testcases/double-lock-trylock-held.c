#include "kernel.h"

struct stats {
	spinlock_t lock;
	int hits;
};

/* A trylock of a held lock fails and returns: no deadlock to report. */
static void stats_hit(struct stats *s)
{
	spin_lock(&s->lock);
	if (spin_trylock(&s->lock)) {
		s->hits++;
		spin_unlock(&s->lock);
	}
	s->hits++;
	spin_unlock(&s->lock);
}

/*
 * check-name: a trylock of a held lock is not a double lock
 */
