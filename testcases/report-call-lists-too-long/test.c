#include "kernel.h"

struct dev { spinlock_t lock; int n; };

void dev_poke(struct dev *d)
{
	spin_lock(&d->lock);
	d->n++;
	spin_unlock(&d->lock);
}

/*
 * The report keeps a call's held locks, guards and released locks with
 * their counts in a byte: a facts file with 256 held locks at one call
 * (no kernel holds that many) is named and skipped, not cut short; one
 * with 255 is read.
 *
 * check-name: lockscope report: a call with more than 255 held locks is a malformed record
 * check-command: lockscope -I../include --no-sparse-warnings *.c && for n in 255 256; do { printf 'lockscope-facts\t10\ntu\tcalls.c\nF\t1\tcaller\t1\nC\t1\t2\t2\td\tdev_poke\t0\n'; i=0; while [ $i -lt $n ]; do printf 'h\tspin\texcl\t1\tstruct l%d::lock\t-\tl%d\n' $i $i; i=$((i + 1)); done; printf 'end\t%d\n' $((n + 4)); } > "$FACTS/held$n.facts"; done && lockscope report --stats 2>&1 | sed "s#$FACTS/#FACTS/#" | grep 'warning\|facts files' >&2
 * check-error-start
lockscope: warning: FACTS/held256.facts:260: more than 255 held locks, guards or released locks at one call; skipped
lockscope report: 2 facts files (1 skipped), 2 functions, 0 findings
 * check-error-end
 */
