#include "kernel.h"

struct dev {
	struct mutex lock;
	int state;
	void *buf;
};

static void *dev_alloc_buf(struct dev *d);
static int dev_start(struct dev *d);

/* goto-style cleanup: one error jumps past the unlock label. */
static int dev_open(struct dev *d)
{
	int err;

	mutex_lock(&d->lock);
	d->buf = dev_alloc_buf(d);
	if (!d->buf) {
		err = -ENOMEM;
		goto out;
	}
	err = dev_start(d);
	if (err)
		goto out_unlock;
	d->state = 1;
out_unlock:
	mutex_unlock(&d->lock);
out:
	return err;
}

/*
 * check-name: goto-style cleanup: one error jumps past the unlock label
 *
 * check-error-start
inconsistent-return-goto-wrong-label.c:21:17: warning: inconsistent returns of '&d->lock' in dev_open(): held on this return, not held on the return at line 29 [lockscope/inconsistent-return]
inconsistent-return-goto-wrong-label.c:17:9: note: '&d->lock' (struct dev::lock) acquired here
inconsistent-return-goto-wrong-label.c:28:9: note: released here on the path to line 29
inconsistent-return-goto-wrong-label.c:29:1: note: returns without '&d->lock' here
 * check-error-end
 */
