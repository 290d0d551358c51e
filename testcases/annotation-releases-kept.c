#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
	int pending;
};

/* Annotated __releases(), but one exit keeps the lock. */
static void bus_unlock(struct bus *bus) __releases(&bus->lock)
{
	if (bus->pending) {
		bus->gen++;
		return;
	}
	mutex_unlock(&bus->lock);
}

/*
 * check-name: __releases function with an exit that keeps the lock
 *
 * check-error-start
annotation-releases-kept.c:14:17: warning: bus_unlock() returns still holding '&bus->lock', but its annotation says it releases it [lockscope/inconsistent-return]
annotation-releases-kept.c:10:13: note: annotated here
 * check-error-end
 */
