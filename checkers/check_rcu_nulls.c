// SPDX-License-Identifier: MIT
/*
 * rcu-nulls (whole tree): objects of a SLAB_TYPESAFE_BY_RCU type can be
 * freed and reused without a grace period.  A reader walking an RCU hash
 * chain may then follow an object that moved to another chain meanwhile;
 * the nulls protocol (hlist_nulls: each chain ends in its own value, and
 * a lookup that ends on a foreign one restarts) is what makes this
 * detectable.  So when one object is linked both into an hlist_nulls that
 * readers walk under RCU and into a plain hlist (or list) that readers
 * walk under RCU, the plain one is a chain a lookup can be carried into
 * or out of without noticing: seed 003's listener hash.
 *
 * "One object": a function links its parameter into both lists, itself
 * or through direct calls that pass the parameter down (__inet_hash()
 * hashes a socket into the listener hash or, via inet_ehash_nolisten(),
 * into the established hash).  Types alone would not do: UDP sockets are
 * struct sock too, on plain lists, but never in a nulls list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/findings.h"
#include "lockscope/fix.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"
#include "lockscope/wholetree.h"

/* A function links its parameter into a list: here, or down a call. */
struct linkage {
	int param;
	const char *link, *head, *node;
	int depth;
	const struct rcu_event *ev;	/* depth 0: the list primitive */
	const struct callsite *call;	/* else: the call, and the callee's entry */
	const struct func *callee;
	const struct linkage *next;
};

struct fn_links {
	int n, a;
	struct linkage **l;
};

static struct ptrtab links_of;		/* struct func -> struct fn_links */
static struct ptrtab walks;		/* head class -> first walk (struct walk) */

struct walk {
	const struct func *fn;
	const struct rcu_event *ev;
};

static int param_of(const char *obj)
{
	char *end;
	long n;

	if (!obj || obj[0] != '$')
		return -1;
	n = strtol(obj + 1, &end, 10);
	return end == obj + 1 || *end || n < 0 || n > 64 ? -1 : (int)n;
}

static struct fn_links *links(const struct func *fn)
{
	struct fn_links *fl = ptrtab_get(&links_of, fn);

	if (!fl) {
		fl = ls_xcalloc(1, sizeof(*fl));
		ptrtab_put(&links_of, fn, fl);
	}
	return fl;
}

static bool add_link(const struct func *fn, const struct linkage *proto)
{
	struct fn_links *fl = links(fn);
	struct linkage *l;
	int i;

	for (i = 0; i < fl->n; i++)
		if (fl->l[i]->param == proto->param && fl->l[i]->head == proto->head &&
		    fl->l[i]->link == proto->link)
			return false;
	if (fl->n == fl->a) {
		fl->a = fl->a ? fl->a * 2 : 4;
		fl->l = ls_xrealloc(fl->l, fl->a * sizeof(*fl->l));
	}
	l = ls_xmalloc(sizeof(*l));
	*l = *proto;
	fl->l[fl->n++] = l;
	return true;
}

static void collect(const struct program *prog)
{
	int i, j;

	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];

		for (j = 0; j < fn->nrcu; j++) {
			const struct rcu_event *ev = &fn->rcu[j];
			struct linkage l = { 0 };

			if (ev->tag == 'W') {
				if (!ptrtab_get(&walks, ev->head)) {
					struct walk *w = ls_xmalloc(sizeof(*w));

					w->fn = fn;
					w->ev = ev;
					ptrtab_put(&walks, ev->head, w);
				}
				continue;
			}
			if (ev->tag != 'L')
				continue;
			if (strncmp(ev->op, "add", 3) || !strcmp(ev->head, "-") ||
			    !strcmp(ev->node, "-") || (l.param = param_of(ev->obj)) < 0)
				continue;
			l.link = ev->link;
			l.head = ev->head;
			l.node = ev->node;
			l.ev = ev;
			add_link(fn, &l);
		}
	}
}

/* Through direct calls that pass a parameter on as it is, to a fixpoint. */
static void propagate(const struct program *prog)
{
	bool changed = true;
	int round, i, j, t, k;

	for (round = 0; changed && round < 16; round++) {
		changed = false;
		for (i = 0; i < prog->nfuncs; i++) {
			const struct func *fn = prog->funcs[i];

			for (j = 0; j < fn->ncalls; j++) {
				const struct callsite *cs = &fn->calls[j];

				if (cs->how != 'd')
					continue;
				for (t = 0; t < cs->ntargets; t++) {
					struct fn_links *fl = ptrtab_get(&links_of, cs->targets[t]);

					for (k = 0; fl && k < fl->n; k++) {
						const struct linkage *in = fl->l[k];
						struct linkage l = *in;

						if (in->param >= cs->nargs ||
						    (l.param = param_of(cs->args[in->param])) < 0)
							continue;
						l.depth = in->depth + 1;
						l.ev = NULL;
						l.call = cs;
						l.callee = cs->targets[t];
						l.next = in;
						if (add_link(fn, &l))
							changed = true;
						fl = ptrtab_get(&links_of, cs->targets[t]);
					}
				}
			}
		}
	}
}

/* The type of a node class: "struct sock" of "struct sock::sk_node". */
static const char *node_type(const char *node)
{
	const char *colon = strstr(node, "::");
	char buf[256];

	if (!colon || colon - node >= (long)sizeof(buf))
		return NULL;
	snprintf(buf, sizeof(buf), "%.*s", (int)(colon - node), node);
	return strtab_intern(buf);
}

