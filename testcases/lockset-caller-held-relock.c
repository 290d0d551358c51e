#include "kernel.h"

struct waiter {
	spinlock_t lock;
	int ready;
};

static void wait_for_ready(struct waiter *w);

/*
 * Called with w->lock held, returns with it held: it may drop and retake
 * it, or return at once with the caller's lock untouched.
 */
static int waiter_sync(struct waiter *w)
{
	if (w->ready)
		return 0;
	spin_unlock(&w->lock);
	wait_for_ready(w);
	spin_lock(&w->lock);
	return 0;
}

/*
 * check-name: caller-held lock, dropped and retaken on one path only
 */
