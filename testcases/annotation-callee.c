#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
};

/* Defined elsewhere; only the annotations are seen here. */
void bus_lock(struct bus *bus) __acquires(&bus->lock);
void bus_unlock(struct bus *bus) __releases(&bus->lock);

struct ctrl {
	struct bus *bus;
	int ready;
};

/* The annotated helpers lock and unlock c->bus->lock: balanced. */
static int ctrl_probe(struct ctrl *c)
{
	bus_lock(c->bus);
	if (!c->ready) {
		bus_unlock(c->bus);
		return -ENODEV;
	}
	c->bus->gen++;
	bus_unlock(c->bus);
	return 0;
}

/*
 * check-name: annotated lock/unlock helpers called with a member path argument
 */