static void chain_notes(struct finding *f, const struct func *fn,
			const struct linkage *l, const char *what)
{
	int hops = 0;

	while (l && l->call && hops++ < 32) {
		finding_note(f, fn->file, l->call->line, l->call->col, "%s() calls %s()",
			     func_short_name(fn->name), func_short_name(l->callee->name));
		fn = l->callee;
		l = l->next;
	}
	if (l && l->ev)
		finding_note(f, fn->file, l->ev->line, l->ev->col,
			     "%s() links it into %s '%s' (%s) here",
			     func_short_name(fn->name), what, l->ev->shown, l->head);
}

static const struct linkage *bottom(const struct func **fn, const struct linkage *l)
{
	while (l->call) {
		*fn = l->callee;
		l = l->next;
	}
	return l;
}

static const char *link_words(const char *link)
{
	if (!strcmp(link, "nulls"))
		return "the hlist_nulls";
	if (!strcmp(link, "list"))
		return "the plain list";
	return "the plain hlist";
}

struct candidate {
	const struct func *fn;
	const struct linkage *plain, *nulls;
	const struct recyclable *why;
	int depth;
};

static void report(const struct candidate *c)
{
	const struct func *pf = c->fn, *nf = c->fn;
	const struct linkage *pl = bottom(&pf, c->plain);
	const struct walk *pw = ptrtab_get(&walks, c->plain->head);
	const struct walk *nw = ptrtab_get(&walks, c->nulls->head);
	struct strbuf key = STRBUF_INIT;
	struct finding *f;

	bottom(&nf, c->nulls);
	sb_addf(&key, "%s|%s|%s", c->plain->head, c->nulls->head, c->why->type);
	f = finding_add("rcu-nulls", "warning", sb_str(&key), pf->file, pl->ev->line,
			pl->ev->col,
			"%s objects are reused without an RCU grace period and are linked both into %s '%s' and into %s '%s', each walked under RCU: a lookup can follow a reused object into another chain without noticing; '%s' must be an hlist_nulls with its own nulls values, and lookups must re-check and restart",
			c->why->type, link_words(c->nulls->link), c->nulls->head,
			link_words(c->plain->link), c->plain->head, c->plain->head);
	sb_release(&key);
	fix_rcu_nulls(f, &(struct fix_nulls){
		.plain_head = c->plain->head, .plain_link = c->plain->link,
		.plain_node = c->plain->node, .nulls_head = c->nulls->head,
		.nulls_node = c->nulls->node, .source = c->why->source,
	});
	finding_note(f, c->why->file, c->why->line, 0,
		     "%s objects come from a SLAB_TYPESAFE_BY_RCU cache (%s)",
		     c->why->type, c->why->source);
	chain_notes(f, c->fn, c->plain, link_words(c->plain->link));
	chain_notes(f, c->fn, c->nulls, link_words(c->nulls->link));
	if (pw)
		finding_note(f, pw->fn->file, pw->ev->line, pw->ev->col,
			     "%s() walks '%s' under RCU here: a plain chain, no restart",
			     func_short_name(pw->fn->name), pw->ev->shown);
	else
		finding_note(f, pf->file, pl->ev->line, pl->ev->col,
			     "'%s' is published for RCU readers here", pl->ev->shown);
	if (nw)
		finding_note(f, nw->fn->file, nw->ev->line, nw->ev->col,
			     "%s() walks '%s' under RCU here: a reused object can carry it into '%s'",
			     func_short_name(nw->fn->name), nw->ev->shown, c->plain->head);
}

/* Is the plain list @l one RCU readers reach: walked, or RCU-inserted? */
static bool rcu_plain(const struct func *fn, const struct linkage *l)
{
	const struct linkage *b = bottom(&fn, l);

	if (!strcmp(l->link, "nulls"))
		return false;
	return ptrtab_get(&walks, l->head) || !strcmp(b->ev->op, "add-rcu");
}

void check_rcu_nulls(const struct program *prog)
{
	struct ptrtab best = { 0 };
	struct candidate **list = NULL;
	int nlist = 0, i, j, k;

	collect(prog);
	propagate(prog);
	for (i = 0; i < prog->nfuncs; i++) {
		const struct func *fn = prog->funcs[i];
		struct fn_links *fl = ptrtab_get(&links_of, fn);

		for (j = 0; fl && j < fl->n; j++) {
			const struct linkage *p = fl->l[j];
			const struct recyclable *why;
			const char *type;

			if (!rcu_plain(fn, p) || !(type = node_type(p->node)) ||
			    !(why = program_recyclable(type)))
				continue;
			for (k = 0; k < fl->n; k++) {
				const struct linkage *q = fl->l[k];
				struct candidate *c;
				struct strbuf key = STRBUF_INIT;
				const char *ikey;

				if (q->param != p->param || strcmp(q->link, "nulls") ||
				    !ptrtab_get(&walks, q->head))
					continue;
				sb_addf(&key, "%s|%s", p->head, q->head);
				ikey = strtab_intern(sb_str(&key));
				sb_release(&key);
				c = ptrtab_get(&best, ikey);
				if (c && c->depth <= p->depth + q->depth)
					continue;
				if (!c) {
					c = ls_xcalloc(1, sizeof(*c));
					ptrtab_put(&best, ikey, c);
					list = ls_xrealloc(list, (nlist + 1) * sizeof(*list));
					list[nlist++] = c;
				}
				c->fn = fn;
				c->plain = p;
				c->nulls = q;
				c->why = why;
				c->depth = p->depth + q->depth;
			}
		}
	}
	for (i = 0; i < nlist; i++) {
		report(list[i]);
		free(list[i]);
	}
	free(list);
	ptrtab_clear(&best);
}
