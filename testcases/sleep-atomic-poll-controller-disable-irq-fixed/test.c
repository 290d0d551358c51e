#include "netdevice.h"
#include "irqline.h"

struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);
	void (*ndo_poll_controller)(struct net_device *dev);
};

struct nic {
	unsigned int irq, polls;
};

static void nic_service(struct nic *nic)
{
	nic->polls++;
}

/*
 * netpoll calls it with hard irqs off: disable_irq_nosync() does not wait
 * for a running handler, and does not sleep.
 */
static void nic_poll_controller(struct net_device *dev)
{
	struct nic *nic = netdev_priv(dev);

	disable_irq_nosync(nic->irq);
	nic_service(nic);
	enable_irq(nic->irq);
}

const struct net_device_ops nic_netdev_ops = {
	.ndo_poll_controller = nic_poll_controller,
};

/*
 * check-name: disable_irq_nosync() in ndo_poll_controller: silent
 */
