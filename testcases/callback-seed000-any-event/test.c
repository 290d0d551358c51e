#include "kernel.h"
#include "ipv6.h"

/*
 * The event is the caller's own parameter: both cases of the dispatcher
 * can run.  RTM_DELADDR write-locks ifp->idev itself, so this is a
 * certain deadlock: the error must be reported, not only the weaker
 * "same class" warning that RTM_NEWADDR's back pointer gives.
 */
void addrconf_notify_locked(struct inet6_ifaddr *ifp, int event)
{
	read_lock_bh(&ifp->idev->lock);
	ipv6_ifa_notify(event, ifp);
	read_unlock_bh(&ifp->idev->lock);
}

/*
 * check-name: notify with a variable event under read_lock_bh: the same-instance error wins
 * check-error-start
test.c:13:9: error: ipv6_ifa_notify() is called with '&ifp->idev->lock' held for read and acquires it again for write: deadlock [lockscope/callback-under-lock]
test.c:12: note: '&ifp->idev->lock' (struct inet6_dev::lock) acquired here
test.c:13:9: note: addrconf_notify_locked() calls ipv6_ifa_notify()
notify.c:19:9: note: ipv6_ifa_notify() calls __ipv6_ifa_notify()
notify.c:12:17: note: __ipv6_ifa_notify() calls addrconf_forward_change()
addrconf.c:17:9: note: addrconf_forward_change() acquires '&idev->lock' here
 * check-error-end
 */
