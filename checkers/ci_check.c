// SPDX-License-Identifier: MIT
/*
 * lockscope ci-check: the per-file step on files named by a compile
 * database, in parallel, each run from its command's directory with the
 * flags kbuild compiled it with.  "lockscope ci" uses it for the files a
 * series touches and to build the base facts cache.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "lockscope/compdb.h"
#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/strbuf.h"

static const char ci_check_usage[] =
"Usage: lockscope ci-check --compdb=DIR --facts-dir=DIR --log-dir=DIR\n"
"                          [--jobs=N] [--under=PATH]... (--all | FILE... | -)\n"
"       lockscope ci-check --compdb=DIR [--under=PATH]... --list\n"
"       lockscope ci-check --facts-version\n"
"\n"
"Runs the per-file step on each FILE (or every file of the compile database\n"
"with --all, or the files named on stdin with -) with the flags of its\n"
"compile command.  Each file's warnings go to LOG-DIR/FILE.log.\n";

struct ci_opts {
	const char *compdb, *facts, *logs;
	const char *under[32];
	int nunder, jobs;
	bool all;
};

/*
 * CHECKFLAGS: what kbuild adds for its checker and not for gcc.  The
 * architecture comes from the command's -I./arch/ARCH/include.
 */
static int checkflags(const struct compdb_cmd *cmd, char **out)
{
	static const char *const common[] = {
		"-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__",
		"-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
	};
	struct strbuf arch = STRBUF_INIT;
	int i, n = 0;
	bool m64 = false;

	for (i = 0; i < (int)(sizeof(common) / sizeof(common[0])); i++)
		out[n++] = ls_xstrdup(common[i]);
	for (i = 0; i < cmd->argc; i++) {
		const char *a = cmd->argv[i], *p;

		if (!strcmp(a, "-m64"))
			m64 = true;
		if (!sb_str(&arch)[0] && !strncmp(a, "-I", 2) &&
		    (p = strstr(a, "arch/")) && strstr(p + 5, "/include")) {
			sb_add(&arch, "--arch=");
			sb_addf(&arch, "%.*s", (int)(strchr(p + 5, '/') - (p + 5)), p + 5);
		}
	}
	if (sb_str(&arch)[0]) {
		if (!strcmp(sb_str(&arch), "--arch=x86"))
			out[n++] = ls_xstrdup(m64 ? "-D__x86_64__" : "-D__i386__");
		out[n++] = sb_detach(&arch);
	}
	out[n++] = ls_xstrdup(m64 ? "-m64" : "-m32");
	sb_release(&arch);
	return n;
}

static bool wanted(const struct ci_opts *o, const char *file)
{
	int i;

	if (!o->nunder)
		return true;
	for (i = 0; i < o->nunder; i++)
		if (!strncmp(file, o->under[i], strlen(o->under[i])))
			return true;
	return false;
}

static void mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		mkdir(path, 0777);
		*p = '/';
	}
}

/* Start the per-file step on CMD; returns its pid. */
static pid_t start(const struct ci_opts *o, const char *self, const struct compdb_cmd *cmd)
{
	struct strbuf log = STRBUF_INIT, facts = STRBUF_INIT;
	char **argv = ls_xcalloc(cmd->argc + 24, sizeof(*argv));
	int argc = 0, i, fd;
	pid_t pid;

	sb_addf(&log, "%s/%s.log", o->logs, cmd->file);
	sb_addf(&facts, "--facts-dir=%s", o->facts);
	argv[argc++] = (char *)self;
	argv[argc++] = (char *)sb_str(&facts);
	argv[argc++] = "--no-sparse-warnings";
	argc += checkflags(cmd, argv + argc);
	for (i = 0; i < cmd->argc; i++)
		argv[argc++] = cmd->argv[i];
	argv[argc++] = cmd->file;
	mkdirs((char *)sb_str(&log));

	pid = fork();
	if (pid < 0)
		ls_fatal("fork: %s", strerror(errno));
	if (pid == 0) {
		fd = open(sb_str(&log), O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0 || chdir(cmd->dir)) {
			perror(cmd->file);
			_exit(127);
		}
		dup2(fd, 1);
		dup2(fd, 2);
		execv(self, argv);
		perror(self);
		_exit(127);
	}
	sb_release(&log);
	sb_release(&facts);
	free(argv);
	return pid;
}

