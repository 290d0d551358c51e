#include "waits.h"

/*
 * A restart helper called with the port lock held drops it around the
 * synchronous timer stop (and says so in its annotations), as tg3's
 * tg3_restart_hw() does: the wait is not made under the lock.
 *
 * check-name: a callee that drops the caller's lock around the wait: silent
 */
struct port {
	spinlock_t lock;
	struct timer_list watchdog;
	int up;
};

static void port_watchdog(struct timer_list *t)
{
	struct port *port = from_timer(port, t, watchdog);

	spin_lock(&port->lock);
	port->up = 0;
	spin_unlock(&port->lock);
}

void port_init(struct port *port)
{
	timer_setup(&port->watchdog, port_watchdog, 0);
}

static void port_timer_stop(struct port *port)
{
	del_timer_sync(&port->watchdog);
}

static void port_restart(struct port *port)
	__releases(&port->lock) __acquires(&port->lock)
{
	spin_unlock_bh(&port->lock);
	port_timer_stop(port);
	spin_lock_bh(&port->lock);
}

void port_reset(struct port *port)
{
	spin_lock_bh(&port->lock);
	port->up = 1;
	port_restart(port);
	spin_unlock_bh(&port->lock);
}
