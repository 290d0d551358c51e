#include "irqctx.h"

struct nic {
	spinlock_t lock;
	unsigned int irq, irq_tx, msix, mtu, events;
};

irqreturn_t nic_irq(int irq, void *data)
{
	struct nic *n = data;

	spin_lock(&n->lock);
	n->events++;
	spin_unlock(&n->lock);
	return IRQ_HANDLED;
}

int nic_open(struct nic *n)
{
	return request_irq(n->irq, nic_irq, 0, "nic", n);
}
