#include "kernel.h"

struct mm {
	struct rw_semaphore mmap_lock;
	int map_count;
};

/*
 * The fixed twin of the read-to-write upgrade: drop the read side, take
 * the write side, look again.
 */
static int mm_grow(struct mm *mm)
{
	int n;

	down_read(&mm->mmap_lock);
	n = mm->map_count;
	up_read(&mm->mmap_lock);
	if (n < 16) {
		down_write(&mm->mmap_lock);
		if (mm->map_count < 16)
			mm->map_count++;
		up_write(&mm->mmap_lock);
	}
	return n;
}

/*
 * check-name: fixed twin: up_read() before down_write()
 */
