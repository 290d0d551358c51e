#include "kernel.h"

struct timer {
	spinlock_t lock;
	int armed;
	int expires;
	int misses;
};

/* A void function with an early return under the lock. */
static void timer_rearm(struct timer *t, int expires)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	if (!t->armed) {
		t->misses++;
		return;
	}
	t->expires = expires;
	spin_unlock_irqrestore(&t->lock, flags);
}

/*
 * check-name: void function: early return under irqsave lock
 *
 * check-error-start
inconsistent-return-void.c:18:17: warning: inconsistent returns of '&t->lock' in timer_rearm(): held on this return, not held on the return at line 21 [lockscope/inconsistent-return]
inconsistent-return-void.c:15:9: note: '&t->lock' (struct timer::lock) acquired here
inconsistent-return-void.c:21:9: note: released here on the path to line 21
inconsistent-return-void.c:21:9: note: returns without '&t->lock' here
 * check-error-end
 */
