// SPDX-License-Identifier: MIT
/*
 * Reading back the checked source, only when a diagnostic needs it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"
#include "lockscope/source.h"
#include "lockscope/strbuf.h"

static int cached_stream = -1;
static char *text;
static size_t text_len;

static bool load(int stream)
{
	FILE *f;
	long len;

	if (stream == cached_stream)
		return text != NULL;
	free(text);
	text = NULL;
	cached_stream = stream;
	f = fopen(stream_name(stream), "rb");
	if (!f)
		return false;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return false;
	}
	text = ls_xmalloc(len + 1);
	text_len = fread(text, 1, len, f);
	text[text_len] = '\0';
	fclose(f);
	return true;
}

/* Byte offset of display column @col (sparse expands tabs) on @line. */
static const char *find_column(int line, int col)
{
	const char *p = text, *end = text + text_len;
	int l = 1, c = 1;

	while (p < end && l < line)
		if (*p++ == '\n')
			l++;
	if (l != line)
		return NULL;
	while (p < end && *p != '\n' && c < col) {
		int ts = (int)tabstop;

		c = *p == '\t' ? c + ts - (c - 1) % ts : c + 1;
		p++;
	}
	return c == col ? p : NULL;
}

static bool is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

void source_call_name(struct position *pos, char *name, size_t size)
{
	const char *p, *start, *end;
	int back;

	if (!load(pos->stream) || !(p = find_column(pos->line, pos->pos)))
		return;
	if (is_ident_char(*p)) {
		/* a macro call: sparse put the position on its name */
		for (end = p; is_ident_char(*end); end++)
			;
		if ((size_t)(end - p) < size) {
			memcpy(name, p, end - p);
			name[end - p] = '\0';
		}
		return;
	}
	end = p;
	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (*p != '(' || end == text || !is_ident_char(end[-1]))
		return;
	for (start = end; start > text && is_ident_char(start[-1]); start--)
		;
	if ((size_t)(end - start) >= size)
		return;
	memcpy(name, start, end - start);
	name[end - start] = '\0';
	/* columns count display width; the name has no tabs in it */
	back = (int)(p - start);
	pos->pos -= back;
}
