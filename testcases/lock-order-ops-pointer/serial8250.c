#include "kernel.h"
#include "port.h"

/* The driver's start_tx takes the hardware lock. */
static void serial8250_start_tx(struct uart_port *port)
{
	spin_lock(&port->hw->lock);
	port->hw->fifo = 1;
	spin_unlock(&port->hw->lock);
}

static void serial8250_stop_tx(struct uart_port *port)
{
	port->pending = 0;
}

/* Bound by a designated initializer: the only way start_tx is reached. */
const struct uart_ops serial8250_ops = {
	.start_tx	= serial8250_start_tx,
	.stop_tx	= serial8250_stop_tx,
};
