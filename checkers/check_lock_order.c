// SPDX-License-Identifier: MIT
/*
 * lock-order (whole tree): the lock-class graph has an edge A -> B when B
 * is acquired while A is held, in the same function or down a call made
 * under A.  A cycle is a possible deadlock, for every lock kind —
 * semaphores included, which lockdep does not see.  Each cycle is
 * reported once, with a witness per edge and lockdep's CPU scenario.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/diag.h"
#include "lockscope/findings.h"
#include "lockscope/fix.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/size_pool.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"
#include "lockscope/wholetree.h"

struct edge {
	int to;
	/* the witness: fn holds `held` and at line/col acquires, or calls */
	const struct func *fn;
	const struct held_lock *held;
	const struct acquisition *acq;		/* acquired in fn itself */
	const struct callsite *call;		/* or down this call ... */
	const struct func *target;
	struct summary_entry entry;		/* ... to this acquisition */
};

/*
 * An edge as the graph keeps it, 8 bytes (there are tens of millions at
 * kernel size): the node it goes to and its witness, an acquisition or a
 * call edge by its number in the program (see site_base[]), with the
 * entry of the call's target's summary.  The held lock is not kept: it
 * is the site's first held lock of the edge's class, the one whose edge
 * was made first (see held_of()).
 */
#define LINK_TO_BITS 24

struct link {
	unsigned int to : LINK_TO_BITS;
	unsigned int entry : 8;			/* in the target's summary */
	unsigned int site;
};

struct node {
	const char *klass;
	int nedges, aedges;
	struct link *edges;
	/* edge_set_add()'s: nslots hashed, or once dense a bitmap of nbits */
	unsigned int nslots, nbits, *tos;
	int index, low;
	bool on_stack;
};

static struct node *nodes;
static int nnodes, anodes;
static struct ptrtab node_of;		/* interned class -> index + 1 */
/*
 * The nodes a node has edges to, as index + 1, by open addressing: one
 * set per node, 4 bytes a slot, at most half full.  (One set of 8-byte
 * (from, to) pairs for the graph took half of its memory at kernel size,
 * twice that while it grew.)
 */
