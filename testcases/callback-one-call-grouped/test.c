#include "kernel.h"
#include "addr.h"

/*
 * One call made inside a section holding both locks, twice: it takes each
 * again (two callback-under-lock deadlocks) and closes the cycle device ->
 * address -> device (lock-order).  One bug, one fix (announce after the
 * unlock), so one finding, the outer lock's, the rest as notes.
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
 * check-name: one call under two locks it takes again, twice, closing a cycle: one finding
 * check-error-start
test.c:15:9: error: addr_announce() is called with '&a->dev->lock' held for read and acquires it again for write: deadlock [lockscope/callback-under-lock]
test.c:12: note: '&a->dev->lock' (struct dev_state::lock) acquired here
test.c:15:9: note: addr_start() calls addr_announce()
announce.c:10:9: note: addr_announce() acquires '&a->dev->lock' here
test.c:17:17: note: the same call again here
test.c:17:17: note: addr_start() calls addr_announce()
test.c:15:9: note: the same bug, also: addr_announce() is called with '&a->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:13: note: '&a->lock' (struct addr::lock) acquired here
announce.c:7:9: note: addr_announce() acquires '&a->lock' here
test.c:17:17: note: the same bug, also: addr_announce() is called with '&a->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:15:9: note: the same bug, also: possible circular locking dependency: 'struct addr::lock' -> 'struct dev_state::lock' -> 'struct addr::lock' [lockscope/lock-order]
test.c:13: note: addr_start() holds '&a->lock' (struct addr::lock) from here
test.c:15:9: note: ... and calls addr_announce(), which acquires struct dev_state::lock
announce.c:18: note: addr_remove() holds '&a->dev->lock' (struct dev_state::lock) from here
announce.c:19:9: note: ... and acquires '&a->lock' (struct addr::lock) here
test.c:13: note: scenario: CPU0: lock(&a->lock) in addr_start()
announce.c:18: note: scenario: CPU1: lock(&a->dev->lock) in addr_remove()
test.c:15: note: scenario: CPU0: lock(&a->dev->lock) waits for CPU1: deadlock
announce.c:19: note: scenario: CPU1: lock(&a->lock) waits for CPU0: deadlock
 * check-error-end
 */
