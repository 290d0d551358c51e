// SPDX-License-Identifier: MIT
/*
 * A small pointer-keyed hash map: linear probing, grows at half full.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lockscope/arena.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

static size_t slot_of(const struct ptrtab *t, const void *key)
{
	uintptr_t h = (uintptr_t)key;

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	return (h >> 16) & (t->size - 1);
}

void *ptrtab_get(const struct ptrtab *t, const void *key)
{
	size_t i;

	if (!t->size)
		return NULL;
	for (i = slot_of(t, key); t->keys[i]; i = (i + 1) & (t->size - 1))
		if (t->keys[i] == key)
			return t->values[i];
	return NULL;
}

void ptrtab_prefetch(const struct ptrtab *t, const void *key)
{
	size_t i;

	if (!t->size)
		return;
	i = slot_of(t, key);
	__builtin_prefetch(&t->keys[i]);
	__builtin_prefetch(&t->values[i]);
}

static void grow(struct ptrtab *t)
{
	struct ptrtab bigger = { t->size ? t->size * 2 : 64, 0, NULL, NULL };
	size_t i;

	bigger.keys = table_alloc(bigger.size, sizeof(*bigger.keys));
	bigger.values = table_alloc(bigger.size, sizeof(*bigger.values));
	for (i = 0; i < t->size; i++)
		if (t->keys[i])
			ptrtab_put(&bigger, t->keys[i], t->values[i]);
	table_free(t->keys, t->size, sizeof(*t->keys));
	table_free(t->values, t->size, sizeof(*t->values));
	*t = bigger;
}

void ptrtab_put(struct ptrtab *t, const void *key, void *value)
{
	size_t i;

	if ((t->used + 1) * 2 > t->size)
		grow(t);
	for (i = slot_of(t, key); t->keys[i]; i = (i + 1) & (t->size - 1)) {
		if (t->keys[i] == key) {
			t->values[i] = value;
			return;
		}
	}
	t->keys[i] = key;
	t->values[i] = value;
	t->used++;
}

void ptrtab_clear(struct ptrtab *t)
{
	table_free(t->keys, t->size, sizeof(*t->keys));
	table_free(t->values, t->size, sizeof(*t->values));
	t->keys = NULL;
	t->values = NULL;
	t->size = t->used = 0;
}
