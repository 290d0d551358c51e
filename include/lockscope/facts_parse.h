/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FACTS_PARSE_H
#define LOCKSCOPE_FACTS_PARSE_H

/*
 * Inside the facts reader: the file being parsed (facts_read.c), its
 * records (facts_records.c), and what goes live once all of it parsed
 * (program_tables.c).
 */
#include <stdbool.h>
#include <stddef.h>

#include "lockscope/arena.h"
#include "lockscope/program.h"

#define GROW(arr, n, alloc) do {					\
	if ((n) == (alloc)) {						\
		(alloc) = (alloc) ? (alloc) * 2 : 4;			\
		(arr) = ls_xrealloc((arr), (alloc) * sizeof(*(arr)));	\
	}								\
} while (0)

/* One record's fields, split in place: each ends in '\0'. */
struct rec {
	int n;
	unsigned int hashed;		/* bit i: hash[i] is field i's strtab_hash() */
	char *f[16];
	size_t len[16];
	unsigned int hash[16];
};

/* One file being parsed: its records go live only if all of it parses. */
struct parse {
	const char *path;
	int line;
	const char *tu;
	int nfuncs, afuncs;
	struct func **funcs;		/* by fid - 1 */
	/*
	 * The file's calls in file order, each with its caller: they go to
	 * the functions, in exact-size arrays, once the file is read.
	 */
	int ncalls, acalls;
	struct callsite *calls;
	int *args_at;			/* each call's arguments in args[] */
	int nargs, aargs;
	const char **args;
	struct callsite *call;		/* the record a/g/h lines belong to */
	/* the same for acquisitions (fn set): one exact array a function */
	int nacqs, aacqs;
	struct acquisition *acqs;
	struct acquisition *acq;
	int nbinds, abinds;
	const char **binds;		/* field, function, object triples */
	int ntypes;
	struct recyclable *types;
	struct arena *records;		/* the functions and calls, rewound if bad */
	const char *error;
	char error_text[96];		/* an error with numbers in it */
};

/*
 * strlist_intern() in steps, so that the lookups of calls further on
 * overlap: the hash, the slot and the list are asked for ahead.
 */
unsigned int strlist_hash(const char *const *list, int n);
void strlist_prefetch(unsigned int hash);
void strlist_prefetch_list(unsigned int hash);
const char **strlist_intern_hashed(const char *const *list, int n, unsigned int hash);
/* No more lists to intern for now: what the table asked for ahead goes. */
void strlist_intern_end(void);

/* The record @r (not the header nor the end): false if malformed. */
bool facts_parse_record(struct parse *ps, struct rec *r);
/* Line 1 and 2: the magic and version, the translation unit. */
bool facts_parse_header(struct parse *ps, const struct rec *r);
/* The fields of a record with tag @tag that are interned: bit i for field i. */
unsigned int facts_interned_fields(char tag);
/* A decimal long long, all of the field, the whole range. */
bool facts_number(const char *s, long long *v);
/* The parsed file's functions, bindings and types go live. */
void facts_commit(struct program *prog, struct parse *ps);

#endif
