#include "kernel.h"

struct node {
	spinlock_t lock;
	int weight;
};

/*
 * The fixed twin: parent then child, the child with its own subclass,
 * each taken once.
 */
static void node_merge(struct node *parent, struct node *child)
{
	spin_lock(&parent->lock);
	spin_lock_nested(&child->lock, SINGLE_DEPTH_NESTING);
	parent->weight += child->weight;
	child->weight = 0;
	spin_unlock(&child->lock);
	spin_unlock(&parent->lock);
}

/*
 * check-name: fixed twin: parent, then child with SINGLE_DEPTH_NESTING, once each
 */
