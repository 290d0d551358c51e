#include "kernel.h"

struct foo_fw {
	void *image;
	unsigned long size;
};

int foo_fw_parse(struct foo_fw *fw);

/* The error path frees the image, then the common exit frees it again. */
static int foo_fw_load(struct foo_fw *fw)
{
	int err;

	err = foo_fw_parse(fw);
	if (err)
		kfree(fw->image);
	else
		fw->size = 0;
	kfree(fw);
	kfree(fw);
	return err;
}

/*
 * check-name: kfree() twice on one path
 *
 * check-error-start
use-after-free-double-free.c:21:9: warning: kfree() frees 'fw', which kfree() already freed: double free [lockscope/use-after-free]
use-after-free-double-free.c:20:9: note: kfree() frees 'fw' here
 * check-error-end
 */
