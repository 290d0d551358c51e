#include "kernel.h"

struct chan {
	spinlock_t lock;
	int ready;
	int users;
};

/*
 * The error path unlocks and then jumps to a label that unlocks again:
 * the goto should have gone to a label past the unlock.
 */
static int chan_get(struct chan *c)
{
	spin_lock(&c->lock);
	if (!c->ready) {
		spin_unlock(&c->lock);
		goto err;
	}
	c->users++;
	spin_unlock(&c->lock);
	return 0;

err:
	spin_unlock(&c->lock);
	return -ENODEV;
}

/*
 * check-name: error path unlocks, then jumps to a label that unlocks again
 *
 * check-error-start
double-unlock-error-path.c:25:9: warning: spin_unlock() releases '&c->lock', which is not held on this path [lockscope/double-unlock]
double-unlock-error-path.c:17:17: note: '&c->lock' (struct chan::lock) was already released here
 * check-error-end
 */
