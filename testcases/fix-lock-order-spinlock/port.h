/* A serial port and its transmit queue: the port lock nests the queue's. */
#ifndef TEST_PORT_H
#define TEST_PORT_H

struct txq {
	spinlock_t lock;
	int len;
};

struct port {
	spinlock_t lock;
	struct txq *q;
	int stopped;
};

#endif
