/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_RULES_H
#define LOCKSCOPE_RULES_H

#include <stdbool.h>

/* The kinds of lock the kernel has, as lockscope tells them apart. */
enum lock_kind {
	LK_SPIN,
	LK_RWLOCK,
	LK_MUTEX,
	LK_RWSEM,
	LK_SEM,
	LK_SOCK,	/* lock_sock(): the socket's owner lock */
	LK_RCU,		/* rcu_read_lock() and its flavours */
	LK_SRCU,
	LK_BH,		/* local_bh_disable() */
	LK_IRQ,		/* local_irq_disable()/save() */
	LK_PREEMPT,
	LK_CONTEXT,	/* a sparse context annotation of unknown kind */
	LK_IRQLINE,	/* disable_irq(): one interrupt line masked */
	LK_NR
};

enum lock_op {
	LOP_ACQUIRE,
	LOP_RELEASE,
	LOP_TRY,	/* acquires when the call returns non-zero */
	LOP_TRY_ZERO,	/* acquires when the call returns zero */
	LOP_DOWNGRADE,	/* write -> read on the same lock */
};

enum lock_mode {
	LM_EXCL,
	LM_SHARED,
};

/* What holding a lock implies about the context. */
#define CTX_ATOMIC	0x1	/* no sleeping */
#define CTX_BH_OFF	0x2	/* softirqs disabled */
#define CTX_IRQ_OFF	0x4	/* hard irqs disabled */
#define CTX_SLEEPS	0x8	/* the call itself may sleep */
#define CTX_BH_ON	0x10	/* a release that enables softirqs again */
#define CTX_IRQ_ON	0x20	/* a release that enables hard irqs again */

/* One row of rules/locks.tab. */
struct lock_api {
	const char *name;
	enum lock_kind kind;
	enum lock_op op;
	enum lock_mode mode;
	int arg;		/* argument holding the lock, -1: fixed lock */
	const char *fixed;	/* the lock's name when arg < 0 */
	const char *member;	/* member of *arg that is the lock (sk_lock) */
	int subclass_arg;	/* lockdep subclass argument, or -1 */
	unsigned int context;	/* CTX_* */
};

struct lock_kind_info {
	const char *name;
	bool counting;		/* nests by design: rcu, bh, irq, preempt */
	bool has_shared;	/* read side exists (rwlock, rwsem) */
};

extern const struct lock_kind_info lock_kinds[LK_NR];

/* Load rules/locks.tab from @dir; a bad line is fatal, with its number. */
void rules_load(const char *dir);
/* The lock API entry for function @name, or NULL. */
const struct lock_api *rules_lookup(const char *name);
/* The rules directory chosen by --rules, $LOCKSCOPE_RULES or the install. */
const char *rules_dir(const char *option);

#endif
