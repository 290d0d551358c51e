#include "stats.h"

/* The writer disables hard irqs: the handler cannot interrupt it. */
void stats_reset(struct stats_dev *sd)
{
	int i;

	write_lock_irq(&sd->table_lock);
	for (i = 0; i < 16; i++)
		sd->table[i] = 0;
	write_unlock_irq(&sd->table_lock);
}

/*
 * check-name: rwlock read in a hard-irq handler, writer with _irq: silent
 */
