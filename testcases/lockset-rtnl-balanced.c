#include "kernel.h"

struct netdev {
	int mtu;
	int registered;
};

static int dev_change_mtu(struct netdev *dev, int mtu);

/* RTNL around a netdev change, with an error path that unlocks. */
static int dev_set_mtu_locked(struct netdev *dev, int mtu)
{
	int err;

	rtnl_lock();
	if (!dev->registered) {
		err = -ENODEV;
		goto unlock;
	}
	err = dev_change_mtu(dev, mtu);
unlock:
	rtnl_unlock();
	return err;
}

/*
 * check-name: rtnl_lock() with an error path through the unlock label
 */
