#include "kernel.h"
#include "ipv6.h"

/*
 * Both calls are made with the device lock held, but each passes an
 * event for which its callee takes no lock: event 0 never reaches
 * "case RTM_NEWADDR:", and RTM_NEWADDR fails the "event == RTM_DELADDR"
 * test.
 */
void addrconf_refresh(struct inet6_ifaddr *ifp)
{
	read_lock_bh(&ifp->idev->lock);
	ipv6_ifa_notify(0, ifp);
	ipv6_mc_notify(RTM_NEWADDR, ifp);
	read_unlock_bh(&ifp->idev->lock);
}

/*
 * check-name: under the lock, constant events whose case and if do not take it: silent
 */
