// SPDX-License-Identifier: MIT
/*
 * Waits are acquisitions (whole tree), as lockdep models them.  Every
 * object some call waits for gets a pseudo lock, "(timer) struct
 * foo::timer"; the wait acquires it, and each callback bound to the
 * object runs holding it: a made-up caller, one per binding, calls the
 * callback with the pseudo lock held.  The summaries and the lock-order
 * graph then see the waits like any lock: L -> pseudo at the wait,
 * pseudo -> whatever the callback takes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/waits.h"

/* The callbacks of a sysfs attribute, by the field its object binds. */
static const char *const sysfs_fields[] = {
	"struct device_attribute::show", "struct device_attribute::store",
	"struct kobj_attribute::show", "struct kobj_attribute::store",
	"struct bin_attribute::read", "struct bin_attribute::write",
};

struct bound_at {
	const struct func *fn;		/* where the binding is */
	const struct wait_bind *b;
};

struct pseudo_lock {
	const char *klass, *kind, *object;
	int nholders;
	struct func **holders;
	int nbound;
	struct bound_at *bound;		/* the bindings of callbacks to it */
	bool made;
};

static struct ptrtab pseudos;		/* interned class -> struct pseudo_lock */
static struct ptrtab holder_funcs;	/* made-up callers -> their pseudo */
static struct ptrtab queued;		/* "wq object" -> struct binding of works */
static struct ptrtab holder_work;	/* a workqueue's made-up caller -> the work */

bool wait_is_pseudo(const char *kind)
{
	return kind && !strcmp(kind, WAIT_LOCK_KIND);
}

bool wait_holder(const struct func *fn)
{
	return ptrtab_get(&holder_funcs, fn) != NULL;
}

/* ---- reading the records ----------------------------------------------- */

bool wait_parse_Y(struct call_rare *rare, char **f, int n)
{
	struct wait_site *w;

	if (n != 4 || rare->wait)
		return false;
	w = ls_xcalloc(1, sizeof(*w));
	w->kind = strtab_intern(f[1]);
	w->object = strtab_intern(f[2]);
	w->shown = strtab_intern(f[3]);
	rare->wait = w;
	return true;
}

bool wait_parse_Z(struct func *fn, char **f, int n)
{
	struct wait_bind *b;
	char *end;
	long line;

	if (n != 6)
		return false;
	line = strtol(f[2], &end, 10);
	if (end == f[2] || *end || line < 0)
		return false;
	if (fn->nwbinds == fn->awbinds) {
		fn->awbinds = fn->awbinds ? fn->awbinds * 2 : 4;
		fn->wbinds = ls_xrealloc(fn->wbinds, fn->awbinds * sizeof(*fn->wbinds));
	}
	b = &fn->wbinds[fn->nwbinds++];
	b->line = line;
	b->kind = strtab_intern(f[3]);
	b->object = strtab_intern(f[4]);
	b->callback = strtab_intern(f[5]);
	return true;
}

void wait_discard(struct func *fn)
{
	int i;

	for (i = 0; i < fn->ncalls; i++)
		free((void *)fn->calls[i].rare->wait);
	free(fn->wbinds);
}

/* ---- pseudo locks and their holders -------------------------------------- */

/*
 * An IRQ line ("struct pci_dev::irq") or a device ("struct pci_dev::dev")
 * is named by a class every driver shares: one driver's directory tells
 * its lines and devices from another's.
 */
static bool scoped(const char *kind)
{
	return !strcmp(kind, "irqline") || !strcmp(kind, "kobj");
}

static const char *pseudo_class(const char *kind, const char *object, const char *file)
{
	struct strbuf s = STRBUF_INIT;
	const char *slash = file ? strrchr(file, '/') : NULL;
	const char *k;

	sb_addf(&s, "(%s) %s", kind, object);
	if (scoped(kind))
		sb_addf(&s, " in %.*s", slash ? (int)(slash - file) : 1, slash ? file : ".");
	k = strtab_intern(sb_str(&s));
	sb_release(&s);
	return k;
}

