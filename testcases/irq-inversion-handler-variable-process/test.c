#include "irqctx.h"

struct nic {
	spinlock_t lock;
	unsigned int irq, tx_irq, mask, tested;
	bool msix;
};

/* Plain spin_lock(): the self-test interrupt can come in here. */
void nic_unmask(struct nic *n)
{
	spin_lock(&n->lock);
	n->mask = ~0u;
	spin_unlock(&n->lock);
}

/*
 * check-name: lock of a handler picked through a local variable, taken with hard irqs enabled
 * check-error-start
test.c:12:9: warning: '&n->lock' (struct nic::lock) is acquired in hard-irq context and here with hard irqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
irq.c:10: note: nic_irq_test() runs in hard-irq context (bound to struct irqaction::handler)
irq.c:14:9: note: nic_irq_test() acquires '&data->lock' here
test.c:12: note: scenario: CPU0: lock(struct nic::lock) in nic_unmask() with hard irqs enabled
irq.c:14: note: scenario: CPU0: <hard-irq> lock(struct nic::lock) in nic_irq_test(): deadlock
 * check-error-end
 */
