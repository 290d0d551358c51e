/* A serial port and the hardware behind it, with driver operations. */
#ifndef TEST_PORT_H
#define TEST_PORT_H

struct uart_port;

struct uart_hw {
	spinlock_t lock;		/* the registers */
	struct uart_port *port;		/* back to the port */
	unsigned int fifo;
};

struct uart_ops {
	void (*start_tx)(struct uart_port *port);
	void (*stop_tx)(struct uart_port *port);
};

struct uart_port {
	spinlock_t lock;		/* the transmit buffer */
	const struct uart_ops *ops;
	struct uart_hw *hw;
	int pending;
};

#endif
