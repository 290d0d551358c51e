#include "waits.h"

/*
 * A reset work takes the device mutex; close() holds that mutex while it
 * cancels the work, and suspend() flushes it under the mutex through a
 * helper.  A reset that has started blocks on the mutex; the cancel or
 * flush waits for the reset to finish.
 *
 * check-name: cancel_work_sync()/flush_work() under the mutex the work takes
 * check-error-start
test.c:52:9: warning: cancel_work_sync() waits for the work '&ad->reset_work' with '&ad->lock' held, and its callback adapter_reset() acquires 'struct adapter::lock': deadlock [lockscope/wait-under-lock]
test.c:51: note: '&ad->lock' (struct adapter::lock) acquired here
test.c:46: note: adapter_reset() is bound to 'struct adapter::reset_work' here: it runs as its work callback
test.c:39:9: note: adapter_reset() acquires '&container_of(work, -8)->lock' here
test.c:51: note: scenario: CPU0: lock(&ad->lock) in adapter_close()
test.c:46: note: scenario: CPU1: adapter_reset() starts, lock(struct adapter::lock) waits for CPU0
test.c:52: note: scenario: CPU0: waits for adapter_reset() on CPU1 to finish: deadlock
test.c:65:9: warning: adapter_quiesce() is called with '&ad->lock' held and waits for the work '&ad->reset_work', whose callback adapter_reset() acquires 'struct adapter::lock': deadlock [lockscope/wait-under-lock]
test.c:64: note: '&ad->lock' (struct adapter::lock) acquired here
test.c:65:9: note: adapter_suspend() calls adapter_quiesce()
test.c:59:9: note: adapter_quiesce() waits for '&ad->reset_work' ((work) struct adapter::reset_work) here
test.c:46: note: adapter_reset() is bound to 'struct adapter::reset_work' here: it runs as its work callback
test.c:39:9: note: adapter_reset() acquires '&container_of(work, -8)->lock' here
test.c:64: note: scenario: CPU0: lock(&ad->lock) in adapter_suspend()
test.c:46: note: scenario: CPU1: adapter_reset() starts, lock(struct adapter::lock) waits for CPU0
test.c:65: note: scenario: CPU0: waits for adapter_reset() on CPU1 to finish: deadlock
 * check-error-end
 */
struct adapter {
	struct mutex lock;
	struct work_struct reset_work;
	int up;
};

static void adapter_reset(struct work_struct *work)
{
	struct adapter *ad = container_of(work, struct adapter, reset_work);

	mutex_lock(&ad->lock);
	ad->up = 0;
	mutex_unlock(&ad->lock);
}

void adapter_init(struct adapter *ad)
{
	INIT_WORK(&ad->reset_work, adapter_reset);
}

void adapter_close(struct adapter *ad)
{
	mutex_lock(&ad->lock);
	cancel_work_sync(&ad->reset_work);
	ad->up = 0;
	mutex_unlock(&ad->lock);
}

static void adapter_quiesce(struct adapter *ad)
{
	flush_work(&ad->reset_work);
}

void adapter_suspend(struct adapter *ad)
{
	mutex_lock(&ad->lock);
	adapter_quiesce(ad);
	mutex_unlock(&ad->lock);
}
