/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_STRBUF_H
#define LOCKSCOPE_STRBUF_H

#include <stddef.h>

/* A growable, always NUL-terminated string. */
struct strbuf {
	char *buf;
	size_t len, alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);
void sb_release(struct strbuf *sb);
/* The contents, "" when empty; valid until the next change. */
const char *sb_str(const struct strbuf *sb);
/* Hand the contents over as a malloc'ed string and reset @sb. */
char *sb_detach(struct strbuf *sb);

void *ls_xmalloc(size_t size);
void *ls_xcalloc(size_t n, size_t size);
void *ls_xrealloc(void *p, size_t size);
char *ls_xstrdup(const char *s);

#endif
