#include "driver.h"

/* A NIC driver's core device: the command interface owns a DMA pool. */
enum { MLX5_CMDIF_STATE_UNINITIALIZED, MLX5_CMDIF_STATE_UP, MLX5_CMDIF_STATE_DOWN };
struct mlx5_cmd { struct dma_pool *pool; int state; };
struct mlx5_core_dev {
	struct pci_dev *pdev;
	struct mlx5_cmd cmd;
	struct net_device *netdev;
};
struct mlx5_priv { struct mlx5_core_dev *mdev; struct net_device *netdev; };

int mlx5_cmd_exec(struct mlx5_core_dev *dev, void *in, int in_size, void *out, int out_size);
void mlx5_cmd_cleanup(struct mlx5_core_dev *dev);
bool mlx5_cmd_is_down(struct mlx5_core_dev *dev);
void mlx5_cmd_set_state(struct mlx5_core_dev *dev, int state);
void mlx5_unload_one(struct mlx5_core_dev *dev);
int __ethtool_get_link_ksettings(struct net_device *dev,
				 struct ethtool_link_ksettings *cmd);
