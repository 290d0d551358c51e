/* An address and its device; event numbers as in rtnetlink. */
#ifndef TEST_IPV6_H
#define TEST_IPV6_H

#define RTM_NEWADDR	20
#define RTM_DELADDR	21

struct inet6_dev {
	rwlock_t lock;
	int mc_count;
};

struct inet6_ifaddr {
	struct inet6_dev *idev;
	int flags;
};

void ipv6_ifa_notify(int event, struct inet6_ifaddr *ifp);
void ipv6_mc_notify(int event, struct inet6_ifaddr *ifp);

#endif
