#include "kernel.h"

static struct mutex cfg_mutex;
static int cfg_gen;

/* Helpers annotated with a file-static lock, doing what they say. */
static void cfg_lock(void) __acquires(&cfg_mutex)
{
	mutex_lock(&cfg_mutex);
	cfg_gen++;
}

static void cfg_unlock(void) __releases(&cfg_mutex)
{
	cfg_gen++;
	mutex_unlock(&cfg_mutex);
}

/*
 * check-name: __acquires/__releases naming a file-static lock
 */