static unsigned int *to_slot(unsigned int *slots, unsigned int nslots, unsigned int key)
{
	unsigned int i = hash_ptr3((const void *)(unsigned long)key, NULL, NULL) & (nslots - 1);

	while (slots[i] && slots[i] != key)
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

/*
 * The nodes' edge lists and edge sets, which grow by doubling: from
 * malloc, its copies, frees and page faults were a third of the check.
 */
static struct size_pool graph_buffers;

/*
 * A node with edges to a good part of the others keeps its set as a
 * bitmap over all the nodes, once that is smaller than the hashed set
 * would grow to: at full synthetic size a seventh of the nodes have most
 * of the edges, and their hashed sets were near a third of its memory.
 */
static size_t bitmap_bytes(unsigned int nbits)
{
	return nbits / 8;
}

/* Bits for every node there is, and a quarter more: nodes keep coming. */
static unsigned int bitmap_bits(void)
{
	return (nnodes + nnodes / 4 + 64) & ~63u;
}

static void bitmap_grow(struct node *n)
{
	unsigned int *was = n->tos, old = n->nbits;
	size_t bytes;

	n->nbits = bitmap_bits();
	bytes = bitmap_bytes(n->nbits);
	n->tos = memset(size_pool_alloc(&graph_buffers, bytes), 0, bytes);
	if (old) {
		memcpy(n->tos, was, bitmap_bytes(old));
		size_pool_free(&graph_buffers, was, bitmap_bytes(old));
	}
}

static void make_dense(struct node *n)
{
	int i;

	size_pool_free(&graph_buffers, n->tos, n->nslots * sizeof(*n->tos));
	n->nslots = 0;
	n->nbits = 0;
	bitmap_grow(n);
	for (i = 0; i < n->nedges; i++)
		n->tos[n->edges[i].to / 32] |= 1u << n->edges[i].to % 32;
}

static bool bitmap_add(struct node *n, unsigned int to)
{
	if (to >= n->nbits)
		bitmap_grow(n);
	if (n->tos[to / 32] >> to % 32 & 1)
		return false;
	n->tos[to / 32] |= 1u << to % 32;
	return true;
}

/* False if @n has an edge to @to already; else it is in the set. */
static bool edge_set_add(struct node *n, int to)
{
	unsigned int key = to + 1, *slot;

	if (n->nbits)
		return bitmap_add(n, to);
	if (n->nslots && *(slot = to_slot(n->tos, n->nslots, key)))
		return false;
	if (2 * (n->nedges + 1) > (int)n->nslots) {
		unsigned int *was = n->tos, old = n->nslots, i;
		size_t bytes;

		if (2 * old * sizeof(*n->tos) > bitmap_bytes(bitmap_bits())) {
			make_dense(n);
			return bitmap_add(n, to);
		}

		n->nslots = old ? 2 * old : 8;
		bytes = n->nslots * sizeof(*n->tos);
		n->tos = memset(size_pool_alloc(&graph_buffers, bytes), 0, bytes);
		for (i = 0; i < old; i++)
			if (was[i])
				*to_slot(n->tos, n->nslots, was[i]) = was[i];
		if (old)
			size_pool_free(&graph_buffers, was, old * sizeof(*was));
	}
	*to_slot(n->tos, n->nslots, key) = key;
	return true;
}

static int node(const char *klass)
{
	long i = (long)ptrtab_get(&node_of, klass);

	if (i)
		return i - 1;
	if (nnodes == 1 << LINK_TO_BITS)
		ls_fatal("more than %d lock classes for lock-order's graph", nnodes);
	if (nnodes == anodes) {
		anodes = anodes ? anodes * 2 : 64;
		nodes = ls_xrealloc(nodes, anodes * sizeof(*nodes));
	}
	memset(&nodes[nnodes], 0, sizeof(nodes[nnodes]));
	nodes[nnodes].klass = klass;
	ptrtab_put(&node_of, klass, (void *)(long)(nnodes + 1));
	return nnodes++;
}

/* rwlock readers do not wait for readers: a read acquisition orders nothing */
static bool orders(const char *kind, const char *mode)
{
	return wholetree_lock_kind(kind) && !(!strcmp(kind, "rwlock") && !strcmp(mode, "shared"));
}

/*
 * What an acquisition is, by id: asked for every entry of every summary
 * under a held lock, where comparing kind strings was a tenth of the
 * check.  0 unknown, else ACQ_KNOWN, the bits that hold, and above them
 * its class's number (see class_number()).
 */
#define ACQ_KNOWN 1
#define ACQ_ORDERS 2		/* orders(): can be one side of a cycle */
#define ACQ_WAIT 4		/* a wait's pseudo lock (waits.c) */
#define ACQ_FLAG_BITS 3

static unsigned int *acq_info;
static unsigned int nacq_info;

/*
 * The classes entries name, numbered as lock-order first reads them: a
 * target's list names its entries' classes by number, and what a call
 * asks of each entry's class (its node, whether the call gave it edges
 * already) is in tables by class, 100 K at kernel size, that stay in the
 * cache, not by acquisition, millions, each read a miss.
 */
static struct ptrtab class_of;		/* interned class -> number + 1 */
static const char **class_klass;
static int *class_node;			/* -1 until made: see entry_node() */
static unsigned int nclasses, aclasses;

static unsigned int class_number(const char *klass)
{
	unsigned long i = (unsigned long)ptrtab_get(&class_of, klass);

	if (i)
		return i - 1;
	if (nclasses == aclasses) {
		aclasses = aclasses ? 2 * aclasses : 1024;
		class_klass = ls_xrealloc(class_klass, aclasses * sizeof(*class_klass));
		class_node = ls_xrealloc(class_node, aclasses * sizeof(*class_node));
	}
	class_klass[nclasses] = klass;
	class_node[nclasses] = -1;
	ptrtab_put(&class_of, klass, (void *)(unsigned long)(nclasses + 1));
	return nclasses++;
}

static unsigned int acq_info_of(const struct summary_entry *en)
{
	unsigned int id = en->acq;

	if (id >= nacq_info) {
		unsigned int want = id + 1024;

		acq_info = ls_xrealloc(acq_info, want * sizeof(*acq_info));
		memset(acq_info + nacq_info, 0, (want - nacq_info) * sizeof(*acq_info));
		nacq_info = want;
	}
	if (!acq_info[id]) {
		const struct acquisition *a = summary_acq(en);

		acq_info[id] = ACQ_KNOWN | (orders(a->kind, a->mode) ? ACQ_ORDERS : 0) |
			       (wait_is_pseudo(a->kind) ? ACQ_WAIT : 0) |
			       class_number(a->klass) << ACQ_FLAG_BITS;
	}
	return acq_info[id];
}

static void add_edge_nodes(int a, int b, const struct link *w)
{
	struct node *n = &nodes[a];

	/* one witness per edge is enough */
	if (!edge_set_add(n, b))
		return;
	if (n->nedges == n->aedges) {
		int was = n->aedges;

		n->aedges = was ? was * 2 : 4;
		n->edges = size_pool_grow(&graph_buffers, n->edges, was * sizeof(*n->edges),
					  n->aedges * sizeof(*n->edges));
	}
	n->edges[n->nedges] = *w;
	n->edges[n->nedges++].to = b;
}

/* The held lock of class @klass whose edge a site made. */
static const struct held_lock *held_of(const struct held_lock *held, int nheld,
				       const char *klass)
{
	int k;

	for (k = 0; k < nheld; k++)
		if (held[k].klass == klass && wholetree_lock_kind(held[k].kind))
			return &held[k];
	return NULL;
}

/*
 * The witnesses numbered in function order: a function's acquisitions,
 * then its call edges, from site_base[] of it, all its predecessors'.
 */
static const struct program *graph_prog;
static unsigned int *site_base;

/* The function whose sites hold @site. */
static const struct func *site_func(unsigned int site, unsigned int *local)
{
	int lo = 0, hi = graph_prog->nfuncs - 1;

	/* the last function whose sites start at or before @site */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (site_base[mid] <= site)
			lo = mid;
		else
			hi = mid - 1;
	}
	*local = site - site_base[lo];
	return graph_prog->funcs[lo];
}

