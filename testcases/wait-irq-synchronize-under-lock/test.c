#include "waits.h"

/*
 * A NIC's interrupt handler counts events under the adapter's spinlock;
 * the reset path masks the device and then, still holding that lock,
 * waits for a handler that may be running on another CPU.  The handler
 * is bound to the IRQ line by the number, pdev->irq, not by its dev_id.
 *
 * check-name: synchronize_irq() under the lock its handler takes
 * check-error-start
test.c:49:9: warning: synchronize_irq() waits for the handlers of the IRQ 'a->pdev->irq' with '&a->stats_lock' held, and its callback adapter_intr() acquires 'struct adapter::stats_lock': deadlock [lockscope/wait-under-lock]
test.c:47: note: '&a->stats_lock' (struct adapter::stats_lock) acquired here
test.c:40: note: adapter_intr() is requested as a handler of the IRQ 'struct pci_dev::irq' here
test.c:32:9: note: adapter_intr() acquires '&data->stats_lock' here
test.c:47: note: scenario: CPU0: lock(&a->stats_lock) in adapter_reset()
test.c:40: note: scenario: CPU1: adapter_intr() starts, lock(struct adapter::stats_lock) waits for CPU0
test.c:49: note: scenario: CPU0: waits for adapter_intr() on CPU1 to finish: deadlock
test.c:49:9: note: the same bug, also: synchronize_irq() may sleep and is called with '&a->stats_lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:49:9: note: adapter_reset() calls synchronize_irq(), which may sleep
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
	synchronize_irq(a->pdev->irq);
	spin_unlock_irqrestore(&a->stats_lock, flags);
}
