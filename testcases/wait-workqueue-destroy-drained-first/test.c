#include "waits.h"

/*
 * A reset handler runs on a private workqueue and takes the device's
 * state mutex.  Teardown first stops the source of the resets and
 * cancels the one that may be pending, with the mutex not held; only
 * then, under the mutex, it destroys the empty workqueue.  Nothing can
 * be running there, so there is nothing to deadlock on (mlx5's
 * mlx5_drain_fw_reset() before mlx5_cleanup_once(), reduced).
 *
 * check-name: destroy_workqueue() under the mutex after its works were drained
 * check-known-to-fail
 */
struct fwdev {
	struct mutex state_lock;
	struct workqueue_struct *reset_wq;
	struct work_struct reset_work;
	int events_on, resets;
};

static void fwdev_reset(struct work_struct *work)
{
	struct fwdev *d = container_of(work, struct fwdev, reset_work);

	mutex_lock(&d->state_lock);
	d->resets++;
	mutex_unlock(&d->state_lock);
}

int fwdev_init(struct fwdev *d)
{
	d->reset_wq = alloc_workqueue("fwdev_reset", 0, 0);
	if (!d->reset_wq)
		return -1;
	INIT_WORK(&d->reset_work, fwdev_reset);
	d->events_on = 1;
	return 0;
}

void fwdev_event(struct fwdev *d)
{
	if (d->events_on)
		queue_work(d->reset_wq, &d->reset_work);
}

static void fwdev_drain(struct fwdev *d)
{
	d->events_on = 0;
	cancel_work_sync(&d->reset_work);
}

void fwdev_remove(struct fwdev *d)
{
	fwdev_drain(d);
	mutex_lock(&d->state_lock);
	destroy_workqueue(d->reset_wq);
	mutex_unlock(&d->state_lock);
}
