// SPDX-License-Identifier: MIT
/*
 * Summaries: the locks each function may acquire, itself or through its
 * callees, named relative to its parameters where they come from them
 * ("&$0->idev->lock"), with the parameter values that lead there and one
 * witness chain each.  Computed callees first, over the strongly connected
 * components of the call graph, each to its fixpoint.  A summary that
 * ends with a callee's entries, in the callee's order, keeps that end as
 * a tail read through the callee's summary (summary_get()).
 */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/size_pool.h"
#include "lockscope/strbuf.h"
#include "lockscope/summary_sccs.h"
#include "lockscope/summary_share.h"
#include "lockscope/wholetree.h"

#define MAX_ENTRIES SUMMARY_MAX_ENTRIES
#define SLOTS (2 * MAX_ENTRIES)

_Static_assert(sizeof(struct summary_entry) == 12, "summary entries pack into 12 bytes");

/*
 * A summary's table of keys: slots hold index + 1 (and bits of the hash,
 * see slot_may_be()), hashed by key, at least twice as many as entries;
 * and its entries whose instance is relative to a parameter, ascending,
 * which match a key by class and mode alone (kept with it: the entry is
 * not read to learn it).  The work area's; kept after it for a summary
 * that full callers will read again, which ask it for their few open
 * keys instead of reading all of its entries.
 */
struct relative_entry {
	unsigned int klass_mode;
	int entry;
};

struct sum_index {
	int nslots, nrel;
	unsigned short *slot;
	struct relative_entry *rel;
};

/*
 * While a function's SCC is being summarised its entries live in a work
 * area sized to what it has (a kernel-sized cycle has hundreds of
 * thousands of members, most with a few entries), with their stamps and
 * a hash table of their keys (class, instance, mode); then the entries,
 * trimmed, are the function's and the work areas, one per member of the
 * largest SCC yet, keep their other buffers for the next SCC.
 */
struct sum_work {
	int cap;
	unsigned int *stamps;	/* when each entry last changed, in its SCC */
	unsigned int *guards;
	bool *mapped;		/* the call changed the instance pulled */
	struct summary_entry *sum;	/* scap long, from sum_alloc() */
	int scap;
	struct sum_index index;
	int aslots, arel;	/* room in index.slot and index.rel */
	int nopen;		/* entries whose guards are open: guards_open() */
	int marked;		/* the round its callers were last told of a change */
	int dirty;		/* the round a callee last changed */
	unsigned int seen;	/* the clock when it last began to pull */
};

#define MIN_SLOTS 16

/* Kept for summaries this long, called from this many places. */
#define INDEX_MIN_ENTRIES 64
#define INDEX_MIN_CALLERS 2

/* Locks whose nesting is normal are no one's deadlock. */
bool wholetree_lock_kind(const char *kind)
{
	/* asked per summary entry and held lock: a compare or two, not six */
	switch (kind[0]) {
	case 'r':
		return strcmp(kind, "rcu");
	case 'b':
		return strcmp(kind, "bh");
	case 'i':
		return strcmp(kind, "irq") && strcmp(kind, "irqline");
	case 'p':
		return strcmp(kind, "preempt");
	case 's':
		return strcmp(kind, "srcu");
	default:
		return true;
	}
}

/* ---- reading entries ------------------------------------------------- */

static const struct acquisition **acqs;	/* by id */
/*
 * By acquisition id: a number for its class and mode, the same for every
 * acquisition of that class and mode (the first one's id), so that keys
 * compare without reading the acquisitions; and its class's two bits in
 * a class filter, hashed once, not per entry.  Together, as an entry's
 * key and its class's bits are read one after the other.
 */
struct acq_key {
	unsigned int klass_mode, class_bits;
};

static struct acq_key *acq_keys;
static const char **acq_klass;	/* by id */

const struct acquisition *summary_acq(const struct summary_entry *e)
{
	return acqs[e->acq];
}

const char *summary_klass(const struct summary_entry *e)
{
	return acq_klass[e->acq];
}

const char *summary_inst(const struct summary_entry *e)
{
	return strtab_string(e->inst);
}

const struct callsite *summary_call_edge(const struct func *fn, unsigned int edge)
{
	int lo = 0, hi = fn->ncalls - 1;

	/* the last call whose edges start at or before this one */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (fn->calls[mid].edge0 <= edge)
			lo = mid;
		else
			hi = mid - 1;
	}
	return &fn->calls[lo];
}

const struct callsite *summary_call(const struct func *fn, const struct summary_entry *e)
{
	return e->edge ? summary_call_edge(fn, e->edge - 1) : NULL;
}

const struct func *summary_callee(const struct func *fn, const struct summary_entry *e)
{
	const struct callsite *cs = summary_call(fn, e);

	return cs ? cs->targets[e->edge - 1 - cs->edge0] : NULL;
}

static unsigned int saturating(unsigned int n, unsigned int max)
{
	return n > max ? max : n;
}

/* Reading an entry follows at most this many tails down. */
#define MAX_TAIL_DEPTH 4

/* The callee's entry at position @at of tail @t. */
static int tail_entry(const struct summary_tail *t, int at)
{
	return t->index ? t->index[at] : t->first + at;
}

