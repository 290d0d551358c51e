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
	mutex_lock(&d->cfg_lock);
	mutex_lock(&d->stats_lock);
	d->n = leaf23(d);
	mutex_unlock(&d->stats_lock);
	mutex_unlock(&d->cfg_lock);
}

/*
 * Fixed: dev_report() takes the config lock first, as the chain does.
 * No finding in any of the eight reports.
 *
 * check-name: lockscope report: the helper summariser, a consistent lock order
 * check-command: lockscope -I../include --no-sparse-warnings *.c && for i in 1 2 3 4 5 6 7 8; do lockscope report --jobs=2 2>&1; done | sort | uniq -c | sed 's/^ \{1,\}//' >&2
 */
