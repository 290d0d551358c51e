#include "kernel.h"

static struct mutex cfg_mutex;
static int cfg_value;

extern struct mutex dev_list_mutex;
extern int dev_count;
struct mutex dev_list_mutex;
int dev_count;

/* Locks in globals and file statics, balanced on every path. */
static int cfg_set(int v)
{
	if (v < 0)
		return -EINVAL;
	mutex_lock(&cfg_mutex);
	cfg_value = v;
	mutex_unlock(&cfg_mutex);

	mutex_lock(&dev_list_mutex);
	if (!dev_count) {
		mutex_unlock(&dev_list_mutex);
		return -ENODEV;
	}
	dev_count++;
	mutex_unlock(&dev_list_mutex);
	return 0;
}

/*
 * check-name: global and file-static mutexes, balanced
 */
