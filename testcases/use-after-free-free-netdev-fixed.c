#include "netdevice.h"

struct foo_priv {
	struct net_device *netdev;
	void *rx_ring;
	unsigned int nr_rings;
};

/* The fix: everything in the private area goes before free_netdev(). */
static void foo_remove(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);

	unregister_netdev(netdev);
	kfree(priv->rx_ring);
	priv->nr_rings = 0;
	free_netdev(netdev);
}

/*
 * check-name: the private area is done with before free_netdev()
 */
