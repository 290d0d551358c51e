#include "kernel.h"
#include "adapter.h"

/* The work function finds its adapter with container_of() and locks it. */
void adapter_reset_work(struct work_struct *work)
{
	struct adapter *ad = container_of(work, struct adapter, reset_work);

	spin_lock(&ad->lock);
	ad->resets++;
	spin_unlock(&ad->lock);
}
