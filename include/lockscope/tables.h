/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_TABLES_H
#define LOCKSCOPE_TABLES_H

/*
 * The rules/ tables: text, one rule a line, '#' starting a comment where
 * it starts a word ("arg1=#2" is a value).  A missing table is fatal and
 * names the file; each parser reports its own bad lines with file:line.
 */
void table_read(const char *dir, const char *name, const char *what,
		void (*parse)(char *line, const char *file, int nr));

/* FNV-1a, for the tables' open-addressing lookups by function name. */
unsigned int table_hash(const char *s);

#endif
