#include "kernel.h"

struct foo_node {
	struct foo_node *next;
	int key;
};

struct foo_table {
	struct foo_node *head;
	int count;
};

/*
 * Each node is freed after its ->next is read: the next iteration's node
 * is another object.
 */
static void foo_flush(struct foo_table *t)
{
	struct foo_node *node = t->head;

	while (node) {
		struct foo_node *next = node->next;

		kfree(node);
		node = next;
	}
	t->head = NULL;
	t->count = 0;
}

/*
 * check-name: a list walk that frees each node after reading its next
 */
