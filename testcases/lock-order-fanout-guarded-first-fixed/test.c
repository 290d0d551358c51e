#include "kernel.h"

/*
 * The fixed version: the second function bound to the field no longer
 * takes the hw lock, and the first takes it only in a mode this call does
 * not pass.  No edge port -> hw, so no cycle with the interrupt path.
 */
struct hw {
	spinlock_t lock;
	int busy;
};

struct port;

struct port_ops {
	void (*start)(struct port *p, int mode);
};

struct port {
	spinlock_t lock;
	struct hw *hw;
	const struct port_ops *ops;
	int pending;
};

#define MODE_RESET 2

static void reset_start(struct port *p, int mode)
{
	if (mode == MODE_RESET) {
		spin_lock(&p->hw->lock);
		p->hw->busy = 0;
		spin_unlock(&p->hw->lock);
	}
	p->pending = 0;
}

static void hw_start(struct port *p, int mode)
{
	p->pending = mode;
}

const struct port_ops reset_ops = { .start = reset_start };
const struct port_ops hw_ops = { .start = hw_start };

void port_kick(struct port *p)
{
	spin_lock(&p->lock);
	p->ops->start(p, 1);
	spin_unlock(&p->lock);
}

void hw_irq(struct hw *hw, struct port *p)
{
	spin_lock(&hw->lock);
	spin_lock(&p->lock);
	p->pending = 0;
	spin_unlock(&p->lock);
	spin_unlock(&hw->lock);
}

/*
 * check-name: lock-order: through a field, only a guarded entry not reached: silent
 */
