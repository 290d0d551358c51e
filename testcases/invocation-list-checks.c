/*
 * check-name: --list-checks lists the per-file checks
 * check-command: lockscope --list-checks
 *
 * check-output-start
double-lock
double-unlock
inconsistent-return
use-after-free
facts
rcu-facts
rcu-free
 * check-output-end
 */
