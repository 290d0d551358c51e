// SPDX-License-Identifier: MIT
/*
 * String interning for the whole-tree step: one copy of each string, so
 * names compare and hash as pointers.  Each string also has a number
 * (stored just before it), for records that keep 4 bytes, not 8.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/program.h"
#include "lockscope/strbuf.h"

static const char **slots;
static size_t *hashes;			/* of slots[]: probes skip strcmp, growing rehashes nothing */
static size_t size, used;
static const char **by_id;		/* id - 1 -> string */
static unsigned int nids, aids;

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static void grow(void)
{
	const char **old = slots;
	size_t *old_hashes = hashes;
	size_t old_size = size, i;

	size = size ? size * 2 : 4096;
	slots = ls_xcalloc(size, sizeof(*slots));
	hashes = ls_xmalloc(size * sizeof(*hashes));
	used = 0;
	for (i = 0; i < old_size; i++) {
		if (old[i]) {
			size_t j = old_hashes[i] & (size - 1);

			while (slots[j])
				j = (j + 1) & (size - 1);
			slots[j] = old[i];
			hashes[j] = old_hashes[i];
			used++;
		}
	}
	free(old);
	free(old_hashes);
}

/* A copy of @s with its id in front. */
static const char *store(const char *s)
{
	size_t len = strlen(s);
	char *mem = ls_xmalloc(sizeof(unsigned int) + len + 1);
	unsigned int id = ++nids;

	memcpy(mem, &id, sizeof(id));
	memcpy(mem + sizeof(id), s, len + 1);
	if (nids > aids) {
		aids = aids ? aids * 2 : 4096;
		by_id = ls_xrealloc(by_id, aids * sizeof(*by_id));
	}
	by_id[id - 1] = mem + sizeof(id);
	return by_id[id - 1];
}

const char *strtab_intern(const char *s)
{
	size_t i, h;

	if (!s)
		return NULL;
	if ((used + 1) * 2 > size)
		grow();
	h = hash(s);
	for (i = h & (size - 1); slots[i]; i = (i + 1) & (size - 1))
		if (hashes[i] == h && !strcmp(slots[i], s))
			return slots[i];
	slots[i] = store(s);
	hashes[i] = h;
	used++;
	return slots[i];
}

unsigned int strtab_id(const char *interned)
{
	unsigned int id;

	if (!interned)
		return 0;
	memcpy(&id, interned - sizeof(id), sizeof(id));
	return id;
}

const char *strtab_string(unsigned int id)
{
	return id ? by_id[id - 1] : NULL;
}
