// SPDX-License-Identifier: MIT
/*
 * The program's lookup tables: functions by name, functions bound to a
 * field (of any object, or of one global object), recyclable types; and
 * a parsed facts file's records going into them, once all of it parsed.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/facts_parse.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

static struct ptrtab functions;	/* interned name -> struct func */
static struct ptrtab bindings;	/* interned field -> struct binding */
static struct ptrtab object_bindings;	/* "&obj#field" -> struct binding */
static struct ptrtab recyclables;	/* interned type -> struct recyclable */

const struct recyclable *program_recyclable(const char *type)
{
	return ptrtab_get(&recyclables, type);
}

struct func *program_function(const char *name)
{
	return ptrtab_get(&functions, strtab_intern(name));
}

struct func *program_function_named(const char *interned)
{
	return ptrtab_get(&functions, interned);
}

struct binding *program_binding(const char *field)
{
	return ptrtab_get(&bindings, strtab_intern(field));
}

struct binding *program_binding_named(const char *interned)
{
	return ptrtab_get(&bindings, interned);
}

void program_for_each_binding(void (*fn)(struct binding *b, void *data), void *data)
{
	size_t i;

	for (i = 0; i < bindings.size; i++)
		if (bindings.keys[i])
			fn(bindings.values[i], data);
}

static void *ls_xmemdup(const void *p, size_t size)
{
	void *copy = ls_xmalloc(size);

	memcpy(copy, p, size);
	return copy;
}

static const char *object_key(const char *object, const char *field)
{
	struct strbuf key = STRBUF_INIT;
	const char *k;

	sb_addf(&key, "%s#%s", object, field);
	k = strtab_intern(sb_str(&key));
	sb_release(&key);
	return k;
}

struct binding *program_object_binding(const char *object, const char *field)
{
	return ptrtab_get(&object_bindings, object_key(object, field));
}

static void bind_into(struct ptrtab *table, const char *key, const char *field,
		      const char *fn)
{
	struct binding *b = ptrtab_get(table, key);
	int j;

	if (!b) {
		b = ls_xcalloc(1, sizeof(*b));
		b->field = field;
		ptrtab_put(table, key, b);
	}
	/* a few are searched, many hashed: some fields have thousands */
	if (b->seen) {
		if (ptrtab_get(b->seen, fn))
			return;
	} else {
		for (j = 0; j < b->nfns && b->fns[j] != fn; j++)
			;
		if (j < b->nfns)
			return;
	}
	GROW(b->fns, b->nfns, b->afns);
	b->fns[b->nfns++] = fn;
	if (!b->seen && b->nfns > 16) {
		b->seen = ls_xcalloc(1, sizeof(*b->seen));
		for (j = 0; j < b->nfns; j++)
			ptrtab_put(b->seen, b->fns[j], (void *)b->fns[j]);
	} else if (b->seen) {
		ptrtab_put(b->seen, fn, (void *)fn);
	}
}

void facts_commit(struct program *prog, struct parse *ps)
{
	int i;

	for (i = 0; i < ps->nfuncs; i++) {
		struct func *fn = ps->funcs[i], *old;

		GROW(prog->funcs, prog->nfuncs, prog->afuncs);
		prog->funcs[prog->nfuncs++] = fn;
		old = ptrtab_get(&functions, fn->name);
		fn->next_same = old;
		ptrtab_put(&functions, fn->name, fn);
	}
	for (i = 0; i < ps->nbinds; i += 3) {
		const char *field_name = ps->binds[i], *fn = ps->binds[i + 1];

		bind_into(&bindings, field_name, field_name, fn);
		if (ps->binds[i + 2])
			bind_into(&object_bindings, object_key(ps->binds[i + 2], field_name),
				  field_name, fn);
	}
	for (i = 0; i < ps->ntypes; i++) {
		if (ptrtab_get(&recyclables, ps->types[i].type))
			continue;
		ptrtab_put(&recyclables, ps->types[i].type,
			   ls_xmemdup(&ps->types[i], sizeof(ps->types[i])));
	}
}
