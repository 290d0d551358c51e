#include "kernel.h"

struct mm {
	struct rw_semaphore mmap_lock;
	int map_count;
};

/*
 * Upgrading by taking the write side while still holding the read side
 * waits for our own reader forever.
 */
static int mm_grow(struct mm *mm)
{
	int n;

	down_read(&mm->mmap_lock);
	n = mm->map_count;
	if (n < 16) {
		down_write(&mm->mmap_lock);
		mm->map_count++;
		up_write(&mm->mmap_lock);
	}
	up_read(&mm->mmap_lock);
	return n;
}

/*
 * check-name: down_write() while the same rw_semaphore is held for read
 *
 * check-error-start
double-lock-rwsem-read-write.c:19:17: warning: down_write() acquires '&mm->mmap_lock' for write while it is already held for read: self-deadlock [lockscope/double-lock]
double-lock-rwsem-read-write.c:16:9: note: '&mm->mmap_lock' (struct mm::mmap_lock) was acquired here
 * check-error-end
 */
