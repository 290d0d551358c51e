// SPDX-License-Identifier: MIT
/*
 * The summaries on two threads.  A summary depends on its callees' alone,
 * so an SCC can be summarised on either thread once its callees are, with
 * the same result.  The main thread takes the SCCs in order; a helper
 * looks a little ahead of it for one whose callees are all done, and
 * takes that.  Above a kernel-sized cycle a third of the SCCs call the
 * one just before them: taking the next in line would keep the helper
 * waiting, looking ahead keeps it busy.
 */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "lockscope/diag.h"
#include "lockscope/strbuf.h"
#include "lockscope/summary_share.h"

/* How far past the main thread's SCC the helper looks for a ready one. */
#define WINDOW 64
#define NEAR 8
/* How far past its next the main thread looks rather than sleep. */
#define OTHERS 16
/*
 * How long the helper polls before it sleeps (a pause is tens of cycles):
 * most of its waits are for the main thread's SCC, tens of microseconds,
 * and a sleep costs both threads a system call.
 */
#define SPINS 1000

enum { SCC_FREE, SCC_TAKEN, SCC_DONE };

/* Where a scan of an SCC's calls found a callee not done. */
struct scc_resume {
	int member, call;
};

/* Who sleeps on ->changed. */
#define MAIN 1
#define HELPER 2

struct scc_share {
	struct scc_walk *walk;
	struct scc_helper helper;
	unsigned char *state;	/* by SCC */
	unsigned char *wanted;	/* by SCC: the helper sleeps until it is done */
	int *blocker;		/* by SCC: a callee's SCC not done when asked */
	struct scc_resume *resume;	/* by SCC: the helper's last scan stopped there */
	int next;		/* the main thread's next: those before are taken */
	int main_at;		/* the main thread's SCC */
	int helper_at;		/* the helper's, or -1 */
	bool wanted_any;	/* the helper sleeps until any SCC is done */
	int sleeping;		/* MAIN, HELPER */
	bool stop;
	struct scc_share_stats stats;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	pthread_t thread;
	bool threaded;
};

/*
 * Every flag and number the two threads share is read and written
 * sequentially consistent: a thread that stores, then loads the other's
 * flag, either sees it or is seen.
 */
#define SEQ __ATOMIC_SEQ_CST

