#include "kernel.h"
#include "table.h"

/* The documented order, twice: the table (softirqs off), then the entry. */
void table_flush(struct table *t)
{
	write_lock_bh(&t->lock);
	spin_lock(&t->e->lock);
	t->e->state = 0;
	spin_unlock(&t->e->lock);
	write_unlock_bh(&t->lock);
}

void table_bump(struct table *t)
{
	write_lock_bh(&t->lock);
	t->gen++;
	spin_lock(&t->e->lock);
	t->e->state = t->gen;
	spin_unlock(&t->e->lock);
	write_unlock_bh(&t->lock);
}
