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
 * netpoll calls it with hard irqs off: disable_irq() waits for a running
 * handler and may sleep (8139too's, before upstream moved it to _nosync).
 */
static void nic_poll_controller(struct net_device *dev)
{
	struct nic *nic = netdev_priv(dev);

	disable_irq(nic->irq);
	nic_service(nic);
	enable_irq(nic->irq);
}

const struct net_device_ops nic_netdev_ops = {
	.ndo_poll_controller = nic_poll_controller,
};

/*
 * check-name: disable_irq() in ndo_poll_controller, which netpoll calls with hard irqs off
 * check-error-start
test.c:26:9: warning: nic_poll_controller() runs in irqs-off context and may sleep (disable_irq()): sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:22: note: nic_poll_controller() runs in irqs-off context (bound to struct net_device_ops::ndo_poll_controller)
test.c:26:9: note: nic_poll_controller() calls disable_irq(), which waits for the line's handler and may sleep
 * check-error-end
 */
