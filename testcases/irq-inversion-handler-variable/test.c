#include "irqctx.h"

struct nic {
	spinlock_t lock;
	unsigned int irq, tx_irq, mask, tested;
	bool msix;
};

void nic_unmask(struct nic *n)
{
	spin_lock_irq(&n->lock);
	n->mask = ~0u;
	spin_unlock_irq(&n->lock);
}

/*
 * check-name: a handler picked through a local variable runs in hard-irq context: its plain spin_lock() is no inversion
 */
