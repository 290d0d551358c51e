#include "irqctx.h"

struct nic {
	struct net_device *netdev;
	unsigned int resets;
};

/* Pulses the MAC's reset line. */
static void nic_reset_mac(struct nic *nic)
{
	nic->resets++;
	mdelay(10);
	nic->resets--;
}

/*
 * dev_watchdog() calls it from a timer with the queue's xmit lock held:
 * a busy wait is allowed there.
 */
static void nic_tx_timeout(struct net_device *netdev, unsigned int txqueue)
{
	struct nic *nic = netdev_priv(netdev);

	nic_reset_mac(nic);
}

const struct net_device_ops nic_netdev_ops = {
	.ndo_tx_timeout = nic_tx_timeout,
};

/*
 * check-name: mdelay() reached from ndo_tx_timeout: silent
 */
