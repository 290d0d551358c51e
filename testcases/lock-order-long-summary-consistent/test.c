#include "kernel.h"

extern spinlock_t cfg_lock;
spinlock_t io_lock, queue_lock;

void io_account(void);

/* The first call of io_account() under a lock: io_lock, then cfg_lock. */
void io_submit(void)
{
	spin_lock(&io_lock);
	io_account();
	spin_unlock(&io_lock);
}

/* Its second call, under the same lock: its list is kept from here. */
void io_retry(void)
{
	spin_lock(&io_lock);
	io_account();
	spin_unlock(&io_lock);
}

/* Its third call, under another lock: queue_lock, then cfg_lock. */
void queue_run(void)
{
	spin_lock(&queue_lock);
	io_account();
	spin_unlock(&queue_lock);
}

/* The queue first, as queue_run() takes them: one order. */
void cfg_reload(void)
{
	spin_lock(&queue_lock);
	spin_lock(&cfg_lock);
	spin_unlock(&cfg_lock);
	spin_unlock(&queue_lock);
}

/*
 * check-name: the callee with a long summary called three times under locks, and its lock taken in the same order elsewhere: silent
 */
