#include "kernel.h"
#include "current.h"

void *dup_task(void);

/* The allocation is made before the unlock: it may sleep under the lock. */
void *fork_prepare(void)
{
	void *p;

	spin_lock_irq(&current->sighand->siglock);
	current->sigpending = 0;
	p = dup_task();
	spin_unlock_irq(&current->sighand->siglock);
	return p;
}

/*
 * check-name: GFP_KERNEL allocation under a lock of "current"
 * check-error-start
test.c:13:13: warning: dup_task() may sleep (kmalloc()) and is called with '&asm(current_task)->sighand->siglock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:11: note: '&asm(current_task)->sighand->siglock' (struct sighand_struct::siglock) acquired here
test.c:13:13: note: fork_prepare() calls dup_task()
alloc.c:5:16: note: dup_task() calls kmalloc() with GFP flags 0xcc0, which allow direct reclaim: it may sleep
 * check-error-end
 */
