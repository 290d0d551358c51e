// SPDX-License-Identifier: MIT
/*
 * lockscope report: load the facts of a whole tree, build the call graph
 * and the summaries, run the whole-tree checks, print the findings.
 */
#define _GNU_SOURCE		/* RUSAGE_THREAD */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "lockscope/block_supply.h"
#include "lockscope/diag.h"
#include "lockscope/facts.h"
#include "lockscope/findings.h"
#include "lockscope/frees.h"
#include "lockscope/program.h"
#include "lockscope/context.h"
#include "lockscope/rules.h"
#include "lockscope/strbuf.h"
#include "lockscope/summary_share.h"
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
"  --jobs=N            1: every step on one thread; more (the default when it\n"
"                      may run on two CPUs): the checks on threads beside the\n"
"                      summaries, and memory faulted in ahead on another;\n"
"                      the findings are the same\n"
"  --stats             print what was loaded, and how long each step took\n";

static double seconds(const struct timeval *t)
{
	return t->tv_sec + t->tv_usec / 1e6;
}

/*
 * How long the calling thread has waited, runnable, for a CPU (Linux's
 * schedstat), or 0: how much of a step's wall time the threads beside
 * the main one took from it, told apart from a slow CPU.
 */
static double thread_cpu_wait(void)
{
	unsigned long long wait;
	FILE *f = fopen("/proc/thread-self/schedstat", "r");
	bool ok;

	if (!f)
		return 0;
	ok = fscanf(f, "%*s %llu", &wait) == 1;	/* after the run time */
	fclose(f);
	return ok ? wait / 1e9 : 0;
}

/*
 * --stats: how long each step took, wall and CPU (user + system: on a
 * shared machine the wall time says more about the others), how long it
 * waited for a CPU, and the peak RSS after it.  The CPU is the main
 * thread's: lock-order, on a thread of its own, says its own.
 */
static void phase(bool stats, const char *what)
{
	static struct timespec last;
	static double last_cpu, last_wait;
	struct timespec now;
	struct rusage ru, self;
	double cpu, wait;

	clock_gettime(CLOCK_MONOTONIC, &now);
	getrusage(RUSAGE_THREAD, &ru);
	getrusage(RUSAGE_SELF, &self);
	cpu = seconds(&ru.ru_utime) + seconds(&ru.ru_stime);
	/* a file read: only for --stats */
	wait = stats ? thread_cpu_wait() : 0;
	if (stats && last.tv_sec)
		fprintf(stderr, "lockscope report: %-20s %7.2f s (CPU %6.2f s, waiting for a CPU %5.2f s), peak RSS %ld MB\n",
			what, (now.tv_sec - last.tv_sec) + (now.tv_nsec - last.tv_nsec) / 1e9,
			cpu - last_cpu, wait - last_wait, self.ru_maxrss / 1024);
	last = now;
	last_cpu = cpu;
	last_wait = wait;
}

/* A step's wall and CPU time on a thread of its own, for --stats. */
struct step_time {
	const char *what;
	double wall, cpu;
};

static double since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) + (now.tv_nsec - t->tv_nsec) / 1e9;
}

/*
 * Checks that run beside the summaries, each step on its thread in turn.
 * Lock-order, callback-under-lock, wait-under-lock and sleep-in-atomic
 * read each summary once it is published, while the rest are made;
 * teardown-race, the RCU checks and the contexts read none.  Each step
 * keeps its findings apart: they are spliced in where they were when all
 * the checks ran one after another, on one thread (--jobs=1).
 */
#define SIDE_STEPS 5

struct side_check {
	const struct program *prog;
	void (*step[SIDE_STEPS])(const struct program *prog);
	struct step_time time[SIDE_STEPS];
	struct finding_list *found[SIDE_STEPS];
	int nice;		/* how far below the main thread it runs */
	pthread_t thread;
	bool threaded;
};

/*
 * The summaries, on the main thread, are the critical path: a step that
 * can wait for a CPU gives it up to them.  (Linux: per thread.)
 */
static void side_yields(const struct side_check *side)
{
#ifdef SCHED_BATCH
	struct sched_param none = { 0 };
#endif
	int prio;

	if (side->nice) {
		errno = 0;
		prio = getpriority(PRIO_PROCESS, 0);
		if (!errno)
			setpriority(PRIO_PROCESS, 0, prio + side->nice);
	}
#ifdef SCHED_BATCH
	/*
	 * The main thread wakes the steps that read summaries as it
	 * publishes them; woken on its CPU, a step took that CPU from it,
	 * 3-5 s of waiting at full synthetic size.  A batch thread waits
	 * for its turn instead (nice is kept).
	 */
	pthread_setschedparam(pthread_self(), SCHED_BATCH, &none);
#endif
}

