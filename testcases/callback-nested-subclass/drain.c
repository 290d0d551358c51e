#include "kernel.h"
#include "node.h"

/*
 * Called with the parent's lock held; the child's lock is the same class,
 * reached from the parent by a pointer, and is annotated as a lockdep
 * subclass: the parent-then-child nesting is intended.
 */
void node_drain_child(struct node *parent)
{
	struct node *child = parent->child;

	spin_lock_nested(&child->lock, SINGLE_DEPTH_NESTING);
	parent->weight += child->weight;
	child->weight = 0;
	spin_unlock(&child->lock);
}
