// SPDX-License-Identifier: MIT
/*
 * String interning for the whole-tree step: one copy of each string, so
 * names compare and hash as pointers.  Each string also has a number
 * (stored just before it), for records that keep 4 bytes, not 8.  A
 * kernel's facts intern tens of millions of fields: the copies come from
 * an arena, and the hash reads eight bytes at a time.
 */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/arena.h"
#include "lockscope/diag.h"
#include "lockscope/program.h"
#include "lockscope/strbuf.h"

struct slot {
	const char *s;
	unsigned int hash, len;		/* probes skip memcmp, growing rehashes nothing */
};

static struct slot *slots;
static size_t size, used;
static struct table_ahead ahead;
static struct arena copies;

/*
 * id - 1 -> string, in chunks that never move: a check on another thread
 * reads strings by id while more are interned.
 */
#define ID_CHUNK_BITS 16
#define ID_CHUNK (1u << ID_CHUNK_BITS)

static const char **by_id[1u << (32 - ID_CHUNK_BITS)];
static unsigned int nids;

/* While checks run on other threads, interning takes turns. */
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;
static bool shared;

void strtab_share(bool on)
{
	shared = on;
}

static inline uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

unsigned int strtab_hash(const char *s, size_t len)
{
	uint64_t h = len * 0x9e3779b97f4a7c15ull, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	for (w = 0; len; len--)
		w = w << 8 | (unsigned char)s[len - 1];
	return mix(h ^ w);
}

static void grow(void)
{
	struct slot *old = slots;
	size_t old_size = size, i;

	size = size ? size * 2 : 4096;
	slots = table_alloc_ahead(&ahead, size, sizeof(*slots));
	for (i = 0; i < old_size; i++) {
		if (old[i].s) {
			size_t j = old[i].hash & (size - 1);

			while (slots[j].s)
				j = (j + 1) & (size - 1);
			slots[j] = old[i];
		}
	}
	table_free(old, old_size, sizeof(*old));
}

/* A copy of @s with its id in front. */
static const char *store(const char *s, size_t len)
{
	char *mem = arena_alloc(&copies, sizeof(unsigned int) + len + 1);
	unsigned int id = ++nids;

	memcpy(mem, &id, sizeof(id));
	memcpy(mem + sizeof(id), s, len);
	mem[sizeof(id) + len] = '\0';
	if (id >= 1u << STRTAB_ID_BITS)
		ls_fatal("more than %u strings to intern", id - 1);
	if (!by_id[(id - 1) >> ID_CHUNK_BITS])
		by_id[(id - 1) >> ID_CHUNK_BITS] = ls_xmalloc(ID_CHUNK * sizeof(**by_id));
	by_id[(id - 1) >> ID_CHUNK_BITS][(id - 1) & (ID_CHUNK - 1)] = mem + sizeof(id);
	return mem + sizeof(id);
}

static const char *intern(const char *s, size_t len, unsigned int h)
{
	size_t i;

	if (len > UINT_MAX)
		ls_fatal("a string of %zu bytes is too long to intern", len);
	if ((used + 1) * 2 > size)
		grow();
	for (i = h & (size - 1); slots[i].s; i = (i + 1) & (size - 1))
		if (slots[i].hash == h && slots[i].len == len && !memcmp(slots[i].s, s, len))
			return slots[i].s;
	slots[i].s = store(s, len);
	slots[i].hash = h;
	slots[i].len = len;
	used++;
	table_ask_ahead(&ahead, used, size, sizeof(*slots));
	return slots[i].s;
}

const char *strtab_intern_hashed(const char *s, size_t len, unsigned int h)
{
	const char *interned;

	/* the facts intern tens of millions of strings on one thread: no lock */
	if (!shared)
		return intern(s, len, h);
	pthread_mutex_lock(&intern_lock);
	interned = intern(s, len, h);
	pthread_mutex_unlock(&intern_lock);
	return interned;
}

/*
 * The table is far bigger than the caches: a lookup waits for its slot,
 * then for the string.  Asked a few records ahead, the loads overlap.
 */
void strtab_prefetch(unsigned int hash)
{
	if (size && !shared)
		__builtin_prefetch(&slots[hash & (size - 1)]);
}

void strtab_prefetch_string(unsigned int hash)
{
	const struct slot *slot;

	if (!size || shared)
		return;
	slot = &slots[hash & (size - 1)];
	if (slot->s && slot->hash == hash)
		__builtin_prefetch(slot->s);
}

const char *strtab_intern_len(const char *s, size_t len)
{
	return strtab_intern_hashed(s, len, strtab_hash(s, len));
}

const char *strtab_intern(const char *s)
{
	return s ? strtab_intern_len(s, strlen(s)) : NULL;
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
	return id ? by_id[(id - 1) >> ID_CHUNK_BITS][(id - 1) & (ID_CHUNK - 1)] : NULL;
}
