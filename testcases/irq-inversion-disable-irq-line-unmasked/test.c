#include "irqctx.h"
#include "irqline.h"

struct nic {
	spinlock_t lock;
	unsigned int irq, irq_tx, msix, mtu, events;
};

/* The device's lines masked: its handler cannot run until they are back. */
static void nic_mask(struct nic *n)
{
	if (n->msix) {
		disable_irq(n->irq);
		disable_irq(n->irq_tx);
	} else {
		disable_irq(n->irq);
	}
}

static void nic_unmask(struct nic *n)
{
	if (n->msix) {
		enable_irq(n->irq);
		enable_irq(n->irq_tx);
	} else {
		enable_irq(n->irq);
	}
}

/* The lock taken once the lines are unmasked again: the handler may come. */
void nic_change_mtu(struct nic *n, unsigned int mtu)
{
	nic_mask(n);
	n->mtu = mtu;
	nic_unmask(n);
	spin_lock(&n->lock);
	n->events = 0;
	spin_unlock(&n->lock);
}

static void nic_reset_events(struct nic *n)
{
	spin_lock(&n->lock);
	n->events = 0;
	spin_unlock(&n->lock);
}

/* ... and in what is only ever called so. */
void nic_poll_controller(struct nic *n)
{
	disable_irq_nosync(n->irq);
	nic_reset_events(n);
	enable_irq(n->irq);
}

/*
 * check-name: a lock taken plainly after the device's interrupt lines are unmasked again
 * check-error-start
test.c:36:9: warning: '&n->lock' (struct nic::lock) is acquired in hard-irq context and here with hard irqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
irq.c:8: note: nic_irq() runs in hard-irq context (bound to struct irqaction::handler)
irq.c:12:9: note: nic_irq() acquires '&data->lock' here
test.c:36: note: scenario: CPU0: lock(struct nic::lock) in nic_change_mtu() with hard irqs enabled
irq.c:12: note: scenario: CPU0: <hard-irq> lock(struct nic::lock) in nic_irq(): deadlock
 * check-error-end
 */
