#include "kernel.h"
#include "ipv6.h"

/*
 * Seed 000 fixed: what is needed under the lock is read under it, and the
 * notification is sent after the unlock.  Whatever lock the notifier
 * chain takes, it is not held here.
 */
void addrconf_dad_completed(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;
	int fwd;

	read_lock_bh(&idev->lock);
	fwd = idev->forwarding;
	read_unlock_bh(&idev->lock);
	if (!fwd)
		ipv6_ifa_notify(RTM_NEWADDR, ifp);
}

void addrconf_ifdown(struct inet6_ifaddr *ifp)
{
	read_lock_bh(&ifp->idev->lock);
	ifp->flags = 0;
	read_unlock_bh(&ifp->idev->lock);
	ipv6_ifa_notify(RTM_DELADDR, ifp);
}

/*
 * check-name: seed 000 fixed: the notification is sent after read_unlock_bh
 */
