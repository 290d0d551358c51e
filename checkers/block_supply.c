// SPDX-License-Identifier: MIT
/*
 * Blocks for the arenas, faulted in ahead on a thread of its own while
 * the other threads work.
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>

#include "lockscope/arena.h"
#include "lockscope/block_supply.h"

/*
 * The main thread takes a block every few milliseconds at most, and
 * faulting one in takes about five: a few ready absorb its bursts.
 */
#define STOCK 16
#define REFILL_BELOW (STOCK / 2)

/*
 * A block given back while the filler runs is kept for the next take,
 * not unmapped: a new one's first touch in a VM costs a host fault per
 * page as well (1.5 to 4 s a GB), and a kernel-sized report hands back
 * 600 MB of work areas halfway through, then needs as much again.  The
 * first bytes of a kept block link it to the next.
 */
struct kept_block {
	struct kept_block *next;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wanted;	/* the stock ran low, or stop */
	void *ready[STOCK];
	int nready;
	struct kept_block *kept;	/* given back, not yet cleared */
	bool running, stopping;
	pthread_t filler;
} supply = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.wanted = PTHREAD_COND_INITIALIZER,
};

static void fault_in(char *block)
{
	size_t at;

#ifdef MADV_POPULATE_WRITE
	if (!madvise(block, BLOCK_SUPPLY_BYTES, MADV_POPULATE_WRITE))
		return;
#endif
	/* an older kernel: a write a page does it */
	for (at = 0; at < BLOCK_SUPPLY_BYTES; at += 4096)
		((volatile char *)block)[at] = 0;
}

/* A block given back, or NULL; under the lock. */
static void *take_kept(void)
{
	struct kept_block *b = supply.kept;

	if (b)
		supply.kept = b->next;
	return b;
}

static void *fill(void *unused)
{
	void *block;

	(void)unused;
	/*
	 * At the main thread's priority, above the checks beside it (nice
	 * +10): what it does not fault in, the main thread faults itself.
	 * At SCHED_IDLE it fell behind by 60 to 210 blocks of 954 when the
	 * second CPU was busy; at nice 0, by 1 to 8.
	 */
	pthread_mutex_lock(&supply.lock);
	while (!supply.stopping) {
		if (supply.nready >= REFILL_BELOW) {
			pthread_cond_wait(&supply.wanted, &supply.lock);
			continue;
		}
		while (supply.nready < STOCK && !supply.stopping) {
			block = take_kept();
			pthread_mutex_unlock(&supply.lock);
			if (block) {
				memset(block, 0, BLOCK_SUPPLY_BYTES);
			} else {
				block = huge_map(BLOCK_SUPPLY_BYTES);
				fault_in(block);
			}
			pthread_mutex_lock(&supply.lock);
			supply.ready[supply.nready++] = block;
		}
	}
	pthread_mutex_unlock(&supply.lock);
	return NULL;
}

void *block_supply_take(void)
{
	void *block = NULL, *kept = NULL;

	if (!__atomic_load_n(&supply.running, __ATOMIC_ACQUIRE))
		return huge_map(BLOCK_SUPPLY_BYTES);
	pthread_mutex_lock(&supply.lock);
	if (supply.nready)
		block = supply.ready[--supply.nready];
	else
		kept = take_kept();
	if (supply.nready < REFILL_BELOW)
		pthread_cond_signal(&supply.wanted);
	pthread_mutex_unlock(&supply.lock);
	/* the filler fell behind: no waiting for it */
	if (kept)
		return memset(kept, 0, BLOCK_SUPPLY_BYTES);
	return block ? block : huge_map(BLOCK_SUPPLY_BYTES);
}

void block_supply_give(void *block)
{
	struct kept_block *b = block;

	if (!__atomic_load_n(&supply.running, __ATOMIC_ACQUIRE)) {
		munmap(block, BLOCK_SUPPLY_BYTES);
		return;
	}
	pthread_mutex_lock(&supply.lock);
	b->next = supply.kept;
	supply.kept = b;
	pthread_mutex_unlock(&supply.lock);
}

void block_supply_start(void)
{
	if (supply.running)
		return;
	supply.stopping = false;
	if (!pthread_create(&supply.filler, NULL, fill, NULL))
		__atomic_store_n(&supply.running, true, __ATOMIC_RELEASE);
}

void block_supply_stop(void)
{
	void *block;

	if (!supply.running)
		return;
	pthread_mutex_lock(&supply.lock);
	supply.stopping = true;
	pthread_cond_signal(&supply.wanted);
	pthread_mutex_unlock(&supply.lock);
	pthread_join(supply.filler, NULL);
	__atomic_store_n(&supply.running, false, __ATOMIC_RELEASE);
	while (supply.nready)
		block_supply_give(supply.ready[--supply.nready]);
	while ((block = take_kept()))
		block_supply_give(block);
}
