#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
	int dead;
};

/* Annotated __acquires(), but the dead-bus exit returns unlocked. */
static int bus_lock(struct bus *bus) __acquires(&bus->lock)
{
	if (bus->dead) {
		printk("bus dead\n");
		return -ENODEV;
	}
	mutex_lock(&bus->lock);
	return 0;
}

/*
 * check-name: __acquires function with an exit that does not acquire
 *
 * check-error-start
annotation-acquires-missing.c:14:24: warning: bus_lock() returns without holding '&bus->lock', but its annotation says it acquires it [lockscope/inconsistent-return]
annotation-acquires-missing.c:10:12: note: annotated here
 * check-error-end
 */
