#include "kernel.h"

/*
 * port -> hw through an ops field bound to two functions: the first
 * takes the hw lock only in a mode this call does not pass, the second
 * always.  The edge, and its witness, are the second's: the first's
 * entry of the class, guarded and not reached, must not stand for it.
 * The interrupt path nests the locks the other way.
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
	spin_lock(&p->hw->lock);
	p->hw->busy = mode;
	spin_unlock(&p->hw->lock);
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
 * check-name: lock-order: through a field, a guarded entry not reached does not stand for its class
 * check-error-start
test.c:60:9: warning: possible circular locking dependency: 'struct hw::lock' -> 'struct port::lock' -> 'struct hw::lock' [lockscope/lock-order]
test.c:59: note: hw_irq() holds '&hw->lock' (struct hw::lock) from here
test.c:60:9: note: ... and acquires '&p->lock' (struct port::lock) here
test.c:52: note: port_kick() holds '&p->lock' (struct port::lock) from here
test.c:53:17: note: ... and calls hw_start() through struct port_ops::start, which acquires struct hw::lock
test.c:42:9: note: hw_start() acquires '&p->hw->lock' here
test.c:59: note: scenario: CPU0: lock(&hw->lock) in hw_irq()
test.c:52: note: scenario: CPU1: lock(&p->lock) in port_kick()
test.c:60: note: scenario: CPU0: lock(&p->lock) waits for CPU1: deadlock
test.c:53: note: scenario: CPU1: lock(&p->hw->lock) waits for CPU0: deadlock
 * check-error-end
 */
