#include "kernel.h"

struct hook_set;
int hook_run(struct hook_set *hs, int v);

/* The receive path holds the read lock around the walk in hook_run(). */
int rx_one(struct hook_set *hs, int v)
{
	int ret;

	rcu_read_lock();
	ret = hook_run(hs, v);
	rcu_read_unlock();
	return ret;
}

/*
 * check-name: plain list_add_tail() into a list_head walked in a caller's RCU section
 *
 * hook_run() takes no rcu_read_lock() of its own: rx_one() holds it
 * around the call, so the walk is a reader.
 *
 * check-error-start
hooks.c:17:9: warning: hook_register() links a node into '&hs->hooks' (struct hook_set::hooks) with a plain insertion, but RCU readers walk that list: use the _rcu variant, which publishes the node only once it is initialised [lockscope/rcu-walked-add]
hooks.c:25:9: note: hook_run() walks '&hs->hooks' under RCU here
test.c:12:15: note: rx_one() calls hook_run() inside an RCU read-side section
 * check-error-end
 */