/* The witness of @l, an edge of node @from, in full. */
static struct edge expand(int from, const struct link *l)
{
	struct edge w = { .to = l->to };
	unsigned int local;
	const struct func *fn = site_func(l->site, &local);

	if (local < (unsigned int)fn->nacqs) {
		w.acq = &fn->acqs[local];
		w.fn = fn;
		w.held = held_of(w.acq->held, w.acq->nheld, nodes[from].klass);
		return w;
	}
	local -= fn->nacqs;
	w.call = summary_call_edge(fn, local);
	w.fn = fn;
	w.held = held_of(w.call->held, w.call->nheld, nodes[from].klass);
	w.target = w.call->targets[local - w.call->edge0];
	w.entry = *summary_get(w.target, l->entry, &w.entry);
	return w;
}

static void add_edge(const char *from, const char *to, const struct link *w)
{
	int a;

	if (from == to)
		return;
	a = node(from);
	add_edge_nodes(a, node(to), w);
}

/*
 * The node of a summary entry's class, by its number, made when
 * add_edge() would have made it, so that nodes keep their order.
 */
static int entry_node(unsigned int klass_no)
{
	if (class_node[klass_no] < 0)
		class_node[klass_no] = node(class_klass[klass_no]);
	return class_node[klass_no];
}

#define HELD_NODES 16

/*
 * The nodes a call has made edges to from all its held locks, marked with
 * the call's serial number: a call through a field reaches hundreds of
 * targets whose entries repeat classes, and probing the graph's edge set
 * (millions) for each finds them all made, with their first witness.
 */
static unsigned int *node_done;
static int anode_done;
static unsigned int call_serial;

/* Room in @marks (*@n long, by a serial number each) for index @at: new ones 0. */
static unsigned int *marks_room(unsigned int *marks, int *n, int at)
{
	int want = *n ? *n : 1024;

	if (at < *n)
		return marks;
	while (want <= at)
		want *= 2;
	marks = ls_xrealloc(marks, want * sizeof(*marks));
	memset(marks + *n, 0, (want - *n) * sizeof(*marks));
	*n = want;
	return marks;
}

static bool call_done(int to)
{
	return to >= 0 && to < anode_done && node_done[to] == call_serial;
}

static void mark_call_done(int to)
{
	node_done = marks_room(node_done, &anode_done, to);
	node_done[to] = call_serial;
}

/*
 * Each function-pointer hop widens the graph to every function bound to
 * the field; past one, an edge is more likely made up than real.
 */
#define MAX_INDIRECT_HOPS 1

/*
 * Can entry @k of @target, which has guards or is called with some, be
 * taken through @cs?  Most entries have none, and are not asked.
 */
