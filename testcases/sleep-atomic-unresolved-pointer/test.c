#include "kernel.h"

struct table {
	spinlock_t lock;
	struct mutex cfg;
	int n;
};

/* A sleeper exists in the tree, reached by no resolved call below. */
void table_configure(struct table *t)
{
	mutex_lock(&t->cfg);
	t->n = 0;
	mutex_unlock(&t->cfg);
}

/*
 * A function pointer handed in by the caller cannot be resolved: it is
 * not taken to be every function of the tree, nor a sleeper.
 */
void table_walk(struct table *t, void (*visit)(struct table *t))
{
	spin_lock(&t->lock);
	visit(t);
	spin_unlock(&t->lock);
}

/*
 * check-name: unresolved function pointer under a spinlock: silent
 */
