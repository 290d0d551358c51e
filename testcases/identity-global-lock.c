#include "kernel.h"

extern struct mutex dev_list_mutex;
extern int dev_count;

/* A global lock: its class is the bare symbol. */
static void dev_list_add(void)
{
	mutex_lock(&dev_list_mutex);
	dev_count++;
	mutex_unlock(&dev_list_mutex);
	mutex_unlock(&dev_list_mutex);
}

/*
 * check-name: a global lock is named by its symbol
 *
 * check-error-start
identity-global-lock.c:12:9: warning: mutex_unlock() releases '&dev_list_mutex', which is not held on this path [lockscope/double-unlock]
identity-global-lock.c:11:9: note: '&dev_list_mutex' (dev_list_mutex) was already released here
 * check-error-end
 */
