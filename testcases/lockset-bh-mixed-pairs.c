#include "kernel.h"

struct netdev {
	spinlock_t addr_list_lock;
	int count;
};

/* The shape of netif_addr_lock_bh() / netif_addr_unlock_bh(). */
static inline void addr_lock_bh(struct netdev *dev)
{
	local_bh_disable();
	spin_lock(&dev->addr_list_lock);
}

static inline void addr_unlock_bh(struct netdev *dev)
{
	spin_unlock_bh(&dev->addr_list_lock);
}

/* local_bh_disable() + spin_lock() pairs with spin_unlock_bh(): silent. */
static void addr_unsync(struct netdev *to, struct netdev *from)
{
	if (to->count != from->count)
		return;
	addr_lock_bh(from);
	from->count = 0;
	addr_unlock_bh(from);
}

/*
 * check-name: local_bh_disable() and spin_lock() released by spin_unlock_bh()
 */
