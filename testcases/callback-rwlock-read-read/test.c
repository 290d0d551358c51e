#include "kernel.h"
#include "table.h"

/*
 * A reader calls another reader of the same rwlock instance: rwlock
 * readers nest (the kernel's rwlock_t read side is recursive), so
 * this is neither a callback-under-lock nor an ordering.
 */
int table_report(struct table *t)
{
	int n;

	read_lock(&t->lock);
	n = table_count(t) + t->hits;
	read_unlock(&t->lock);
	return n;
}

/*
 * check-name: read_lock held across a call that read_locks the same rwlock: silent
 */
