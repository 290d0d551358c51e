#include "driver.h"

/*
 * A core driver whose net devices belong to a child device's driver:
 * remove deletes the child device first (its driver's remove unregisters
 * the net devices, waiting for running callbacks), then frees the pool
 * those callbacks allocate from.
 *
 * check-name: remove deletes the child device before freeing what its callbacks use
 * check-error-start
 * check-error-end
 */
struct core_dev {
	struct device child;
	struct dma_pool *stats_pool;
};

struct port_priv {
	struct core_dev *core;
};

static void port_get_stats64(struct net_device *netdev, void *stats)
{
	struct port_priv *priv = netdev_priv(netdev);
	dma_addr_t dma;

	dma_pool_alloc(priv->core->stats_pool, GFP_KERNEL, &dma);
}

const struct net_device_ops port_netdev_ops = {
	.ndo_get_stats64 = port_get_stats64,
};

static void core_teardown(struct pci_dev *pdev)
{
	struct core_dev *core = pci_get_drvdata(pdev);

	device_del(&core->child);
	dma_pool_destroy(core->stats_pool);
}

struct pci_driver core_driver = {
	.name = "core",
	.remove = core_teardown,
};
