#include "kernel.h"

struct table {
	rwlock_t lock;
};

struct iter_state {
	struct table *tbl;
};

/* The annotation names a local variable: it cannot be checked, so it is not. */
static void seq_stop(struct iter_state *state)
	__releases(tbl->lock)
{
	struct table *tbl = state->tbl;

	read_unlock(&tbl->lock);
}

/*
 * check-name: an annotation naming a local variable is not judged
 */
