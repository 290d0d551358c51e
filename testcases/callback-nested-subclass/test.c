#include "kernel.h"
#include "node.h"

/* The parent's lock held across a call that takes the child's, nested. */
void node_collapse(struct node *parent)
{
	spin_lock(&parent->lock);
	if (parent->child)
		node_drain_child(parent);
	spin_unlock(&parent->lock);
}

/*
 * check-name: the callee takes a lock of the held class with spin_lock_nested(): silent
 */
