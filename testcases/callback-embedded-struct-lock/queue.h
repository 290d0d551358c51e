/* A packet queue with its own lock, embedded in an endpoint (sk_buff_head's shape). */
#ifndef TEST_QUEUE_H
#define TEST_QUEUE_H

struct pkt;

struct pkt_queue {
	struct pkt *head;
	int qlen;
	spinlock_t lock;
};

struct endpoint {
	int state;
	struct pkt_queue rxq;		/* embedded, not a pointer */
};

void pkt_queue_purge(struct pkt_queue *q);

#endif
