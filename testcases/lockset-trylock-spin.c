#include "kernel.h"

struct poller {
	spinlock_t lock;
	int events;
};

/* Only the success edge of spin_trylock() holds the lock. */
static int poller_try_drain(struct poller *p)
{
	int n;

	if (!spin_trylock(&p->lock))
		return -EBUSY;
	n = p->events;
	p->events = 0;
	spin_unlock(&p->lock);
	return n;
}

/*
 * check-name: if (!spin_trylock()) return: held only on the success edge
 */
