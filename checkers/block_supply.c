// SPDX-License-Identifier: MIT
/*
 * Blocks for the arenas, faulted in ahead on a thread of its own while
 * the other threads work.
 */
#define _GNU_SOURCE		/* SCHED_IDLE */
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>

#include "lockscope/arena.h"
#include "lockscope/block_supply.h"
#include "lockscope/diag.h"
#include "lockscope/strbuf.h"

/*
 * The main thread takes a block every few milliseconds at most, and
 * faulting one in takes about five: a few ready absorb its bursts.
 */
#define STOCK 16
#define REFILL_BELOW (STOCK / 2)

/*
 * Beyond the stock, a deeper one, faulted in by a second thread at
 * SCHED_IDLE: it runs only on a CPU that would idle (the load waiting
 * for its reads, the call graph, a large cycle summarised alone), and
 * what it faults in then the busy phases after need not.  It is kept to
 * an eighth of the blocks taken so far, at most DEEP_STOCK: what it
 * faults in and is never used stays small beside what a run needs.
 * Its slots are taken without the lock: a thread at idle priority may
 * wait long for a CPU, and must not hold the lock while it does.  For
 * the same reason only from Linux 6.4 on, where a page fault holds its
 * mapping's lock, not the process's mmap lock, which brk() waits for.
 */
#define DEEP_STOCK 64
#define DEEP_PER_TAKEN 8
#define DEEP_FULL_NS 5000000	/* how long the idler sleeps on a full stock */

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

/*
 * A table that grows by doubling asks for its next size well before it
 * needs it, and the filler maps it and faults it in, a block's worth at a
 * time between blocks: at kernel size the first touches of the string
 * tables' new sizes were 0.6 to 1.6 s of the main thread's load here.
 */
struct block_order {
	size_t bytes, done;	/* faulted in so far */
	char *mem;		/* NULL until the filler maps it */
	struct block_order *next;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wanted;	/* the stock ran low, an order, or stop */
	pthread_cond_t chunk_done;	/* an order's chunk is faulted in */
	void *ready[STOCK];
	int nready;
	struct kept_block *kept;	/* given back, not yet cleared */
	void *deep[DEEP_STOCK];		/* atomic: faulted in at idle priority, or NULL */
	unsigned int taken;		/* atomic: blocks taken so far */
	pthread_t idler;
	bool idling;
	struct block_order *orders, *busy;	/* waiting; the one in hand */
	bool running, stopping;
	pthread_t filler;
	struct block_supply_stats stats;
} supply = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.wanted = PTHREAD_COND_INITIALIZER,
	.chunk_done = PTHREAD_COND_INITIALIZER,
};

/*
 * A write a page, not madvise(MADV_POPULATE_WRITE): that holds the
 * process's mmap lock for the whole range, and every brk(), mmap() and
 * munmap() of the other threads waits behind it.  With the host slow to
 * hand over pages (5 s a GB), the main thread spent most of the load in
 * brk() so.  A fault takes only its mapping's lock (Linux 6.4 on).
 */
static void fault_in(char *mem, size_t bytes)
{
	size_t at;

	for (at = 0; at < bytes; at += 4096)
		((volatile char *)mem)[at] = 0;
	__atomic_fetch_add(&supply.stats.fresh, bytes, __ATOMIC_RELAXED);
}

/* A block given back, or NULL; under the lock. */
static void *take_kept(void)
{
	struct kept_block *b = supply.kept;

	if (b)
		supply.kept = b->next;
	return b;
}

/* A block of the deep stock, faulted in and clear, or NULL. */
static void *take_deep(void)
{
	void *block;
	int i;

	for (i = 0; i < DEEP_STOCK; i++)
		if (__atomic_load_n(&supply.deep[i], __ATOMIC_RELAXED) &&
		    (block = __atomic_exchange_n(&supply.deep[i], NULL, __ATOMIC_ACQUIRE)))
			return block;
	return NULL;
}

/*
 * An empty slot of the deep stock, or -1 if it has what the blocks taken
 * so far call for: only the idler fills the slots.
 */
static int deep_slot(void)
{
	unsigned int want = __atomic_load_n(&supply.taken, __ATOMIC_RELAXED) / DEEP_PER_TAKEN;
	unsigned int have = 0;
	int i, empty = -1;

	for (i = 0; i < DEEP_STOCK; i++) {
		if (__atomic_load_n(&supply.deep[i], __ATOMIC_RELAXED))
			have++;
		else if (empty < 0)
			empty = i;
	}
	return have < want ? empty : -1;
}

static bool faults_lock_one_mapping(void)
{
	struct utsname u;
	int major, minor;

	return !uname(&u) && sscanf(u.release, "%d.%d", &major, &minor) == 2 &&
	       (major > 6 || (major == 6 && minor >= 4));
}

static void *fill_deep(void *unused)
{
	static const struct timespec full = { 0, DEEP_FULL_NS };
	struct sched_param none = { 0 };
	void *block;
	int i;

	(void)unused;
	pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
	while (!__atomic_load_n(&supply.stopping, __ATOMIC_ACQUIRE)) {
		i = deep_slot();
		if (i < 0) {
			nanosleep(&full, NULL);
			continue;
		}
		block = huge_map(BLOCK_SUPPLY_BYTES);
		fault_in(block, BLOCK_SUPPLY_BYTES);
		__atomic_store_n(&supply.deep[i], block, __ATOMIC_RELEASE);
	}
	supply.stats.idle_cpu = ls_thread_cpu();	/* read once joined */
	return NULL;
}

