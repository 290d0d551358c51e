#include "kernel.h"

struct table {
	struct rw_semaphore sem;
	int gen;
	int users;
};

/*
 * The fixed twin: after downgrade_write() the semaphore is held for
 * read, so it is released with up_read() and nothing else.
 */
static void table_publish(struct table *t)
{
	down_write(&t->sem);
	t->gen++;
	downgrade_write(&t->sem);
	t->users++;
	up_read(&t->sem);
}

/*
 * check-name: fixed twin: after downgrade_write(), up_read() releases
 */
