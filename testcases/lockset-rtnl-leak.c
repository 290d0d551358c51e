#include "kernel.h"

struct netdev {
	int mtu;
	int registered;
};

static int dev_change_mtu(struct netdev *dev, int mtu);

/* The -ENODEV exit keeps RTNL: every later rtnl_lock() hangs. */
static int dev_set_mtu_locked(struct netdev *dev, int mtu)
{
	int err;

	rtnl_lock();
	if (!dev->registered) {
		dev->mtu = 0;
		return -ENODEV;
	}
	err = dev_change_mtu(dev, mtu);
	rtnl_unlock();
	return err;
}

/*
 * check-name: an error exit that keeps RTNL
 *
 * check-error-start
lockset-rtnl-leak.c:18:24: warning: inconsistent returns of 'rtnl_mutex' in dev_set_mtu_locked(): held on this return, not held on the return at line 22 [lockscope/inconsistent-return]
lockset-rtnl-leak.c:15:9: note: 'rtnl_mutex' (rtnl_mutex) acquired here
lockset-rtnl-leak.c:21:9: note: released here on the path to line 22
lockset-rtnl-leak.c:22:16: note: returns without 'rtnl_mutex' here
 * check-error-end
 */
