#include "kernel.h"

struct port {
	spinlock_t lock;
	int pending;
	int stats;
};

static void port_account(struct port *p)
{
	p->stats++;
}

/* A helper's body pasted under the lock kept its own spin_lock(). */
static void port_kick(struct port *p)
{
	spin_lock(&p->lock);
	if (p->pending) {
		spin_lock(&p->lock);
		port_account(p);
		spin_unlock(&p->lock);
	}
	spin_unlock(&p->lock);
}

/*
 * check-name: spin_lock() of a spinlock already held in the same function
 *
 * check-error-start
double-lock-spin-reacquire.c:19:17: warning: spin_lock() acquires '&p->lock' while it is already held: self-deadlock [lockscope/double-lock]
double-lock-spin-reacquire.c:17:9: note: '&p->lock' (struct port::lock) was acquired here
 * check-error-end
 */
