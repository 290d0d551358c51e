/* A work queue with a spinlock. */
#ifndef TEST_QUEUE_H
#define TEST_QUEUE_H

struct queue {
	spinlock_t lock;
	struct mutex flush_lock;
	int pending;
};

bool queue_kick(struct queue *q);
void queue_flush(struct queue *q);

#endif
