#include "kernel.h"

spinlock_t stats_lock;

/* Takes the stats lock only when asked to. */
static void stats_maybe(int flag)
{
	if (flag) {
		spin_lock(&stats_lock);
		spin_unlock(&stats_lock);
	}
}

/* Takes it whatever it is asked. */
static void stats_always(void)
{
	spin_lock(&stats_lock);
	spin_unlock(&stats_lock);
}

/* Reaches the lock first under a condition, then always. */
void stats_update(int flag)
{
	stats_maybe(flag);
	stats_always();
}
