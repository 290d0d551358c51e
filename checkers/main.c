// SPDX-License-Identifier: MIT
/*
 * lockscope: a sparse client that knows which locks are held where.
 *
 * It takes the argv kbuild gives $(CHECK) (sparse's options, gcc's flags,
 * the file), adds a few options of its own, and checks each function
 * defined in each file named.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evaluate.h"
#include "expression.h"
#include "lib.h"
#include "linearize.h"
#include "symbol.h"
#include "token.h"
#include "lockscope/check.h"
#include "lockscope/compdb.h"
#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/frees.h"
#include "lockscope/inlines.h"
#include "lockscope/rcu.h"
#include "lockscope/rules.h"
#include "lockscope/strbuf.h"
#include "lockscope/teardown.h"
#include "lockscope/waits.h"
#include "lockscope/wholetree.h"

static const char usage[] =
"Usage: lockscope [options] [sparse and gcc options] file.c...\n"
"       lockscope report [options]   (see lockscope report --help)\n"
"       lockscope ci [options]       (see lockscope ci --help)\n"
"\n"
"Checks Linux kernel code for lock bugs; run it as the kernel's checker:\n"
"  make C=1 CHECK=lockscope\n"
"\n"
"Options:\n"
"  --rules=DIR            lock and free rules directory (default: $LOCKSCOPE_RULES,\n"
"                         rules/ beside the binary, or the installed rules)\n"
"  --disable=CHECK        do not run CHECK (repeatable)\n"
"  --list-checks          list the checks and exit\n"
"  --no-sparse-warnings   silence sparse's own warnings, keep lockscope's\n"
"  --facts-dir=DIR        where to write the whole-tree facts (default:\n"
"                         $LOCKSCOPE_FACTS_DIR or .lockscope)\n"
"  --no-facts             do not write facts\n"
"  --dump=FUNCTION        print FUNCTION's IR and lock events (debugging)\n"
"  --version              print the version and exit\n"
"  --help                 this text\n"
"\n"
"Any other option is sparse's or gcc's and is passed on to sparse;\n"
"-Wsparse-error turns lockscope's warnings into errors, as sparse's.\n"
"Warnings go to stderr: file:line:col: warning: ... [lockscope/<check>]\n";

struct options {
	const char *rules;
	const char *disable[16];
	int ndisable;
	bool list_checks;
	bool quiet_sparse;
};

static const char *dump_function;

/* gcc's and sparse's own long options, passed through untouched. */
static bool foreign_long_option(const char *arg)
{
	static const char *const known[] = {
		"--arch=", "--os=", "--param", "--sysroot", "--std=", NULL,
	};
	int i;

	for (i = 0; known[i]; i++)
		if (!strncmp(arg, known[i], strlen(known[i])))
			return true;
	return false;
}

/* Take lockscope's options out of argv; what stays is sparse's. */
static int parse_options(int argc, char **argv, struct options *opt)
{
	int i, out = 1;

	for (i = 1; i < argc; i++) {
		char *arg = argv[i];

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strcmp(arg, "--version")) {
			printf("lockscope %s (sparse %s)\n", LOCKSCOPE_VERSION, sparse_version);
			exit(0);
		} else if (!strncmp(arg, "--rules=", 8)) {
			opt->rules = arg + 8;
		} else if (!strncmp(arg, "--disable=", 10)) {
			if (opt->ndisable == 16)
				ls_fatal("too many --disable options");
			opt->disable[opt->ndisable++] = arg + 10;
		} else if (!strcmp(arg, "--list-checks")) {
			opt->list_checks = true;
		} else if (!strncmp(arg, "--facts-dir=", 12)) {
			facts_dir = arg + 12;
		} else if (!strcmp(arg, "--no-facts")) {
			facts_enabled = false;
		} else if (!strncmp(arg, "--dump=", 7)) {
			dump_function = arg + 7;
		} else if (!strcmp(arg, "--no-sparse-warnings")) {
			opt->quiet_sparse = true;
		} else if (!strncmp(arg, "--", 2) && arg[2] && !foreign_long_option(arg)) {
			ls_fatal("unknown option '%s' (see lockscope --help)", arg);
		} else {
			argv[out++] = arg;
		}
	}
	argv[out] = NULL;
	return out;
}

