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

/* The fixed twin: the inner lock/unlock pair is gone. */
static void port_kick(struct port *p)
{
	spin_lock(&p->lock);
	if (p->pending)
		port_account(p);
	spin_unlock(&p->lock);
}

/*
 * check-name: fixed twin: the inner lock/unlock pair removed
 */