/* @file: where the object is named, for the scoped kinds. */
static struct pseudo_lock *pseudo_of(const char *kind, const char *object, const char *file)
{
	const char *klass = pseudo_class(kind, object, file);
	struct pseudo_lock *p = ptrtab_get(&pseudos, klass);

	if (!p) {
		p = ls_xcalloc(1, sizeof(*p));
		p->klass = klass;
		p->kind = kind;
		p->object = object;
		ptrtab_put(&pseudos, klass, p);
	}
	return p;
}

/* A made-up caller: runs @callback holding @p, as bound at file:line. */
static void add_holder(struct program *prog, struct pseudo_lock *p, const char *callback,
		       const char *file, int line, const char *work)
{
	struct func *h, *t;
	struct callsite *cs;
	struct held_lock *held;
	int i;

	if (!program_function(callback))
		return;
	for (i = 0; i < p->nholders; i++)
		if (p->holders[i]->calls[0].callee == callback)
			return;
	h = ls_xcalloc(1, sizeof(*h));
	h->name = p->klass;
	h->file = file;
	h->line = line;
	h->ncalls = 1;
	h->calls = cs = ls_xcalloc(1, sizeof(*cs));
	held = ls_xcalloc(1, sizeof(*held));
	held->kind = strtab_intern(WAIT_LOCK_KIND);
	held->mode = strtab_intern("excl");
	held->line = line;
	held->klass = p->klass;
	held->shown = p->object;
	cs->caller = h;
	cs->line = line;
	cs->how = 'd';
	cs->rare = &call_none;
	cs->callee = callback;
	cs->nheld = 1;
	cs->held = held;
	for (t = program_function(callback); t; t = t->next_same)
		callgraph_add_target(cs, t);
	p->holders = ls_xrealloc(p->holders, (p->nholders + 1) * sizeof(*p->holders));
	p->holders[p->nholders++] = h;
	ptrtab_put(&holder_funcs, h, p);
	if (work)
		ptrtab_put(&holder_work, h, (void *)work);
	if (prog->nfuncs == prog->afuncs) {
		prog->afuncs = prog->afuncs ? prog->afuncs * 2 : 64;
		prog->funcs = ls_xrealloc(prog->funcs, prog->afuncs * sizeof(*prog->funcs));
	}
	prog->funcs[prog->nfuncs++] = h;
}

/* The callbacks of a sysfs object: its own, and those of what it holds. */
static void sysfs_holders(struct program *prog, struct pseudo_lock *p, const char *object,
			  int depth)
{
	struct binding *b;
	const struct func *fn;
	size_t i;
	int j;

	for (i = 0; i < sizeof(sysfs_fields) / sizeof(sysfs_fields[0]); i++) {
		b = program_object_binding(object, strtab_intern(sysfs_fields[i]));
		for (j = 0; b && j < b->nfns; j++)
			if ((fn = program_function(b->fns[j])))
				add_holder(prog, p, b->fns[j], fn->file, fn->line, NULL);
	}
	b = program_object_binding(object, strtab_intern(WAIT_CONTAINS));
	for (j = 0; b && depth < 4 && j < b->nfns; j++)
		sysfs_holders(prog, p, b->fns[j], depth + 1);
}

/* Every binding of a callback to the object of @from (timer, work, irq). */
static void bound_holders(struct program *prog, struct pseudo_lock *p,
			  const struct pseudo_lock *from, const char *work)
{
	int i;

	for (i = 0; i < from->nbound; i++)
		add_holder(prog, p, from->bound[i].b->callback, from->bound[i].fn->file,
			   from->bound[i].b->line, work);
}

