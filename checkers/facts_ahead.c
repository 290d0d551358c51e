// SPDX-License-Identifier: MIT
/*
 * Facts files opened ahead of the parser.  The page cache here does not
 * keep a kernel's facts (418 MB at full synthetic size) from one run to
 * the next, and the disk answers one reader at 66 MB/s, several at
 * 230 MB/s: files are opened and their reading started well ahead.  With
 * a second CPU a thread of its own does that, so that the page cache's
 * new pages are faulted in there, not on the main thread.  The parser
 * reads each file itself: a copy made on the other CPU came to it
 * through memory, and parsing it was slower than the copy it saved.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lockscope/facts_ahead.h"
#include "lockscope/strbuf.h"

/* Files this far ahead are opened and their reading started. */
#define OPEN_AHEAD 64

struct opened {
	int fd, err;
};

struct facts_ahead {
	char *const *paths;
	int n;
	struct opened open[OPEN_AHEAD];	/* file i at i % OPEN_AHEAD */
	int opened, taken;		/* files opened, taken by the parser */
	char *buf;			/* the file taken last */
	size_t alloc;
	bool stopping;
	/* each side wakes the other only if it waits, not at every file */
	bool opener_waits, parser_waits;
	pthread_mutex_t lock;
	pthread_cond_t room, more;
	pthread_t thread;
	bool threaded;
};

static struct opened open_file(const char *path)
{
	struct opened o = { open(path, O_RDONLY), 0 };

	if (o.fd < 0)
		o.err = errno;
	else
		posix_fadvise(o.fd, 0, 0, POSIX_FADV_WILLNEED);
	return o;
}

static void *opener(void *arg)
{
	struct facts_ahead *a = arg;
	struct opened o;
	int i;

	for (i = 0; i < a->n; i++) {
		bool stopping;

		/* file i's place is file i - OPEN_AHEAD's, once taken */
		pthread_mutex_lock(&a->lock);
		while (i - a->taken >= OPEN_AHEAD && !a->stopping) {
			a->opener_waits = true;
			pthread_cond_wait(&a->room, &a->lock);
		}
		stopping = a->stopping;
		pthread_mutex_unlock(&a->lock);
		if (stopping)
			break;
		o = open_file(a->paths[i]);
		pthread_mutex_lock(&a->lock);
		a->open[i % OPEN_AHEAD] = o;
		a->opened = i + 1;
		if (a->parser_waits)
			pthread_cond_signal(&a->more);
		pthread_mutex_unlock(&a->lock);
	}
	return NULL;
}

struct facts_ahead *facts_ahead_start(char *const *paths, int n, bool threaded)
{
	struct facts_ahead *a = ls_xcalloc(1, sizeof(*a));

	a->paths = paths;
	a->n = n;
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->room, NULL);
	pthread_cond_init(&a->more, NULL);
	a->threaded = threaded && n > 1 && !pthread_create(&a->thread, NULL, opener, a);
	return a;
}

/* The whole of @fd, with the slack after it; NULL with errno. */
static char *read_whole(struct facts_ahead *a, int fd, size_t *size)
{
	struct stat st;
	size_t len = 0;
	ssize_t got;

	if (fstat(fd, &st) == 0 && (size_t)st.st_size + FACTS_AHEAD_SLACK + 1 > a->alloc) {
		a->alloc = st.st_size + FACTS_AHEAD_SLACK + 1;
		a->buf = ls_xrealloc(a->buf, a->alloc);
	}
	for (;;) {
		if (a->alloc - len <= FACTS_AHEAD_SLACK) {
			a->alloc = a->alloc > 65536 ? a->alloc * 2 : 65536;
			a->buf = ls_xrealloc(a->buf, a->alloc);
		}
		got = read(fd, a->buf + len, a->alloc - FACTS_AHEAD_SLACK - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += got;
	}
	if (got < 0)
		return NULL;
	memset(a->buf + len, 0, FACTS_AHEAD_SLACK);
	*size = len;
	return a->buf;
}

char *facts_ahead_next(struct facts_ahead *a, size_t *size, int *err)
{
	struct opened o;
	char *buf = NULL;

	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		while (a->opened <= a->taken) {
			a->parser_waits = true;
			pthread_cond_wait(&a->more, &a->lock);
		}
		a->parser_waits = false;
		o = a->open[a->taken % OPEN_AHEAD];
		a->taken++;
		/* half the files ahead taken: the opener has room for a run */
		if (a->opener_waits && a->opened - a->taken <= OPEN_AHEAD / 2) {
			a->opener_waits = false;
			pthread_cond_signal(&a->room);
		}
		pthread_mutex_unlock(&a->lock);
	} else {
		for (; a->opened < a->n && a->opened < a->taken + OPEN_AHEAD; a->opened++)
			a->open[a->opened % OPEN_AHEAD] = open_file(a->paths[a->opened]);
		o = a->open[a->taken++ % OPEN_AHEAD];
	}
	*err = o.err;
	if (o.fd >= 0) {
		buf = read_whole(a, o.fd, size);
		*err = buf ? 0 : errno;
		close(o.fd);
	}
	return buf;
}

void facts_ahead_end(struct facts_ahead *a)
{
	int i;

	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		a->stopping = true;
		pthread_cond_signal(&a->room);
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->thread, NULL);
	}
	/* files opened ahead but never taken (not in a normal run) */
	for (i = a->taken; i < a->opened; i++)
		if (a->open[i % OPEN_AHEAD].fd >= 0)
			close(a->open[i % OPEN_AHEAD].fd);
	free(a->buf);
	pthread_mutex_destroy(&a->lock);
	pthread_cond_destroy(&a->room);
	pthread_cond_destroy(&a->more);
	free(a);
}