static void *side_thread(void *arg)
{
	struct side_check *side = arg;
	struct timespec start;
	double cpu;
	int i;

	side_yields(side);
	for (i = 0; i < SIDE_STEPS && side->step[i]; i++) {
		side->found[i] = findings_divert();
		clock_gettime(CLOCK_MONOTONIC, &start);
		cpu = ls_thread_cpu();
		side->step[i](side->prog);
		side->time[i].wall = since(&start);
		side->time[i].cpu = ls_thread_cpu() - cpu;
	}
	summary_map_thread_end();
	return NULL;
}

static void side_start(struct side_check *side, int jobs)
{
	side->threaded = jobs > 1 && !pthread_create(&side->thread, NULL, side_thread, side);
}

/* Wait for the thread's last step: "waiting for <step>" in --stats. */
static void side_join(struct side_check *side, bool stats)
{
	char what[64];
	int last = 0;

	if (!side->threaded)
		return;
	pthread_join(side->thread, NULL);
	while (last + 1 < SIDE_STEPS && side->step[last + 1])
		last++;
	snprintf(what, sizeof(what), "waiting for %s", side->time[last].what);
	phase(stats, what);
}

/* Step @i's findings at the end of the main list. */
static void side_splice(struct side_check *side, int i)
{
	findings_splice(side->found[i], findings_count());
	side->found[i] = NULL;
}

/* Run step @i here, on one thread, or take its findings from the side. */
static void side_step(struct side_check *side, int i, bool stats)
{
	if (side->threaded) {
		side_splice(side, i);
		return;
	}
	side->step[i](side->prog);
	phase(stats, side->time[i].what);
}

static void side_stats(const struct side_check *side)
{
	int i;

	for (i = 0; side->threaded && i < SIDE_STEPS && side->step[i]; i++)
		fprintf(stderr, "lockscope report: %-20s %7.2f s (CPU %6.2f s), on a thread of its own\n",
			side->time[i].what, side->time[i].wall, side->time[i].cpu);
}

static void rcu(const struct program *prog)
{
	check_rcu_nulls(prog);
	check_rcu_walked_add(prog);
	check_rcu_free_calls(prog);
}

/* execution contexts: irq-inversion, and what sleep-in-atomic reads */
static void contexts(const struct program *prog)
{
	contexts_build(prog);
	check_irq_inversion(prog);
}

/* The steps beside the summaries, in their threads' orders. */
enum { TEARDOWN, RCU, CALLBACK_UNDER_LOCK };
enum { CONTEXTS, SLEEP_IN_ATOMIC, WAIT_UNDER_LOCK };

static void print_summary_stats(void)
{
	unsigned long entries, stored;
	struct scc_share_stats shared;
	int scc, rounds, full;

	summaries_stats(&scc, &rounds);
	summaries_share_stats(&shared);
	fprintf(stderr, "lockscope report: largest cycle of calls: %d functions, %d rounds\n",
		scc, rounds);
	fprintf(stderr, "lockscope report: the helper summarised %d SCCs (CPU %.2f s); the main thread waited for %d of them, went on to another for %d, slept for %d (%.2f s); the helper waited %d times, slept %d\n",
		shared.helped, shared.helper_cpu, shared.main_waited, shared.main_went_on,
		shared.main_slept,
		shared.main_asleep, shared.helper_waited, shared.helper_slept);
	summaries_sizes(&entries, &stored, &full);
	fprintf(stderr, "lockscope report: summaries keep %lu entries (%lu stored, the others in tails); %d functions have the most kept (%d)\n",
		entries, stored, full, SUMMARY_MAX_ENTRIES);
}

/*
 * In a VM the first touch of a page costs a host fault as well, and in
 * this machine's slow spells that was a second CPU's worth: say what the
 * filler paid, so that a slow run can be told from a slow lockscope.
 */
static void print_supply_stats(void)
{
	struct block_supply_stats s;

	block_supply_stats(&s);
	if (!s.fresh)
		return;
	fprintf(stderr, "lockscope report: the block filler faulted in %zu MB ahead (CPU %.2f s, %.2f s of it on an idle CPU, %.1f s a GB); %d blocks were taken before it had them\n",
		s.fresh >> 20, s.cpu + s.idle_cpu, s.idle_cpu,
		(s.cpu + s.idle_cpu) / (s.fresh / 1e9), s.behind);
}

