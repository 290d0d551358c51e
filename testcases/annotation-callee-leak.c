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

/* The error exit forgets the annotated unlock helper. */
static int ctrl_probe(struct ctrl *c)
{
	bus_lock(c->bus);
	if (!c->ready) {
		c->bus->gen = 0;
		return -ENODEV;
	}
	c->bus->gen++;
	bus_unlock(c->bus);
	return 0;
}

/*
 * check-name: an error exit that skips the annotated unlock helper
 *
 * check-error-start
annotation-callee-leak.c:23:24: warning: inconsistent returns of '&c->bus->lock' in ctrl_probe(): held on this return, not held on the return at line 27 [lockscope/inconsistent-return]
annotation-callee-leak.c:20:9: note: '&c->bus->lock' (struct bus::lock) acquired here
annotation-callee-leak.c:26:9: note: released here on the path to line 27
annotation-callee-leak.c:27:16: note: returns without '&c->bus->lock' here
 * check-error-end
 */