static bool reached(const struct callsite *cs, const struct func *target, int k)
{
	struct summary_entry buf;

	return summary_map(cs, target, k, summary_get(target, k, &buf), NULL, NULL, NULL);
}

/*
 * A target's entries that can order locks, as call_edges() reads them:
 * at kernel size a target is called under a lock 18 times on average
 * (2.5 M calls, 136 K targets), and reading its summary down the tails
 * each time was most of the check.  Kept from a target's second call:
 * most targets are called once (76 K of 136 K, 14 M entries of 24 M).
 */
struct order_entry {
	unsigned int klass_no;		/* see class_number() */
	unsigned char k;		/* the entry's index in the summary */
	unsigned char vias, hops;
	unsigned char guarded : 1, wait : 1;
};

struct order_list {
	int n;
	struct order_entry e[];
};

static struct arena order_arena;
static struct ptrtab order_list_of;	/* target -> its list, or &called_once */
static char called_once;

/* Valid until the next call: a list not kept is made in a buffer. */
static const struct order_list *order_list(const struct func *target)
{
	static struct order_list *scratch;
	void *seen = ptrtab_get(&order_list_of, target);
	static struct summary_entry made[SUMMARY_MAX_ENTRIES];
	const struct summary_entry *all;
	struct order_list *l;
	int k;

	if (seen && seen != &called_once)
		return seen;
	if (seen) {
		l = arena_alloc(&order_arena, sizeof(*l) + target->nsum * sizeof(l->e[0]));
	} else {
		if (!scratch)
			scratch = ls_xmalloc(sizeof(*scratch) +
					     SUMMARY_MAX_ENTRIES * sizeof(scratch->e[0]));
		l = scratch;
	}
	l->n = 0;
	all = summary_all(target, made);
	for (k = 0; k < target->nsum; k++) {
		const struct summary_entry *en = &all[k];
		unsigned int info = acq_info_of(en);

		/* what no call can take: see call_edges() */
		if (!(info & ACQ_ORDERS) || en->vias > MAX_INDIRECT_HOPS)
			continue;
		l->e[l->n++] = (struct order_entry){ info >> ACQ_FLAG_BITS, k, en->vias, en->hops,
						     summary_guards(target, k) != 0,
						     !!(info & ACQ_WAIT) };
	}
	ptrtab_put(&order_list_of, target, seen ? (void *)l : &called_once);
	return l;
}

/*
 * A call through a field reaches hundreds of targets whose entries repeat
 * classes: at kernel size 96 % of the entries call_edges() read were of a
 * class the call had made its edges to already.  The calls with the same
 * targets, through a field or not, under a wait or not, read the same
 * entries, so the ones that can make an edge are listed once for them
 * all, in order: of each class, its guarded entries up to its first
 * unguarded one, which makes the class's edges whatever the call holds.
 */
struct fanout_entry {
	int t;				/* the target's index in the call */
	struct order_entry oe;
};

struct fanout_list {
	int n;
	struct fanout_entry e[];
};

static struct ptrtab fanout_of;		/* targets | via | under a wait << 1 -> list */
static unsigned int *class_closed;	/* by class: fanout_serial once unguarded */
static int aclass_closed;
static unsigned int fanout_serial;

/* Can entry @oe be taken at all through a call so made? */
static bool may_order(const struct order_entry *oe, bool via, bool under_wait)
{
	int indirect = (via ? 1 : 0) + oe->vias;

	if (indirect > MAX_INDIRECT_HOPS)
		return false;
	/*
	 * Waits: near, direct chains only, as wait-under-lock follows them;
	 * a wait deep in the stack is rarely under the lock that far up.
	 */
	if (oe->wait && (indirect || oe->hops >= WAIT_NEAR_HOPS))
		return false;
	return !under_wait || (!oe->vias && oe->hops <= WAIT_CALLBACK_HOPS);
}

