// SPDX-License-Identifier: MIT
/*
 * lockscope ci: the pre-merge check of a patch series.  The git work
 * (revisions, diffs, the base facts cache) is a shell script installed
 * beside the rules; this runs it with $LOCKSCOPE naming this binary, so
 * that the script's per-file and report steps are the same lockscope.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lockscope/compdb.h"
#include "lockscope/diag.h"
#include "lockscope/rules.h"
#include "lockscope/strbuf.h"

int ci_main(int argc, char **argv)
{
	struct strbuf script = STRBUF_INIT;
	char self[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	const char *env = getenv("LOCKSCOPE_CI_SCRIPT");
	char **args;
	int i;

	if (len < 0)
		ls_fatal("cannot find the lockscope binary: %s", strerror(errno));
	self[len] = 0;
	if (env && *env)
		sb_add(&script, env);
	else
		sb_addf(&script, "%s/../ci/lockscope-ci.sh", rules_dir(NULL));
	if (access(sb_str(&script), R_OK))
		ls_fatal("lockscope ci: cannot read its script '%s'", sb_str(&script));
	setenv("LOCKSCOPE", self, 1);
	args = ls_xcalloc(argc + 3, sizeof(*args));
	args[0] = "sh";
	args[1] = (char *)sb_str(&script);
	for (i = 1; i < argc; i++)
		args[i + 1] = argv[i];
	execv("/bin/sh", args);
	ls_fatal("cannot run /bin/sh: %s", strerror(errno));
	return 2;
}
