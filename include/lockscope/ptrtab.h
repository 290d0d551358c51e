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

void *ptrtab_get(const struct ptrtab *t, const void *key);
void ptrtab_put(struct ptrtab *t, const void *key, void *value);
void ptrtab_clear(struct ptrtab *t);

#endif