static const struct fanout_list *fanout_list(const struct callsite *cs, bool under_wait)
{
	static struct fanout_list *scratch;
	static int ascratch;
	void *key = (void *)((uintptr_t)cs->targets | (call_via(cs) ? 1 : 0) | (under_wait ? 2 : 0));
	struct fanout_list *l = ptrtab_get(&fanout_of, key);
	int t, e;

	if (l)
		return l;
	fanout_serial++;
	if (!scratch) {
		ascratch = SUMMARY_MAX_ENTRIES;
		scratch = ls_xmalloc(sizeof(*scratch) + ascratch * sizeof(scratch->e[0]));
	}
	scratch->n = 0;
	for (t = 0; t < cs->ntargets; t++) {
		const struct order_list *ol = order_list(cs->targets[t]);

		/* reading a summary may number new classes */
		if (nclasses)
			class_closed = marks_room(class_closed, &aclass_closed, nclasses - 1);
		for (e = 0; e < ol->n; e++) {
			const struct order_entry *oe = &ol->e[e];

			if (class_closed[oe->klass_no] == fanout_serial ||
			    !may_order(oe, call_via(cs), under_wait))
				continue;
			if (!oe->guarded)
				class_closed[oe->klass_no] = fanout_serial;
			if (scratch->n == ascratch) {
				ascratch *= 2;
				scratch = ls_xrealloc(scratch, sizeof(*scratch) +
						      ascratch * sizeof(scratch->e[0]));
			}
			scratch->e[scratch->n++] = (struct fanout_entry){ t, *oe };
		}
	}
	l = arena_alloc(&order_arena, sizeof(*l) + scratch->n * sizeof(l->e[0]));
	memcpy(l, scratch, sizeof(*l) + scratch->n * sizeof(l->e[0]));
	ptrtab_put(&fanout_of, key, l);
	return l;
}

/* The locks held at a call, and the nodes of their classes once made. */
struct held_nodes {
	int node[HELD_NODES];
	bool lock[HELD_NODES];
};

/*
 * The edges from the locks held at @cs to the class of entry @oe,
 * witnessed by @site; then the class is done for the call.
 */
static void entry_edges(const struct callsite *cs, struct held_nodes *held,
			const struct order_entry *oe, unsigned long site)
{
	const char *klass = class_klass[oe->klass_no];
	struct link w = { .entry = oe->k, .site = site };
	int k, from;

	for (k = 0; k < cs->nheld; k++) {
		const struct held_lock *h = &cs->held[k];

		if (k < HELD_NODES ? !held->lock[k] : !wholetree_lock_kind(h->kind))
			continue;
		if (h->klass == klass)
			continue;
		if (k >= HELD_NODES)
			from = node(h->klass);
		else if ((from = held->node[k]) < 0)
			from = held->node[k] = node(h->klass);
		add_edge_nodes(from, entry_node(oe->klass_no), &w);
	}
	/* all its class's edges from this call are made */
	if (class_node[oe->klass_no] >= 0)
		mark_call_done(class_node[oe->klass_no]);
}

/*
 * The edges from the locks held at @cs to what its targets acquire; its
 * caller's call edges are numbered from @base (see site_base[]).
 */
static void call_edges(const struct callsite *cs, unsigned long base)
{
	bool under_wait = wait_is_pseudo(cs->held[0].kind);
	struct held_nodes held;
	int k, t, e;

	for (k = 0; k < HELD_NODES; k++) {
		held.node[k] = -1;
		held.lock[k] = k < cs->nheld && wholetree_lock_kind(cs->held[k].kind);
	}
	call_serial++;
	/* with guards of its own, a call asks each entry whether it is reached */
	if (cs->ntargets > 1 && !cs->rare->nguards) {
		const struct fanout_list *l = fanout_list(cs, under_wait);

		for (e = 0; e < l->n; e++) {
			const struct fanout_entry *fe = &l->e[e];

			/* 4 G sites, eight hundred times a kernel's */
			if (base + cs->edge0 + fe->t >= UINT_MAX)
				break;
			if (call_done(class_node[fe->oe.klass_no]))
				continue;
			if (fe->oe.guarded && !reached(cs, cs->targets[fe->t], fe->oe.k))
				continue;
			entry_edges(cs, &held, &fe->oe, base + cs->edge0 + fe->t);
		}
		return;
	}
	for (t = 0; t < cs->ntargets && base + cs->edge0 + t < UINT_MAX; t++) {
		const struct func *target = cs->targets[t];
		const struct order_list *l = order_list(target);

		for (e = 0; e < l->n; e++) {
			const struct order_entry *oe = &l->e[e];

			if (call_done(class_node[oe->klass_no]) ||
			    !may_order(oe, call_via(cs), under_wait))
				continue;
			if ((cs->rare->nguards || oe->guarded) && !reached(cs, target, oe->k))
				continue;
			entry_edges(cs, &held, oe, base + cs->edge0 + t);
		}
	}
}

