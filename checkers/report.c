// SPDX-License-Identifier: MIT
/*
 * lockscope report: load the facts of a whole tree, build the call graph
 * and the summaries, run the whole-tree checks, print the findings.
 */
#define _GNU_SOURCE		/* RUSAGE_THREAD */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/findings.h"
#include "lockscope/frees.h"
#include "lockscope/program.h"
#include "lockscope/context.h"
#include "lockscope/rules.h"
#include "lockscope/strbuf.h"
#include "lockscope/teardown.h"
#include "lockscope/waits.h"
#include "lockscope/wholetree.h"

static const char report_usage[] =
"Usage: lockscope report [options]\n"
"\n"
"Reads the facts the per-file runs wrote and checks the whole tree:\n"
"callbacks and calls made under a lock that reach that lock again,\n"
"waits under a lock for callbacks that take it (wait-under-lock),\n"
"lock-order cycles, and RCU list misuse (rcu-nulls, rcu-walked-add).\n"
"\n"
"  --facts-dir=DIR     facts to read (default: $LOCKSCOPE_FACTS_DIR or .lockscope)\n"
"  --format=FORMAT     text (default, on stderr), json, sarif, markdown or\n"
"                      ids (on stdout)\n"
"  --baseline=FILE     leave out the findings whose ids FILE lists (--format=ids)\n"
"  --local=FILE        also the per-file warnings in FILE (lockscope's stderr)\n"
"  --touched=FILE      say which functions of each finding FILE names as changed\n"
"                      (lines FILE START END FUNCTION, from lockscope ci-functions)\n"
"  --output=FILE       write the findings to FILE instead\n"
"  --rules=DIR         rules directory\n"
"  --jobs=N            threads for the checks (default: 2 with two CPUs or more);\n"
"                      the findings are the same with any number\n"
"  --stats             print what was loaded, and how long each step took\n";

static double seconds(const struct timeval *t)
{
	return t->tv_sec + t->tv_usec / 1e6;
}

/*
 * --stats: how long each step took, wall and CPU (user + system: on a
 * shared machine the wall time says more about the others), and the peak
 * RSS after it.  The CPU is the main thread's: lock-order, on a thread of
 * its own, says its own.
 */
static void phase(bool stats, const char *what)
{
	static struct timespec last;
	static double last_cpu;
	struct timespec now;
	struct rusage ru, self;
	double cpu;

	clock_gettime(CLOCK_MONOTONIC, &now);
	getrusage(RUSAGE_THREAD, &ru);
	getrusage(RUSAGE_SELF, &self);
	cpu = seconds(&ru.ru_utime) + seconds(&ru.ru_stime);
	if (stats && last.tv_sec)
		fprintf(stderr, "lockscope report: %-20s %7.2f s (CPU %6.2f s), peak RSS %ld MB\n",
			what, (now.tv_sec - last.tv_sec) + (now.tv_nsec - last.tv_nsec) / 1e9,
			cpu - last_cpu, self.ru_maxrss / 1024);
	last = now;
	last_cpu = cpu;
}

/*
 * lock-order reads the summaries and the program and writes only its own
 * graph and findings, so it runs beside the summaries (reading each as
 * it is published) and the checks that follow them.
 */
struct side_check {
	const struct program *prog;
	struct finding_list *found;
	double wall, cpu;
};

static void *lock_order_thread(void *arg)
{
	struct side_check *side = arg;
	struct timespec start, end, cpu;

	clock_gettime(CLOCK_MONOTONIC, &start);
	side->found = findings_divert();
	check_lock_order(side->prog);
	clock_gettime(CLOCK_MONOTONIC, &end);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
	side->wall = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
	side->cpu = cpu.tv_sec + cpu.tv_nsec / 1e9;
	return NULL;
}

