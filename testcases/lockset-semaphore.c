#include "kernel.h"

struct fw_chan {
	struct semaphore sem;
	int seq;
};

static int fw_send(struct fw_chan *c);

/* A semaphore used as a sleeping lock, down()/up() on every path. */
static int fw_cmd(struct fw_chan *c)
{
	int err;

	down(&c->sem);
	c->seq++;
	err = fw_send(c);
	if (err) {
		up(&c->sem);
		return err;
	}
	up(&c->sem);
	return 0;
}

static int fw_cmd_timeout(struct fw_chan *c)
{
	int err;

	if (down_timeout(&c->sem, 100))
		return -EBUSY;
	err = fw_send(c);
	up(&c->sem);
	return err;
}

/*
 * check-name: down()/up() and down_timeout() on every path
 */
