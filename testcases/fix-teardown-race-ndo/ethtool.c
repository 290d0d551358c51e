#include "mlx.h"

int __ethtool_get_link_ksettings(struct net_device *dev,
				 struct ethtool_link_ksettings *cmd)
{
	if (!dev->ethtool_ops->get_link_ksettings)
		return -EINVAL;
	return dev->ethtool_ops->get_link_ksettings(dev, cmd);
}