static void build_graph(const struct program *prog)
{
	unsigned int sites = 0;
	int i, j, k;

	free(acq_info);
	acq_info = NULL;
	nacq_info = 0;
	graph_prog = prog;
	site_base = ls_xmalloc(prog->nfuncs * sizeof(*site_base));

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];
		unsigned long end = (unsigned long)sites + fn->nacqs;

		if (fn->ncalls)
			end += fn->calls[fn->ncalls - 1].edge0 + fn->calls[fn->ncalls - 1].ntargets;
		site_base[i] = sites;
		/* past the numbers a link holds, sites make no edges */
		sites = end < UINT_MAX ? end : UINT_MAX;

		for (j = 0; j < fn->nacqs; j++) {
			const struct acquisition *a = &fn->acqs[j];

			if (a->trylock || !orders(a->kind, a->mode) || (unsigned long)site_base[i] + j >= UINT_MAX)
				continue;
			for (k = 0; k < a->nheld; k++) {
				struct link w = { .site = site_base[i] + j };

				if (wholetree_lock_kind(a->held[k].kind))
					add_edge(a->held[k].klass, a->klass, &w);
			}
		}
		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];

			if (!cs->nheld)
				continue;
			/*
			 * The targets' summaries may still be on their way:
			 * each is waited for alone, as most are made long
			 * before their callers' are.
			 */
			for (k = 0; k < cs->ntargets; k++)
				summaries_wait(cs->targets[k]);
			call_edges(cs, (unsigned long)site_base[i] + fn->nacqs);
		}
	}
	ptrtab_clear(&order_list_of);
	ptrtab_clear(&fanout_of);
	free(class_closed);
	class_closed = NULL;
	aclass_closed = 0;
	arena_rewind(&order_arena, &(struct arena_mark){ 0 });
}

static const char *edge_lock_shown(const struct edge *w)
{
	return w->acq ? w->acq->shown : summary_acq(&w->entry)->shown;
}

/* The wait pseudo locks of waits.c: "waits for", not "acquires". */
static const char *verb(const char *kind)
{
	return wait_is_pseudo(kind) ? "waits for" : "acquires";
}

static bool edge_is_wait(const struct edge *w)
{
	return wait_is_pseudo(w->acq ? w->acq->kind : summary_acq(&w->entry)->kind);
}

static void witness_notes(struct finding *f, const struct edge *w)
{
	const char *to = nodes[w->to].klass, *via;

	if (wait_is_pseudo(w->held->kind)) {
		finding_note(f, w->fn->file, w->held->line, 0,
			     "%s() runs as a callback of '%s' (bound here): a wait for it waits for what it takes",
			     func_short_name(w->call->callee), w->held->shown);
		wholetree_chain_notes(f, w->target, &w->entry);
		return;
	}
		finding_note(f, w->fn->file, w->held->line, 0,
			     "%s() holds '%s' (%s) from here", func_short_name(w->fn->name),
			     w->held->shown, w->held->klass);
	if (w->acq) {
		finding_note(f, w->fn->file, w->acq->line, w->acq->col,
			     "... and %s '%s' (%s) here", verb(w->acq->kind), w->acq->shown, to);
		return;
	}
	via = call_via(w->call);
	finding_note(f, w->fn->file, w->call->line, w->call->col,
		     "... and calls %s()%s%s, which %s %s", func_short_name(w->target->name),
		     via ? " through " : "", via ? via : "",
		     verb(summary_acq(&w->entry)->kind), to);
	wholetree_chain_notes(f, w->target, &w->entry);
}

/* What rules/cocci/lock-order.cocci needs, for two-lock cycles. */
static void add_fix(struct finding *f, const int *cycle, const struct edge **edges, int n)
{
	struct fix_witness w[2];
	const char *klass[2];
	int i;

	if (n != 2) {
		finding_fix(f, "nofix", "a cycle of %d lock classes: no mechanical reordering", n);
		return;
	}
	for (i = 0; i < 2; i++) {
		klass[i] = nodes[cycle[i]].klass;
		w[i].fn = edges[i]->fn;
		w[i].held_line = edges[i]->held->line;
		w[i].held_shown = edges[i]->held->shown;
		w[i].acq_line = edges[i]->acq ? edges[i]->acq->line : 0;
		w[i].acq_shown = edge_lock_shown(edges[i]);
	}
	fix_lock_order(f, klass, w);
}

