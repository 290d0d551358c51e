#include "kernel.h"

/*
 * The chain walker, as the notifier core has it: a call through
 * notifier_call that, by itself, could be any block of the tree.
 */
static int notifier_call_chain(struct notifier_block *nb, unsigned long val, void *v)
{
	int ret = 0;

	while (nb) {
		ret = nb->notifier_call(nb, val, v);
		nb = nb->next;
	}
	return ret;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v)
{
	return notifier_call_chain(nh->head, val, v);
}
