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
static size_t *line_start;	/* offset of each line, from line 1 */
static int nlines;

static void index_lines(void)
{
	size_t i;
	int alloc = 1024;

	free(line_start);
	line_start = ls_xmalloc(alloc * sizeof(*line_start));
	nlines = 0;
	line_start[nlines++] = 0;
	for (i = 0; i < text_len; i++) {
		if (text[i] != '\n')
			continue;
		if (nlines == alloc) {
			alloc *= 2;
			line_start = ls_xrealloc(line_start, alloc * sizeof(*line_start));
		}
		line_start[nlines++] = i + 1;
	}
}

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
	index_lines();
	return true;
}

/* Byte offset of display column @col (sparse expands tabs) on @line. */
static const char *find_column(int line, int col)
{
	const char *p, *end = text + text_len;
	int c = 1;

	if (line < 1 || line > nlines)
		return NULL;
	p = text + line_start[line - 1];
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

static const char *skip_space(const char *p)
{
	while (*p && isspace((unsigned char)*p))
		p++;
	return p;
}

bool source_access_path(struct position pos, char *buf, size_t size)
{
	const char *p, *start;

	if (!load(pos.stream) || !(p = find_column(pos.line, pos.pos)))
		return false;
	start = p;
	for (;;) {
		if (!is_ident_char(*p) || isdigit((unsigned char)*p))
			return false;
		while (is_ident_char(*p))
			p++;
		if (p[0] == '-' && p[1] == '>')
			p += 2;
		else if (p[0] == '.' && is_ident_char(p[1]))
			p += 1;
		else
			break;
	}
	/* a call (an inlined function, a macro) is not a path */
	if (*skip_space(p) == '(' || (size_t)(p - start) >= size)
		return false;
	memcpy(buf, start, p - start);
	buf[p - start] = '\0';
	return true;
}

bool source_call_arg(struct position pos, int nr, char *buf, size_t size)
{
	const char *p, *start = NULL, *end = text + text_len;
	size_t len = 0;
	int depth = 0, arg = 0;

	if (!load(pos.stream) || !(p = find_column(pos.line, pos.pos)))
		return false;
	while (is_ident_char(*p))
		p++;
	p = skip_space(p);
	if (*p++ != '(')
		return false;
	for (; p < end; p++) {
		if (arg == nr && !start && !isspace((unsigned char)*p))
			start = p;
		if (*p == '(' || *p == '[' || *p == '{') {
			depth++;
		} else if (*p == '"' || *p == '\'' || *p == ';') {
			return false;	/* keep it simple: no strings, one call */
		} else if (depth && (*p == ')' || *p == ']' || *p == '}')) {
			depth--;
		} else if (!depth && (*p == ',' || *p == ')')) {
			if (arg == nr)
				break;
			if (*p == ')')
				return false;
			arg++;
		}
		if (start && len + 1 < size && !(isspace((unsigned char)*p) &&
						 len && buf[len - 1] == ' '))
			buf[len++] = isspace((unsigned char)*p) ? ' ' : *p;
	}
	while (len && buf[len - 1] == ' ')
		len--;
	if (p >= end || !len || len + 1 >= size)
		return false;
	buf[len] = '\0';
	return true;
}
