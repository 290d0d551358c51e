#include "kernel.h"
#include "netevent.h"

struct atomic_notifier_head link_chain;
spinlock_t link_table_lock;
int link_table_gen;

/*
 * LINK_UP is sent under the table lock.  atomic_notifier_call_chain(nh,
 * val, v) calls each notifier_call(nb, val, v): the listener's event is
 * the chain's val, LINK_UP, which never reaches "case LINK_DOWN:".
 * Only the chain's first argument is not the callback's.
 */
void link_set_up(struct link *l)
{
	spin_lock(&link_table_lock);
	l->up = 1;
	atomic_notifier_call_chain(&link_chain, LINK_UP, l);
	spin_unlock(&link_table_lock);
}

/*
 * check-name: a chain called with an event whose case in the notifier_call does not lock: silent
 * check-known-to-fail
 */
