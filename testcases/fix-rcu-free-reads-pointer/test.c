#include "kernel.h"

struct md5_info {
	int keys;
	struct rcu_head rcu;
};

struct tsock {
	struct md5_info __rcu *md5;
};

/*
 * The free reads the pointer the next line clears: moving the clearing
 * first would free NULL and leak the keys, so no patch is made.
 */
void tsock_destroy(struct tsock *tp)
{
	kfree_rcu(rcu_dereference_protected(tp->md5, 1), rcu);
	RCU_INIT_POINTER(tp->md5, NULL);
}

/*
 * check-name: lockscope fix: rcu-free does not move an unpublish before a free that reads the pointer it clears
 * check-command: lockscope -I../include --no-sparse-warnings *.c 2>$FACTS.w; lockscope fix --local=$FACTS.w --output-dir=$FACTS.p 2>&1 | sed "s#$FACTS.p/##"; ls $FACTS.p
 * check-output-start
lockscope fix: 88232b477b360820 (rcu-free): rcu-free.cocci does not match tsock_destroy() in test.c (line 18)
 * check-output-end
 */