static void make_holders(struct program *prog, struct pseudo_lock *p)
{
	const struct binding *works;
	int i;

	if (p->made || !strcmp(p->kind, "rcu"))
		return;
	p->made = true;
	if (!strcmp(p->kind, "sysfs")) {
		sysfs_holders(prog, p, p->object, 0);
		return;
	}
	if (!strcmp(p->kind, "kobj")) {
		/* a device's or kobject's: those of the attributes attached to it */
		for (i = 0; i < p->nbound; i++)
			sysfs_holders(prog, p, p->bound[i].b->callback, 0);
		return;
	}
	if (strcmp(p->kind, "wq")) {
		bound_holders(prog, p, p, NULL);
		return;
	}
	/* a workqueue: the callbacks of every work queued on it */
	works = ptrtab_get(&queued, p->object);
	for (i = 0; works && i < works->nfns; i++)
		bound_holders(prog, p, pseudo_of(strtab_intern("work"), works->fns[i], NULL),
			      works->fns[i]);
}

/* Index the bindings by pseudo lock, and the works by workqueue. */
static void collect_bindings(const struct program *prog)
{
	const char *wq = strtab_intern("wq");
	int i, j, k;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nwbinds; j++) {
			const struct wait_bind *b = &fn->wbinds[j];
			struct binding *works;

			if (b->kind != wq) {
				struct pseudo_lock *p = pseudo_of(b->kind, b->object, fn->file);

				p->bound = ls_xrealloc(p->bound,
						       (p->nbound + 1) * sizeof(*p->bound));
				p->bound[p->nbound++] = (struct bound_at){ fn, b };
				continue;
			}
			works = ptrtab_get(&queued, b->object);
			if (!works) {
				works = ls_xcalloc(1, sizeof(*works));
				ptrtab_put(&queued, b->object, works);
			}
			for (k = 0; k < works->nfns && works->fns[k] != b->callback; k++)
				;
			if (k < works->nfns)
				continue;
			works->fns = ls_xrealloc(works->fns, (works->nfns + 1) * sizeof(*works->fns));
			works->fns[works->nfns++] = b->callback;
		}
	}
}

/* The wait at @cs acquires the pseudo lock @p. */
static void add_wait(struct func *fn, const struct callsite *cs, const struct pseudo_lock *p)
{
	struct acquisition *a;

	if (fn->nacqs == fn->aacqs) {
		fn->aacqs = fn->aacqs ? fn->aacqs * 2 : 4;
		fn->acqs = ls_xrealloc(fn->acqs, fn->aacqs * sizeof(*fn->acqs));
	}
	a = &fn->acqs[fn->nacqs++];
	memset(a, 0, sizeof(*a));
	a->fn = fn;
	a->line = cs->line;
	a->col = cs->col;
	a->kind = strtab_intern(WAIT_LOCK_KIND);
	a->mode = strtab_intern("excl");
	a->klass = p->klass;
	a->shown = cs->rare->wait->shown;
	a->nheld = cs->nheld;
	a->held = cs->held;
}

void waits_model(struct program *prog)
{
	int nfuncs = prog->nfuncs, i, j;

	collect_bindings(prog);
	for (i = 0; i < nfuncs; i++) {
		struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->ncalls; j++) {
			const struct callsite *cs = &fn->calls[j];
			struct pseudo_lock *p;

			if (!cs->rare->wait)
				continue;
			p = pseudo_of(cs->rare->wait->kind, cs->rare->wait->object, fn->file);
			make_holders(prog, p);
			if (p->nholders || !strcmp(p->kind, "rcu"))
				add_wait(fn, cs, p);
		}
	}
}

const char *wait_holder_work(const struct func *holder)
{
	return ptrtab_get(&holder_work, holder);
}

/* The pseudo lock of class @klass, for the check. */
const struct func *const *wait_holders(const char *klass, int *n, const char **kind)
{
	const struct pseudo_lock *p = ptrtab_get(&pseudos, klass);

	*n = p ? p->nholders : 0;
	*kind = p ? p->kind : NULL;
	return p ? (const struct func *const *)p->holders : NULL;
}
