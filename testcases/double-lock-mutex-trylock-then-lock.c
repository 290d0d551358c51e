#include "kernel.h"

struct ctl {
	struct mutex lock;
	int state;
};

/*
 * The condition of the fallback is inverted: mutex_lock() runs exactly
 * when mutex_trylock() has just succeeded.
 */
static void ctl_update(struct ctl *c)
{
	if (mutex_trylock(&c->lock))
		mutex_lock(&c->lock);
	c->state++;
	mutex_unlock(&c->lock);
}

/*
 * check-name: mutex_lock() on the success edge of mutex_trylock(): one report only
 *
 * check-error-start
double-lock-mutex-trylock-then-lock.c:15:17: warning: mutex_lock() acquires '&c->lock' while it is already held: self-deadlock [lockscope/double-lock]
double-lock-mutex-trylock-then-lock.c:14:13: note: '&c->lock' (struct ctl::lock) was acquired here
 * check-error-end
 */