static void report_cycle(const int *cycle, const struct edge **edges, int n)
{
	struct strbuf key = STRBUF_INIT, classes = STRBUF_INIT;
	const struct edge *first = edges[0];
	const char *file;
	struct finding *f;
	int i, start = 0, waits = 0;

	/* reported where a lock is held, not at a callback's binding */
	for (i = n - 1; i >= 0; i--) {
		if (wait_is_pseudo(edges[i]->held->kind))
			waits++;
		else
			first = edges[i];
	}
	file = first->fn->file;
	/* L -> wait -> L: a wait under the lock its callback takes, wait-under-lock's */
	if (waits && n == 2)
		return;

	/* the key: the classes from the smallest, and the functions */
	for (i = 1; i < n; i++)
		if (strcmp(nodes[cycle[i]].klass, nodes[cycle[start]].klass) < 0)
			start = i;
	for (i = 0; i < n; i++) {
		const struct edge *w = edges[(start + i) % n];

		sb_addf(&key, "%s>%s|", nodes[cycle[(start + i) % n]].klass, w->fn->name);
		sb_addf(&classes, "%s'%s'", i ? " -> " : "", nodes[cycle[(start + i) % n]].klass);
	}
	sb_addf(&classes, " -> '%s'", nodes[cycle[start]].klass);
	f = finding_add("lock-order", "warning", sb_str(&key), file,
			first->acq ? first->acq->line : first->call->line,
			first->acq ? first->acq->col : first->call->col,
			"possible circular locking dependency%s: %s",
			waits ? " through a wait for a callback" : "", sb_str(&classes));
	for (i = 0; i < n; i++) {
		witness_notes(f, edges[i]);
		/* a call closing the cycle may be a callback-under-lock, too */
		if (edges[i]->call)
			finding_site(f, edges[i]->fn->file, edges[i]->call->line,
				     edges[i]->call->col);
	}
	add_fix(f, cycle, edges, n);
	/* lockdep's scenario: each CPU takes one lock, then wants the next */
	for (i = 0; i < n; i++)
		if (wait_is_pseudo(edges[i]->held->kind))
			finding_note(f, edges[i]->fn->file, edges[i]->held->line, 0,
				     "scenario: CPU%d: %s() runs for '%s'", i,
				     func_short_name(edges[i]->call->callee),
				     edges[i]->held->shown);
		else
			finding_note(f, edges[i]->fn->file, edges[i]->held->line, 0,
				     "scenario: CPU%d: lock(%s) in %s()", i,
				     edges[i]->held->shown, func_short_name(edges[i]->fn->name));
	for (i = 0; i < n; i++)
		finding_note(f, edges[i]->fn->file,
			     edges[i]->acq ? edges[i]->acq->line : edges[i]->call->line, 0,
			     "scenario: CPU%d: %s(%s) waits for CPU%d: deadlock", i,
			     edge_is_wait(edges[i]) ? "wait" : "lock",
			     edge_lock_shown(edges[i]), (i + 1) % n);
	sb_release(&key);
	sb_release(&classes);
}

/* The shortest cycle through @start inside one component (BFS). */
static void shortest_cycle(int start, const int *comp)
{
	int *prev = ls_xmalloc(nnodes * sizeof(*prev));
	const struct link **via = ls_xmalloc(nnodes * sizeof(*via));
	int *queue = ls_xmalloc(nnodes * sizeof(*queue));
	int head = 0, tail = 0, i, found = -1;
	const struct link *closing = NULL;

	for (i = 0; i < nnodes; i++)
		prev[i] = -2;
	queue[tail++] = start;
	prev[start] = -1;
	while (head < tail && found < 0) {
		int u = queue[head++];

		for (i = 0; i < nodes[u].nedges; i++) {
			int v = nodes[u].edges[i].to;

			if (comp[v] != comp[start])
				continue;
			if (v == start) {
				found = u;
				closing = &nodes[u].edges[i];
				break;
			}
			if (prev[v] == -2) {
				prev[v] = u;
				via[v] = &nodes[u].edges[i];
				queue[tail++] = v;
			}
		}
	}
	if (found >= 0) {
		int n = 0, u;
		int *cycle;
		struct edge *witness;
		const struct edge **edges;

		for (u = found; u != -1; u = prev[u])
			n++;
		cycle = ls_xmalloc(n * sizeof(*cycle));
		witness = ls_xmalloc(n * sizeof(*witness));
		edges = ls_xmalloc(n * sizeof(*edges));
		witness[n - 1] = expand(found, closing);
		for (u = found, i = n - 1; u != -1; u = prev[u], i--) {
			cycle[i] = u;
			if (i > 0)
				witness[i - 1] = expand(prev[u], via[u]);
		}
		for (i = 0; i < n; i++)
			edges[i] = &witness[i];
		report_cycle(cycle, edges, n);
		free(cycle);
		free(witness);
		free(edges);
	}
	free(prev);
	free(via);
	free(queue);
}

