#include "kernel.h"
#include "port.h"

/*
 * port -> hw, through a function pointer: the core holds the port lock
 * and calls the driver's start_tx, which (serial8250.c) takes the
 * hardware lock; the interrupt handler (irq.c) nests them the other way.
 */
void uart_start(struct uart_port *port)
{
	spin_lock(&port->lock);
	if (port->pending)
		port->ops->start_tx(port);
	spin_unlock(&port->lock);
}

/*
 * check-name: cycle through an ops struct bound by a designated initializer
 * check-error-start
irq.c:8:9: warning: possible circular locking dependency: 'struct uart_hw::lock' -> 'struct uart_port::lock' -> 'struct uart_hw::lock' [lockscope/lock-order]
irq.c:7: note: serial8250_handle_irq() holds '&hw->lock' (struct uart_hw::lock) from here
irq.c:8:9: note: ... and acquires '&hw->port->lock' (struct uart_port::lock) here
test.c:11: note: uart_start() holds '&port->lock' (struct uart_port::lock) from here
test.c:13:28: note: ... and calls serial8250_start_tx() through struct uart_ops::start_tx, which acquires struct uart_hw::lock
serial8250.c:7:9: note: serial8250_start_tx() acquires '&port->hw->lock' here
irq.c:7: note: scenario: CPU0: lock(&hw->lock) in serial8250_handle_irq()
test.c:11: note: scenario: CPU1: lock(&port->lock) in uart_start()
irq.c:8: note: scenario: CPU0: lock(&hw->port->lock) waits for CPU1: deadlock
test.c:13: note: scenario: CPU1: lock(&port->hw->lock) waits for CPU0: deadlock
 * check-error-end
 */
