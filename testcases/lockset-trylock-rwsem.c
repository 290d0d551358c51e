#include "kernel.h"

struct cache {
	struct rw_semaphore sem;
	int entries;
};

/* The rwsem trylocks and killable locks, each tested its own way. */
static int cache_count(struct cache *c)
{
	int n;

	if (!down_read_trylock(&c->sem))
		return -EAGAIN;
	n = c->entries;
	up_read(&c->sem);
	return n;
}

static int cache_clear(struct cache *c)
{
	if (down_write_killable(&c->sem))
		return -EINTR;
	c->entries = 0;
	up_write(&c->sem);
	return 0;
}

static int cache_try_clear(struct cache *c)
{
	if (down_write_trylock(&c->sem) == 0)
		return -EAGAIN;
	c->entries = 0;
	up_write(&c->sem);
	return 0;
}

/*
 * check-name: down_read_trylock(), down_write_killable(), down_write_trylock() == 0
 */
