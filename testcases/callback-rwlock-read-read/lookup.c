#include "kernel.h"
#include "table.h"

/* Takes the table lock for read, the same instance its caller holds. */
int table_count(struct table *t)
{
	int n;

	read_lock(&t->lock);
	n = t->nentries;
	read_unlock(&t->lock);
	return n;
}
