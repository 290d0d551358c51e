#include "kernel.h"

struct foo_fw {
	void *image;
	unsigned long size;
};

int foo_fw_parse(struct foo_fw *fw);

/* The fix: one free; a cleared pointer may be freed again harmlessly. */
static int foo_fw_load(struct foo_fw *fw)
{
	void *image = fw->image;
	int err;

	err = foo_fw_parse(fw);
	if (err) {
		kfree(image);
		image = NULL;
	}
	kfree(image);
	kfree(fw);
	return err;
}

/*
 * check-name: one kfree() a path, and kfree(NULL)
 */