/*
 * The next block's worth of the first order, under the lock (released
 * while it is mapped or faulted in: its taker waits for that, and may
 * then unmap the table).  Done, it leaves the list for its taker.
 */
static void fill_order(void)
{
	struct block_order *o = supply.orders;
	char *mem = o->mem;
	size_t chunk = o->bytes - o->done;

	if (chunk > BLOCK_SUPPLY_BYTES)
		chunk = BLOCK_SUPPLY_BYTES;
	supply.busy = o;
	pthread_mutex_unlock(&supply.lock);
	if (!mem)
		mem = huge_map(o->bytes);
	fault_in(mem + o->done, chunk);
	pthread_mutex_lock(&supply.lock);
	o->mem = mem;
	o->done += chunk;
	supply.busy = NULL;
	if (o->done == o->bytes)
		supply.orders = o->next;
	pthread_cond_broadcast(&supply.chunk_done);
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
			if (supply.orders)
				fill_order();
			else
				pthread_cond_wait(&supply.wanted, &supply.lock);
			continue;
		}
		while (supply.nready < STOCK && !supply.stopping) {
			block = take_kept();
			if (!block && (block = take_deep())) {
				supply.ready[supply.nready++] = block;
				continue;
			}
			pthread_mutex_unlock(&supply.lock);
			if (block) {
				memset(block, 0, BLOCK_SUPPLY_BYTES);
			} else {
				block = huge_map(BLOCK_SUPPLY_BYTES);
				fault_in(block, BLOCK_SUPPLY_BYTES);
			}
			pthread_mutex_lock(&supply.lock);
			supply.ready[supply.nready++] = block;
		}
	}
	pthread_mutex_unlock(&supply.lock);
	supply.stats.cpu = ls_thread_cpu();
	return NULL;
}

void *block_supply_take(void)
{
	void *block = NULL, *kept = NULL;

	if (!__atomic_load_n(&supply.running, __ATOMIC_ACQUIRE))
		return huge_map(BLOCK_SUPPLY_BYTES);
	__atomic_fetch_add(&supply.taken, 1, __ATOMIC_RELAXED);
	pthread_mutex_lock(&supply.lock);
	if (supply.nready)
		block = supply.ready[--supply.nready];
	else if (!(kept = take_kept()))
		block = take_deep();
	if (supply.nready < REFILL_BELOW)
		pthread_cond_signal(&supply.wanted);
	pthread_mutex_unlock(&supply.lock);
	/* the filler fell behind: no waiting for it */
	if (kept)
		return memset(kept, 0, BLOCK_SUPPLY_BYTES);
	if (!block)
		__atomic_fetch_add(&supply.stats.behind, 1, __ATOMIC_RELAXED);
	return block ? block : huge_map(BLOCK_SUPPLY_BYTES);
}

struct block_order *block_supply_order(size_t bytes)
{
	struct block_order *o, **end;

	if (!__atomic_load_n(&supply.running, __ATOMIC_ACQUIRE))
		return NULL;
	o = ls_xcalloc(1, sizeof(*o));
	o->bytes = bytes;
	pthread_mutex_lock(&supply.lock);
	for (end = &supply.orders; *end; end = &(*end)->next)
		;
	*end = o;
	pthread_cond_signal(&supply.wanted);
	pthread_mutex_unlock(&supply.lock);
	return o;
}

void *block_supply_collect(struct block_order *o)
{
	struct block_order **at;
	size_t bytes = o->bytes;
	void *mem;

	pthread_mutex_lock(&supply.lock);
	while (supply.busy == o)
		pthread_cond_wait(&supply.chunk_done, &supply.lock);
	mem = o->mem;
	/* not done: taken off the list, the rest left to the taker */
	for (at = &supply.orders; *at && *at != o; at = &(*at)->next)
		;
	if (*at)
		*at = o->next;
	pthread_mutex_unlock(&supply.lock);
	free(o);
	return mem ? mem : huge_map(bytes);
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

void block_supply_stats(struct block_supply_stats *stats)
{
	*stats = supply.stats;
}

void block_supply_start(void)
{
	if (supply.running)
		return;
	supply.stopping = false;
	if (pthread_create(&supply.filler, NULL, fill, NULL))
		return;
	__atomic_store_n(&supply.running, true, __ATOMIC_RELEASE);
	supply.idling = faults_lock_one_mapping() &&
			!pthread_create(&supply.idler, NULL, fill_deep, NULL);
}

void block_supply_stop(void)
{
	void *block;

	if (!supply.running)
		return;
	pthread_mutex_lock(&supply.lock);
	__atomic_store_n(&supply.stopping, true, __ATOMIC_RELEASE);
	pthread_cond_signal(&supply.wanted);
	pthread_mutex_unlock(&supply.lock);
	pthread_join(supply.filler, NULL);
	if (supply.idling)
		pthread_join(supply.idler, NULL);
	supply.idling = false;
	__atomic_store_n(&supply.running, false, __ATOMIC_RELEASE);
	while (supply.nready)
		block_supply_give(supply.ready[--supply.nready]);
	while ((block = take_deep()))
		block_supply_give(block);
	while ((block = take_kept()))
		block_supply_give(block);
}
