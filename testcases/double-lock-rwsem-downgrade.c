#include "kernel.h"

struct table {
	struct rw_semaphore sem;
	int gen;
	int users;
};

/* After downgrade_write() the semaphore is held for read only. */
static void table_publish(struct table *t)
{
	down_write(&t->sem);
	t->gen++;
	downgrade_write(&t->sem);
	t->users++;
	down_write(&t->sem);
	t->users--;
	up_write(&t->sem);
	up_read(&t->sem);
}

/*
 * check-name: down_write() after downgrade_write(): held for read
 *
 * check-error-start
double-lock-rwsem-downgrade.c:16:9: warning: down_write() acquires '&t->sem' for write while it is already held for read: self-deadlock [lockscope/double-lock]
double-lock-rwsem-downgrade.c:12:9: note: '&t->sem' (struct table::sem) was acquired here
 * check-error-end
 */
