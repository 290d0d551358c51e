/* A tree of nodes, each with a lock of one class. */
#ifndef TEST_NODE_H
#define TEST_NODE_H

struct node {
	spinlock_t lock;
	struct node *child;
	int weight;
};

void node_drain_child(struct node *parent);

#endif
