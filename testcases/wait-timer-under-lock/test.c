#include "waits.h"

/*
 * A link watchdog: the timer callback takes the port lock to read the
 * carrier state; stopping the port deletes the timer synchronously with
 * that lock held.  If the callback has started, it spins on the lock
 * while del_timer_sync() waits for it to return.
 *
 * check-name: del_timer_sync() under the lock its callback takes
 * check-error-start
test.c:46:9: warning: del_timer_sync() waits for the timer '&port->watchdog' with '&port->lock' held, and its callback port_watchdog() acquires 'struct port::lock': deadlock [lockscope/wait-under-lock]
test.c:44: note: '&port->lock' (struct port::lock) acquired here
test.c:38: note: port_watchdog() is bound to 'struct port::watchdog' here: it runs as its timer callback
test.c:30:9: note: port_watchdog() acquires '&container_of(t, -8)->lock' here
test.c:44: note: scenario: CPU0: lock(&port->lock) in port_stop()
test.c:38: note: scenario: CPU1: port_watchdog() starts, lock(struct port::lock) waits for CPU0
test.c:46: note: scenario: CPU0: waits for port_watchdog() on CPU1 to finish: deadlock
 * check-error-end
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
	del_timer_sync(&port->watchdog);
	spin_unlock_bh(&port->lock);
}
