// SPDX-License-Identifier: MIT
/*
 * lockscope fix: turn the whole-tree findings into patches.  Each finding
 * that has a rule (rules/cocci/<rule>.cocci) is instantiated with what
 * the finding knows (function, line, lock), spatch makes the change, and
 * the result is written as one "git format-patch" mail per finding.  One
 * finding failing (no spatch, the rule does not match, the patch does
 * not apply or verify) is reported and the others are still produced.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lockscope/diag.h"
#include "lockscope/fix.h"
#include "lockscope/program.h"
#include "lockscope/ptrtab.h"
#include "lockscope/rules.h"
#include "lockscope/wholetree.h"

static const char fix_usage[] =
"Usage: lockscope fix [options]\n"
"\n"
"Runs the whole-tree step on the facts, then writes one patch per finding\n"
"(git format-patch form) made by the finding's rule in rules/cocci/.\n"
"The tree is not changed unless --apply is given.\n"
"\n"
"  --facts-dir=DIR     facts to read (default: $LOCKSCOPE_FACTS_DIR or .lockscope)\n"
"  --tree=DIR          the source tree the findings' paths are relative to (.)\n"
"  --id=ID             only this finding (may be repeated; default: all)\n"
"  --output-dir=DIR    where the patches go (default: .)\n"
"  --local=FILE        also the per-file warnings in FILE (lockscope's stderr)\n"
"  --apply             apply each patch to the tree\n"
"  --verify            apply each patch to a scratch copy, re-check and build\n"
"  --rules=DIR         rules directory\n";

struct fix_opts {
	const char *dir, *rules, *tree, *outdir, *local;
	const char *files;		/* the files of the run, one a line */
	const char **ids;
	int nids;
	bool apply, verify;
	char self[PATH_MAX];
};

static bool wanted(const struct fix_opts *o, const struct finding *f)
{
	int i;

	if (!o->nids)
		return true;
	for (i = 0; i < o->nids; i++)
		if (!strcmp(o->ids[i], f->id))
			return true;
	return false;
}

/* The helper's last line of complaint, for the finding's message. */
static const char *reason(struct strbuf *err)
{
	char *s = (char *)sb_str(err), *nl;

	while ((nl = strrchr(s, '\n')) && !nl[1])
		*nl = '\0';
	nl = strrchr(s, '\n');
	return *s ? (nl ? nl + 1 : s) : "no reason given";
}

/*
 * The files the facts come from, one a line: a rule that changes a type
 * (rcu-nulls) converts its uses in all of them.
 */
static int write_files(const char *path, const struct program *prog)
{
	struct ptrtab seen = { 0 };
	FILE *out = fopen(path, "w");
	int i;

	if (!out)
		return -1;
	for (i = 0; i < prog->nfuncs; i++) {
		const char *file = prog->funcs[i]->file;

		/* interned: one pointer per file */
		if (file && !ptrtab_get(&seen, file)) {
			ptrtab_put(&seen, file, (void *)file);
			fprintf(out, "%s\n", file);
		}
	}
	ptrtab_clear(&seen);
	return fclose(out);
}

/* Every finding's id, one a line: what "nothing new" is measured against. */
static int write_ids(const char *path, struct finding **list, int n)
{
	FILE *out = fopen(path, "w");
	int i;

	if (!out)
		return -1;
	for (i = 0; i < n; i++)
		fprintf(out, "%s\n", list[i]->id);
	return fclose(out);
}

static int helper(const struct fix_opts *o, const char **args, int nargs,
		  const char *out_path, struct strbuf *err)
{
	struct strbuf script = STRBUF_INIT;
	char **argv = ls_xcalloc(nargs + 3, sizeof(*argv));
	int i, rc;

	sb_addf(&script, "%s/cocci/lockscope-fix.sh", rules_dir(o->rules));
	argv[0] = "sh";
	argv[1] = (char *)sb_str(&script);
	for (i = 0; i < nargs; i++)
		argv[i + 2] = (char *)args[i];
	rc = fix_run(argv, out_path, err);
	free(argv);
	sb_release(&script);
	return rc;
}

