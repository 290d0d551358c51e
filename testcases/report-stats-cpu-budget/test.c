#include "kernel.h"

struct dev { spinlock_t lock; int users; };

void dev_get(struct dev *d)
{
	spin_lock(&d->lock);
	d->users++;
	spin_unlock(&d->lock);
}

/*
 * --stats ends the whole-tree step with its CPU budget: the wall time,
 * the CPU time of every thread, the CPUs it may run on, and the least
 * wall time those CPUs allow (the CPU time over the CPUs).  The figures
 * vary; how they relate does not.
 *
 * check-name: lockscope report --stats: the CPU budget line, consistent
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --jobs=2 --stats 2>&1 | grep "^lockscope report: in all" | sed 's/ CPUs / CPU /' | awk '{ cpus = $12; busy = substr($14, 2) + 0; floor = $(NF - 1); ok = cpus >= 1 && busy >= 0 && busy <= 100 && floor - $7 / cpus < 0.011 && $7 / cpus - floor < 0.011; gsub(/[0-9.]+/, "N"); print; print ok ? "consistent" : "inconsistent" }' >&2
 * check-error-start
lockscope report: in all N s, N s of CPU on N CPU (N % busy): no order of this work ends before N s
consistent
 * check-error-end
 */
