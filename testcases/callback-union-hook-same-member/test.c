#include "kernel.h"
#include "union_hooks.h"

/*
 * The capable hooks are called with the task lock held, and the module's
 * capable hook takes it again: found through the union member it is
 * bound to.
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
 * check-name: a call through a member of a union of function pointers reaches what is bound to it
 * check-error-start
test.c:22:9: warning: check_capable() is called with '&task_lock' held and acquires a lock of the same class: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:21: note: '&task_lock' (task_lock) acquired here
test.c:22:9: note: show_task() calls check_capable()
test.c:14:29: note: check_capable() calls mod_capable() through union hook_options::capable
mod.c:15:9: note: mod_capable() acquires '&task_lock' here
 * check-error-end
 */
