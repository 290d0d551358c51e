/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_COMPDB_H
#define LOCKSCOPE_COMPDB_H

#include <stdbool.h>

/*
 * A compile_commands.json, read through libclang's compilation-database
 * API.  A kernel's commands are gcc's; compdb turns one into the argv the
 * per-file step takes (kbuild's CHECK argv: gcc's flags, the file last).
 */
struct compdb;

struct compdb_cmd {
	char *dir;		/* where the command runs (the objtree) */
	char *file;		/* the source, relative to dir when inside it */
	int argc;
	char **argv;		/* the compiler's flags, without the compiler,
				 * -c, -o X and the source */
};

/* False when lockscope was built without libclang. */
bool compdb_available(void);
/* The database in DIR (which holds compile_commands.json); fatal if none. */
struct compdb *compdb_open(const char *dir);
/* FILE's command (FILE relative to where compdb_open() ran, or absolute). */
bool compdb_lookup(struct compdb *db, const char *file, struct compdb_cmd *cmd);
/* Every command of the database; returns how many. */
int compdb_all(struct compdb *db, struct compdb_cmd **cmds);
void compdb_cmd_release(struct compdb_cmd *cmd);
void compdb_close(struct compdb *db);
/* Fatal error for the ci subcommands of a build without libclang. */
void compdb_require(const char *what);

/* The ci subcommands. */
int ci_check_main(int argc, char **argv);
int ci_functions_main(int argc, char **argv);
int ci_main(int argc, char **argv);

#endif
