#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
};

static int bus_wait(struct bus *bus);

/* __must_hold(): the error path forgets to take the lock back. */
static int bus_sync(struct bus *bus) __must_hold(&bus->lock)
{
	int err;

	mutex_unlock(&bus->lock);
	err = bus_wait(bus);
	if (err) {
		printk("bus wait: %d\n", err);
		return err;
	}
	mutex_lock(&bus->lock);
	return 0;
}

/*
 * check-name: __must_hold function with an error exit that does not retake the lock
 *
 * check-error-start
annotation-must-hold-dropped.c:19:24: warning: bus_sync() returns without holding '&bus->lock', but its annotation says it must hold it [lockscope/inconsistent-return]
annotation-must-hold-dropped.c:11:12: note: annotated here
 * check-error-end
 */
