#include "kernel.h"
#include "ipv6.h"

/*
 * Seed 000: the notification is sent with the inet6_dev's lock held for
 * read.  RTM_NEWADDR write-locks an inet6_dev reached through the
 * net_device's back pointer, most likely this one: a warning.
 */
void addrconf_dad_completed(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;

	read_lock_bh(&idev->lock);
	ipv6_ifa_notify(RTM_NEWADDR, ifp);
	read_unlock_bh(&idev->lock);
}

/* RTM_DELADDR write-locks ifp->idev itself, passed down: an error. */
void addrconf_ifdown(struct inet6_ifaddr *ifp)
{
	read_lock_bh(&ifp->idev->lock);
	ipv6_ifa_notify(RTM_DELADDR, ifp);
	read_unlock_bh(&ifp->idev->lock);
}

/*
 * check-name: seed 000: notify under read_lock_bh reaches write_lock_bh of the same idev
 * check-error-start
test.c:14:9: warning: ipv6_ifa_notify() is called with '&ifp->idev->lock' held for read and acquires a lock of the same class for write: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:13: note: '&ifp->idev->lock' (struct inet6_dev::lock) acquired here
test.c:14:9: note: addrconf_dad_completed() calls ipv6_ifa_notify()
notify.c:19:9: note: ipv6_ifa_notify() calls __ipv6_ifa_notify()
notify.c:9:17: note: __ipv6_ifa_notify() calls addrconf_join_anycast()
addrconf.c:9:9: note: addrconf_join_anycast() acquires '&ifp->idev->dev->ip6_ptr->lock' here
test.c:22:9: error: ipv6_ifa_notify() is called with '&ifp->idev->lock' held for read and acquires it again for write: deadlock [lockscope/callback-under-lock]
test.c:21: note: '&ifp->idev->lock' (struct inet6_dev::lock) acquired here
test.c:22:9: note: addrconf_ifdown() calls ipv6_ifa_notify()
notify.c:19:9: note: ipv6_ifa_notify() calls __ipv6_ifa_notify()
notify.c:12:17: note: __ipv6_ifa_notify() calls addrconf_forward_change()
addrconf.c:17:9: note: addrconf_forward_change() acquires '&idev->lock' here
 * check-error-end
 */
