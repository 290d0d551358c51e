#include "driver.h"

/*
 * The same teardown bound as the PCI shutdown callback: shutdown only
 * quiesces and unbinds nothing, so lockscope does not count on a child
 * device's deletion reached from there to have unregistered the net
 * devices (in real drivers that deletion is usually conditional).
 *
 * check-name: shutdown unbinds nothing: deleting a child device there does not unpublish its callbacks
 * check-error-start
test.c:46:9: warning: dma_pool_destroy() frees 'struct core_dev::stats_pool' while port_get_stats64() can still use it: the callback is neither unpublished nor guarded first [lockscope/teardown-race]
test.c:41: note: CPU0: core_teardown() tears the device down (struct pci_driver::shutdown)
test.c:46:9: note: CPU0: core_teardown() frees 'struct core_dev::stats_pool' with dma_pool_destroy()
test.c:29: note: CPU1: port_get_stats64() can still run: struct net_device_ops::ndo_get_stats64, a netdev callback, is not unpublished before the free
test.c:34:9: note: CPU1: port_get_stats64() uses 'struct core_dev::stats_pool': dma_pool_alloc()
test.c:41: note: scenario: CPU0: core_teardown() -> dma_pool_destroy(): freed
test.c:29: note: scenario: CPU1: port_get_stats64() -> dma_pool_alloc(): use after free
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
	.shutdown = core_teardown,
};
