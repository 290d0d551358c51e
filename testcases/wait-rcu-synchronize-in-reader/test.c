#include "waits.h"

/*
 * A lookup that, on a miss, replaces the table and waits for the old
 * one's readers: but it is itself a reader, so the grace period it waits
 * for cannot end.  Directly, and down a helper.
 *
 * check-name: synchronize_rcu() inside rcu_read_lock()
 * check-error-start
test.c:41:17: error: synchronize_rcu() waits for an RCU grace period inside an RCU read-side critical section: deadlock [lockscope/wait-under-lock]
test.c:37: note: the RCU read-side critical section starts here
test.c:41:17: note: the same bug, also: synchronize_rcu() may sleep and is called inside an RCU read-side section: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:37: note: RCU read-side section entered here
test.c:41:17: note: cache_lookup() calls synchronize_rcu(), which may sleep
test.c:55:17: error: cache_retire() is called inside an RCU read-side critical section and waits for an RCU grace period: deadlock [lockscope/wait-under-lock]
test.c:51: note: the RCU read-side critical section starts here
test.c:55:17: note: cache_lookup_helper() calls cache_retire()
test.c:29:9: note: cache_retire() waits for an RCU grace period here
test.c:55:17: note: the same bug, also: cache_retire() may sleep (synchronize_rcu()) and is called inside an RCU read-side section: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:51: note: RCU read-side section entered here
test.c:29:9: note: cache_retire() calls synchronize_rcu(), which may sleep
 * check-error-end
 */
struct table { int size; };
struct cache { struct table __rcu *tbl; };

static void cache_retire(struct cache *c)
{
	synchronize_rcu();
}

int cache_lookup(struct cache *c, int key)
{
	struct table *t;
	int size;

	rcu_read_lock();
	t = rcu_dereference(c->tbl);
	size = t->size;
	if (key >= size)
		synchronize_rcu();
	rcu_read_unlock();
	return size;
}

int cache_lookup_helper(struct cache *c, int key)
{
	struct table *t;
	int size;

	rcu_read_lock();
	t = rcu_dereference(c->tbl);
	size = t->size;
	if (key >= size)
		cache_retire(c);
	rcu_read_unlock();
	return size;
}

/* After the read-side section: fine. */
int cache_lookup_fixed(struct cache *c, int key)
{
	struct table *t;
	int size;

	rcu_read_lock();
	t = rcu_dereference(c->tbl);
	size = t->size;
	rcu_read_unlock();
	if (key >= size)
		synchronize_rcu();
	return size;
}
