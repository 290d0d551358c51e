#include "waits.h"

/*
 * A reset work takes the device mutex; close() holds that mutex while it
 * cancels the work, and suspend() flushes it under the mutex through a
 * helper.  A reset that has started blocks on the mutex; the cancel or
 * flush waits for the reset to finish.  Fixed: both wait first.
 *
 * check-name: the work cancelled and flushed before the mutex is taken: silent
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
	cancel_work_sync(&ad->reset_work);
	mutex_lock(&ad->lock);
	ad->up = 0;
	mutex_unlock(&ad->lock);
}

static void adapter_quiesce(struct adapter *ad)
{
	flush_work(&ad->reset_work);
}

void adapter_suspend(struct adapter *ad)
{
	adapter_quiesce(ad);
	mutex_lock(&ad->lock);
	mutex_unlock(&ad->lock);
}
