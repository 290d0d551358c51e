#include "kernel.h"

struct tmr {
	spinlock_t lock;
	int n;
};

struct inst {
	struct tmr *timer;
	int running;
};

static spinlock_t active_lock;

/* The documented order, twice: the file's list lock, then the timer's. */
void inst_start(struct inst *i)
{
	spin_lock_irq(&active_lock);
	spin_lock(&i->timer->lock);
	i->running = 1;
	spin_unlock(&i->timer->lock);
	spin_unlock_irq(&active_lock);
}

void inst_stop(struct inst *i)
{
	unsigned long flags;

	spin_lock_irqsave(&active_lock, flags);
	spin_lock(&i->timer->lock);
	i->running = 0;
	spin_unlock(&i->timer->lock);
	spin_unlock_irqrestore(&active_lock, flags);
}

/* The two locks swapped, each call's flavour left where it was. */
void inst_attach_to_master_timer(struct inst *i, struct tmr *master)
{
	spin_lock_irq(&master->lock);
	spin_lock(&active_lock);
	i->timer = master;
	master->n++;
	spin_unlock(&active_lock);
	spin_unlock_irq(&master->lock);
}
