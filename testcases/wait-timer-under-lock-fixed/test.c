#include "waits.h"

/*
 * A link watchdog: the timer callback takes the port lock to read the
 * carrier state; stopping the port deletes the timer synchronously with
 * that lock held.  Fixed: the lock is dropped around the wait, so a
 * running callback can finish.
 *
 * check-name: the lock dropped around del_timer_sync(): silent
 */
struct port {
	spinlock_t lock;
	struct timer_list watchdog;
	int carrier, running;
};

static void port_watchdog(struct timer_list *t)
{
	struct port *port = from_timer(port, t, watchdog);

	spin_lock(&port->lock);
	if (port->running)
		port->carrier = 1;
	spin_unlock(&port->lock);
}

void port_start(struct port *port)
{
	timer_setup(&port->watchdog, port_watchdog, 0);
	mod_timer(&port->watchdog, 100);
}

void port_stop(struct port *port)
{
	spin_lock_bh(&port->lock);
	port->running = 0;
	spin_unlock_bh(&port->lock);
	del_timer_sync(&port->watchdog);
}
