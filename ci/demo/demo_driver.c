/*
 * lockscope's bundled example: a small driver written the way kernel code
 * is, with three lock bugs a reviewer could miss.  `make demo` checks it.
 */
#include "kernel.h"

struct demo_ring {
	spinlock_t lock;
	struct mutex cfg_lock;
	int head, tail, size;
	bool running;
};

struct demo_dev {
	struct demo_ring *ring;
	rwlock_t state_lock;
	int state;
};

/* Bug 1: the error path returns with the ring lock still held. */
static int demo_ring_push(struct demo_ring *ring, int item)
{
	spin_lock(&ring->lock);
	if (ring->head - ring->tail >= ring->size)
		return -EBUSY;
	ring->head++;
	spin_unlock(&ring->lock);
	return 0;
}

/* Bug 2: the state lock is upgraded from read to write: it spins forever. */
static void demo_set_state(struct demo_dev *dev, int state)
{
	struct demo_ring *ring = dev->ring;

	read_lock_bh(&dev->state_lock);
	if (dev->state != state && ring->running) {
		write_lock_bh(&dev->state_lock);
		dev->state = state;
		write_unlock_bh(&dev->state_lock);
	}
	read_unlock_bh(&dev->state_lock);
}

/* Bug 3: the cleanup label unlocks a mutex the error path already dropped. */
static int demo_configure(struct demo_dev *dev, int size)
{
	struct demo_ring *ring = dev->ring;
	int err = 0;

	mutex_lock(&ring->cfg_lock);
	if (size <= 0) {
		mutex_unlock(&ring->cfg_lock);
		err = -EINVAL;
		goto out;
	}
	ring->size = size;
out:
	mutex_unlock(&ring->cfg_lock);
	return err;
}

/* Correct: a trylock holds the lock only when it succeeds. */
static int demo_ring_poll(struct demo_ring *ring)
{
	int n;

	if (!spin_trylock(&ring->lock))
		return -EBUSY;
	n = ring->head - ring->tail;
	spin_unlock(&ring->lock);
	return n;
}

void demo_event(struct demo_ring *ring, int event);
int demo_entry(struct demo_dev *dev);

/* Bug 4 (whole tree): a resize event under the configuration lock. */
static void demo_reconfigure(struct demo_ring *ring)
{
	mutex_lock(&ring->cfg_lock);
	demo_event(ring, 1);		/* DEMO_EV_RESIZE: takes cfg_lock */
	demo_event(ring, 2);		/* DEMO_EV_STATS: takes nothing, fine */
	mutex_unlock(&ring->cfg_lock);
}


int demo_entry(struct demo_dev *dev)
{
	demo_set_state(dev, 1);
	demo_reconfigure(dev->ring);
	return demo_ring_push(dev->ring, 1) + demo_ring_poll(dev->ring) +
	       demo_configure(dev, 4);
}
