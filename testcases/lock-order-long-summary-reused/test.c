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

/* The configuration first: cfg_lock, then queue_lock. */
void cfg_reload(void)
{
	spin_lock(&cfg_lock);
	spin_lock(&queue_lock);
	spin_unlock(&queue_lock);
	spin_unlock(&cfg_lock);
}

/*
 * check-name: an ABBA whose one side is the third call under a lock of a callee with a long summary, which reads the list kept at the second
 * check-error-start
test.c:36:9: warning: possible circular locking dependency: 'cfg_lock' -> 'queue_lock' -> 'cfg_lock' [lockscope/lock-order]
test.c:35: note: cfg_reload() holds '&cfg_lock' (cfg_lock) from here
test.c:36:9: note: ... and acquires '&queue_lock' (queue_lock) here
test.c:27: note: queue_run() holds '&queue_lock' (queue_lock) from here
test.c:28:9: note: ... and calls io_account(), which acquires cfg_lock
io.c:13:9: note: io_account() acquires '&cfg_lock' here
test.c:35: note: scenario: CPU0: lock(&cfg_lock) in cfg_reload()
test.c:27: note: scenario: CPU1: lock(&queue_lock) in queue_run()
test.c:36: note: scenario: CPU0: lock(&queue_lock) waits for CPU1: deadlock
test.c:28: note: scenario: CPU1: lock(&cfg_lock) waits for CPU0: deadlock
 * check-error-end
 */
