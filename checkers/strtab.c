// SPDX-License-Identifier: MIT
/*
 * String interning for the whole-tree step: one copy of each string, so
 * names compare and hash as pointers.
 */
#include <stdlib.h>
#include <string.h>

#include "lockscope/program.h"
#include "lockscope/strbuf.h"

static const char **slots;
static size_t size, used;

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
	size_t old_size = size, i;

	size = size ? size * 2 : 4096;
	slots = ls_xcalloc(size, sizeof(*slots));
	used = 0;
	for (i = 0; i < old_size; i++) {
		if (old[i]) {
			size_t j = hash(old[i]) & (size - 1);

			while (slots[j])
				j = (j + 1) & (size - 1);
			slots[j] = old[i];
			used++;
		}
	}
	free(old);
}

const char *strtab_intern(const char *s)
{
	size_t i;

	if (!s)
		return NULL;
	if ((used + 1) * 2 > size)
		grow();
	for (i = hash(s) & (size - 1); slots[i]; i = (i + 1) & (size - 1))
		if (!strcmp(slots[i], s))
			return slots[i];
	slots[i] = ls_xstrdup(s);
	used++;
	return slots[i];
}
