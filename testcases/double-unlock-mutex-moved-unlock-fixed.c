#include "kernel.h"

struct fw {
	struct mutex lock;
	int loaded;
};

static int fw_request(struct fw *fw);

/* The fixed twin: one unlock, before the error check. */
static int fw_load(struct fw *fw)
{
	int err;

	mutex_lock(&fw->lock);
	err = fw_request(fw);
	mutex_unlock(&fw->lock);
	if (err)
		return err;
	fw->loaded = 1;
	return 0;
}

/*
 * check-name: fixed twin: one mutex_unlock() before the error test
 */
