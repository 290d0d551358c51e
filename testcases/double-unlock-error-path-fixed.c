#include "kernel.h"

struct chan {
	spinlock_t lock;
	int ready;
	int users;
};

/* The fixed twin: the error path leaves the unlock to the label. */
static int chan_get(struct chan *c)
{
	spin_lock(&c->lock);
	if (!c->ready)
		goto err_unlock;
	c->users++;
	spin_unlock(&c->lock);
	return 0;

err_unlock:
	spin_unlock(&c->lock);
	return -ENODEV;
}

/*
 * check-name: fixed twin: the label does the only unlock
 */
