#include "kernel.h"

/* The device list's lock, taken and dropped through exported wrappers. */
static struct mutex devlist_mutex;

void devlist_lock(void)
{
	mutex_lock(&devlist_mutex);
}

void devlist_unlock(void)
{
	mutex_unlock(&devlist_mutex);
}
