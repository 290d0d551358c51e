#include "irqctx.h"

struct nic {
	spinlock_t lock;		/* the interrupt mask */
	unsigned int irq, tx_irq, mask, tested;
	bool msix;
};

/* The self-test handler, picked by the probe instead of the real one. */
static irqreturn_t nic_irq_test(int irq, void *data)
{
	struct nic *n = data;

	spin_lock(&n->lock);
	n->tested = 1;
	spin_unlock(&n->lock);
	return IRQ_HANDLED;
}

static irqreturn_t nic_irq(int irq, void *data)
{
	struct nic *n = data;

	n->mask = 0;
	return IRQ_HANDLED;
}

static irqreturn_t nic_irq_tx(int irq, void *data)
{
	struct nic *n = data;

	spin_lock(&n->lock);
	n->mask |= 1;
	spin_unlock(&n->lock);
	return IRQ_HANDLED;
}

int nic_request_irq(struct nic *n, int test)
{
	irqreturn_t (*handler)(int irq, void *data);

	if (test)
		handler = nic_irq_test;
	else
		handler = nic_irq;
	if (n->msix && request_irq(n->tx_irq, nic_irq_tx, 0, "nic-tx", n))
		return -1;
	return request_irq(n->irq, handler, 0, "nic", n);
}
