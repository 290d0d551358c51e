#include "kernel.h"

struct route;
struct route *local_route_alloc(int table, unsigned int gfp);

struct addr_dev {
	spinlock_t lock;
	struct route *rt;
};

/*
 * GFP_ATOMIC under the lock; the GFP_KERNEL allocation below is only for
 * a configuration with metrics, which the local route's has not.
 */
void addr_add_route(struct addr_dev *dev)
{
	spin_lock_bh(&dev->lock);
	dev->rt = local_route_alloc(255, GFP_ATOMIC);
	spin_unlock_bh(&dev->lock);
}

/*
 * A member left out of a local structure's initializer is zero; the
 * facts do not say which members a structure passed by address holds,
 * so the test on it further down ("if (!attrs)") is not followed
 * (net/ipv6/anycast.c's __ipv6_dev_ac_inc() and addrconf.c's
 * fixup_permanent_addr(), through ip6_route_info_create() to
 * ip_fib_metrics_init()'s "if (!fc_mx)").
 *
 * check-name: a sleep behind a test on a member the caller's initializer leaves out: silent
 * check-known-to-fail
 */