/* Instantiate the rule: the helper prints the unified diff. */
static int make_diff(const struct fix_opts *o, const struct finding *f,
		     const char *diff_path, struct strbuf *err)
{
	const char **args = ls_xcalloc(f->nfix + 5, sizeof(*args));
	struct strbuf kv = STRBUF_INIT;
	char **owned = ls_xcalloc(f->nfix + 1, sizeof(*owned));
	int i, n = 0, rc;

	args[n++] = "diff";
	args[n++] = o->tree;
	args[n++] = f->file;
	for (i = 0; i < f->nfix; i++) {
		sb_reset(&kv);
		sb_addf(&kv, "%s=%s", f->fix[i].key, f->fix[i].value);
		owned[i] = ls_xstrdup(sb_str(&kv));
		args[n++] = owned[i];
	}
	sb_reset(&kv);
	sb_addf(&kv, "runfiles=%s", o->files);
	owned[f->nfix] = ls_xstrdup(sb_str(&kv));
	args[n++] = owned[f->nfix];
	rc = helper(o, args, n, diff_path, err);
	for (i = 0; i <= f->nfix; i++)
		free(owned[i]);
	free(owned);
	free(args);
	sb_release(&kv);
	return rc;
}

static bool write_patch(const struct finding *f, const char *diff_path,
			const char *path, struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT;
	FILE *out;
	bool ok;

	sb_addf(&tmp, "%s.tmp.%d", path, (int)getpid());
	out = fopen(sb_str(&tmp), "w");
	if (!out) {
		sb_addf(err, "cannot write '%s': %s", sb_str(&tmp), strerror(errno));
		sb_release(&tmp);
		return false;
	}
	ok = !fix_write_patch(out, f, diff_path, finding_fix_value(f, "rule"));
	ok = !ferror(out) && ok;
	ok = !fclose(out) && ok;
	if (!ok || rename(sb_str(&tmp), path)) {
		sb_addf(err, "cannot write '%s'", path);
		unlink(sb_str(&tmp));
		ok = false;
	}
	sb_release(&tmp);
	return ok;
}

/*
 * One finding: the diff, the mail, then --verify.  With --apply, *@patch
 * gets the mail's path: patches are applied once all are made, because
 * the findings' lines are those of the unchanged tree.
 */
static bool fix_one(const struct fix_opts *o, const struct finding *f,
		    const char *ids_path, const char *diff_path, char **patch)
{
	struct strbuf path = STRBUF_INIT, err = STRBUF_INIT;
	const char *args[9];
	bool ok = false;
	int rc;

	if (!finding_fix_value(f, "rule") && finding_fix_value(f, "nofix")) {
		fprintf(stderr, "lockscope fix: %s (%s): no patch: %s\n", f->id, f->check,
			finding_fix_value(f, "nofix"));
		return false;
	}
	if (!finding_fix_value(f, "rule")) {
		fprintf(stderr, "lockscope fix: %s (%s): no fix rule for this check yet\n",
			f->id, f->check);
		return false;
	}
	rc = make_diff(o, f, diff_path, &err);
	if (rc) {
		fprintf(stderr, "lockscope fix: %s (%s): %s\n", f->id, f->check,
			rc < 0 ? "cannot run the fix helper" : reason(&err));
		goto out;
	}
	sb_addf(&path, "%s/%s-%s.patch", o->outdir, f->check, f->id);
	sb_reset(&err);
	if (!write_patch(f, diff_path, sb_str(&path), &err)) {
		fprintf(stderr, "lockscope fix: %s (%s): %s\n", f->id, f->check, sb_str(&err));
		goto out;
	}
	fprintf(stderr, "lockscope fix: %s (%s): wrote %s\n", f->id, f->check, sb_str(&path));
	ok = true;
	if (o->verify) {
		args[0] = "verify";
		args[1] = o->tree;
		args[2] = sb_str(&path);
		args[3] = f->id;
		args[4] = o->dir;
		args[5] = o->self;
		args[6] = ids_path;
		args[7] = o->local ? "local" : "whole-tree";
		rc = helper(o, args, 8, NULL, &err);
		fprintf(stderr, "lockscope fix: %s (%s): %s\n", f->id, f->check,
			reason(&err));
		ok = !rc;
	}
	if (ok && o->apply)
		*patch = sb_detach(&path);
out:
	sb_release(&path);
	sb_release(&err);
	return ok;
}

