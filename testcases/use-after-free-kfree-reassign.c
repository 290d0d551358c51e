#include "kernel.h"

struct foo_buf {
	void *data;
	unsigned long len;
};

struct foo_dev {
	struct foo_buf *buf;
	struct foo_buf *spare;
};

/*
 * A freed pointer given a new value is a new object: "p = NULL", "p = q"
 * and a fresh allocation are not uses of the freed one.
 */
static int foo_resize(struct foo_dev *dev, unsigned long len)
{
	struct foo_buf *b = dev->buf;

	kfree(b->data);
	b->data = kzalloc(len, GFP_KERNEL);
	if (!b->data)
		return -ENOMEM;
	b->len = len;

	kfree(b);
	b = dev->spare;
	b->len = 0;

	kfree(b);
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->len = len;
	dev->spare = b;
	return 0;
}

static void foo_drop(struct foo_dev *dev)
{
	struct foo_buf *b = dev->buf;

	kfree(b);
	b = NULL;
	kfree(b);
	dev->buf = NULL;
}

/*
 * check-name: a freed pointer that is reassigned is not used after free
 */
