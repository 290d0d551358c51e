#include "kernel.h"

/*
 * port -> hw down the second function bound to an ops field, from a
 * call that is not the caller's first: the witness lock-order names is
 * found again by its number among the program's call edges, and must be
 * that call and that target.  The interrupt path nests them the other way.
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
	spin_lock(&hw->lock);
	spin_lock(&p->lock);
	p->pending = 0;
	spin_unlock(&p->lock);
	spin_unlock(&hw->lock);
}

/*
 * check-name: lock-order: the witness down the second target of a later call
 * check-error-start
test.c:58:9: warning: possible circular locking dependency: 'struct hw::lock' -> 'struct port::lock' -> 'struct hw::lock' [lockscope/lock-order]
test.c:57: note: hw_irq() holds '&hw->lock' (struct hw::lock) from here
test.c:58:9: note: ... and acquires '&p->lock' (struct port::lock) here
test.c:50: note: port_kick() holds '&p->lock' (struct port::lock) from here
test.c:51:17: note: ... and calls hw_start() through struct port_ops::start, which acquires struct hw::lock
test.c:34:9: note: hw_start() acquires '&p->hw->lock' here
test.c:57: note: scenario: CPU0: lock(&hw->lock) in hw_irq()
test.c:50: note: scenario: CPU1: lock(&p->lock) in port_kick()
test.c:58: note: scenario: CPU0: lock(&p->lock) waits for CPU1: deadlock
test.c:51: note: scenario: CPU1: lock(&p->hw->lock) waits for CPU0: deadlock
 * check-error-end
 */
