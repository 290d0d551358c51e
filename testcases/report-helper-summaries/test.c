#include "kernel.h"

struct dev { struct mutex cfg_lock; struct mutex stats_lock; int n; };

/* Leaves that take nothing: SCCs the helper may summarise out of turn. */
int leaf0(struct dev *d) { return d->n + 0; }
int leaf1(struct dev *d) { return d->n + 1; }
int leaf2(struct dev *d) { return d->n + 2; }
int leaf3(struct dev *d) { return d->n + 3; }
int leaf4(struct dev *d) { return d->n + 4; }
int leaf5(struct dev *d) { return d->n + 5; }
int leaf6(struct dev *d) { return d->n + 6; }
int leaf7(struct dev *d) { return d->n + 7; }
int leaf8(struct dev *d) { return d->n + 8; }
int leaf9(struct dev *d) { return d->n + 9; }
int leaf10(struct dev *d) { return d->n + 10; }
int leaf11(struct dev *d) { return d->n + 11; }
int leaf12(struct dev *d) { return d->n + 12; }
int leaf13(struct dev *d) { return d->n + 13; }
int leaf14(struct dev *d) { return d->n + 14; }
int leaf15(struct dev *d) { return d->n + 15; }
int leaf16(struct dev *d) { return d->n + 16; }
int leaf17(struct dev *d) { return d->n + 17; }
int leaf18(struct dev *d) { return d->n + 18; }
int leaf19(struct dev *d) { return d->n + 19; }
int leaf20(struct dev *d) { return d->n + 20; }
int leaf21(struct dev *d) { return d->n + 21; }
int leaf22(struct dev *d) { return d->n + 22; }
int leaf23(struct dev *d) { return d->n + 23; }

/* A chain down to the stats lock, each step also calling a leaf. */
void step11(struct dev *d)
{
	mutex_lock(&d->stats_lock);
	d->n++;
	mutex_unlock(&d->stats_lock);
}

void step10(struct dev *d)
{
	d->n += leaf20(d) + leaf21(d);
	step11(d);
}

void step9(struct dev *d)
{
	d->n += leaf18(d) + leaf19(d);
	step10(d);
}

void step8(struct dev *d)
{
	d->n += leaf16(d) + leaf17(d);
	step9(d);
}

void step7(struct dev *d)
{
	d->n += leaf14(d) + leaf15(d);
	step8(d);
}

void step6(struct dev *d)
{
	d->n += leaf12(d) + leaf13(d);
	step7(d);
}

void step5(struct dev *d)
{
	d->n += leaf10(d) + leaf11(d);
	step6(d);
}

void step4(struct dev *d)
{
	d->n += leaf8(d) + leaf9(d);
	step5(d);
}

void step3(struct dev *d)
{
	d->n += leaf6(d) + leaf7(d);
	step4(d);
}

void step2(struct dev *d)
{
	d->n += leaf4(d) + leaf5(d);
	step3(d);
}

void step1(struct dev *d)
{
	d->n += leaf2(d) + leaf3(d);
	step2(d);
}

void step0(struct dev *d)
{
	d->n += leaf0(d) + leaf1(d);
	step1(d);
}

void dev_reconfigure(struct dev *d)
{
	mutex_lock(&d->cfg_lock);
	step0(d);
	mutex_unlock(&d->cfg_lock);
}

void dev_report(struct dev *d)
{
	mutex_lock(&d->stats_lock);
	mutex_lock(&d->cfg_lock);
	d->n = leaf23(d);
	mutex_unlock(&d->cfg_lock);
	mutex_unlock(&d->stats_lock);
}

/*
 * With two jobs a helper thread summarises, out of turn, SCCs whose
 * callees are all summarised: the leaves here, and never a step before
 * the step it calls, or the chain down to the stats lock would break.
 * Which SCCs it takes depends on timing: eight reports, each must have
 * the whole finding.  (With the helper's readiness check removed, half
 * the reports lost it.)
 *
 * check-name: lockscope report: the helper summariser keeps a long chain whole
 * check-command: lockscope -I../include --no-sparse-warnings *.c && for i in 1 2 3 4 5 6 7 8; do lockscope report --jobs=2 2>&1; done | sort | uniq -c | sed 's/^ \{1,\}//' >&2
 * check-error-start
8 test.c:102:9: note: step0() calls step1()
8 test.c:107: note: dev_reconfigure() holds '&d->cfg_lock' (struct dev::cfg_lock) from here
8 test.c:107: note: scenario: CPU0: lock(&d->cfg_lock) in dev_reconfigure()
8 test.c:108: note: scenario: CPU0: lock(&d->stats_lock) waits for CPU1: deadlock
8 test.c:108:9: note: ... and calls step0(), which acquires struct dev::stats_lock
8 test.c:108:9: warning: possible circular locking dependency: 'struct dev::cfg_lock' -> 'struct dev::stats_lock' -> 'struct dev::cfg_lock' [lockscope/lock-order]
8 test.c:114: note: dev_report() holds '&d->stats_lock' (struct dev::stats_lock) from here
8 test.c:114: note: scenario: CPU1: lock(&d->stats_lock) in dev_report()
8 test.c:115: note: scenario: CPU1: lock(&d->cfg_lock) waits for CPU0: deadlock
8 test.c:115:9: note: ... and acquires '&d->cfg_lock' (struct dev::cfg_lock) here
8 test.c:34:9: note: step11() acquires '&d->stats_lock' here
8 test.c:42:9: note: step10() calls step11()
8 test.c:48:9: note: step9() calls step10()
8 test.c:54:9: note: step8() calls step9()
8 test.c:60:9: note: step7() calls step8()
8 test.c:66:9: note: step6() calls step7()
8 test.c:72:9: note: step5() calls step6()
8 test.c:78:9: note: step4() calls step5()
8 test.c:84:9: note: step3() calls step4()
8 test.c:90:9: note: step2() calls step3()
8 test.c:96:9: note: step1() calls step2()
 * check-error-end
 */
