#include "netdevice.h"

struct foo_priv {
	struct net_device *netdev;
	void *rx_ring;
	unsigned int nr_rings;
};

/*
 * A PCI remove() that frees the net_device and then its private area's
 * ring: netdev_priv() points into the freed net_device allocation.
 */
static void foo_remove(struct net_device *netdev)
{
	struct foo_priv *priv = netdev_priv(netdev);

	unregister_netdev(netdev);
	free_netdev(netdev);
	kfree(priv->rx_ring);
	priv->nr_rings = 0;
}

/*
 * check-name: free_netdev() and then the private area
 *
 * check-error-start
use-after-free-free-netdev.c:19:15: warning: 'priv->rx_ring' is used after free_netdev() freed 'netdev' [lockscope/use-after-free]
use-after-free-free-netdev.c:18:9: note: free_netdev() frees 'netdev' here
 * check-error-end
 */
