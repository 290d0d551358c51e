#include "kernel.h"
#include "ipv6.h"

/* The dispatcher: which lock is taken depends on the event. */
static void __ipv6_ifa_notify(int event, struct inet6_ifaddr *ifp)
{
	switch (event) {
	case RTM_NEWADDR:
		addrconf_join_anycast(ifp);
		break;
	case RTM_DELADDR:
		addrconf_forward_change(ifp->idev);
		break;
	}
}

void ipv6_ifa_notify(int event, struct inet6_ifaddr *ifp)
{
	__ipv6_ifa_notify(event, ifp);
}