static int run_all(const struct ci_opts *o, struct compdb_cmd *cmds, int n)
{
	char self[PATH_MAX];
	pid_t *pids = ls_xcalloc(n + 1, sizeof(*pids));
	int next = 0, running = 0, failed = 0, status, i;
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (len < 0)
		ls_fatal("cannot find the lockscope binary: %s", strerror(errno));
	self[len] = 0;
	while (next < n || running) {
		pid_t pid;

		if (next < n && running < o->jobs) {
			pids[next] = start(o, self, &cmds[next]);
			next++;
			running++;
			continue;
		}
		pid = wait(&status);
		if (pid < 0)
			ls_fatal("wait: %s", strerror(errno));
		running--;
		for (i = 0; i < next && pids[i] != pid; i++)
			;
		if (i < next && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
			fprintf(stderr, "lockscope ci-check: checking '%s' failed (%s %d; log: %s/%s.log)\n",
				cmds[i].file, WIFEXITED(status) ? "exit status" : "signal",
				WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status),
				o->logs, cmds[i].file);
			failed++;
		}
	}
	free(pids);
	return failed;
}

static void add_named(struct compdb *db, const char *file, struct compdb_cmd **cmds, int *n)
{
	*cmds = ls_xrealloc(*cmds, (*n + 1) * sizeof(**cmds));
	memset(&(*cmds)[*n], 0, sizeof(**cmds));
	if (compdb_lookup(db, file, &(*cmds)[*n]))
		(*n)++;
	else
		printf("not-built %s\n", file);
}

int ci_check_main(int argc, char **argv)
{
	struct ci_opts o = { .jobs = (int)sysconf(_SC_NPROCESSORS_ONLN) };
	struct compdb_cmd *cmds = NULL;
	struct compdb *db;
	int i, first, n = 0, failed;
	bool from_stdin = false, list = false;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help")) {
			fputs(ci_check_usage, stdout);
			return 0;
		} else if (!strncmp(a, "--compdb=", 9)) {
			o.compdb = a + 9;
		} else if (!strncmp(a, "--facts-dir=", 12)) {
			o.facts = a + 12;
		} else if (!strncmp(a, "--log-dir=", 10)) {
			o.logs = a + 10;
		} else if (!strncmp(a, "--jobs=", 7)) {
			o.jobs = atoi(a + 7);
		} else if (!strncmp(a, "--under=", 8)) {
			if (o.nunder == 32)
				ls_fatal("ci-check: too many --under options");
			o.under[o.nunder++] = a + 8;
		} else if (!strcmp(a, "--all")) {
			o.all = true;
		} else if (!strcmp(a, "--list")) {
			list = true;
		} else if (!strcmp(a, "--need-libclang")) {
			compdb_require("lockscope ci");
			return 0;
		} else if (!strcmp(a, "--facts-version")) {
			printf("%s facts-v%d\n", LOCKSCOPE_VERSION, FACTS_VERSION);
			return 0;
		} else {
			ls_fatal("ci-check: unknown option '%s'", a);
		}
	}
	if (list) {
		struct compdb_cmd *every;
		int total;

		if (!o.compdb)
			ls_fatal("ci-check: --list needs --compdb");
		compdb_require("lockscope ci");
		db = compdb_open(o.compdb);
		total = compdb_all(db, &every);
		for (i = 0; i < total; i++) {
			if (wanted(&o, every[i].file))
				printf("%s\n", every[i].file);
			compdb_cmd_release(&every[i]);
		}
		free(every);
		compdb_close(db);
		return 0;
	}
	if (!o.compdb || !o.facts || !o.logs)
		ls_fatal("ci-check: --compdb, --facts-dir and --log-dir are needed");
	if (o.facts[0] != '/' || o.logs[0] != '/')
		ls_fatal("ci-check: --facts-dir and --log-dir must be absolute paths");
	if (o.jobs < 1)
		o.jobs = 1;
	compdb_require("lockscope ci");
	db = compdb_open(o.compdb);

	first = i;
	if (o.all) {
		struct compdb_cmd *every;
		int total = compdb_all(db, &every);

		cmds = ls_xcalloc(total + 1, sizeof(*cmds));
		for (i = 0; i < total; i++) {
			if (wanted(&o, every[i].file))
				cmds[n++] = every[i];
			else
				compdb_cmd_release(&every[i]);
		}
		free(every);
	}
	for (i = first; i < argc; i++) {
		if (!strcmp(argv[i], "-"))
			from_stdin = true;
		else
			add_named(db, argv[i], &cmds, &n);
	}
	if (from_stdin) {
		char line[PATH_MAX];

		while (fgets(line, sizeof(line), stdin)) {
			line[strcspn(line, "\n")] = 0;
			if (line[0])
				add_named(db, line, &cmds, &n);
		}
	}
	fflush(stdout);
	failed = run_all(&o, cmds, n);
	printf("checked %d files, %d failed\n", n, failed);
	for (i = 0; i < n; i++)
		compdb_cmd_release(&cmds[i]);
	free(cmds);
	compdb_close(db);
	return failed ? 2 : 0;
}
