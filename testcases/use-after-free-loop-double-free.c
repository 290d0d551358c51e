#include "kernel.h"

struct foo_ring {
	void *desc;
	void *shared;
};

/*
 * The loop frees the shared buffer on every iteration instead of each
 * ring's own descriptors: a double free from the second iteration on.
 * Paths do not go round loops (whether a loop repeats is not known), so
 * this is not reported.
 */
static void foo_free_rings(struct foo_ring *rings, int n, void *shared)
{
	int i;

	for (i = 0; i < n; i++)
		kfree(shared);
}

/*
 * check-name: a free repeated by a loop
 * check-known-to-fail
 *
 * check-error-start
use-after-free-loop-double-free.c:19:17: warning: kfree() frees 'shared', which kfree() already freed: double free [lockscope/use-after-free]
use-after-free-loop-double-free.c:19:17: note: kfree() frees 'shared' here
 * check-error-end
 */
