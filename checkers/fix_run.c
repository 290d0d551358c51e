// SPDX-License-Identifier: MIT
/*
 * Running the fix helper (rules/cocci/lockscope-fix.sh): its stdout goes
 * to a file, its stderr is kept for the finding's message.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lockscope/fix.h"

static void slurp(int fd, struct strbuf *sb)
{
	char buf[4096];
	ssize_t n;

	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		sb_add(sb, buf);
	}
}

/* The name of a new temporary file; its descriptor, or -1. */
static int make_tempfile(struct strbuf *path, const char *what)
{
	const char *dir = getenv("TMPDIR");

	if (!dir || !*dir)
		dir = "/tmp";
	sb_reset(path);
	sb_addf(path, "%s/lockscope-fix-%s.XXXXXX", dir, what);
	return mkstemp(path->buf);
}

bool fix_tempfile(struct strbuf *path, const char *what)
{
	int fd = make_tempfile(path, what);

	return fd >= 0 && !close(fd);
}

int fix_run(char *const argv[], const char *out_path, struct strbuf *err)
{
	struct strbuf errname = STRBUF_INIT;
	int efd, ofd = -1, status;
	pid_t pid;

	efd = make_tempfile(&errname, "err");
	if (efd < 0) {
		sb_addf(err, "cannot create a temporary file '%s': %s",
			sb_str(&errname), strerror(errno));
		sb_release(&errname);
		return -1;
	}
	unlink(sb_str(&errname));
	sb_release(&errname);
	if (out_path) {
		ofd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (ofd < 0) {
			sb_addf(err, "cannot write '%s': %s", out_path, strerror(errno));
			close(efd);
			return -1;
		}
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		if (ofd >= 0)
			dup2(ofd, 1);
		else
			dup2(2, 1);	/* our stdout stays the patches' */
		dup2(efd, 2);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (ofd >= 0)
		close(ofd);
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		close(efd);
		return -1;
	}
	slurp(efd, err);
	close(efd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
