#include "kernel.h"

struct timer {
	spinlock_t lock;
	int armed;
	int expires;
	int misses;
};

/* The fixed twin: the early exit goes through the unlock. */
static void timer_rearm(struct timer *t, int expires)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	if (!t->armed) {
		t->misses++;
		goto out;
	}
	t->expires = expires;
out:
	spin_unlock_irqrestore(&t->lock, flags);
}

/*
 * check-name: fixed twin: the early exit goes through the unlock
 */
