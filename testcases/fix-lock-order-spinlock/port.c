#include "kernel.h"
#include "port.h"

void port_stop(struct port *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	p->stopped = 1;
	spin_lock(&p->q->lock);
	p->q->len = 0;
	spin_unlock(&p->q->lock);
	spin_unlock_irqrestore(&p->lock, flags);
}

void port_start(struct port *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	spin_lock(&p->q->lock);
	p->stopped = p->q->len < 0;
	spin_unlock(&p->q->lock);
	spin_unlock_irqrestore(&p->lock, flags);
}
