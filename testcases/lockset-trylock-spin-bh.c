#include "kernel.h"

struct poller {
	spinlock_t lock;
	int events;
};

/* spin_trylock_bh() tested positively: the lock is held inside the if. */
static void poller_poke(struct poller *p)
{
	if (spin_trylock_bh(&p->lock)) {
		p->events++;
		spin_unlock_bh(&p->lock);
	}
}

/*
 * check-name: if (spin_trylock_bh()) { ... unlock }
 */
