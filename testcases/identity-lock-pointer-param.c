#include "kernel.h"

/* The lock itself is the parameter. */
static void locked_inc(spinlock_t *lock, int *counter)
{
	spin_lock(lock);
	(*counter)++;
	spin_lock(lock);
	spin_unlock(lock);
}

/*
 * check-name: a lock passed as a pointer parameter
 *
 * check-error-start
identity-lock-pointer-param.c:8:9: warning: spin_lock() acquires 'lock' while it is already held: self-deadlock [lockscope/double-lock]
identity-lock-pointer-param.c:6:9: note: 'lock' (struct spinlock) was acquired here
 * check-error-end
 */
