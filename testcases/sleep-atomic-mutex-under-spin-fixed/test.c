#include "cfg.h"

/* The counters are reset under the spinlock, the firmware written after. */
void port_set_speed(struct port *p, int speed)
{
	spin_lock(&p->stats_lock);
	p->rx = 0;
	p->tx = 0;
	p->speed = speed;
	spin_unlock(&p->stats_lock);
	port_apply_speed(p);
}

/*
 * check-name: mutex_lock() two calls down, after spin_unlock(): silent
 */
