#include "kernel.h"
#include "ipv6.h"

/* Reaches the inet6_dev again through the net_device's back pointer. */
void addrconf_join_anycast(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev->dev->ip6_ptr;

	write_lock_bh(&idev->lock);
	ifp->flags |= 1;
	write_unlock_bh(&idev->lock);
}

/* Takes the lock of the inet6_dev it is given. */
void addrconf_forward_change(struct inet6_dev *idev)
{
	write_lock_bh(&idev->lock);
	idev->forwarding = 0;
	write_unlock_bh(&idev->lock);
}
