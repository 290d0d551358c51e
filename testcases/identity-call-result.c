#include "kernel.h"

struct bus {
	struct mutex lock;
	int gen;
};

struct bus *bus_get(int id);

/*
 * Two calls of a getter may return two objects: their locks are not
 * assumed to be one.
 */
static void bus_pair_sync(int a, int b)
{
	struct bus *x = bus_get(a);
	struct bus *y = bus_get(b);

	mutex_lock(&x->lock);
	mutex_lock_nested(&y->lock, SINGLE_DEPTH_NESTING);
	y->gen = x->gen;
	mutex_unlock(&y->lock);
	mutex_unlock(&x->lock);
}

/*
 * check-name: two calls of a getter are two objects
 */
