/* A ring of ports, each pointing at the next. */
#ifndef TEST_RING_H
#define TEST_RING_H

struct port {
	spinlock_t lock;
	struct port *next;
	int seq;
};

void port_renumber(struct port *p, int n);

#endif
