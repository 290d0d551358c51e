#include "kernel.h"

struct netdev {
	int carrier;
};

static void linkwatch_schedule(struct netdev *dev);

/* rtnl_trylock() in a work item: requeue when RTNL is busy. */
static void link_work(struct netdev *dev)
{
	if (!rtnl_trylock()) {
		linkwatch_schedule(dev);
		return;
	}
	dev->carrier = 1;
	rtnl_unlock();
}

/*
 * check-name: if (!rtnl_trylock()) { requeue; return; }
 */
