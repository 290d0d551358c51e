#include "kernel.h"

struct neighbour {
	rwlock_t lock;
	int dead;
};

void report_unreachable(struct neighbour *neigh);

/* __releases(x) __acquires(x): x is dropped and retaken, held across. */
static void neigh_invalidate(struct neighbour *neigh)
	__releases(neigh->lock)
	__acquires(neigh->lock)
{
	neigh->dead = 1;
	write_unlock(&neigh->lock);
	report_unreachable(neigh);
	write_lock(&neigh->lock);
}

/*
 * check-name: a function annotated as releasing and retaking one lock
 */
