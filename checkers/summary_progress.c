// SPDX-License-Identifier: MIT
/*
 * The summaries' progress, for readers on other threads: lock-order
 * builds its graph while the summaries are made, and callback-under-lock
 * and wait-under-lock check calls; each waits for the functions whose
 * summaries it reads (a function's callees are done with it).  The
 * summaries are callees first, so the reader is rarely far behind.
 */
#include <pthread.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"

static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t progress = PTHREAD_COND_INITIALIZER;
static bool all_done;

/*
 * The flags readers sleep on, a slot each, NULL when free: a reader is
 * told only once its flag is set.  Lock-order and the checks beside it.
 */
#define READERS 4
static const bool *awaited[READERS];

/*
 * Both sides store, then load the other's flag, all sequentially
 * consistent: either the reader sees its flag set, or the writer sees
 * the reader waiting and wakes it, under the lock it waits with.
 */
static bool is_set(const bool *flag)
{
	return __atomic_load_n(flag, __ATOMIC_SEQ_CST);
}

static void wait_for(const bool *flag)
{
	int slot;

	if (is_set(flag))
		return;
	pthread_mutex_lock(&progress_lock);
	/* a slot is taken and given back under the lock */
	for (slot = 0; __atomic_load_n(&awaited[slot], __ATOMIC_SEQ_CST); slot++)
		if (slot == READERS - 1)
			ls_fatal("internal error: more than %d threads wait for summaries",
				 READERS);
	__atomic_store_n(&awaited[slot], flag, __ATOMIC_SEQ_CST);
	while (!is_set(flag))
		pthread_cond_wait(&progress, &progress_lock);
	__atomic_store_n(&awaited[slot], NULL, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&progress_lock);
}

static void tell_readers(void)
{
	int slot;

	for (slot = 0; slot < READERS; slot++) {
		const bool *flag = __atomic_load_n(&awaited[slot], __ATOMIC_SEQ_CST);

		if (flag && is_set(flag)) {
			pthread_mutex_lock(&progress_lock);
			pthread_cond_broadcast(&progress);
			pthread_mutex_unlock(&progress_lock);
			return;
		}
	}
}

/*
 * The readers are told every TELL_EVERY SCCs, not each: they keep close
 * behind, and waking one for each function cost the summaries a system
 * call and an interrupt to the other CPU, hundreds of thousands of times
 * at kernel size.  The last SCC is told by summaries_publish_all().
 */
#define TELL_EVERY 64

void summaries_publish(struct func **scc, int n)
{
	static __thread int untold;	/* each summariser's */
	int i;

	for (i = 0; i < n; i++)
		__atomic_store_n(&scc[i]->summarised, true, __ATOMIC_SEQ_CST);
	if (++untold < TELL_EVERY)
		return;
	untold = 0;
	tell_readers();
}

void summaries_publish_all(void)
{
	__atomic_store_n(&all_done, true, __ATOMIC_SEQ_CST);
	tell_readers();
}

void summaries_wait(const struct func *fn)
{
	wait_for(&fn->summarised);
}

void summaries_wait_all(void)
{
	wait_for(&all_done);
}
