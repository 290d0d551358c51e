#include "kernel.h"
#include "union_hooks.h"

/* A module's hooks: only set_ctx takes the task lock. */
static int mod_set_ctx(struct cred *c)
{
	spin_lock(&task_lock);
	c->uid = 0;
	spin_unlock(&task_lock);
	return 0;
}

static int mod_capable(const struct cred *c, int cap)
{
	return c->uid && cap > 40;
}

struct hook_list mod_hooks[] = {
	{ .hook = { .set_ctx = mod_set_ctx } },
	{ .hook = { .capable = mod_capable } },
};
