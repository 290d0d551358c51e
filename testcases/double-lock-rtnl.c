#include "kernel.h"

struct netdev {
	int mtu;
	int up;
};

static int dev_set_mtu(struct netdev *dev, int mtu);
static int dev_open(struct netdev *dev);

/* The unlock between two RTNL sections was lost in a refactoring. */
static int dev_reconfigure(struct netdev *dev, int mtu)
{
	int err;

	rtnl_lock();
	err = dev_set_mtu(dev, mtu);
	if (err) {
		rtnl_unlock();
		return err;
	}

	rtnl_lock();
	err = dev_open(dev);
	rtnl_unlock();
	return err;
}

/*
 * check-name: rtnl_lock() while RTNL is already held
 *
 * check-error-start
double-lock-rtnl.c:23:9: warning: rtnl_lock() acquires 'rtnl_mutex' while it is already held: self-deadlock [lockscope/double-lock]
double-lock-rtnl.c:16:9: note: 'rtnl_mutex' (rtnl_mutex) was acquired here
 * check-error-end
 */
