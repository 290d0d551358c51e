#include "stats.h"

/*
 * The writer keeps softirqs out, not hard irqs: the handler's read_lock()
 * on this CPU spins on the writer it interrupted.
 */
void stats_reset(struct stats_dev *sd)
{
	int i;

	write_lock_bh(&sd->table_lock);
	for (i = 0; i < 16; i++)
		sd->table[i] = 0;
	write_unlock_bh(&sd->table_lock);
}

/*
 * check-name: rwlock read in a hard-irq handler, writer with only _bh
 * check-error-start
test.c:11:9: warning: '&sd->table_lock' (struct stats_dev::table_lock) is acquired for read in hard-irq context and here for write with hard irqs enabled: deadlock if the interrupt comes while it is held [lockscope/irq-inversion]
irq.c:4: note: stats_irq() runs in hard-irq context (bound to struct irqaction::handler)
irq.c:8:9: note: stats_irq() acquires '&data->table_lock' for read here
test.c:11: note: scenario: CPU0: lock(struct stats_dev::table_lock) in stats_reset() with hard irqs enabled
irq.c:8: note: scenario: CPU0: <hard-irq> lock(struct stats_dev::table_lock) in stats_irq(): deadlock
 * check-error-end
 */
