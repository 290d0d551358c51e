#include "kernel.h"

struct dev {
	struct mutex lock;
	int state;
	void *buf;
};

static void *dev_alloc_buf(struct dev *d);
static int dev_start(struct dev *d);

/* The fixed twin: every error under the lock goes to out_unlock. */
static int dev_open(struct dev *d)
{
	int err;

	mutex_lock(&d->lock);
	d->buf = dev_alloc_buf(d);
	if (!d->buf) {
		err = -ENOMEM;
		goto out_unlock;
	}
	err = dev_start(d);
	if (err)
		goto out_unlock;
	d->state = 1;
out_unlock:
	mutex_unlock(&d->lock);
	return err;
}

/*
 * check-name: fixed twin: every error under the lock goes to out_unlock
 */
