#include "irqctx.h"

struct nic {
	struct net_device *netdev;
	unsigned int resets;
};

/* Pulses the MAC's reset line. */
static void nic_reset_mac(struct nic *nic)
{
	nic->resets++;
	msleep(10);
	nic->resets--;
}

/*
 * dev_watchdog() calls it from a timer with the queue's xmit lock held:
 * the sleep two calls down is in atomic context.
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
 * check-name: msleep() reached from ndo_tx_timeout
 * check-error-start
test.c:24:9: warning: nic_tx_timeout() runs in softirq context and may sleep (msleep()): sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:20: note: nic_tx_timeout() runs in softirq context (bound to struct net_device_ops::ndo_tx_timeout)
test.c:24:9: note: nic_tx_timeout() calls nic_reset_mac()
test.c:12:9: note: nic_reset_mac() calls msleep(), which may sleep
 * check-error-end
 */
