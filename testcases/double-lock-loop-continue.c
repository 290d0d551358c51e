#include "kernel.h"

struct ring {
	spinlock_t lock;
	int skip[8];
	int done[8];
};

/*
 * A 'continue' that forgets the unlock: from the second iteration on,
 * spin_lock() may find the lock held by the previous one.
 */
static void ring_reap(struct ring *r)
{
	int i;

	for (i = 0; i < 8; i++) {
		spin_lock(&r->lock);
		if (r->skip[i])
			continue;
		r->done[i] = 1;
		spin_unlock(&r->lock);
	}
}

/*
 * check-name: a continue that skips the unlock: the next iteration locks again
 * check-known-to-fail
 *
 * check-error-start
double-lock-loop-continue.c:18:17: warning: spin_lock() acquires '&r->lock' while it is already held: self-deadlock [lockscope/double-lock]
double-lock-loop-continue.c:18:17: note: '&r->lock' (struct ring::lock) was acquired here
 * check-error-end
 */
