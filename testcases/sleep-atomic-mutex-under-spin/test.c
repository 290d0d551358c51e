#include "cfg.h"

/* The speed change is applied with the counters' spinlock still held. */
void port_set_speed(struct port *p, int speed)
{
	spin_lock(&p->stats_lock);
	p->rx = 0;
	p->tx = 0;
	p->speed = speed;
	port_apply_speed(p);
	spin_unlock(&p->stats_lock);
}

/*
 * check-name: mutex_lock() two calls down under spin_lock()
 * check-error-start
test.c:10:9: warning: port_apply_speed() may sleep (a mutex) and is called with '&p->stats_lock' held: sleeping in atomic context [lockscope/sleep-in-atomic]
test.c:6: note: '&p->stats_lock' (struct port::stats_lock) acquired here
test.c:10:9: note: port_set_speed() calls port_apply_speed()
fw.c:12:9: note: port_apply_speed() calls fw_write()
fw.c:5:9: note: fw_write() acquires '&p->fw_lock' (a mutex), which sleeps
 * check-error-end
 */
