#include "waits.h"

/*
 * A NIC's interrupt handler counts events under the adapter's spinlock;
 * the reset path masks the device under that lock and then
 * would wait for a handler that may be running on another CPU.  Fixed:
 * the lock is dropped before the wait.
 *
 * check-name: synchronize_irq() after dropping the lock its handler takes
 * check-error-start
 * check-error-end
 */
struct adapter {
	struct pci_dev *pdev;
	spinlock_t stats_lock;
	unsigned long irqs, resets;
};

static irqreturn_t adapter_intr(int irq, void *data)
{
	struct adapter *a = data;

	spin_lock(&a->stats_lock);
	a->irqs++;
	spin_unlock(&a->stats_lock);
	return IRQ_HANDLED;
}

int adapter_open(struct adapter *a)
{
	return request_irq(a->pdev->irq, adapter_intr, 0, "adapter", a);
}

void adapter_reset(struct adapter *a)
{
	unsigned long flags;

	spin_lock_irqsave(&a->stats_lock, flags);
	a->resets++;
	spin_unlock_irqrestore(&a->stats_lock, flags);
	synchronize_irq(a->pdev->irq);
}
