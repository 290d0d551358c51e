#include "mlx.h"

/* Opening the interface queries the port through the command interface. */
static int mlx5e_open(struct net_device *netdev)
{
	struct mlx5_priv *priv = netdev_priv(netdev);
	unsigned int in[4] = { 0 }, out[4];

	return mlx5_cmd_exec(priv->mdev, in, sizeof(in), out, sizeof(out));
}

const struct net_device_ops mlx5e_netdev_ops = {
	.ndo_open = mlx5e_open,
};
