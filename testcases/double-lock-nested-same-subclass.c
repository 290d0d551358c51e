#include "kernel.h"

struct node {
	spinlock_t lock;
	int weight;
};

/*
 * A lockdep subclass only says "another instance of the class": the
 * same instance taken twice with the same subclass still deadlocks.
 */
static void node_merge(struct node *parent, struct node *child)
{
	spin_lock(&parent->lock);
	spin_lock_nested(&child->lock, SINGLE_DEPTH_NESTING);
	parent->weight += child->weight;
	spin_lock_nested(&child->lock, SINGLE_DEPTH_NESTING);
	child->weight = 0;
	spin_unlock(&child->lock);
	spin_unlock(&child->lock);
	spin_unlock(&parent->lock);
}

/*
 * check-name: the same instance twice with the same lockdep subclass
 *
 * check-error-start
double-lock-nested-same-subclass.c:17:9: warning: spin_lock_nested() acquires '&child->lock' while it is already held: self-deadlock [lockscope/double-lock]
double-lock-nested-same-subclass.c:15:9: note: '&child->lock' (struct node::lock) was acquired here
 * check-error-end
 */
