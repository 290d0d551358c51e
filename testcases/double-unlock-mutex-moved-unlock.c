#include "kernel.h"

struct fw {
	struct mutex lock;
	int loaded;
};

static int fw_request(struct fw *fw);

/*
 * The unlock was moved up above the error check, but the error branch
 * still has its own.
 */
static int fw_load(struct fw *fw)
{
	int err;

	mutex_lock(&fw->lock);
	err = fw_request(fw);
	mutex_unlock(&fw->lock);
	if (err) {
		mutex_unlock(&fw->lock);
		return err;
	}
	fw->loaded = 1;
	return 0;
}

/*
 * check-name: mutex_unlock() moved above the error test, the old one left behind
 *
 * check-error-start
double-unlock-mutex-moved-unlock.c:22:17: warning: mutex_unlock() releases '&fw->lock', which is not held on this path [lockscope/double-unlock]
double-unlock-mutex-moved-unlock.c:20:9: note: '&fw->lock' (struct fw::lock) was already released here
 * check-error-end
 */
