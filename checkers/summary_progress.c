// SPDX-License-Identifier: MIT
/*
 * The summaries' progress, for a reader on another thread: lock-order
 * builds its graph while the summaries are made, and waits for each
 * function whose calls it reads (its callees are done with it).  The
 * summaries are callees first, so the reader is rarely far behind.
 */
#include <pthread.h>

#include "lockscope/program.h"

static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t progress = PTHREAD_COND_INITIALIZER;
static bool all_done;
/* The flag the reader sleeps on, or NULL: told only when it is set. */
static const bool *awaited;

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
	if (is_set(flag))
		return;
	pthread_mutex_lock(&progress_lock);
	__atomic_store_n(&awaited, flag, __ATOMIC_SEQ_CST);
	while (!is_set(flag))
		pthread_cond_wait(&progress, &progress_lock);
	__atomic_store_n(&awaited, NULL, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&progress_lock);
}

static void tell_reader(void)
{
	const bool *flag = __atomic_load_n(&awaited, __ATOMIC_SEQ_CST);

	if (flag && is_set(flag)) {
		pthread_mutex_lock(&progress_lock);
		pthread_cond_broadcast(&progress);
		pthread_mutex_unlock(&progress_lock);
	}
}

void summaries_publish(struct func **scc, int n)
{
	int i;

	for (i = 0; i < n; i++)
		__atomic_store_n(&scc[i]->summarised, true, __ATOMIC_SEQ_CST);
	tell_reader();
}

void summaries_publish_all(void)
{
	__atomic_store_n(&all_done, true, __ATOMIC_SEQ_CST);
	tell_reader();
}

void summaries_wait(const struct func *fn)
{
	wait_for(&fn->summarised);
}

void summaries_wait_all(void)
{
	wait_for(&all_done);
}
