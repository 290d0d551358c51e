#include "kernel.h"
#include "ring.h"

/*
 * The walk starts at the port whose lock is held: it takes that lock
 * again on its first step.  Summarising the recursion must not crash
 * (entries that point into a summary which is still growing, and moves).
 */
void port_reset(struct port *p)
{
	spin_lock(&p->lock);
	port_renumber(p, 3);
	spin_unlock(&p->lock);
}

/*
 * check-name: a recursive callee that locks the held instance on its first step
 * check-error-start
test.c:12:9: error: port_renumber() is called with '&p->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:11: note: '&p->lock' (struct port::lock) acquired here
test.c:12:9: note: port_reset() calls port_renumber()
walk.c:13:9: note: port_renumber() acquires '&p->lock' here
 * check-error-end
 */
