/* The shapes of seed 000: an address, its device, and the device's back pointer. */
#ifndef TEST_IPV6_H
#define TEST_IPV6_H

#define RTM_NEWADDR	20
#define RTM_DELADDR	21

struct net_device;

struct inet6_dev {
	rwlock_t lock;
	struct net_device *dev;
	int forwarding;
};

struct net_device {
	struct inet6_dev *ip6_ptr;	/* back to the inet6_dev */
};

struct inet6_ifaddr {
	struct inet6_dev *idev;
	int flags;
};

void ipv6_ifa_notify(int event, struct inet6_ifaddr *ifp);
void addrconf_join_anycast(struct inet6_ifaddr *ifp);
void addrconf_forward_change(struct inet6_dev *idev);

#endif