static bool apply(const struct fix_opts *o, const struct finding *f,
		  const char *patch)
{
	struct strbuf err = STRBUF_INIT;
	const char *args[3] = { "apply", o->tree, patch };
	int rc = helper(o, args, 3, NULL, &err);

	fprintf(stderr, "lockscope fix: %s (%s): %s\n", f->id, f->check,
		rc ? reason(&err) : "applied");
	sb_release(&err);
	return !rc;
}

static void parse(struct fix_opts *o, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(fix_usage, stdout);
			exit(0);
		} else if (!strncmp(arg, "--facts-dir=", 12)) {
			o->dir = arg + 12;
		} else if (!strncmp(arg, "--rules=", 8)) {
			o->rules = arg + 8;
		} else if (!strncmp(arg, "--tree=", 7)) {
			o->tree = arg + 7;
		} else if (!strncmp(arg, "--output-dir=", 13)) {
			o->outdir = arg + 13;
		} else if (!strncmp(arg, "--id=", 5)) {
			o->ids = ls_xrealloc(o->ids, (o->nids + 1) * sizeof(*o->ids));
			o->ids[o->nids++] = arg + 5;
		} else if (!strncmp(arg, "--local=", 8)) {
			o->local = arg + 8;
		} else if (!strcmp(arg, "--apply")) {
			o->apply = true;
		} else if (!strcmp(arg, "--verify")) {
			o->verify = true;
		} else {
			ls_fatal("fix: unknown option '%s' (see lockscope fix --help)", arg);
		}
	}
}

int fix_main(int argc, char **argv)
{
	struct fix_opts o = { .tree = ".", .outdir = "." };
	struct program prog = { 0 };
	struct strbuf ids = STRBUF_INIT, diff = STRBUF_INIT, files = STRBUF_INIT;
	struct finding **list;
	char **patches;
	int n, i, failed = 0, matched = 0;
	ssize_t len;

	o.dir = getenv("LOCKSCOPE_FACTS_DIR");
	if (!o.dir || !*o.dir)
		o.dir = ".lockscope";
	parse(&o, argc, argv);
	/* --verify re-runs this very binary on the scratch copy */
	len = readlink("/proc/self/exe", o.self, sizeof(o.self) - 1);
	if (len <= 0)
		ls_fatal("fix: cannot find the lockscope binary");
	o.self[len] = '\0';
	if (mkdir(o.outdir, 0777) && errno != EEXIST)
		ls_fatal("fix: cannot create '%s': %s", o.outdir, strerror(errno));

	wholetree_run(&prog, o.dir, o.rules, 1, false);
	if (o.local) {
		int j;

		findings_load_local(o.local);
		for (j = 0; j < findings_count(); j++)
			fix_local_values(findings_get(j));
	}
	list = findings_list(&n);
	if (!fix_tempfile(&ids, "ids") || !fix_tempfile(&diff, "diff") ||
	    !fix_tempfile(&files, "files") ||
	    write_ids(sb_str(&ids), list, n) || write_files(sb_str(&files), &prog)) {
		/* none of them left behind */
		unlink(sb_str(&ids));
		unlink(sb_str(&diff));
		unlink(sb_str(&files));
		ls_fatal("fix: cannot write a temporary file in %s: %s",
			 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
			 strerror(errno));
	}
	o.files = sb_str(&files);
	patches = ls_xcalloc(n + 1, sizeof(*patches));
	for (i = 0; i < n; i++) {
		if (!wanted(&o, list[i]))
			continue;
		matched++;
		if (!fix_one(&o, list[i], sb_str(&ids), sb_str(&diff), &patches[i]))
			failed++;
	}
	for (i = 0; i < n; i++) {
		if (patches[i] && !apply(&o, list[i], patches[i]))
			failed++;
		free(patches[i]);
	}
	free(patches);
	unlink(sb_str(&ids));
	unlink(sb_str(&diff));
	unlink(sb_str(&files));
	sb_release(&ids);
	sb_release(&diff);
	sb_release(&files);
	for (i = 0; i < o.nids; i++) {
		int j;

		for (j = 0; j < n && strcmp(list[j]->id, o.ids[i]); j++)
			;
		if (j == n) {
			fprintf(stderr, "lockscope fix: no finding with id '%s'\n", o.ids[i]);
			failed++;
		}
	}
	free(list);
	free(o.ids);
	if (!matched && !o.nids)
		fprintf(stderr, "lockscope fix: no findings\n");
	return failed ? 1 : 0;
}
