/* A switch port whose configuration is written through firmware. */
#ifndef TEST_CFG_H
#define TEST_CFG_H

#include "kernel.h"

struct port {
	spinlock_t stats_lock;		/* the counters */
	struct mutex fw_lock;		/* the firmware mailbox */
	unsigned long rx, tx;
	int speed;
};

void fw_write(struct port *p, int reg, int val);
void port_apply_speed(struct port *p);

#endif
