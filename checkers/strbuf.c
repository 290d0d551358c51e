// SPDX-License-Identifier: MIT
/*
 * Growable strings and allocation that never returns NULL.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/strbuf.h"
#include "lockscope/diag.h"

void *ls_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		ls_fatal("out of memory");
	return p;
}

void *ls_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		ls_fatal("out of memory");
	return p;
}

void *ls_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		ls_fatal("out of memory");
	return p;
}

char *ls_xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(ls_xmalloc(len), s, len);
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->alloc)
		return;
	sb->alloc = need < 64 ? 64 : need * 2;
	sb->buf = ls_xrealloc(sb->buf, sb->alloc);
}

void sb_add(struct strbuf *sb, const char *s)
{
	size_t len = strlen(s);

	sb_grow(sb, len);
	memcpy(sb->buf + sb->len, s, len + 1);
	sb->len += len;
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	sb_grow(sb, len);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, len + 1, fmt, ap);
	va_end(ap);
	sb->len += len;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

const char *sb_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : ls_xstrdup("");

	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return s;
}
