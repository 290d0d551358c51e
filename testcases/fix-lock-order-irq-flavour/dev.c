#include "kernel.h"
#include "dev.h"

/* The documented order, twice, interrupts off from the outer lock. */
void dev_reset(struct dev *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	spin_lock(&d->q->lock);
	d->q->len = 0;
	spin_unlock(&d->q->lock);
	spin_unlock_irqrestore(&d->lock, flags);
}

int dev_pending(struct dev *d)
{
	int n;

	spin_lock_irq(&d->lock);
	spin_lock(&d->q->lock);
	n = d->q->len;
	spin_unlock(&d->q->lock);
	spin_unlock_irq(&d->lock);
	return n;
}
