// SPDX-License-Identifier: MIT
/*
 * The guard lists of summary entries, interned: a few thousand distinct
 * lists are shared by millions of entries, which keep only a number.  A
 * list never changes; widening an entry's guards gives it another list.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"

/*
 * A list is a header (its length in .param) and its guards, by offset in
 * the pool.  The pool grows by chunks and never moves: lock-order reads
 * the lists of finished summaries while the summaries intern more.
 */
#define POOL_CHUNK_BITS 16
#define POOL_CHUNK (1u << POOL_CHUNK_BITS)

static struct pguard *chunks[1u << (32 - POOL_CHUNK_BITS)];
static unsigned int npool;		/* the next offset */

static struct pguard *at(unsigned int off)
{
	return &chunks[off >> POOL_CHUNK_BITS][off & (POOL_CHUNK - 1)];
}
static unsigned int *slots;		/* open addressing: offset + 1 */
static unsigned int size, used;

static unsigned long mix(unsigned long h, unsigned long v)
{
	h = (h ^ v) * 0xff51afd7ed558ccdul;
	return h ^ (h >> 33);
}

/*
 * Word by word, and only the values a guard uses: equal lists hash the
 * same, as same() compares them whole.  (Byte by byte over every value
 * was most of interning.)
 */
static unsigned long hash(const struct pguard *g, int n)
{
	unsigned long h = n * 0x9e3779b97f4a7c15ul;
	int i, k, nvals;

	for (i = 0; i < n; i++) {
		h = mix(h, (unsigned long)(unsigned int)g[i].param << 32 | (unsigned int)g[i].g.op);
		h = mix(h, (unsigned int)g[i].g.n);
		nvals = g[i].g.n < 0 ? 0 : g[i].g.n > GUARD_MAX_VALUES ? GUARD_MAX_VALUES : g[i].g.n;
		for (k = 0; k < nvals; k++)
			h = mix(h, (unsigned long)g[i].g.vals[k]);
	}
	return h;
}

static bool same(const struct pguard *a, const struct pguard *b, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (a[i].param != b[i].param || memcmp(&a[i].g, &b[i].g, sizeof(a[i].g)))
			return false;
	return true;
}

static void put(unsigned int off)
{
	unsigned long j = hash(at(off + 1), at(off)->param) & (size - 1);

	while (slots[j])
		j = (j + 1) & (size - 1);
	slots[j] = off + 1;
	used++;
}

static void grow(void)
{
	unsigned int *old = slots, old_size = size, i;

	size = size ? size * 2 : 1024;
	slots = ls_xcalloc(size, sizeof(*slots));
	used = 0;
	for (i = 0; i < old_size; i++)
		if (old[i])
			put(old[i] - 1);
	free(old);
}

/* While two threads summarise, interning takes turns. */
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;
static bool shared;

void guards_share(bool on)
{
	shared = on;
}

static unsigned int intern(const struct pguard *g, int n)
{
	unsigned long j;
	unsigned int off;

	if ((used + 1) * 2 > size)
		grow();
	for (j = hash(g, n) & (size - 1); slots[j]; j = (j + 1) & (size - 1)) {
		off = slots[j] - 1;
		if (at(off)->param == n && same(at(off + 1), g, n))
			return off + 1;
	}
	if ((unsigned int)n + 1 > POOL_CHUNK)
		ls_fatal("a guard list of %d parameters is too long", n);
	/* a list is read as an array: it does not straddle two chunks */
	if ((npool & (POOL_CHUNK - 1)) + n + 1 > POOL_CHUNK)
		npool = (npool | (POOL_CHUNK - 1)) + 1;
	if (npool > UINT_MAX - POOL_CHUNK)
		ls_fatal("too many guard lists");
	if (!chunks[npool >> POOL_CHUNK_BITS])
		chunks[npool >> POOL_CHUNK_BITS] = ls_xmalloc(POOL_CHUNK * sizeof(struct pguard));
	off = npool;
	memset(at(off), 0, sizeof(*at(off)));
	at(off)->param = n;
	memcpy(at(off + 1), g, n * sizeof(*g));
	npool += n + 1;
	slots[j] = off + 1;
	used++;
	return off + 1;
}

unsigned int guards_intern(const struct pguard *g, int n)
{
	unsigned int id;

	if (!n)
		return 0;
	if (!shared)
		return intern(g, n);
	pthread_mutex_lock(&intern_lock);
	id = intern(g, n);
	pthread_mutex_unlock(&intern_lock);
	return id;
}

const struct pguard *guards_list(unsigned int id, int *n)
{
	if (!id) {
		*n = 0;
		return NULL;
	}
	*n = at(id - 1)->param;
	return at(id);
}
