// SPDX-License-Identifier: MIT
/*
 * The call graph's SCCs, callees first.  Tarjan's walk reads each call
 * target once, a cache miss each at kernel size (a second of the
 * summaries' time): with a second CPU it runs ahead of the summaries,
 * which take each SCC as it is found.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/strbuf.h"
#include "lockscope/summary_sccs.h"

struct scc_walk {
	struct program *prog;
	struct func **members;	/* SCC after SCC */
	int *ends;		/* SCC i ends before members[ends[i]] */
	int found;		/* SCCs found so far: stored under the lock, atomic */
	bool done;
	int waiting;		/* threads waiting for more */
	pthread_mutex_t lock;
	pthread_cond_t more;
	pthread_t thread;
	bool threaded;
};

/* Set once every function's ->scc is: for readers on other threads. */
static pthread_mutex_t numbered_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t numbered_cond = PTHREAD_COND_INITIALIZER;
static bool numbered;

static void found_scc(struct scc_walk *w, struct func **scc, int n)
{
	int at = w->found ? w->ends[w->found - 1] : 0, i;

	for (i = 0; i < n; i++)
		scc[i]->scc = w->found;
	memcpy(w->members + at, scc, n * sizeof(*scc));
	w->ends[w->found] = at + n;
	pthread_mutex_lock(&w->lock);
	/* their members and ends before their number, for readers without the lock */
	__atomic_store_n(&w->found, w->found + 1, __ATOMIC_RELEASE);
	if (w->waiting)
		pthread_cond_broadcast(&w->more);
	pthread_mutex_unlock(&w->lock);
}

/* Iterative Tarjan: deep call chains must not overflow the C stack. */
struct frame {
	struct func *fn;
	int call, target;
};

static void *find_sccs(void *arg)
{
	struct scc_walk *w = arg;
	struct program *prog = w->prog;
	struct frame *frames = ls_xmalloc((prog->nfuncs + 1) * sizeof(*frames));
	struct func **stack = ls_xmalloc((prog->nfuncs + 1) * sizeof(*stack));
	int index = 1, sp = 0, i;

	for (i = 0; i < prog->nfuncs; i++) {
		int depth = 0;

		if (prog->funcs[i]->index)
			continue;
		frames[depth++] = (struct frame){ prog->funcs[i], 0, 0 };
		prog->funcs[i]->index = prog->funcs[i]->low = index++;
		stack[sp++] = prog->funcs[i];
		prog->funcs[i]->on_stack = true;

		while (depth) {
			struct frame *fr = &frames[depth - 1];
			struct func *fn = fr->fn, *next = NULL;

			while (fr->call < fn->ncalls) {
				struct callsite *cs = &fn->calls[fr->call];

				if (fr->target < cs->ntargets) {
					next = cs->targets[fr->target++];
					if (!next->index)
						break;
					fn->calls_itself |= next == fn;
					if (next->on_stack && next->index < fn->low)
						fn->low = next->index;
					next = NULL;
					continue;
				}
				fr->call++;
				fr->target = 0;
			}
			if (next) {
				next->index = next->low = index++;
				stack[sp++] = next;
				next->on_stack = true;
				frames[depth++] = (struct frame){ next, 0, 0 };
				continue;
			}
			/* all callees done: fn closes an SCC if it is its root */
			if (fn->low == fn->index) {
				int start = sp;

				do {
					start--;
					stack[start]->on_stack = false;
				} while (stack[start] != fn);
				found_scc(w, &stack[start], sp - start);
				sp = start;
			}
			depth--;
			if (depth && fn->low < frames[depth - 1].fn->low)
				frames[depth - 1].fn->low = fn->low;
		}
	}
	free(frames);
	free(stack);
	pthread_mutex_lock(&w->lock);
	w->done = true;
	pthread_cond_broadcast(&w->more);
	pthread_mutex_unlock(&w->lock);
	pthread_mutex_lock(&numbered_lock);
	numbered = true;
	pthread_cond_broadcast(&numbered_cond);
	pthread_mutex_unlock(&numbered_lock);
	return NULL;
}

void summaries_wait_sccs(void)
{
	pthread_mutex_lock(&numbered_lock);
	while (!numbered)
		pthread_cond_wait(&numbered_cond, &numbered_lock);
	pthread_mutex_unlock(&numbered_lock);
}

struct scc_walk *scc_walk_start(struct program *prog, bool threaded)
{
	struct scc_walk *w = ls_xcalloc(1, sizeof(*w));

	pthread_mutex_lock(&numbered_lock);
	numbered = false;
	pthread_mutex_unlock(&numbered_lock);
	w->prog = prog;
	w->members = ls_xmalloc((prog->nfuncs + 1) * sizeof(*w->members));
	w->ends = ls_xmalloc((prog->nfuncs + 1) * sizeof(*w->ends));
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->more, NULL);
	w->threaded = threaded && !pthread_create(&w->thread, NULL, find_sccs, w);
	if (!w->threaded)
		find_sccs(w);
	return w;
}

int scc_walk_get(struct scc_walk *w, int j, struct func ***members)
{
	int start;

	/*
	 * Most calls find the SCC long found: no lock (the helper asks for
	 * the SCCs ahead over and over, and the main thread waited for it).
	 */
	if (j < scc_walk_found(w))
		goto found;
	pthread_mutex_lock(&w->lock);
	while (j >= w->found && !w->done) {
		w->waiting++;
		pthread_cond_wait(&w->more, &w->lock);
		w->waiting--;
	}
	if (j >= w->found) {
		pthread_mutex_unlock(&w->lock);
		return 0;
	}
	pthread_mutex_unlock(&w->lock);
found:
	start = j ? w->ends[j - 1] : 0;
	*members = w->members + start;
	return w->ends[j] - start;
}

int scc_walk_found(struct scc_walk *w)
{
	return __atomic_load_n(&w->found, __ATOMIC_ACQUIRE);
}

void scc_walk_end(struct scc_walk *w)
{
	if (w->threaded)
		pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->more);
	free(w->members);
	free(w->ends);
	free(w);
}
