#include "mlx.h"

static int query_port_ptys(struct mlx5_core_dev *dev, unsigned int *speed)
{
	unsigned int in[4] = { 0 }, out[4];
	int err = mlx5_cmd_exec(dev, in, sizeof(in), out, sizeof(out));

	*speed = out[1];
	return err;
}

static int mlx5_get_link_ksettings(struct net_device *netdev,
				  struct ethtool_link_ksettings *link)
{
	struct mlx5_priv *priv = netdev_priv(netdev);

	return query_port_ptys(priv->mdev, &link->base.speed);
}

const struct ethtool_ops mlx5_ethtool_ops = {
	.get_link_ksettings = mlx5_get_link_ksettings,
};
