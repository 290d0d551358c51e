#include "kernel.h"

struct ctl {
	struct mutex lock;
	int state;
};

/* The fixed twin: block only when the trylock failed. */
static void ctl_update(struct ctl *c)
{
	if (!mutex_trylock(&c->lock))
		mutex_lock(&c->lock);
	c->state++;
	mutex_unlock(&c->lock);
}

/*
 * check-name: fixed twin: mutex_lock() only where mutex_trylock() failed
 */
