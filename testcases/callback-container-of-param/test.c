#include "kernel.h"
#include "adapter.h"

/*
 * The work function is run directly, with the adapter's lock held, on
 * the adapter's own work item: container_of(&ad->reset_work) is ad, so
 * the lock it takes is the one held.  The callee's lock is not "&$0->lock"
 * of its work_struct parameter: it is the lock of the structure around it.
 */
void adapter_reset_now(struct adapter *ad)
{
	spin_lock(&ad->lock);
	adapter_reset_work(&ad->reset_work);
	spin_unlock(&ad->lock);
}

/*
 * check-name: the callee locks container_of() of its parameter: the caller's held instance
 * check-known-to-fail
 * check-error-start
test.c:13:9: error: adapter_reset_work() is called with '&ad->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:12: note: '&ad->lock' (struct adapter::lock) acquired here
test.c:13:9: note: adapter_reset_now() calls adapter_reset_work()
reset.c:9:9: note: adapter_reset_work() acquires '&container_of(work, -8)->lock' here
 * check-error-end
 */
