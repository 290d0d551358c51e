#include "kernel.h"
#include "union_hooks.h"

/*
 * The capable hooks are called with the task lock held.  The hook that
 * takes that lock is bound to another member of the union (set_ctx), at
 * the same offset: a capable call cannot reach it.  Silent.
 */
int check_capable(const struct cred *c, int cap)
{
	struct hook_list *p;

	for (p = capable_hooks; p; p = p->next)
		if (p->hook.capable(c, cap))
			return -1;
	return 0;
}

void show_task(const struct cred *c)
{
	spin_lock(&task_lock);
	check_capable(c, 21);
	spin_unlock(&task_lock);
}

/*
 * check-name: a call through one member of a union of function pointers reaches only what is bound to that member
 */
