#include "waits.h"

/* wait-under-lock through a helper: it reads the helper's summary */
struct nic {
	struct mutex lock;
	struct work_struct restart_work;
	int up;
};

static void nic_restart(struct work_struct *work)
{
	struct nic *n = container_of(work, struct nic, restart_work);

	mutex_lock(&n->lock);
	n->up = 0;
	mutex_unlock(&n->lock);
}

void nic_init(struct nic *n)
{
	INIT_WORK(&n->restart_work, nic_restart);
}

static void nic_quiesce(struct nic *n)
{
	flush_work(&n->restart_work);
}

void nic_suspend(struct nic *n)
{
	mutex_lock(&n->lock);
	nic_quiesce(n);
	mutex_unlock(&n->lock);
}
