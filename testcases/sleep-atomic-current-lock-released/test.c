#include "kernel.h"
#include "current.h"

void *dup_task(void);

/*
 * Each "current" is a separate read, but one value: the unlock releases
 * the lock, and the allocation after it is made with nothing held.
 */
void *fork_prepare(void)
{
	spin_lock_irq(&current->sighand->siglock);
	current->sigpending = 0;
	spin_unlock_irq(&current->sighand->siglock);
	return dup_task();
}

/*
 * check-name: a lock of "current" released through another read of current: silent
 */
