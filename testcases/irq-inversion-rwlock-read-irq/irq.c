#include "stats.h"

/* The interrupt handler only reads the table. */
irqreturn_t stats_irq(int irq, void *data)
{
	struct stats_dev *sd = data;

	read_lock(&sd->table_lock);
	sd->table[0]++;
	read_unlock(&sd->table_lock);
	return IRQ_HANDLED;
}

int stats_probe(struct stats_dev *sd)
{
	return request_irq(sd->irq, stats_irq, 0, "stats", sd);
}
