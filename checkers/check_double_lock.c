// SPDX-License-Identifier: MIT
/*
 * double-lock: acquiring a lock instance that every path to here already
 * holds.  For a spinlock or a mutex that is a self-deadlock; read after
 * read on an rwlock is allowed (an rw_semaphore's is not: a waiting
 * writer blocks the second reader), and so is a lockdep subclass (the
 *_nested() calls), which says "another instance".
 */
#include "lockscope/check.h"
#include "lockscope/diag.h"

static const char *mode_name(enum lock_mode mode, enum lock_kind kind)
{
	if (!lock_kinds[kind].has_shared)
		return "";
	return mode == LM_SHARED ? " for read" : " for write";
}

static void double_lock_acquire(struct fn_ctx *fn, const struct lock_event *ev,
				const struct lockset *before)
{
	const struct lock_state *s = &before->s[ev->lock];
	struct lock_slot *lock = &fn->locks[ev->lock];

	if (s->mask != LS_HELD || lock_kinds[lock->kind].counting)
		return;
	if (!lock->ref.instance_known)
		return;
	if (ev->op != LOP_ACQUIRE)
		return;		/* a trylock on a held lock just fails */
	/* rwlock readers nest; rw_semaphore readers block behind a writer */
	if (ev->mode == LM_SHARED && s->mode == LM_SHARED && lock->kind == LK_RWLOCK)
		return;
	if (lock->reported)
		return;
	if (ev->subclass > 0 && ev->subclass != s->subclass)
		return;

	ls_warn(ev->pos, "double-lock",
		"%s() acquires '%s'%s while it is already held%s: self-deadlock",
		lock_event_name(ev), lock->ref.instance, mode_name(ev->mode, lock->kind),
		mode_name(s->mode, lock->kind));
	ls_note(s->held_at, "'%s' (%s) was acquired here", lock->ref.instance,
		lock->ref.klass);
	/* past a self-deadlock, what else this lock does is moot */
	lock->reported = true;
}

static const struct check double_lock = {
	.name = "double-lock",
	.acquire = double_lock_acquire,
};

void register_double_lock(void)
{
	check_register(&double_lock);
}
