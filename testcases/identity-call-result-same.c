#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
};

struct bus *bus_get(int id);

/* One call's result, locked twice: the same object, named by its call. */
static void bus_sync(int id)
{
	struct bus *bus = bus_get(id);

	mutex_lock(&bus->lock);
	bus->gen++;
	mutex_lock(&bus->lock);
	mutex_unlock(&bus->lock);
}

/*
 * check-name: one call's result locked twice: named by the call
 *
 * check-error-start
identity-call-result-same.c:17:9: warning: mutex_lock() acquires '&bus_get()->lock' while it is already held: self-deadlock [lockscope/double-lock]
identity-call-result-same.c:15:9: note: '&bus_get()->lock' (struct bus::lock) was acquired here
 * check-error-end
 */
