#include "kernel.h"
#include "many_locks.h"

spinlock_t cfg_lock;

/* A hundred counter locks, each down a call of its own. */
COUNTER100(1)

/* Every counter, then the configuration: a long summary. */
void io_account(void)
{
	BUMP100(1)
	spin_lock(&cfg_lock);
	spin_unlock(&cfg_lock);
}
