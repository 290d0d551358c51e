// SPDX-License-Identifier: MIT
/* Reading the rules/ tables, shared by every table's parser. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lockscope/diag.h"
#include "lockscope/strbuf.h"
#include "lockscope/tables.h"

static void strip_comment(char *line)
{
	char *hash;

	for (hash = line; (hash = strchr(hash, '#')); hash++)
		if (hash == line || hash[-1] == ' ' || hash[-1] == '\t') {
			*hash = '\0';
			return;
		}
}

void table_read(const char *dir, const char *name, const char *what,
		void (*parse)(char *line, const char *file, int nr))
{
	struct strbuf path = STRBUF_INIT;
	char line[1024];
	FILE *f;
	int nr = 0;

	sb_addf(&path, "%s/%s", dir, name);
	f = fopen(sb_str(&path), "r");
	if (!f)
		ls_fatal("cannot read %s '%s': %s (use --rules=DIR)", what,
			 sb_str(&path), strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		nr++;
		strip_comment(line);
		parse(line, sb_str(&path), nr);
	}
	fclose(f);
	sb_release(&path);
}

unsigned int table_hash(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}
