#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
};

/* Lock helpers that say what they do: silent when they do it. */
static void bus_lock(struct bus *bus) __acquires(&bus->lock)
{
	mutex_lock(&bus->lock);
	bus->gen++;
}

static void bus_unlock(struct bus *bus) __releases(&bus->lock)
{
	bus->gen++;
	mutex_unlock(&bus->lock);
}

static int bus_check(struct bus *bus) __must_hold(&bus->lock)
{
	int gen;

	gen = bus->gen;
	mutex_unlock(&bus->lock);
	might_sleep();
	mutex_lock(&bus->lock);
	return gen != bus->gen;
}

/*
 * check-name: __acquires, __releases and __must_hold functions that keep their word
 */