/* Tarjan over the class graph, iteratively; comp[] numbers components. */
static int components(int *comp)
{
	int *stack = ls_xmalloc((nnodes + 1) * sizeof(*stack));
	int (*frames)[2] = ls_xmalloc((nnodes + 1) * sizeof(*frames));
	int index = 1, sp = 0, ncomp = 0, i;

	for (i = 0; i < nnodes; i++) {
		int depth = 0;

		if (nodes[i].index)
			continue;
		frames[depth][0] = i;
		frames[depth++][1] = 0;
		nodes[i].index = nodes[i].low = index++;
		stack[sp++] = i;
		nodes[i].on_stack = true;
		while (depth) {
			int u = frames[depth - 1][0], v = -1;

			while (frames[depth - 1][1] < nodes[u].nedges) {
				int w = nodes[u].edges[frames[depth - 1][1]++].to;

				if (!nodes[w].index) {
					v = w;
					break;
				}
				if (nodes[w].on_stack && nodes[w].index < nodes[u].low)
					nodes[u].low = nodes[w].index;
			}
			if (v >= 0) {
				nodes[v].index = nodes[v].low = index++;
				stack[sp++] = v;
				nodes[v].on_stack = true;
				frames[depth][0] = v;
				frames[depth++][1] = 0;
				continue;
			}
			if (nodes[u].low == nodes[u].index) {
				int w;

				do {
					w = stack[--sp];
					nodes[w].on_stack = false;
					comp[w] = ncomp;
				} while (w != u);
				ncomp++;
			}
			depth--;
			if (depth && nodes[u].low < nodes[frames[depth - 1][0]].low)
				nodes[frames[depth - 1][0]].low = nodes[u].low;
		}
	}
	free(stack);
	free(frames);
	return ncomp;
}

/*
 * The findings keep their own text: the graph (millions of edges at
 * kernel size) is not needed by the checks that follow.
 */
static void free_graph(void)
{
	size_pool_release(&graph_buffers);
	free(nodes);
	nodes = NULL;
	nnodes = anodes = 0;
	ptrtab_clear(&node_of);
	free(class_klass);
	free(class_node);
	class_klass = NULL;
	class_node = NULL;
	nclasses = aclasses = 0;
	ptrtab_clear(&class_of);
	free(node_done);
	node_done = NULL;
	anode_done = 0;
	free(site_base);
	site_base = NULL;
}

void check_lock_order(const struct program *prog)
{
	int *comp, *size, *smallest, ncomp, i;

	/* the edge sets stay until free_graph(): nothing else wants the room */
	build_graph(prog);
	if (!nnodes) {
		free_graph();
		return;
	}
	comp = ls_xmalloc(nnodes * sizeof(*comp));
	ncomp = components(comp);
	size = ls_xcalloc(ncomp, sizeof(*size));
	smallest = ls_xmalloc(ncomp * sizeof(*smallest));
	for (i = 0; i < ncomp; i++)
		smallest[i] = -1;
	for (i = 0; i < nnodes; i++) {
		size[comp[i]]++;
		if (smallest[comp[i]] < 0 ||
		    strcmp(nodes[i].klass, nodes[smallest[comp[i]]].klass) < 0)
			smallest[comp[i]] = i;
	}
	/* one report per cycle-bearing component, from its smallest class */
	for (i = 0; i < ncomp; i++)
		if (size[i] > 1)
			shortest_cycle(smallest[i], comp);
	/* the fixes count sites in every summary */
	summaries_wait_all();
	fix_lock_order_finish(prog);
	free(comp);
	free(size);
	free(smallest);
	free_graph();
}
