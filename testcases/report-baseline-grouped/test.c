#include "kernel.h"
#include "addr.h"

/*
 * The grouped finding of callback-one-call-grouped, against two baselines:
 * its shown id alone does not make it the base's, all its ids do.
 */
void addr_start(struct addr *a, int again)
{
	read_lock_bh(&a->dev->lock);
	spin_lock(&a->lock);
	a->flags |= 1;
	addr_announce(a);
	if (again)
		addr_announce(a);
	spin_unlock(&a->lock);
	read_unlock_bh(&a->dev->lock);
}

/*
 * check-name: baseline: a group is the base's only when all its ids are
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --format=ids --output=$FACTS.ids && cut -c1-16 $FACTS.ids >$FACTS.shown && echo "shown id only:" && lockscope report --baseline=$FACTS.shown --format=ids && echo "every id:" && lockscope report --baseline=$FACTS.ids --format=ids
 * check-output-start
shown id only:
368b0efb23c3dc85 callback-under-lock 4154d3eb66e0eba9 9e54600045bf6bf1
every id:
 * check-output-end
 */