/* The tail's change at position @at, or NULL. */
static const struct tail_change *tail_change_at(const struct summary_tail *t, int at)
{
	int lo = 0, hi = t->nchanged - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (t->changed[mid].at == at)
			return &t->changed[mid];
		if (t->changed[mid].at < at)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The entry of tail @t made from its callee's entry @e at position @next. */
static struct summary_entry tail_made(const struct summary_tail *t,
				      const struct summary_entry *e, int next,
				      const struct tail_change *change)
{
	/* made whole, not field by field: the fields share their words */
	return (struct summary_entry){
		.inst = change ? change->inst : e->inst,
		.vias = saturating(e->vias + t->via, SUMMARY_FIELD_HOPS_MAX),
		.fields = saturating(e->fields + t->field, SUMMARY_FIELD_HOPS_MAX),
		.acq = e->acq,
		.hops = saturating(e->hops + 1, 255),
		.edge = t->edge + 1,
		.next = next,
	};
}

const struct summary_entry *summary_tail_get(const struct func *fn, int k,
					     struct summary_entry *buf)
{
	const struct summary_tail *t = fn->tail;
	int at = k - fn->nown, next = tail_entry(t, at);
	const struct tail_change *change = t->nchanged ? tail_change_at(t, at) : NULL;
	const struct summary_entry *e = summary_get(t->callee, next, buf);

	*buf = tail_made(t, e, next, change);
	return buf;
}

/*
 * @fn's entries [@from, @to) into @out[@from ..): a level of tails read
 * once for all of them, its changes merged in order, rather than the
 * chain of tails walked and the changes searched for each entry.
 */
static void read_entries(const struct func *fn, int from, int to,
			 struct summary_entry *out, int depth)
{
	static __thread struct summary_entry below[MAX_TAIL_DEPTH][MAX_ENTRIES];
	const struct summary_tail *t = fn->tail;
	const struct func *callee;
	const struct summary_entry *e;
	int at, c = 0, lo, hi;

	if (from < fn->nown)
		memcpy(out + from, fn->sum + from,
		       ((to < fn->nown ? to : fn->nown) - from) * sizeof(*out));
	if (!t || to <= fn->nown)
		return;
	callee = t->callee;
	at = from > fn->nown ? from - fn->nown : 0;
	/* the callee's entries the tail reads: a run, or the whole of them */
	lo = t->index ? 0 : t->first + at;
	hi = t->index ? callee->nsum : t->first + to - fn->nown;
	if (callee->tail && hi > callee->nown) {
		read_entries(callee, lo, hi, below[depth], depth + 1);
		e = below[depth];
	} else {
		e = callee->sum;
	}
	while (c < t->nchanged && t->changed[c].at < at)
		c++;
	for (; at < to - fn->nown; at++) {
		int next = tail_entry(t, at);
		const struct tail_change *change = NULL;

		if (c < t->nchanged && t->changed[c].at == at)
			change = &t->changed[c++];
		out[fn->nown + at] = tail_made(t, &e[next], next, change);
	}
}

const struct summary_entry *summary_all(const struct func *fn, struct summary_entry *out)
{
	if (!fn->tail)
		return fn->sum;
	read_entries(fn, 0, fn->nsum, out, 0);
	return out;
}

unsigned int summary_guards(const struct func *fn, int k)
{
	const struct tail_change *change;
	int lo = 0, hi = fn->nguarded - 1;

	if (fn->work)
		return fn->work->guards[k];
	if (fn->tail && k >= fn->nown) {
		change = fn->tail->nchanged ? tail_change_at(fn->tail, k - fn->nown) : NULL;
		return change ? change->guards : 0;
	}
	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (fn->guarded[mid].entry == (unsigned int)k)
			return fn->guarded[mid].guards;
		if (fn->guarded[mid].entry < (unsigned int)k)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

const struct summary_entry *summary_next(const struct func *fn,
					 const struct summary_entry *e,
					 struct summary_entry *buf)
{
	const struct func *callee = summary_callee(fn, e);

	return callee ? summary_get(callee, e->next, buf) : NULL;
}

/*
 * The classes of a long summary, as a Bloom filter with two bits a class:
 * callers under a lock ask each target for the held lock's class, millions
 * of times at kernel size, and reading its entries for the answer was
 * most of callback-under-lock.  256 classes set a fifth of its bits, so
 * a class it does not have finds both of its bits set one time in twenty.
 */
#define CLASS_FILTER_BITS 2048
#define CLASS_FILTER_MIN_ENTRIES 32

struct class_filter {
	unsigned long bits[CLASS_FILTER_BITS / 64];
};

/* A class's two bits, the second in the high half. */
static unsigned int class_bits(const char *klass)
{
	unsigned long h = hash_ptr3(klass, NULL, NULL);

	return (h & (CLASS_FILTER_BITS - 1)) | ((h >> 32) & (CLASS_FILTER_BITS - 1)) << 16;
}

static bool filter_has(const struct class_filter *f, unsigned int bits)
{
	unsigned int b1 = bits & 0xffff, b2 = bits >> 16;

	return !f || ((f->bits[b1 / 64] >> (b1 % 64) & 1) && (f->bits[b2 / 64] >> (b2 % 64) & 1));
}

bool summary_may_have(const struct func *fn, const char *klass)
{
	return !fn->classes || filter_has(fn->classes, class_bits(klass));
}

/* ---- building -------------------------------------------------------- */

/*
 * Two threads may summarise (summary_share.c): what one uses while it
 * makes a summary is its own, and so are the arenas the summaries it
 * makes live in.
 */
static __thread struct sum_work *works;
static __thread int aworks;
static __thread struct arena entries;
static unsigned long total_entries, stored_entries;	/* --stats, atomic */
static int full_summaries;

/*
 * Entry buffers of 8, 16, ... MAX_ENTRIES entries, pooled by size.
 * Growing each function's buffer by realloc and trimming it after was a
 * quarter of the report's time, most of it in malloc's search of the
 * free lists the trimmed tails made.  A full buffer becomes the
 * function's summary: the pool lives until exit.
 */
#define MIN_BUFFER 8

static __thread struct size_pool entry_buffers;

static struct summary_entry *sum_alloc(int cap)
{
	return size_pool_alloc(&entry_buffers, cap * sizeof(struct summary_entry));
}

static void sum_free(struct summary_entry *sum, int cap)
{
	size_pool_free(&entry_buffers, sum, cap * sizeof(*sum));
}

/*
 * What the summaries keep beside their entries (tails, filters, entries
 * copied out of their buffers, the tables kept for callers): carved from
 * full buffers given back while there are some, else from @fallback.  A
 * large cycle's members give theirs back by the ten thousand once their
 * ends are tails: what the summaries keep goes there, not into memory
 * faulted in afresh.
 */
static __thread char *carve_next, *carve_end;

static void *carve(struct arena *fallback, size_t bytes)
{
	const size_t full = MAX_ENTRIES * sizeof(struct summary_entry);
	void *p;

	bytes = (bytes + 7) & ~(size_t)7;	/* as an arena's: pointers follow */
	if ((size_t)(carve_end - carve_next) < bytes) {
		p = bytes <= full ? size_pool_take_free(&entry_buffers, full) : NULL;
		if (!p)
			return arena_alloc(fallback, bytes);
		carve_next = p;
		carve_end = carve_next + full;
	}
	p = carve_next;
	carve_next += bytes;
	return p;
}

/*
 * The work areas' tables, pooled too: a kernel-sized cycle's take
 * 600 MB, and in malloc's 4 kB pages their faults were seconds.  Freed
 * all at once after a big SCC (free_works()).
 */
static __thread struct size_pool work_buffers;

static void *work_alloc(size_t bytes)
{
	return size_pool_alloc(&work_buffers, bytes);
}

static void *work_zalloc(size_t bytes)
{
	return memset(work_alloc(bytes), 0, bytes);
}

static void *work_grow(void *mem, size_t old, size_t bytes)
{
	return size_pool_grow(&work_buffers, mem, old, bytes);
}

static void start_work(struct func *fn, struct sum_work *w)
{
	if (!w->aslots) {
		w->aslots = MIN_SLOTS;
		w->index.slot = work_zalloc(w->aslots * sizeof(*w->index.slot));
	}
	w->index.nslots = MIN_SLOTS;
	w->index.nrel = 0;
	w->marked = w->dirty = -1;
	w->seen = 0;
	w->nopen = 0;
	fn->work = w;
	fn->sum = w->sum;
	fn->nsum = 0;
	fn->tail = NULL;	/* key_at() reads its entries as they are */
}

/* A shorter tail is kept as entries: a tail costs what two entries do. */
#define MIN_TAIL 16

/*
 * The longest end of @fn's entries that is one callee's, pulled through
 * one call in the callee's order: kept as a tail if long enough, its
 * length in *@len.  The callee's summary is done: made before @fn's SCC,
 * or a member's that ended before @fn's (end_work() goes in member order),
 * so no chain of tails loops.  An entry, once added, changes only its
 * guards: each one pulled reads as the callee's at its position, one hop
 * further through that call, but for the instances the call changed
 * (work->mapped) and the guards, which are @fn's own.
 */
static struct summary_tail *find_tail(struct func *fn, int *len)
{
	const struct summary_entry *sum = fn->sum, *last;
	const struct sum_work *w = fn->work;
	const struct callsite *cs;
	const struct func *callee;
	static __thread struct tail_change changes[MAX_ENTRIES];
	struct summary_tail t = { 0 }, *kept;
	int start, i, n;

	*len = 0;
	if (fn->nsum < MIN_TAIL)
		return NULL;
	last = &sum[fn->nsum - 1];
	if (!last->edge)
		return NULL;
	cs = summary_call(fn, last);
	callee = summary_callee(fn, last);
	if (callee->work ||
	    (callee->tail && callee->tail->depth >= MAX_TAIL_DEPTH))
		return NULL;
	for (start = fn->nsum - 1; start > 0; start--)
		if (sum[start - 1].edge != last->edge || sum[start - 1].next >= sum[start].next)
			break;
	n = fn->nsum - start;
	if (n < MIN_TAIL)
		return NULL;
	t.callee = callee;
	t.edge = last->edge - 1;
	t.via = !!call_via(cs);
	t.field = cs->how == 'f';
	t.depth = callee->tail ? callee->tail->depth + 1 : 1;
	for (i = start; i < fn->nsum; i++)
		if (w->mapped[i] || w->guards[i])
			changes[t.nchanged++] = (struct tail_change){ i - start, sum[i].inst,
								      w->guards[i] };
	kept = carve(&entries, sizeof(*kept));
	*kept = t;
	/* most tails are a run of the callee's entries: no index to keep */
	kept->first = sum[start].next;
	if (sum[fn->nsum - 1].next - sum[start].next != n - 1) {
		kept->index = carve(&entries, n);
		for (i = 0; i < n; i++)
			kept->index[i] = sum[start + i].next;
	}
	if (t.nchanged) {
		kept->changed = carve(&entries, t.nchanged * sizeof(*kept->changed));
		memcpy(kept->changed, changes, t.nchanged * sizeof(*changes));
	}
	*len = n;
	return kept;
}

/*
 * Only the summaries read them: those not carved from buffers given
 * back (carve()) are freed once all are done, the helper's too.  By
 * summariser: 0 the main thread, 1 the helper.
 */
static struct arena kept_indexes[2];
static __thread int summariser;

static struct sum_index *keep_index(const struct sum_index *from)
{
	struct arena *kept = &kept_indexes[summariser];
	struct sum_index *x = carve(kept, sizeof(*x));

	*x = *from;
	x->slot = carve(kept, x->nslots * sizeof(*x->slot));
	memcpy(x->slot, from->slot, x->nslots * sizeof(*x->slot));
	x->rel = x->nrel ? carve(kept, x->nrel * sizeof(*x->rel)) : NULL;
	if (x->nrel)
		memcpy(x->rel, from->rel, x->nrel * sizeof(*x->rel));
	return x;
}

/*
 * The filters made so far, by their bits: at kernel size 470 K summaries
 * have one and only 264 K differ (the functions above a large cycle reach
 * the same locks).  Both summarisers', until the summaries are done.
 */
static struct {
	pthread_mutex_t lock;
	const struct class_filter **slot;
	size_t nslots, used;
} filters = { .lock = PTHREAD_MUTEX_INITIALIZER };

static size_t filter_hash(const struct class_filter *f)
{
	unsigned long h = 0;
	int i;

	for (i = 0; i < CLASS_FILTER_BITS / 64; i++)
		h = (h ^ f->bits[i]) * 0x9e3779b97f4a7c15UL;
	return h ^ h >> 32;
}

static const struct class_filter **filter_slot(const struct class_filter *f)
{
	size_t i = filter_hash(f) & (filters.nslots - 1);

	while (filters.slot[i] && memcmp(filters.slot[i], f, sizeof(*f)))
		i = (i + 1) & (filters.nslots - 1);
	return &filters.slot[i];
}

static void filters_grow(void)
{
	const struct class_filter **was = filters.slot;
	size_t old = filters.nslots, i;

	filters.nslots = old ? 2 * old : 1024;
	filters.slot = table_alloc(filters.nslots, sizeof(*filters.slot));
	for (i = 0; i < old; i++)
		if (was[i])
			*filter_slot(was[i]) = was[i];
	table_free(was, old, sizeof(*was));
}

static void filters_forget(void)
{
	table_free(filters.slot, filters.nslots, sizeof(*filters.slot));
	filters.slot = NULL;
	filters.nslots = filters.used = 0;
}

static const struct class_filter *class_filter(const struct summary_entry *sum, int n)
{
	struct class_filter f, *made;
	const struct class_filter **slot, *found;
	unsigned int b1, b2;
	int i;

	memset(&f, 0, sizeof(f));
	for (i = 0; i < n; i++) {
		b1 = acq_keys[sum[i].acq].class_bits & 0xffff;
		b2 = acq_keys[sum[i].acq].class_bits >> 16;
		f.bits[b1 / 64] |= 1UL << (b1 % 64);
		f.bits[b2 / 64] |= 1UL << (b2 % 64);
	}
	pthread_mutex_lock(&filters.lock);
	if (2 * (filters.used + 1) > filters.nslots)
		filters_grow();
	slot = filter_slot(&f);
	if (!*slot) {
		made = carve(&entries, sizeof(*made));
		*made = f;
		*slot = made;
		filters.used++;
	}
	/* read under the lock: the other summariser may grow the table */
	found = *slot;
	pthread_mutex_unlock(&filters.lock);
	return found;
}

/*
 * A summary that is its callee's from end to end, in the callee's order
 * and with its instances, has the callee's keys where the callee has
 * them: the callee's kept table serves it too.  At full synthetic size a
 * tenth of the tables kept were such copies.
 */
static const struct sum_index *tail_index(const struct func *fn)
{
	const struct summary_tail *t = fn->tail;
	int i;

	if (!t || fn->nown || t->index || t->first || t->callee->nsum != fn->nsum)
		return NULL;
	for (i = 0; i < fn->nsum; i++)
		if (fn->work->mapped[i])
			return NULL;
	return t->callee->index_of;
}

static void end_work(struct func *fn)
{
	struct sum_work *w = fn->work;
	int i, n = 0, len;

	__atomic_fetch_add(&total_entries, fn->nsum, __ATOMIC_RELAXED);
	__atomic_fetch_add(&full_summaries, fn->nsum == MAX_ENTRIES, __ATOMIC_RELAXED);
	fn->classes = fn->nsum >= CLASS_FILTER_MIN_ENTRIES ? class_filter(w->sum, fn->nsum) : NULL;
	fn->tail = find_tail(fn, &len);
	fn->nown = fn->nsum - len;
	__atomic_fetch_add(&stored_entries, fn->nown, __ATOMIC_RELAXED);
	/* a full buffer is the function's; the others are copied out */
	fn->sum = NULL;
	if (fn->nown && fn->nown == w->scap) {
		fn->sum = w->sum;
	} else if (fn->nsum) {
		if (fn->nown) {
			fn->sum = carve(&entries, fn->nown * sizeof(*fn->sum));
			memcpy(fn->sum, w->sum, fn->nown * sizeof(*fn->sum));
		}
		sum_free(w->sum, w->scap);
	}
	if (fn->nsum) {
		w->sum = NULL;
		w->scap = 0;
	}
	/* few entries have guards: those few say which */
	for (i = 0; i < fn->nown; i++)
		n += w->guards[i] != 0;
	fn->nguarded = 0;
	fn->guarded = n ? carve(&entries, n * sizeof(*fn->guarded)) : NULL;
	for (i = 0; i < fn->nown; i++)
		if (w->guards[i])
			fn->guarded[fn->nguarded++] = (struct guarded){ i, w->guards[i] };
	fn->stamp = 1;
	fn->index_of = NULL;
	if (fn->nsum >= INDEX_MIN_ENTRIES && fn->callers >= INDEX_MIN_CALLERS) {
		fn->index_of = tail_index(fn);
		if (!fn->index_of)
			fn->index_of = keep_index(&w->index);
	}
	/* the next SCC finds the table empty: clear what this one used */
	memset(w->index.slot, 0, w->index.nslots * sizeof(*w->index.slot));
	fn->work = NULL;
}

/* The key of an entry: its class and mode are its acquisition's. */
struct key {
	unsigned int klass_mode, inst;
};

static struct key key_of(const struct summary_entry *e)
{
	return (struct key){ acq_keys[e->acq].klass_mode, e->inst };
}

static unsigned long key_hash(const struct key *k)
{
	return hash_ptr3((const void *)(unsigned long)k->klass_mode,
			 (const void *)(unsigned long)k->inst, NULL);
}

static bool key_is(const struct summary_entry *e, const struct key *k)
{
	return e->inst == k->inst && acq_keys[e->acq].klass_mode == k->klass_mode;
}

/*
 * The key of entry @k of @fn, summarised before: read down its tails
 * without making the entry (the outermost change of instance is its).
 */
static struct key key_at(const struct func *fn, int k)
{
	const struct tail_change *change = NULL;

	while (k >= fn->nown && fn->tail) {
		const struct summary_tail *t = fn->tail;
		int at = k - fn->nown;

		if (!change && t->nchanged)
			change = tail_change_at(t, at);
		k = tail_entry(t, at);
		fn = t->callee;
	}
	return (struct key){ acq_keys[fn->sum[k].acq].klass_mode,
			     change ? change->inst : fn->sum[k].inst };
}

/*
 * Every change to an entry gets the next tick: the fixpoint pulls again
 * only what changed since the previous round began.  The clock starts
 * again with each SCC, whose callees summarised before have stamp 1:
 * pulled in the first round (since 0), not again.
 */
static __thread unsigned int clock_now;

/*
 * A slot holds an entry's index + 1 and, above it, seven more bits of its
 * key's hash: a probe passes over another key without reading its entry
 * (down a callee's tails, a cache miss or more), all but one time in 128.
 */
#define SLOT_INDEX_BITS 9
#define SLOT_TAG(hash) ((unsigned short)(((hash) >> 32) & 0x7f) << SLOT_INDEX_BITS)

_Static_assert(MAX_ENTRIES < 1 << SLOT_INDEX_BITS, "an entry's index + 1 fits a slot");

static int slot_index(unsigned short slot)
{
	return (slot & ((1 << SLOT_INDEX_BITS) - 1)) - 1;
}

static bool slot_may_be(unsigned short slot, unsigned long hash)
{
	return (slot & ~((1 << SLOT_INDEX_BITS) - 1)) == SLOT_TAG(hash);
}

/* Put entry @i, whose key's hash is @hash, in the table. */
static void index_put(struct sum_work *w, unsigned long hash, int i)
{
	unsigned long j = hash & (w->index.nslots - 1);

	while (w->index.slot[j])
		j = (j + 1) & (w->index.nslots - 1);
	w->index.slot[j] = (i + 1) | SLOT_TAG(hash);
}

/* Room for entry @n, and a table at most half full. */
static void make_room(struct func *fn, int n)
{
	struct sum_work *w = fn->work;
	int i;

	if (n >= w->cap) {
		int cap = w->cap ? 2 * w->cap : MIN_BUFFER;

		w->stamps = work_grow(w->stamps, w->cap * sizeof(*w->stamps),
				      cap * sizeof(*w->stamps));
		w->guards = work_grow(w->guards, w->cap * sizeof(*w->guards),
				      cap * sizeof(*w->guards));
		w->mapped = work_grow(w->mapped, w->cap * sizeof(*w->mapped),
				      cap * sizeof(*w->mapped));
		w->cap = cap;
	}
	if (n >= w->scap) {
		int cap = w->scap ? 2 * w->scap : MIN_BUFFER;
		struct summary_entry *sum = sum_alloc(cap);

		if (w->scap) {
			memcpy(sum, w->sum, n * sizeof(*sum));
			sum_free(w->sum, w->scap);
		}
		w->sum = fn->sum = sum;
		w->scap = cap;
	}
	if (2 * (n + 1) <= w->index.nslots)
		return;
	memset(w->index.slot, 0, w->index.nslots * sizeof(*w->index.slot));
	/*
	 * A function with 32 entries nearly always goes on to the most: size
	 * its table for them at once rather than hash its entries again at
	 * each doubling.
	 */
	w->index.nslots = w->index.nslots >= 64 ? SLOTS : 2 * w->index.nslots;
	if (w->index.nslots > w->aslots) {
		size_pool_free(&work_buffers, w->index.slot, w->aslots * sizeof(*w->index.slot));
		w->aslots = w->index.nslots;
		w->index.slot = work_zalloc(w->aslots * sizeof(*w->index.slot));
	}
	for (i = 0; i < n; i++) {
		struct key k = key_of(&w->sum[i]);

		index_put(w, key_hash(&k), i);
	}
}

/* The entry of @fn whose key is @k, of hash @hash, or -1. */
static int find_entry(const struct func *fn, const struct key *k, unsigned long hash)
{
	const struct sum_work *w = fn->work;
	unsigned long j;

	for (j = hash & (w->index.nslots - 1); w->index.slot[j]; j = (j + 1) & (w->index.nslots - 1))
		if (slot_may_be(w->index.slot[j], hash) &&
		    key_is(&fn->sum[slot_index(w->index.slot[j])], k))
			return slot_index(w->index.slot[j]);
	return -1;
}

/*
 * The callers of each member within the SCC, by member: works[i]'s are
 * callers[callers_at[i] .. callers_at[i + 1]), in huge pages (the large
 * cycle's are 20 M).  A change tells them once
 * a round, and a round passes over members none of whose callees changed
 * since the previous round began: pulling them would find nothing new.
 */
static __thread int *callers_at, *callers;
static __thread int acallers_at, acallers;
static __thread int round_now;

static void touch(struct func *fn, int i)
{
	struct sum_work *w = fn->work;
	int j;

	w->stamps[i] = fn->stamp = ++clock_now;
	if (w->marked == round_now)
		return;
	w->marked = round_now;
	for (j = callers_at[w - works]; j < callers_at[w - works + 1]; j++)
		works[callers[j]].dirty = round_now;
}

static bool guards_open(unsigned int id);

static __thread struct pguard *joined;	/* widen()'s */
static __thread int ajoined;

/*
 * Join @theirs into the guards of entry @i: reachable either way, keep
 * only what both ways know.  True if they changed.
 */
static bool widen(struct func *fn, int i, const struct pguard *theirs, int ntheirs)
{
	const struct pguard *old;
	bool changed = false;
	int j, n;

	old = guards_list(fn->work->guards[i], &n);
	if (!n)
		return false;
	if (n > ajoined) {
		ajoined = n;
		joined = ls_xrealloc(joined, ajoined * sizeof(*joined));
	}
	memcpy(joined, old, n * sizeof(*joined));
	for (j = 0; j < n; j++) {
		struct pguard *t = summary_find_guard((struct pguard *)theirs, ntheirs,
						      joined[j].param);
		struct param_guard before = joined[j].g;

		if (!t)
			joined[j].g.op = G_ANY;
		else
			guard_join(&joined[j].g, &t->g);
		changed |= memcmp(&before, &joined[j].g, sizeof(before)) != 0;
	}
	if (changed) {
		fn->work->nopen -= guards_open(fn->work->guards[i]);
		fn->work->guards[i] = guards_intern(joined, n);
		fn->work->nopen += guards_open(fn->work->guards[i]);
	}
	return changed;
}

static void note_relative(struct sum_work *w, int i, unsigned int klass_mode)
{
	if (w->index.nrel == w->arel) {
		int arel = w->arel ? 2 * w->arel : 16;

		w->index.rel = work_grow(w->index.rel, w->arel * sizeof(*w->index.rel),
					 arel * sizeof(*w->index.rel));
		w->arel = arel;
	}
	w->index.rel[w->index.nrel++] = (struct relative_entry){ klass_mode, i };
}

/*
 * Add an entry (its guards not yet interned), whose key's hash is @hash,
 * unless one with the same lock is there, at @i (-1: none); widen its
 * guards.
 */
static bool add_entry_at(struct func *fn, struct summary_entry *e,
			 const struct pguard *guards, int nguards, int i, unsigned long hash)
{
	if (i >= 0) {
		if (!widen(fn, i, guards, nguards))
			return false;
		touch(fn, i);
		return true;
	}
	if (fn->nsum >= MAX_ENTRIES)
		return false;
	make_room(fn, fn->nsum);
	if (e->inst && summary_inst_relative(e->inst))
		note_relative(fn->work, fn->nsum, acq_keys[e->acq].klass_mode);
	fn->work->guards[fn->nsum] = nguards ? guards_intern(guards, nguards) : 0;
	fn->work->mapped[fn->nsum] = false;
	fn->work->nopen += guards_open(fn->work->guards[fn->nsum]);
	fn->sum[fn->nsum] = *e;
	index_put(fn->work, hash, fn->nsum);
	touch(fn, fn->nsum++);
	return true;
}

static bool add_entry(struct func *fn, struct summary_entry *e,
		      const struct pguard *guards, int nguards)
{
	struct key k = key_of(e);
	unsigned long hash = key_hash(&k);

	return add_entry_at(fn, e, guards, nguards, find_entry(fn, &k, hash), hash);
}

static void own_entries(struct func *fn)
{
	int i;

	for (i = 0; i < fn->nacqs; i++) {
		const struct acquisition *a = &fn->acqs[i];
		struct summary_entry e = { 0 };

		/* a lock dropped and retaken is no recursion for the caller */
		if (a->trylock || a->again || !wholetree_lock_kind(a->kind))
			continue;
		e.inst = strtab_id(a->inst);
		e.acq = a->id;
		add_entry(fn, &e, a->guards, a->nguards);
	}
}

/* Did the caller drop the lock @inst before this call?  Then no recursion. */
static bool released_here(const struct callsite *cs, unsigned int inst)
{
	int i;

	for (i = 0; inst && i < cs->rare->nreleased; i++)
		if (strtab_id(cs->rare->released[i]) == inst)
			return true;
	return false;
}

/*
 * Once a function has MAX_ENTRIES entries, a pulled entry can only widen
 * the guards of one it has, and guards that say nothing (G_ANY) cannot
 * widen: what is left open are the keys of the others, looked up by hash
 * of the class and mode (a full function is asked once per pulled entry,
 * before its instance is mapped).
 */
struct open_keys {
	int n, open;
	struct key key[MAX_ENTRIES];
	bool closed[MAX_ENTRIES];	/* widened to say nothing since */
	unsigned short slot[SLOTS];	/* hashed by class and mode: index + 1 */
};

static unsigned long open_hash(unsigned int klass_mode)
{
	return hash_ptr3((const void *)(unsigned long)klass_mode, NULL, NULL) & (SLOTS - 1);
}

/* Do the guards @id say something a pulled entry could widen? */
static bool guards_open(unsigned int id)
{
	const struct pguard *g;
	int j, n;

	if (!id)
		return false;	/* most entries: no call needed */
	g = guards_list(id, &n);

	for (j = 0; j < n && g[j].g.op == G_ANY; j++)
		;
	return j < n;
}

static void find_open_keys(const struct func *fn, struct open_keys *keys)
{
	int i;

	/* the slots of the last keys found, if any, are still set */
	if (keys->n)
		memset(keys->slot, 0, sizeof(keys->slot));
	keys->n = keys->open = 0;
	/* most full functions: nothing to widen, and nothing to look for */
	if (!fn->work->nopen)
		return;
	for (i = 0; i < fn->nsum; i++) {
		unsigned int km = acq_keys[fn->sum[i].acq].klass_mode;
		unsigned long h;

		if (!guards_open(fn->work->guards[i]))
			continue;
		for (h = open_hash(km); keys->slot[h]; h = (h + 1) & (SLOTS - 1))
			;
		keys->slot[h] = keys->n + 1;
		keys->closed[keys->n] = false;
		keys->key[keys->n++] = (struct key){ km, fn->sum[i].inst };
	}
	keys->open = keys->n;
}

/*
 * Could @from widen an open entry?  An instance not relative to a
 * parameter maps to itself, so it must be the entry's too; one relative
 * to a parameter is known only once mapped, and its class and mode must
 * do.  Mapping every entry of a known class and mode was nine in ten of
 * the mappings at kernel size, and one in seventy changed anything.
 */
static bool is_open(const struct open_keys *keys, struct key k, int relative)
{
	unsigned long h;

	for (h = open_hash(k.klass_mode); keys->slot[h]; h = (h + 1) & (SLOTS - 1)) {
		int at = keys->slot[h] - 1;
		const struct key *open = &keys->key[at];

		if (open->klass_mode != k.klass_mode || keys->closed[at])
			continue;
		if (open->inst == k.inst)
			return true;
		/* -1: not asked yet, as most keys never match a class */
		if (relative < 0)
			relative = k.inst && summary_inst_relative(k.inst);
		if (relative)
			return true;
	}
	return false;
}

/* Entry @e of a full @fn widened: is its key still open? */
static void recheck_open(const struct func *fn, struct open_keys *keys,
			 const struct summary_entry *e)
{
	struct key k = key_of(e);
	unsigned long h;

	if (guards_open(fn->work->guards[find_entry(fn, &k, key_hash(&k))]))
		return;
	for (h = open_hash(k.klass_mode); keys->slot[h]; h = (h + 1) & (SLOTS - 1)) {
		int at = keys->slot[h] - 1;

		if (keys->key[at].klass_mode == k.klass_mode && keys->key[at].inst == k.inst &&
		    !keys->closed[at]) {
			keys->closed[at] = true;
			keys->open--;
			return;
		}
	}
}

/* An entry's last change: its own stamp while its SCC is summarised. */
static unsigned int stamp_of(const struct func *fn, int i)
{
	return fn->work ? fn->work->stamps[i] : fn->stamp;
}

/*
 * The entries of @callee that could widen an open key of a full caller,
 * as a set of indices: found by key in its table (its work area's, or the
 * one kept for it), and among its few entries relative to a parameter by
 * class and mode; without a table, its keys read down its tails, the
 * entries not made.  Making every entry of every callee for the few that
 * match was most of the summaries' time at kernel size.
 */
struct candidates {
	unsigned long bits[MAX_ENTRIES / 64];
};

/* The entry of @fn whose key is @k, of hash @hash, by @x, or -1. */
static int index_find(const struct func *fn, const struct sum_index *x, const struct key *k,
		      unsigned long hash)
{
	struct key have;
	unsigned long h;

	for (h = hash & (x->nslots - 1); x->slot[h]; h = (h + 1) & (x->nslots - 1)) {
		if (!slot_may_be(x->slot[h], hash))
			continue;
		have = key_at(fn, slot_index(x->slot[h]));
		if (have.klass_mode == k->klass_mode && have.inst == k->inst)
			return slot_index(x->slot[h]);
	}
	return -1;
}

/*
 * The open keys whose class @callee, summarised before, may have, in
 * @which: its filter of classes answers without reading an entry, and
 * most often says no.  All of them for a member of the SCC, which has no
 * filter yet.  (A key's class and mode is an acquisition's id: its
 * class's bits are in the table.)
 */
static int open_of_its_classes(const struct func *callee, const struct open_keys *keys,
			       int *which)
{
	const struct class_filter *classes = callee->work ? NULL : callee->classes;
	int i, n = 0;

	for (i = 0; i < keys->n; i++)
		if (!keys->closed[i] &&
		    filter_has(classes, acq_keys[keys->key[i].klass_mode].class_bits))
			which[n++] = i;
	return n;
}

static void find_candidates(const struct func *callee, const struct open_keys *keys,
			    struct candidates *c)
{
	const struct sum_index *x = callee->work ? &callee->work->index : callee->index_of;
	static __thread unsigned long hash[MAX_ENTRIES];
	static __thread int which[MAX_ENTRIES];
	struct key key;
	int i, j, n;

	memset(c, 0, sizeof(*c));
	n = open_of_its_classes(callee, keys, which);
	if (!n)
		return;
	if (!x) {
		for (j = 0; j < callee->nsum; j++) {
			key = key_at(callee, j);
			if (is_open(keys, key, -1))
				c->bits[j / 64] |= 1UL << (j % 64);
		}
		return;
	}
	/* each probe's first slot is a cache miss: start them all at once */
	for (i = 0; i < n; i++) {
		hash[i] = key_hash(&keys->key[which[i]]);
		__builtin_prefetch(&x->slot[hash[i] & (x->nslots - 1)]);
	}
	for (i = 0; i < n; i++) {
		j = index_find(callee, x, &keys->key[which[i]], hash[i]);
		if (j >= 0)
			c->bits[j / 64] |= 1UL << (j % 64);
	}
	/* whatever their instances map to, their class and mode must do */
	for (i = 0; i < x->nrel; i++) {
		j = x->rel[i].entry;
		if (is_open(keys, (struct key){ x->rel[i].klass_mode, 0 }, 1))
			c->bits[j / 64] |= 1UL << (j % 64);
	}
}

/*
 * The widenings made since a function's pull began: its entry, the call
 * (through a notifier chain or not), the guards of the callee's entry.
 * What mapping makes of the guards depends on these alone, and the join
 * is idempotent: the same guards joined again change nothing.  Into full
 * functions, nine pulls in ten were such repeats, most from other
 * targets of the same call through a field.
 */
#define WIDENED_SLOTS 2048
#define WIDENED_PROBES 8

struct widening {
	const struct callsite *cs;
	unsigned int guards, gen;
	unsigned short entry;
	bool chain;
};

static __thread struct widening widened[WIDENED_SLOTS];
static __thread unsigned int widened_gen;	/* a slot of another is empty */

/* Did this pull make the widening before?  If not, note it. */
static bool widened_before(int entry, const struct callsite *cs, bool chain,
			   unsigned int guards)
{
	unsigned long h = hash_ptr3(cs, (const void *)(unsigned long)(entry << 1 | chain),
				    (const void *)(unsigned long)guards);
	int i;

	for (i = 0; i < WIDENED_PROBES; i++) {
		struct widening *w = &widened[(h + i) & (WIDENED_SLOTS - 1)];

		if (w->gen != widened_gen) {
			*w = (struct widening){ cs, guards, widened_gen, entry, chain };
			return false;
		}
		if (w->cs == cs && w->guards == guards && w->entry == entry && w->chain == chain)
			return true;
	}
	return false;	/* not noted: made again if it comes again */
}

static void forget_widenings(void)
{
	if (!++widened_gen) {
		memset(widened, 0, sizeof(widened));
		widened_gen = 1;
	}
}

/* Why pull_entry() stopped: nothing to add, an entry added or widened. */
enum pulled { PULLED_NOTHING, PULLED_CHANGE, PULLED_ALL_CLOSED };

/*
 * Pull entry @k of @callee (@from), target @t of @cs, into @fn if it changed
 * after @since.  Once @fn is full, @keys (found on first need) are its
 * open ones.
 */
static enum pulled pull_entry(struct func *fn, const struct callsite *cs, int t,
			      const struct func *callee, int k, const struct summary_entry *from,
			      unsigned int since, struct open_keys *keys, bool *keys_found)
{
	struct summary_entry e;
	const struct pguard *guards = NULL;
	unsigned int inst;
	int nguards = 0, have = -1, n;
	unsigned long hash = 0;
	struct key key;
	bool relative;

	/* the first pull takes all: no stamps to read */
	if (since && stamp_of(callee, k) <= since)
		return PULLED_NOTHING;
	key = key_of(from);
	relative = key.inst && summary_inst_relative(key.inst);
	if (fn->nsum >= MAX_ENTRIES) {
		if (!*keys_found) {
			find_open_keys(fn, keys);
			*keys_found = true;
		}
		if (!keys->open)
			return PULLED_ALL_CLOSED;
		if (!is_open(keys, key, relative))
			return PULLED_NOTHING;
	}
	/*
	 * An instance not relative to a parameter maps to itself, so its key
	 * is known before mapping, and an entry of that key without guards
	 * has nothing to widen: most pulled entries are such repeats.
	 */
	if (!relative) {
		hash = key_hash(&key);
		have = find_entry(fn, &key, hash);
		if (have >= 0 && !fn->work->guards[have])
			return PULLED_NOTHING;
		if (have >= 0 &&
		    widened_before(have, cs, cs->how == 'd' && callee->name != cs->callee,
				   summary_guards(callee, k)))
			return PULLED_NOTHING;
	}
	if (!relative && !cs->rare->nguards && !summary_guards(callee, k))
		inst = key.inst;	/* what mapping would say, for less */
	else if (!summary_map_id(cs, callee, k, from, &inst, &guards, &nguards))
		return PULLED_NOTHING;
	if (released_here(cs, inst))
		return PULLED_NOTHING;
	e = (struct summary_entry){
		.inst = inst,
		.vias = saturating(from->vias + !!call_via(cs), SUMMARY_FIELD_HOPS_MAX),
		.fields = saturating(from->fields + (cs->how == 'f'), SUMMARY_FIELD_HOPS_MAX),
		.acq = from->acq,
		.hops = saturating(from->hops + 1, 255),
		.edge = cs->edge0 + t + 1,
		.next = k,
	};
	n = fn->nsum;
	if (relative ? !add_entry(fn, &e, guards, nguards) :
		       !add_entry_at(fn, &e, guards, nguards, have, hash))
		return PULLED_NOTHING;
	/* appended, not widened: find_tail() need not read @from again */
	if (fn->nsum > n)
		fn->work->mapped[n] = inst != from->inst;
	if (*keys_found)
		recheck_open(fn, keys, &e);
	return PULLED_CHANGE;
}

/*
 * Pull into a full @fn the candidates of target @t of @cs, in order; false
 * once none of its keys is left open.
 */
static bool pull_candidates(struct func *fn, const struct callsite *cs, int t,
			    unsigned int since, struct open_keys *keys, bool *changed)
{
	static __thread struct candidates cand;
	struct summary_entry buf;
	bool keys_found = true;
	enum pulled r;
	int word, k;

	find_candidates(cs->targets[t], keys, &cand);
	for (word = 0; word < MAX_ENTRIES / 64; word++) {
		unsigned long bits = cand.bits[word];

		for (; bits; bits &= bits - 1) {
			k = word * 64 + __builtin_ctzl(bits);
			r = pull_entry(fn, cs, t, cs->targets[t], k,
				       summary_get(cs->targets[t], k, &buf), since, keys,
				       &keys_found);
			if (r == PULLED_ALL_CLOSED)
				return false;
			*changed |= r == PULLED_CHANGE;
		}
	}
	return true;
}

/*
 * Pull the callees' entries through @fn's calls; true if anything grew.
 * Only entries changed after @since: the others were pulled, as they are
 * now, in an earlier round, and pulling them again changes nothing.
 */
/*
 * Each callee's first line is a cache miss, and a call through a field
 * has many targets: the summaries read them this far ahead.
 */
#define CALLEES_AHEAD 4

/*
 * A full function asks each callee's filter of classes about its open
 * keys, two random bits a key in 256 bytes: start reading the next
 * callee's, whose struct was fetched ahead.
 */
static void prefetch_filter(const struct func *fn, int i, int t)
{
	const struct callsite *cs = &fn->calls[i];
	const struct func *next = NULL;
	size_t at;

	if (t + 1 < cs->ntargets)
		next = cs->targets[t + 1];
	else if (i + 1 < fn->ncalls && fn->calls[i + 1].ntargets)
		next = fn->calls[i + 1].targets[0];
	if (!next || !next->classes)
		return;
	for (at = 0; at < sizeof(*next->classes); at += 64)
		__builtin_prefetch((const char *)next->classes + at);
}

static bool pull_callees(struct func *fn, unsigned int since)
{
	static __thread struct summary_entry entries_of[MAX_ENTRIES];
	static __thread struct open_keys keys;
	const struct summary_entry *all;
	struct summary_entry buf;
	bool keys_found = false;
	bool changed = false;
	enum pulled r;
	int i, t, k;

	forget_widenings();

	for (i = 0; i < fn->ncalls; i++) {
		const struct callsite *cs = &fn->calls[i];

		/* most calls have one target: the next call's is on its way */
		if (i + 1 < fn->ncalls && fn->calls[i + 1].ntargets)
			__builtin_prefetch(fn->calls[i + 1].targets[0]);
		for (t = 0; t < cs->ntargets; t++) {
			struct func *callee = cs->targets[t];

			if (t + CALLEES_AHEAD < cs->ntargets)
				__builtin_prefetch(cs->targets[t + CALLEES_AHEAD]);
			if (callee->stamp <= since)
				continue;
			if (fn->nsum >= MAX_ENTRIES) {
				if (!keys_found) {
					find_open_keys(fn, &keys);
					keys_found = true;
				}
				prefetch_filter(fn, i, t);
				if (!keys.open ||
				    !pull_candidates(fn, cs, t, since, &keys, &changed))
					return changed;
				continue;
			}
			/*
			 * A member's entries are appended while we walk (index,
			 * not pointer); a callee done is read whole, once.
			 */
			all = callee->work ? NULL : summary_all(callee, entries_of);
			for (k = 0; k < callee->nsum; k++) {
				r = pull_entry(fn, cs, t, callee, k,
					       all ? &all[k] : summary_get(callee, k, &buf),
					       since, &keys, &keys_found);
				if (r == PULLED_ALL_CLOSED)
					return changed;
				changed |= r == PULLED_CHANGE;
			}
		}
	}
	return changed;
}

/* --stats: the largest cycle of the call graph, and its rounds */
static int largest_scc, largest_scc_rounds;
static pthread_mutex_t largest_lock = PTHREAD_MUTEX_INITIALIZER;
static struct scc_share_stats shared_stats;

void summaries_stats(int *scc, int *rounds)
{
	*scc = largest_scc;
	*rounds = largest_scc_rounds;
}

void summaries_share_stats(struct scc_share_stats *stats)
{
	*stats = shared_stats;
}

void summaries_sizes(unsigned long *entries, unsigned long *stored, int *full)
{
	*entries = total_entries;
	*stored = stored_entries;
	*full = full_summaries;
}

/*
 * Which member of the SCC @target is, or -1.  Most SCCs are a function or
 * a few, whose members are found without reading the callee: a cache miss
 * each, for millions of calls.  A larger one's member has its work set,
 * in the first line of its struct, one of works[]: its place is its
 * number, without a second miss to read it there.
 */
#define SMALL_SCC 8

static int member_of(struct func **scc, int n, const struct func *target)
{
	int i;

	if (n > SMALL_SCC)
		return target->work ? target->work - works : -1;
	for (i = 0; i < n; i++)
		if (scc[i] == target)
			return i;
	return -1;
}

/* callers_at[] and callers[] of the SCC's members, whose work is set */
static void find_callers(struct func **scc, int n)
{
	int i, j, t, member, ncallers = 0;

	/* rebuilt whole each time: a larger table need not keep the old */
	if (n + 1 > acallers_at) {
		table_free(callers_at, acallers_at, sizeof(*callers_at));
		acallers_at = n + 1;
		callers_at = table_alloc(acallers_at, sizeof(*callers_at));
	}
	memset(callers_at, 0, (n + 1) * sizeof(*callers_at));
	/* most SCCs: one function, its own caller or no one's */
	if (n == 1 && !scc[0]->calls_itself)
		return;
	for (i = 0; i < n; i++) {
		for (j = 0; j < scc[i]->ncalls; j++) {
			const struct callsite *cs = &scc[i]->calls[j];

			for (t = 0; t < cs->ntargets; t++) {
				member = member_of(scc, n, cs->targets[t]);
				if (member >= 0) {
					callers_at[member + 1]++;
					ncallers++;
				}
			}
		}
	}
	if (ncallers > acallers) {
		table_free(callers, acallers, sizeof(*callers));
		acallers = ncallers;
		callers = table_alloc(acallers, sizeof(*callers));
	}
	for (i = 0; i < n; i++)
		callers_at[i + 1] += callers_at[i];
	/* callers_at[g] walks g's range, ending where g + 1's begins */
	for (i = 0; i < n; i++) {
		for (j = 0; j < scc[i]->ncalls; j++) {
			const struct callsite *cs = &scc[i]->calls[j];

			for (t = 0; t < cs->ntargets; t++) {
				member = member_of(scc, n, cs->targets[t]);
				if (member >= 0)
					callers[callers_at[member]++] = i;
			}
		}
	}
	memmove(callers_at + 1, callers_at, n * sizeof(*callers_at));
	callers_at[0] = 0;
}

static void free_works(void);

/*
 * A cycle this large leaves work areas (3 KB a member) that the smaller
 * SCCs above it would keep until the end, under the entries they add.
 */
#define BIG_SCC 4096

static void summarise_scc(struct func **scc, int n)
{
	unsigned int since;
	bool changed;
	int i, rounds = 0;

	if (n > aworks) {
		works = ls_xrealloc(works, n * sizeof(*works));
		memset(works + aworks, 0, (n - aworks) * sizeof(*works));
		aworks = n;
	}
	for (i = 0; i < n; i++)
		start_work(scc[i], &works[i]);
	find_callers(scc, n);
	clock_now = 1;
	round_now = 0;
	for (i = 0; i < n; i++)
		own_entries(scc[i]);
	/*
	 * The first round pulls everything, the next only what changed since
	 * the member last pulled: an entry that changed in the previous round
	 * before the member's turn was pulled then, and pulling it again as
	 * it is changes nothing (the guards' join is idempotent).
	 */
	do {
		changed = false;
		round_now = rounds + 1;
		for (i = 0; i < n; i++) {
			if (round_now > 1 && works[i].dirty < round_now - 1)
				continue;
			since = works[i].seen;
			works[i].seen = clock_now;
			changed |= pull_callees(scc[i], since);
		}
	} while (changed && ++rounds < 64);
	pthread_mutex_lock(&largest_lock);
	if (n > largest_scc) {
		largest_scc = n;
		largest_scc_rounds = rounds + 1;
	}
	pthread_mutex_unlock(&largest_lock);
	/* summarised after all end: no member's tail is another's */
	for (i = 0; i < n; i++)
		end_work(scc[i]);
	summaries_publish(scc, n);
	if (n >= BIG_SCC)
		free_works();
}

/* acq_keys[]: hash the acquisitions by class and mode. */
static void number_keys(unsigned int nacqs)
{
	unsigned int size = 16, *slot, i;

	while (size < 2 * nacqs)
		size *= 2;
	slot = ls_xcalloc(size, sizeof(*slot));	/* acquisition id + 1 */
	for (i = 0; i < nacqs; i++) {
		const struct acquisition *a = acqs[i];
		unsigned long h = hash_ptr3(a->klass, a->mode, NULL) & (size - 1);

		for (; slot[h]; h = (h + 1) & (size - 1))
			if (acqs[slot[h] - 1]->klass == a->klass &&
			    acqs[slot[h] - 1]->mode == a->mode)
				break;
		if (!slot[h])
			slot[h] = i + 1;
		acq_keys[i].klass_mode = slot[h] - 1;
	}
	free(slot);
}

/* The work areas of a large SCC would outlive it: others need the room. */
static void free_works(void)
{
	size_pool_release(&work_buffers);
	free(works);
	works = NULL;
	aworks = 0;
	table_free(callers_at, acallers_at, sizeof(*callers_at));
	table_free(callers, acallers, sizeof(*callers));
	callers_at = callers = NULL;
	acallers_at = acallers = 0;
	/*
	 * Hand their pages back: the free chunks lie between arena blocks,
	 * where malloc would not return them, and what follows needs other
	 * sizes: the arena blocks of the entries of the functions above the
	 * cycle, then lock-order's graph (at kernel size, 600 MB under each).
	 */
	malloc_trim(0);
}

/* The helper's thread: what it made lives on, what it used goes. */
static void helper_start(void)
{
	summariser = 1;
}

static void helper_end(void)
{
	free_works();
	free(joined);
	joined = NULL;
	ajoined = 0;
	summary_map_thread_end();
}

void summaries_build(struct program *prog, bool threaded)
{
	static const struct scc_helper helper = {
		helper_start, summarise_scc, helper_end, BIG_SCC - 1,
	};
	struct scc_share *share;
	struct scc_walk *sccs;
	struct func **scc;
	unsigned int nacqs = 0;
	int i, j, n;

	for (i = 0; i < prog->nfuncs; i++)
		nacqs += prog->funcs[i]->nacqs;
	if (nacqs >= 1u << SUMMARY_ACQ_BITS)
		ls_fatal("more than %u lock acquisitions to summarise", (1u << SUMMARY_ACQ_BITS) - 1);
	acqs = ls_xmalloc((nacqs + 1) * sizeof(*acqs));
	free(acq_klass);
	acq_klass = ls_xmalloc((nacqs + 1) * sizeof(*acq_klass));
	free(acq_keys);
	acq_keys = ls_xmalloc((nacqs + 1) * sizeof(*acq_keys));
	nacqs = 0;
	for (i = 0; i < prog->nfuncs; i++) {
		for (j = 0; j < prog->funcs[i]->nacqs; j++) {
			prog->funcs[i]->acqs[j].id = nacqs;
			acq_klass[nacqs] = prog->funcs[i]->acqs[j].klass;
			acq_keys[nacqs].class_bits = class_bits(acq_klass[nacqs]);
			acqs[nacqs++] = &prog->funcs[i]->acqs[j];
		}
	}
	number_keys(nacqs);

	sccs = scc_walk_start(prog, threaded);
	guards_share(threaded);
	share = scc_share_start(sccs, prog->nfuncs, threaded, &helper);
	while ((n = scc_share_next(share, &scc)) > 0) {
		summarise_scc(scc, n);
		scc_share_done(share);
	}
	scc_share_end(share, &shared_stats);
	guards_share(false);
	scc_walk_end(sccs);
	for (i = 0; i < prog->nfuncs; i++)
		prog->funcs[i]->index_of = NULL;
	arena_rewind(&kept_indexes[0], &(struct arena_mark){ 0 });
	arena_rewind(&kept_indexes[1], &(struct arena_mark){ 0 });
	filters_forget();
	free_works();
	summaries_publish_all();
}