void wholetree_run(struct program *prog, const char *dir, const char *rules,
		   int jobs, bool stats)
{
	struct side_check side = { .prog = prog };
	pthread_t thread;
	bool threaded;
	int at;

	phase(false, NULL);
	program_load_callbacks(rules_dir(rules));
	teardown_rules_load(rules_dir(rules));
	context_rules_load(rules_dir(rules));
	frees_load(rules_dir(rules));
	program_load(prog, dir);
	phase(stats, "load");
	callgraph_build(prog);
	waits_model(prog);
	phase(stats, "call graph");
	threaded = jobs > 1 && !pthread_create(&thread, NULL, lock_order_thread, &side);
	summaries_build(prog);
	phase(stats, "summaries");
	if (stats) {
		unsigned long entries, stored;
		int scc, rounds, full;

		summaries_stats(&scc, &rounds);
		fprintf(stderr, "lockscope report: largest cycle of calls: %d functions, %d rounds\n",
			scc, rounds);
		summaries_sizes(&entries, &stored, &full);
		fprintf(stderr, "lockscope report: summaries keep %lu entries (%lu stored, the others in tails); %d functions have the most kept (%d)\n",
			entries, stored, full, SUMMARY_MAX_ENTRIES);
	}
	check_callback_under_lock(prog);
	phase(stats, "callback-under-lock");
	check_wait_under_lock(prog);
	phase(stats, "wait-under-lock");
	/* lock-order's findings go here, whichever thread found them */
	at = findings_count();
	if (!threaded) {
		check_lock_order(prog);
		phase(stats, "lock-order");
	}
	check_teardown_race(prog);
	phase(stats, "teardown-race");
	if (stats)
		fprintf(stderr, "lockscope report: teardown-race walks kept %u entries\n",
			teardown_walk_entries());
	check_rcu_nulls(prog);
	check_rcu_walked_add(prog);
	check_rcu_free_calls(prog);
	phase(stats, "rcu");
	/* execution contexts: irq-inversion, sleep-in-atomic */
	contexts_build(prog);
	check_irq_inversion(prog);
	phase(stats, "contexts");
	check_sleep_in_atomic(prog);
	phase(stats, "sleep-in-atomic");
	if (threaded) {
		pthread_join(thread, NULL);
		phase(stats, "waiting for lock-order");
		if (stats)
			fprintf(stderr, "lockscope report: %-20s %7.2f s (CPU %6.2f s), on a second thread\n",
				"lock-order", side.wall, side.cpu);
		findings_splice(side.found, at);
	}
	findings_group();
}

/* --jobs: threads for the checks; one CPU gains nothing from a second. */
static int default_jobs(void)
{
	return sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
}

int report_main(int argc, char **argv)
{
	enum output_format format = OUT_TEXT;
	const char *dir = getenv("LOCKSCOPE_FACTS_DIR"), *output = NULL, *rules = NULL;
	const char *baseline = NULL, *touched = NULL, *local = NULL;
	struct program prog = { 0 };
	struct strbuf tmp = STRBUF_INIT;
	bool stats = false;
	int jobs = default_jobs();
	FILE *out;
	int i, n;

	if (!dir || !*dir)
		dir = ".lockscope";
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(report_usage, stdout);
			return 0;
		} else if (!strncmp(arg, "--facts-dir=", 12)) {
			dir = arg + 12;
		} else if (!strncmp(arg, "--rules=", 8)) {
			rules = arg + 8;
		} else if (!strncmp(arg, "--output=", 9)) {
			output = arg + 9;
		} else if (!strncmp(arg, "--baseline=", 11)) {
			baseline = arg + 11;
		} else if (!strncmp(arg, "--local=", 8)) {
			local = arg + 8;
		} else if (!strncmp(arg, "--touched=", 10)) {
			touched = arg + 10;
		} else if (!strcmp(arg, "--stats")) {
			stats = true;
		} else if (!strncmp(arg, "--jobs=", 7)) {
			char *end;

			jobs = strtol(arg + 7, &end, 10);
			if (end == arg + 7 || *end || jobs < 1)
				ls_fatal("--jobs wants a number of threads, 1 or more, not '%s'",
					 arg + 7);
		} else if (!strncmp(arg, "--format=", 9)) {
			if (!strcmp(arg + 9, "text"))
				format = OUT_TEXT;
			else if (!strcmp(arg + 9, "json"))
				format = OUT_JSON;
			else if (!strcmp(arg + 9, "sarif"))
				format = OUT_SARIF;
			else if (!strcmp(arg + 9, "markdown"))
				format = OUT_MARKDOWN;
			else if (!strcmp(arg + 9, "ids"))
				format = OUT_IDS;
			else
				ls_fatal("unknown format '%s' (text, json, sarif, markdown or ids)",
					 arg + 9);
		} else {
			ls_fatal("report: unknown option '%s' (see lockscope report --help)", arg);
		}
	}

	wholetree_run(&prog, dir, rules, jobs, stats);

	if (local)
		findings_load_local(local);
	if (baseline)
		findings_drop_baseline(baseline);
	if (touched)
		findings_mark_touched(touched);

	if (output) {
		sb_addf(&tmp, "%s.tmp.%d", output, (int)getpid());
		out = fopen(sb_str(&tmp), "w");
		if (!out)
			ls_fatal("cannot write '%s': %s", sb_str(&tmp), strerror(errno));
	} else {
		out = format == OUT_TEXT ? stderr : stdout;
	}
	n = findings_print(out, format);
	if (output) {
		bool ok = !ferror(out);

		ok = !fclose(out) && ok;
		if (!ok || rename(sb_str(&tmp), output)) {
			unlink(sb_str(&tmp));
			ls_fatal("cannot write '%s': %s", output, strerror(errno));
		}
	}
	if (stats)
		fprintf(stderr, "lockscope report: %d facts files (%d skipped), %d functions, %d findings\n",
			prog.nfiles, prog.nskipped, prog.nfuncs, n);
	sb_release(&tmp);
	return 0;
}
