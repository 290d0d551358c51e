#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
};

/* Defined elsewhere; only the annotation is seen here. */
void bus_lock(struct bus *bus) __acquires(&bus->lock);

struct ctrl {
	struct bus *bus;
};

/*
 * The annotated helper takes c->bus->lock, which the caller took itself
 * already: the annotation is mapped onto the argument.
 */
static void ctrl_reset(struct ctrl *c)
{
	mutex_lock(&c->bus->lock);
	c->bus->gen = 0;
	bus_lock(c->bus);
	mutex_unlock(&c->bus->lock);
	mutex_unlock(&c->bus->lock);
}

/*
 * check-name: an __acquires helper called on a lock already held
 *
 * check-error-start
annotation-callee-double-lock.c:23:9: warning: bus_lock() acquires '&c->bus->lock' while it is already held: self-deadlock [lockscope/double-lock]
annotation-callee-double-lock.c:21:9: note: '&c->bus->lock' (struct bus::lock) was acquired here
 * check-error-end
 */
