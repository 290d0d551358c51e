/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_BLOCK_SUPPLY_H
#define LOCKSCOPE_BLOCK_SUPPLY_H

/*
 * The arenas' blocks: BLOCK_SUPPLY_BYTES each, aligned to a huge page
 * and in huge pages where the kernel gives them.  Once started, a
 * thread of its own keeps a few blocks ready, their pages faulted in,
 * and a second, at idle priority, more when a CPU has nothing else to
 * do: in a VM the first touch of memory costs seconds a GB, and the
 * whole-tree step's main thread would pay it all.
 */
#define BLOCK_SUPPLY_BYTES (4u << 20)

void *block_supply_take(void);
void block_supply_give(void *block);

/*
 * A mapping of @bytes (a multiple of a huge page) for later, faulted in
 * by the filler between blocks; NULL if the filler does not run.
 * Collected, it is the caller's to munmap(), faulted in or not (yet).
 */
struct block_order;
struct block_order *block_supply_order(size_t bytes);
void *block_supply_collect(struct block_order *order);

/*
 * --stats, once stopped: the fresh memory the filler faulted in and its
 * CPU time for that (in a VM the host backs each new page: most of it),
 * and the blocks taken while it was behind, which their takers fault in.
 */
struct block_supply_stats {
	size_t fresh;
	double cpu, idle_cpu;	/* the filler's, and its idle-priority helper's */
	int behind;
};
void block_supply_stats(struct block_supply_stats *stats);
/* The thread that faults blocks in ahead: for the whole-tree step only. */
void block_supply_start(void);
void block_supply_stop(void);

#endif