static bool defined_in(struct symbol *sym, int stream)
{
	struct symbol *type = sym->ctype.base_type;

	return sym->pos.stream == stream && type && type->type == SYM_FN &&
	       type->stmt && !(sym->ctype.modifiers & MOD_INLINE);
}

/*
 * sparse(), with a look at the symbols before evaluation: it folds
 * sizeof(), and the RCU checks want sizeof(struct T)'s T.
 */
static struct symbol_list *parse_file(char *file, int stream)
{
	struct symbol_list *list = __sparse(file);

	if (has_error & ERROR_CURR_PHASE)
		has_error = ERROR_PREV_PHASE;
	rcu_types_scan(list, stream);
	evaluate_symbol_list(list);
	return list;
}

static void check_file(struct symbol_list *list, int stream)
{
	struct symbol *sym;

	FOR_EACH_PTR(list, sym) {
		struct entrypoint *ep;

		expand_symbol(sym);
		if (stream >= 0 && sym->pos.stream == stream)
			facts_scan_initializer(sym);
		if (!defined_in(sym, stream))
			continue;
		inlines_prepare(sym);
		ep = linearize_symbol(sym);
		if (!ep)
			continue;
		lockset_debug = dump_function && sym->ident &&
				!strcmp(dump_function, sym->ident->name);
		if (lockset_debug)
			show_entry(ep);
		lockset_analyse(ep);
	} END_FOR_EACH_PTR(sym);
}

/*
 * Macros the kernel's compiler defines and sparse does not.  Without
 * __GCC_ASM_FLAG_OUTPUTS__, x86's test_and_set_bit() and friends take their
 * "asm goto" form, whose jump sparse does not follow: their result looks
 * constant and the code behind them dead.
 */
static char **with_compiler_macros(int *argc, char **argv)
{
	static const char *const macros[] = { "-D__GCC_ASM_FLAG_OUTPUTS__=1" };
	int n = sizeof(macros) / sizeof(macros[0]);
	char **args = ls_xcalloc(*argc + n + 1, sizeof(*args));
	int i;

	args[0] = argv[0];
	for (i = 0; i < n; i++)
		args[1 + i] = ls_xstrdup(macros[i]);	/* sparse edits them */
	for (i = 1; i < *argc; i++)
		args[n + i] = argv[i];
	*argc += n;
	return args;
}

int main(int argc, char **argv)
{
	struct string_list *files = NULL;
	struct options opt = { 0 };
	char *file;
	int i;

	if (argc > 1 && !strcmp(argv[1], "report"))
		return report_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "fix"))
		return fix_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "ci"))
		return ci_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "ci-check"))
		return ci_check_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "ci-functions"))
		return ci_functions_main(argc - 1, argv + 1);
	if (getenv("LOCKSCOPE_FACTS_DIR") && *getenv("LOCKSCOPE_FACTS_DIR"))
		facts_dir = getenv("LOCKSCOPE_FACTS_DIR");
	argc = parse_options(argc, argv, &opt);
	check_register_all();
	if (opt.list_checks) {
		for (i = 0; i < nr_checks; i++)
			printf("%s\n", checks[i]->name);
		return 0;
	}
	for (i = 0; i < opt.ndisable; i++)
		if (!check_disable(opt.disable[i]))
			ls_fatal("unknown check '%s' in --disable (see --list-checks)",
				 opt.disable[i]);
	rules_load(rules_dir(opt.rules));
	teardown_rules_load(rules_dir(opt.rules));
	wait_rules_load(rules_dir(opt.rules));
	rcu_rules_load(rules_dir(opt.rules));
	frees_load(rules_dir(opt.rules));

	argv = with_compiler_macros(&argc, argv);
	check_file(sparse_initialize(argc, argv, &files), -1);
	ls_warnings_are_errors = Wsparse_error;
	if (opt.quiet_sparse) {
		/* sparse's warnings go, even as errors; ours stay */
		fmax_warnings = 0;
		Wsparse_error = 0;
	}

	if (!files)
		ls_fatal("no input files (see lockscope --help)");
	FOR_EACH_PTR(files, file) {
		int stream;

		if (strcmp(file, "-") && access(file, R_OK))
			ls_fatal("cannot read '%s': %s", file, strerror(errno));
		stream = input_stream_nr;
		facts_begin(file);
		check_file(parse_file(file, stream), stream);
		facts_end();
	} END_FOR_EACH_PTR(file);

	if (ls_warnings_are_errors && (die_if_error || ls_warnings))
		return 1;
	return 0;
}
