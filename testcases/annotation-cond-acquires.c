#include "kernel.h"

struct bus {
	struct mutex lock;
	int dead;
};

/*
 * __cond_acquires(): held on some returns only, by contract; such
 * functions are not judged.
 */
static int bus_trylock(struct bus *bus) __cond_acquires(&bus->lock)
{
	if (bus->dead)
		return 0;
	mutex_lock(&bus->lock);
	if (bus->dead) {
		mutex_unlock(&bus->lock);
		return 0;
	}
	return 1;
}

/*
 * check-name: __cond_acquires functions are not judged
 */
