#include "kernel.h"

struct netdev {
	int mtu;
	int up;
};

static int dev_set_mtu(struct netdev *dev, int mtu);
static int dev_open(struct netdev *dev);

/* The fixed twin: the first RTNL section is closed before the second. */
static int dev_reconfigure(struct netdev *dev, int mtu)
{
	int err;

	rtnl_lock();
	err = dev_set_mtu(dev, mtu);
	rtnl_unlock();
	if (err)
		return err;

	rtnl_lock();
	err = dev_open(dev);
	rtnl_unlock();
	return err;
}

/*
 * check-name: fixed twin: rtnl_unlock() between the two sections
 */
