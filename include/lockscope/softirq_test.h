/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_SOFTIRQ_TEST_H
#define LOCKSCOPE_SOFTIRQ_TEST_H

#include "linearize.h"

/*
 * in_softirq(), in_interrupt(), in_serving_softirq(): masks of the
 * per-CPU preempt count.  Where one is non-zero softirqs are off (a
 * softirq runs, or they are disabled, or an interrupt runs).  For a
 * branch condition: 1 if its true edge is taken only so, 0 if its false
 * edge is, -1 if it tests no such thing.
 */
int softirq_test_polarity(pseudo_t cond);

#endif
