#include "mlx.h"

static void mlx5_nic_disable(struct mlx5_priv *priv)
{
	rtnl_lock();
	netif_device_detach(priv->netdev);
	rtnl_unlock();
}

void mlx5_unload_one(struct mlx5_core_dev *dev)
{
	mlx5_nic_disable(netdev_priv(dev->netdev));
}

static void shutdown(struct pci_dev *pdev)
{
	struct mlx5_core_dev *dev = pci_get_drvdata(pdev);

	mlx5_unload_one(dev);
	mlx5_cmd_cleanup(dev);
}

struct pci_driver mlx5_driver = {
	.name = "mlx5",
	.shutdown = shutdown,
};
