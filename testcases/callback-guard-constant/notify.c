#include "kernel.h"
#include "ipv6.h"

static void addrconf_join(struct inet6_dev *idev)
{
	write_lock_bh(&idev->lock);
	idev->mc_count++;
	write_unlock_bh(&idev->lock);
}

/* Only RTM_NEWADDR (a switch case) takes the lock. */
void ipv6_ifa_notify(int event, struct inet6_ifaddr *ifp)
{
	switch (event) {
	case RTM_NEWADDR:
		addrconf_join(ifp->idev);
		break;
	default:
		ifp->flags = 0;
		break;
	}
}

/* Only RTM_DELADDR (an if) takes the lock. */
void ipv6_mc_notify(int event, struct inet6_ifaddr *ifp)
{
	if (event == RTM_DELADDR) {
		write_lock_bh(&ifp->idev->lock);
		ifp->idev->mc_count--;
		write_unlock_bh(&ifp->idev->lock);
	}
}
