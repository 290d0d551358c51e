// SPDX-License-Identifier: MIT
/*
 * compile_commands.json through libclang's compilation-database API, so
 * that "lockscope ci" checks a file with the flags kbuild used, without
 * running make.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lockscope/compdb.h"
#include "lockscope/diag.h"
#include "lockscope/strbuf.h"
#ifdef HAVE_LIBCLANG
#include "lockscope/libclang.h"
#endif

void compdb_require(const char *what)
{
	if (compdb_available())
		return;
#ifdef HAVE_LIBCLANG
	ls_fatal("%s needs libclang (to read compile_commands.json): %s",
		 what, libclang_error());
#else
	ls_fatal("%s needs libclang (to read compile_commands.json), and this "
		 "lockscope was built without it: install libclang-dev and "
		 "rebuild", what);
#endif
}

void compdb_cmd_release(struct compdb_cmd *cmd)
{
	int i;

	for (i = 0; i < cmd->argc; i++)
		free(cmd->argv[i]);
	free(cmd->argv);
	free(cmd->dir);
	free(cmd->file);
	memset(cmd, 0, sizeof(*cmd));
}

#ifdef HAVE_LIBCLANG

struct listed {
	char *real;		/* symbolic links resolved: the sort key */
	char *name;		/* as the database writes it */
};

struct compdb {
	CXCompilationDatabase db;
	char *dir;
	char *cwd;		/* relative names are this directory's */
	struct listed *files;	/* the database's own files, sorted */
	int nfiles;
};

bool compdb_available(void)
{
	return libclang_load();
}

static char *take(CXString s)
{
	char *copy = ls_xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return copy;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct listed *)a)->real, ((const struct listed *)b)->real);
}

static char *resolved(const char *path)
{
	char real[PATH_MAX];

	return ls_xstrdup(realpath(path, real) ? real : path);
}

/*
 * libclang infers a command for any file from its neighbours' ones; a
 * file the build did not compile must not be checked with a guess.
 */
static void listed(struct compdb *db)
{
	CXCompileCommands list = clang_CompilationDatabase_getAllCompileCommands(db->db);
	unsigned i, n = list ? clang_CompileCommands_getSize(list) : 0;

	db->files = ls_xcalloc(n + 1, sizeof(*db->files));
	for (i = 0; i < n; i++) {
		CXCompileCommand cc = clang_CompileCommands_getCommand(list, i);

		struct listed *l = &db->files[db->nfiles++];

		l->name = take(clang_CompileCommand_getFilename(cc));
		l->real = resolved(l->name);
	}
	if (list)
		clang_CompileCommands_dispose(list);
	qsort(db->files, db->nfiles, sizeof(*db->files), by_name);
}

struct compdb *compdb_open(const char *dir)
{
	CXCompilationDatabase_Error err;
	struct compdb *db = ls_xcalloc(1, sizeof(*db));
	char real[PATH_MAX];

	if (!realpath(dir, real))
		ls_fatal("cannot open the compile database in '%s'", dir);
	db->db = clang_CompilationDatabase_fromDirectory(real, &err);
	if (err != CXCompilationDatabase_NoError)
		ls_fatal("no usable compile_commands.json in '%s' (the kernel's "
			 "scripts/clang-tools/gen_compile_commands.py writes one)", dir);
	db->dir = ls_xstrdup(real);
	db->cwd = resolved(".");
	listed(db);
	return db;
}

void compdb_close(struct compdb *db)
{
	int i;

	clang_CompilationDatabase_dispose(db->db);
	for (i = 0; i < db->nfiles; i++) {
		free(db->files[i].name);
		free(db->files[i].real);
	}
	free(db->files);
	free(db->cwd);
	free(db->dir);
	free(db);
}

/* SRC relative to DIR when it is inside it: facts are named by that path. */
static char *relative(const char *dir, const char *src)
{
	size_t n = strlen(dir);

	if (!strncmp(src, dir, n) && src[n] == '/')
		return ls_xstrdup(src + n + 1);
	return ls_xstrdup(src);
}

/* Is ARG the source file itself (as written in the command)? */
static bool is_source(const char *arg, const struct compdb_cmd *cmd)
{
	size_t n;

	if (arg[0] == '-')
		return false;
	if (!strncmp(arg, "./", 2))
		arg += 2;
	if (!strcmp(arg, cmd->file))
		return true;
	n = strlen(cmd->dir);
	return !strncmp(arg, cmd->dir, n) && arg[n] == '/' && !strcmp(arg + n + 1, cmd->file);
}

static void convert(CXCompileCommand cc, struct compdb_cmd *cmd)
{
	unsigned i, n = clang_CompileCommand_getNumArgs(cc);
	char *file;

	cmd->dir = take(clang_CompileCommand_getDirectory(cc));
	file = take(clang_CompileCommand_getFilename(cc));
	cmd->file = relative(cmd->dir, file);
	free(file);
	cmd->argv = ls_xcalloc(n + 1, sizeof(*cmd->argv));
	cmd->argc = 0;
	/* argv[0] is the compiler */
	for (i = 1; i < n; i++) {
		char *arg = take(clang_CompileCommand_getArg(cc, i));

		if (!strcmp(arg, "-c") || is_source(arg, cmd)) {
			free(arg);
			continue;
		}
		if (!strcmp(arg, "-o")) {
			free(arg);
			i++;
			continue;
		}
		if (!strncmp(arg, "-o", 2)) {
			free(arg);
			continue;
		}
		cmd->argv[cmd->argc++] = arg;
	}
}

bool compdb_lookup(struct compdb *db, const char *file, struct compdb_cmd *cmd)
{
	CXCompileCommands list;
	struct strbuf path = STRBUF_INIT;
	struct listed key, *hit;
	bool found;

	if (file[0] != '/')
		sb_addf(&path, "%s/%s", db->cwd, file);
	else
		sb_add(&path, file);
	key.real = resolved(sb_str(&path));
	hit = bsearch(&key, db->files, db->nfiles, sizeof(*db->files), by_name);
	free(key.real);
	sb_release(&path);
	if (!hit)
		return false;
	list = clang_CompilationDatabase_getCompileCommands(db->db, hit->name);
	found = list && clang_CompileCommands_getSize(list) > 0;
	if (found)
		convert(clang_CompileCommands_getCommand(list, 0), cmd);
	if (list)
		clang_CompileCommands_dispose(list);
	return found;
}

int compdb_all(struct compdb *db, struct compdb_cmd **cmds)
{
	CXCompileCommands list = clang_CompilationDatabase_getAllCompileCommands(db->db);
	unsigned i, n = list ? clang_CompileCommands_getSize(list) : 0;

	*cmds = ls_xcalloc(n + 1, sizeof(**cmds));
	for (i = 0; i < n; i++)
		convert(clang_CompileCommands_getCommand(list, i), &(*cmds)[i]);
	if (list)
		clang_CompileCommands_dispose(list);
	return n;
}

#else /* !HAVE_LIBCLANG */

bool compdb_available(void)
{
	return false;
}

struct compdb *compdb_open(const char *dir)
{
	compdb_require("reading a compile database");
	return NULL;
}

bool compdb_lookup(struct compdb *db, const char *file, struct compdb_cmd *cmd)
{
	return false;
}

int compdb_all(struct compdb *db, struct compdb_cmd **cmds)
{
	*cmds = NULL;
	return 0;
}

void compdb_close(struct compdb *db)
{
}

#endif
