#include "kernel.h"

struct mm {
	struct rw_semaphore mmap_lock;
	int map_count;
};

static int mm_walk(struct mm *mm);

/*
 * rw_semaphore readers are not recursive: a writer queued between the two
 * down_read() calls blocks the second one, and the writer waits for the
 * first.  (rwlock_t read recursion is another matter.)
 */
static int mm_count(struct mm *mm)
{
	int n;

	down_read(&mm->mmap_lock);
	n = mm->map_count;
	down_read(&mm->mmap_lock);
	n += mm_walk(mm);
	up_read(&mm->mmap_lock);
	up_read(&mm->mmap_lock);
	return n;
}

/*
 * check-name: recursive down_read() of one rw_semaphore
 *
 * check-error-start
double-lock-rwsem-read-recursive.c:21:9: warning: down_read() acquires '&mm->mmap_lock' for read while it is already held for read: self-deadlock [lockscope/double-lock]
double-lock-rwsem-read-recursive.c:19:9: note: '&mm->mmap_lock' (struct mm::mmap_lock) was acquired here
 * check-error-end
 */