/* The CPUs this process may run on (its affinity), or those online. */
static int usable_cpus(void)
{
	cpu_set_t set;
	long online;

	if (!sched_getaffinity(0, sizeof(set), &set) && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	online = sysconf(_SC_NPROCESSORS_ONLN);
	return online > 0 ? online : 1;
}

/*
 * A slow run on a busy host and a slow lockscope look alike in the wall
 * time; the CPU time of every thread, against what the CPUs had to give,
 * tells them apart.  The CPU time is the process's, the few milliseconds
 * before the step included; over the CPUs, it is the least wall time any
 * order of the same work could take.
 */
static void print_cpu_budget(const struct timespec *start)
{
	struct rusage self;
	double wall = since(start), cpu, busy;
	int cpus = usable_cpus();

	getrusage(RUSAGE_SELF, &self);
	cpu = seconds(&self.ru_utime) + seconds(&self.ru_stime);
	busy = wall > 0 ? 100 * cpu / (wall * cpus) : 0;
	fprintf(stderr, "lockscope report: in all %.2f s, %.2f s of CPU on %d CPU%s (%.0f %% busy): no order of this work ends before %.2f s\n",
		wall, cpu, cpus, cpus > 1 ? "s" : "", busy < 100 ? busy : 100, cpu / cpus);
}

void wholetree_run(struct program *prog, const char *dir, const char *rules,
		   int jobs, bool stats)
{
	struct side_check ordering = {
		.prog = prog, .step = { check_lock_order }, .time = { { "lock-order" } },
	};
	/*
	 * Below the main thread, these: what they do not get done while the
	 * summaries are made is a second or two after them.
	 */
	struct side_check beside = {
		.prog = prog,
		.step = { check_teardown_race, rcu, check_callback_under_lock },
		.time = { { "teardown-race" }, { "rcu" }, { "callback-under-lock" } },
		.nice = 10,
	};
	/*
	 * Sleep-in-atomic reads what the contexts found, and few summaries;
	 * wait-under-lock follows the summaries as callback-under-lock does.
	 */
	struct side_check waiting = {
		.prog = prog,
		.step = { contexts, check_sleep_in_atomic, check_wait_under_lock },
		.time = { { "contexts" }, { "sleep-in-atomic" }, { "wait-under-lock" } },
		.nice = 10,
	};
	struct timespec start;
	int at;

	clock_gettime(CLOCK_MONOTONIC, &start);
	phase(stats, NULL);	/* starts the clocks: prints nothing */
	/* a second CPU faults the arenas' memory in ahead */
	if (jobs > 1)
		block_supply_start();
	program_load_callbacks(rules_dir(rules));
	teardown_rules_load(rules_dir(rules));
	context_rules_load(rules_dir(rules));
	frees_load(rules_dir(rules));
	program_load(prog, dir, jobs > 1);
	phase(stats, "load");
	callgraph_build(prog);
	waits_model(prog);
	phase(stats, "call graph");
	strtab_share(jobs > 1);
	side_start(&ordering, jobs);
	side_start(&beside, jobs);
	side_start(&waiting, jobs);
	summaries_build(prog, jobs > 1);
	phase(stats, "summaries");
	if (stats)
		print_summary_stats();
	side_join(&beside, stats);
	side_join(&waiting, stats);
	/* the findings in the order of one thread */
	side_step(&beside, CALLBACK_UNDER_LOCK, stats);
	side_step(&waiting, WAIT_UNDER_LOCK, stats);
	at = findings_count();
	if (!ordering.threaded) {
		check_lock_order(prog);
		phase(stats, "lock-order");
	}
	side_step(&beside, TEARDOWN, stats);
	side_step(&beside, RCU, stats);
	side_step(&waiting, CONTEXTS, stats);
	if (stats)
		fprintf(stderr, "lockscope report: teardown-race walks kept %u entries\n",
			teardown_walk_entries());
	side_step(&waiting, SLEEP_IN_ATOMIC, stats);
	side_join(&ordering, stats);
	if (ordering.threaded)
		findings_splice(ordering.found[0], at);
	strtab_share(false);
	block_supply_stop();
	if (stats) {
		print_supply_stats();
		side_stats(&ordering);
		side_stats(&beside);
		side_stats(&waiting);
		print_cpu_budget(&start);
	}
	findings_group();
}

/*
 * Stderr is unbuffered: each line of a finding was a write of its own,
 * 290,000 of them at kernel size, on the main thread at the very end.
 * The findings go through a buffered stream on the same file instead.
 */
static FILE *buffered_stderr(void)
{
	int fd = dup(STDERR_FILENO);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");

	if (!f) {
		if (fd >= 0)
			close(fd);
		return stderr;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	return f;
}

/* --jobs: threads for the checks; one CPU gains nothing from a second. */
static int default_jobs(void)
{
	return usable_cpus() > 1 ? 2 : 1;
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
	} else if (format == OUT_TEXT) {
		out = buffered_stderr();
	} else {
		out = stdout;
	}
	n = findings_print(out, format);
	if (!output && out != stdout && out != stderr)
		fclose(out);	/* its own descriptor: stderr stays open */
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
