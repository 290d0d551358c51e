#include "waits.h"

/* wait-under-lock through a helper: it reads the helper's summary */
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
