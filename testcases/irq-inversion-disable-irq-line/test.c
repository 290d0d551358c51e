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

/* A plain spin_lock() is enough while the line is masked. */
void nic_change_mtu(struct nic *n, unsigned int mtu)
{
	nic_mask(n);
	spin_lock(&n->lock);
	n->mtu = mtu;
	spin_unlock(&n->lock);
	nic_unmask(n);
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
 * check-name: a lock taken plainly while the device's interrupt lines are masked (forcedeth's nv_change_mtu())
 */
