/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_PTRTAB_H
#define LOCKSCOPE_PTRTAB_H

#include <stdbool.h>
#include <stddef.h>

/* An open-addressing map from pointers to pointers. */
struct ptrtab {
	size_t size, used;
	const void **keys;
	void **values;
};

/* A hash of up to three pointers: aligned, so the low bits say little. */
static inline unsigned long hash_ptr3(const void *a, const void *b, const void *c)
{
	unsigned long h = (unsigned long)a;

	h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdul ^ (unsigned long)b;
	h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53ul ^ (unsigned long)c;
	h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdul;
	return h ^ (h >> 33);
}

void *ptrtab_get(const struct ptrtab *t, const void *key);
void ptrtab_put(struct ptrtab *t, const void *key, void *value);
void ptrtab_clear(struct ptrtab *t);
/* Ask for @key's slot now, to look it up a little later. */
void ptrtab_prefetch(const struct ptrtab *t, const void *key);

#endif
