// SPDX-License-Identifier: MIT
/*
 * Interned lists of interned strings: the arguments of a call.  A
 * kernel's millions of calls pass a few hundred thousand different
 * argument lists ("$0", "&dev->lock", ...), so equal lists share one
 * copy.  A list is never written once interned.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/facts_parse.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/strbuf.h"

struct list_slot {
	const char **list;
	unsigned int hash, n;
};

static struct list_slot *slots;
static size_t size, used;
static struct table_ahead ahead;
static struct arena lists;
static const char *no_args[1];

unsigned int strlist_hash(const char *const *list, int n)
{
	unsigned long h = n;
	int i;

	for (i = 0; i < n; i++)
		h = hash_ptr3((const void *)h, list[i], NULL);
	return h;
}

static void grow(void)
{
	struct list_slot *old = slots;
	size_t old_size = size, i;

	size = size ? size * 2 : 4096;
	slots = table_alloc_ahead(&ahead, size, sizeof(*slots));
	for (i = 0; i < old_size; i++) {
		if (old[i].list) {
			size_t j = old[i].hash & (size - 1);

			while (slots[j].list)
				j = (j + 1) & (size - 1);
			slots[j] = old[i];
		}
	}
	table_free(old, old_size, sizeof(*old));
}

/*
 * Like the string table's: the slot, then the list it holds, asked for
 * a few calls ahead (facts_read.c).
 */
void strlist_prefetch(unsigned int hash)
{
	if (size)
		__builtin_prefetch(&slots[hash & (size - 1)]);
}

void strlist_prefetch_list(unsigned int hash)
{
	const struct list_slot *slot;

	if (!size)
		return;
	slot = &slots[hash & (size - 1)];
	if (slot->list && slot->hash == hash)
		__builtin_prefetch(slot->list);
}

/*
 * Only the facts' loader interns lists: at kernel size the table ends
 * between three eighths and half full, and its next size, asked for
 * ahead, would be 64 MB never used.
 */
void strlist_intern_end(void)
{
	table_ahead_drop(&ahead, sizeof(*slots));
}

const char **strlist_intern(const char *const *list, int n)
{
	return n ? strlist_intern_hashed(list, n, strlist_hash(list, n)) : no_args;
}

const char **strlist_intern_hashed(const char *const *list, int n, unsigned int h)
{
	size_t i;

	if (!n)
		return no_args;
	if ((used + 1) * 2 > size)
		grow();
	for (i = h & (size - 1); slots[i].list; i = (i + 1) & (size - 1))
		if (slots[i].hash == h && slots[i].n == (unsigned int)n &&
		    !memcmp(slots[i].list, list, n * sizeof(*list)))
			return slots[i].list;
	slots[i].list = arena_alloc(&lists, n * sizeof(*list));
	memcpy(slots[i].list, list, n * sizeof(*list));
	slots[i].hash = h;
	slots[i].n = n;
	used++;
	table_ask_ahead(&ahead, used, size, sizeof(*slots));
	return slots[i].list;
}
