/*
 * The bundled example's second file: an event path that takes the ring's
 * configuration lock, and two worker threads with semaphores, for the
 * whole-tree step of `make demo`.
 */
#include "kernel.h"

struct demo_ring {
	spinlock_t lock;
	struct mutex cfg_lock;
	int head, tail, size;
	bool running;
};

struct demo_ctl {
	struct demo_ring *ring;
	struct semaphore tx_sem, rx_sem;
	int pending;
};

#define DEMO_EV_RESIZE 1
#define DEMO_EV_STATS 2

void demo_event(struct demo_ring *ring, int event);
int demo_tx_thread(struct demo_ctl *ctl);
int demo_rx_thread(struct demo_ctl *ctl);

/* Only a resize takes the configuration lock. */
void demo_event(struct demo_ring *ring, int event)
{
	switch (event) {
	case DEMO_EV_RESIZE:
		mutex_lock(&ring->cfg_lock);
		ring->size *= 2;
		mutex_unlock(&ring->cfg_lock);
		break;
	case DEMO_EV_STATS:
		break;
	}
}

/* The two threads take the semaphores in opposite orders: ABBA. */
int demo_tx_thread(struct demo_ctl *ctl)
{
	down(&ctl->tx_sem);
	down(&ctl->rx_sem);
	ctl->pending++;
	up(&ctl->rx_sem);
	up(&ctl->tx_sem);
	return 0;
}

int demo_rx_thread(struct demo_ctl *ctl)
{
	down(&ctl->rx_sem);
	down(&ctl->tx_sem);
	ctl->pending--;
	up(&ctl->tx_sem);
	up(&ctl->rx_sem);
	return 0;
}
