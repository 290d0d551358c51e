#include "kernel.h"

/*
 * port -> hw down the second function bound to an ops field, from a
 * call that is not the caller's first: the witness lock-order names is
 * found again by its number among the program's call edges, and must be
 * that call and that target.  Fixed: the interrupt path nests them the
 * same way, port before hw.
 */
struct hw {
	spinlock_t lock;
	int busy;
};

struct port;

struct port_ops {
	void (*start)(struct port *p);
};

struct port {
	spinlock_t lock;
	struct hw *hw;
	const struct port_ops *ops;
	int pending;
};

static void quiet_start(struct port *p)
{
	p->pending = 0;
}

static void hw_start(struct port *p)
{
	spin_lock(&p->hw->lock);
	p->hw->busy = 1;
	spin_unlock(&p->hw->lock);
}

const struct port_ops quiet_ops = { .start = quiet_start };
const struct port_ops hw_ops = { .start = hw_start };

static void note_kick(struct port *p)
{
	p->pending++;
}

void port_kick(struct port *p)
{
	note_kick(p);
	spin_lock(&p->lock);
	p->ops->start(p);
	spin_unlock(&p->lock);
}

void hw_irq(struct hw *hw, struct port *p)
{
	spin_lock(&p->lock);
	spin_lock(&hw->lock);
	p->pending = 0;
	spin_unlock(&hw->lock);
	spin_unlock(&p->lock);
}

/*
 * check-name: lock-order: the same order through the second target of a later call is silent
 */
