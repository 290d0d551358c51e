#include "kernel.h"

struct inet6_dev {
	rwlock_t lock;
	int dead;
};

struct ifaddr {
	struct inet6_dev *idev;
	int flags;
};

/*
 * Locked through a local copy of the pointer, unlocked through the
 * original expression: one lock, balanced.
 */
static int ifa_mark(struct ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;

	write_lock_bh(&idev->lock);
	if (idev->dead) {
		write_unlock_bh(&ifp->idev->lock);
		return -ENODEV;
	}
	ifp->flags |= 1;
	write_unlock_bh(&ifp->idev->lock);
	return 0;
}

/*
 * check-name: locked through a local pointer copy, unlocked through the original
 */