static void pause_cpu(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

static bool is_done(const struct scc_share *s, int k)
{
	return __atomic_load_n(&s->state[k], SEQ) == SCC_DONE;
}

static bool take(struct scc_share *s, int k)
{
	unsigned char expect = SCC_FREE;

	return __atomic_compare_exchange_n(&s->state[k], &expect, SCC_TAKEN, false, SEQ, SEQ);
}

/* Wake the other thread, if it sleeps: under the lock it sleeps with. */
static void wake(struct scc_share *s, int who)
{
	if (!(__atomic_load_n(&s->sleeping, SEQ) & who))
		return;
	pthread_mutex_lock(&s->lock);
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
}

/* Does SCC @scc (@n members) call into SCC @k? */
static bool calls_into(struct func **scc, int n, int k)
{
	int i, j, t;

	for (i = 0; i < n; i++)
		for (j = 0; j < scc[i]->ncalls; j++)
			for (t = 0; t < scc[i]->calls[j].ntargets; t++)
				if (scc[i]->calls[j].targets[t]->scc == k)
					return true;
	return false;
}

/*
 * Are SCC @k's callees all done?  If not, one that is not in *@blocker,
 * and where it was in *@from.  A scan from @from on: the calls before it
 * were to SCCs done then, and done stays done.  (Each callee read is a
 * cache miss: the helper, asking again and again from the first call, spent
 * an eighth of its time here at kernel size.)
 */
static bool all_done(const struct scc_share *s, int k, struct func **scc, int n, int *blocker,
		     struct scc_resume *from)
{
	int i = from ? from->member : 0, j = from ? from->call : 0, t, callee;

	for (; i < n; i++, j = 0) {
		for (; j < scc[i]->ncalls; j++) {
			const struct callsite *cs = &scc[i]->calls[j];

			for (t = 0; t < cs->ntargets; t++) {
				callee = cs->targets[t]->scc;
				if (callee != k && !is_done(s, callee)) {
					if (blocker)
						*blocker = callee;
					if (from)
						*from = (struct scc_resume){ i, j };
					return false;
				}
			}
		}
	}
	return true;
}

/* ---- the main thread ------------------------------------------------- */

static double since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec - start->tv_sec + (now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Poll a while for SCC @k to be done: true if it is. */
static bool main_polls(struct scc_share *s, int k)
{
	int spins;

	for (spins = 0; spins < SPINS; spins++) {
		if (is_done(s, k))
			return true;
		pause_cpu();
	}
	return false;
}

static void main_sleeps(struct scc_share *s, int k)
{
	struct timespec start;

	clock_gettime(CLOCK_MONOTONIC, &start);
	pthread_mutex_lock(&s->lock);
	__atomic_or_fetch(&s->sleeping, MAIN, SEQ);
	while (!is_done(s, k))
		pthread_cond_wait(&s->changed, &s->lock);
	__atomic_and_fetch(&s->sleeping, ~MAIN, SEQ);
	pthread_mutex_unlock(&s->lock);
	s->stats.main_slept++;
	s->stats.main_asleep += since(&start);
}

/*
 * The helper is slow with an SCC that the main thread's next calls (on
 * a busy machine it waits for a CPU): rather than sleep, the main thread
 * takes one a little further on whose callees are done, if there is
 * one, and gives its next back.  Its place, s->next, goes back too.
 */
static int main_takes_other(struct scc_share *s, int j, struct func ***members)
{
	int found = scc_walk_found(s->walk), k, n;
	struct func **scc;

	for (k = j + 1; k < found && k <= j + OTHERS; k++) {
		if (__atomic_load_n(&s->state[k], SEQ) != SCC_FREE)
			continue;
		n = scc_walk_get(s->walk, k, &scc);
		if (!all_done(s, k, scc, n, NULL, NULL) || !take(s, k))
			continue;
		__atomic_store_n(&s->state[j], SCC_FREE, SEQ);
		__atomic_store_n(&s->next, j, SEQ);
		s->main_at = k;
		s->stats.main_went_on++;
		*members = scc;
		return n;
	}
	return 0;
}

int scc_share_next(struct scc_share *s, struct func ***members)
{
	int j = s->next, h, n, other;

	/* those before are done, but for one the helper may have in hand */
	while (!take(s, j))
		j++;
	__atomic_store_n(&s->next, j + 1, SEQ);
	s->main_at = j;
	n = scc_walk_get(s->walk, j, members);
	if (!n)
		return 0;
	h = __atomic_load_n(&s->helper_at, SEQ);
	if (h >= 0 && h < j && calls_into(*members, n, h)) {
		s->stats.main_waited++;
		if (main_polls(s, h))
			return n;
		other = main_takes_other(s, j, members);
		if (other)
			return other;
		main_sleeps(s, h);
	}
	return n;
}

void scc_share_done(struct scc_share *s)
{
	int j = s->main_at;

	__atomic_store_n(&s->state[j], SCC_DONE, SEQ);
	if (__atomic_load_n(&s->wanted[j], SEQ) || __atomic_load_n(&s->wanted_any, SEQ))
		wake(s, HELPER);
}

/* ---- the helper ------------------------------------------------------ */

/* Take SCC @k; said before it is taken, as the main thread, past it, looks. */
static bool claim(struct scc_share *s, int k)
{
	__atomic_store_n(&s->helper_at, k, SEQ);
	if (take(s, k))
		return true;
	__atomic_store_n(&s->helper_at, -1, SEQ);
	return false;
}

/* The helper's: SCC @k's callees all done?  Asks its last blocker first. */
static bool ready(struct scc_share *s, int k, struct func **scc, int n)
{
	if (s->blocker[k] >= 0 && !is_done(s, s->blocker[k]))
		return false;
	if (!all_done(s, k, scc, n, &s->blocker[k], &s->resume[k]))
		return false;
	s->blocker[k] = -1;
	return true;
}

/*
 * An SCC ahead that is ready, taken; or -1.  One a few past the main
 * thread's first: the main thread soon needs the next ones, and would
 * wait for one still in the helper's hands.
 */
static int find_ready(struct scc_share *s)
{
	int from = __atomic_load_n(&s->next, SEQ), found = scc_walk_found(s->walk), k, n;
	int near = -1;
	struct func **scc;

	for (k = from; k < found && k < from + WINDOW; k++) {
		if (__atomic_load_n(&s->state[k], SEQ) != SCC_FREE)
			continue;
		n = scc_walk_get(s->walk, k, &scc);
		if (n > s->helper.max_members || !ready(s, k, scc, n))
			continue;
		if (k < from + NEAR) {
			if (near < 0)
				near = k;
			continue;
		}
		if (claim(s, k))
			return k;
	}
	return near >= 0 && claim(s, near) ? near : -1;
}

/*
 * Nothing ahead is ready: poll a while for the main thread to move on,
 * then sleep until one of the SCCs the window waits for is done.
 */
static void helper_waits(struct scc_share *s)
{
	int from = __atomic_load_n(&s->next, SEQ), found, k, n = 0, spins;
	int blockers[WINDOW];
	bool any = false;

	s->stats.helper_waited++;
	for (spins = 0; spins < SPINS; spins++) {
		if (__atomic_load_n(&s->next, SEQ) != from || __atomic_load_n(&s->stop, SEQ))
			return;
		pause_cpu();
	}
	found = scc_walk_found(s->walk);
	/* a window short of SCCs found waits for any progress */
	any = found < from + WINDOW;
	for (k = from; k < found && k < from + WINDOW; k++) {
		if (__atomic_load_n(&s->state[k], SEQ) != SCC_FREE || s->blocker[k] < 0)
			continue;
		blockers[n++] = s->blocker[k];
		__atomic_store_n(&s->wanted[s->blocker[k]], 1, SEQ);
	}
	__atomic_store_n(&s->wanted_any, any || !n, SEQ);
	pthread_mutex_lock(&s->lock);
	__atomic_or_fetch(&s->sleeping, HELPER, SEQ);
	for (k = 0; k < n && !is_done(s, blockers[k]); k++)
		;
	if (k == n && __atomic_load_n(&s->next, SEQ) == from && !__atomic_load_n(&s->stop, SEQ)) {
		s->stats.helper_slept++;
		pthread_cond_wait(&s->changed, &s->lock);
	}
	__atomic_and_fetch(&s->sleeping, ~HELPER, SEQ);
	__atomic_store_n(&s->wanted_any, false, SEQ);
	pthread_mutex_unlock(&s->lock);
}

static void *helper_thread(void *arg)
{
	struct scc_share *s = arg;
	struct func **scc;
	int k, n;

	s->helper.start();
	while (!__atomic_load_n(&s->stop, SEQ)) {
		k = find_ready(s);
		if (k < 0) {
			helper_waits(s);
			continue;
		}
		n = scc_walk_get(s->walk, k, &scc);
		s->helper.summarise(scc, n);
		s->stats.helped++;
		__atomic_store_n(&s->state[k], SCC_DONE, SEQ);
		__atomic_store_n(&s->helper_at, -1, SEQ);
		wake(s, MAIN);
	}
	s->helper.end();
	s->stats.helper_cpu = ls_thread_cpu();
	return NULL;
}

/* ---- both ------------------------------------------------------------ */

struct scc_share *scc_share_start(struct scc_walk *walk, int nfuncs, bool threaded,
				  const struct scc_helper *helper)
{
	struct scc_share *s = ls_xcalloc(1, sizeof(*s));
	int k;

	s->walk = walk;
	s->helper = *helper;
	/* one past the last SCC there can be: the main thread takes it, ends */
	s->state = ls_xcalloc(nfuncs + 1, sizeof(*s->state));
	s->wanted = ls_xcalloc(nfuncs + 1, sizeof(*s->wanted));
	s->blocker = ls_xmalloc((nfuncs + 1) * sizeof(*s->blocker));
	s->resume = ls_xcalloc(nfuncs + 1, sizeof(*s->resume));
	for (k = 0; k <= nfuncs; k++)
		s->blocker[k] = -1;
	s->helper_at = -1;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->changed, NULL);
	s->threaded = threaded && !pthread_create(&s->thread, NULL, helper_thread, s);
	return s;
}

void scc_share_end(struct scc_share *s, struct scc_share_stats *stats)
{
	if (s->threaded) {
		__atomic_store_n(&s->stop, true, SEQ);
		wake(s, HELPER);
		pthread_join(s->thread, NULL);
	}
	*stats = s->stats;
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->changed);
	free(s->state);
	free(s->wanted);
	free(s->blocker);
	free(s->resume);
	free(s);
}
