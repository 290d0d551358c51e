#include "kernel.h"

struct hook {
	struct list_head list;
	int (*fn)(int);
};

struct hook_set {
	struct mutex lock;
	struct list_head hooks;
};

/* Appended with plain stores while packets walk the hooks. */
void hook_register(struct hook_set *hs, struct hook *h)
{
	mutex_lock(&hs->lock);
	list_add_tail(&h->list, &hs->hooks);
	mutex_unlock(&hs->lock);
}

int hook_run(struct hook_set *hs, int v)
{
	struct hook *h;

	list_for_each_entry_rcu(h, &hs->hooks, list)
		v = h->fn(v);
	return v;
}
