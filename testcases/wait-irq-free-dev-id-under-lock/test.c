#include "waits.h"

/*
 * The IRQ number is the caller's, a parameter: nothing names the line.
 * free_irq() still waits for the handler bound to the dev_id, a struct
 * port, whose handler takes the port lock held around the free.
 *
 * check-name: free_irq() of a handler known by its dev_id only
 * check-error-start
test.c:43:9: warning: free_irq() waits for the IRQ handler of 'struct port' with '&p->lock' held, and its callback port_interrupt() acquires 'struct port::lock': deadlock [lockscope/wait-under-lock]
test.c:41: note: '&p->lock' (struct port::lock) acquired here
test.c:36: note: port_interrupt() is bound to 'struct port' here: it runs as its irq callback
test.c:28:9: note: port_interrupt() acquires '&dev_id->lock' here
test.c:41: note: scenario: CPU0: lock(&p->lock) in port_detach()
test.c:36: note: scenario: CPU1: port_interrupt() starts, lock(struct port::lock) waits for CPU0
test.c:43: note: scenario: CPU0: waits for port_interrupt() on CPU1 to finish: deadlock
 * check-error-end
 */
struct port {
	spinlock_t lock;
	unsigned long events;
};

static irqreturn_t port_interrupt(int irq, void *dev_id)
{
	struct port *p = dev_id;

	spin_lock(&p->lock);
	p->events++;
	spin_unlock(&p->lock);
	return IRQ_HANDLED;
}

int port_attach(struct port *p, unsigned int irq)
{
	return request_irq(irq, port_interrupt, 0, "port", p);
}

void port_detach(struct port *p, unsigned int irq)
{
	spin_lock_irq(&p->lock);
	p->events = 0;
	free_irq(irq, p);
	spin_unlock_irq(&p->lock);
}
