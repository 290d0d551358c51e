/* A device whose statistics table the interrupt handler reads. */
#ifndef TEST_STATS_H
#define TEST_STATS_H

#include "irqctx.h"

struct stats_dev {
	rwlock_t table_lock;		/* the counters table */
	unsigned long table[16];
	unsigned int irq;
};

irqreturn_t stats_irq(int irq, void *data);

#endif
