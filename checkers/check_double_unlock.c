// SPDX-License-Identifier: MIT
/*
 * double-unlock: releasing a lock that every path to here has already
 * released, or that a way into this block ("out_unlock:" after a goto)
 * brings already released.  A lock the function never touched before is
 * left alone: it may be the caller's, released on its behalf.
 */
#include "lockscope/check.h"
#include "lockscope/diag.h"

static void double_unlock_release(struct fn_ctx *fn, const struct lock_event *ev,
				  const struct lockset *before)
{
	const struct lock_state *s = &before->s[ev->lock];
	const struct lock_slot *lock = &fn->locks[ev->lock];
	struct position released_at = s->released_at;

	/* one name for every line: unmasking two lines is no double unlock */
	if (!lock->ref.instance_known || lock->reported || lock->implied ||
	    lock->kind == LK_IRQLINE)
		return;
	if (s->mask != LS_RELEASED &&
	    !((s->mask & LS_RELEASED) &&
	      lockset_released_on_entry_edge(fn, ev, &released_at)))
		return;
	ls_warn(ev->pos, "double-unlock",
		"%s() releases '%s', which is not held on this path",
		lock_event_name(ev), lock->ref.instance);
	ls_note(released_at, "'%s' (%s) was already released here",
		lock->ref.instance, lock->ref.klass);
}

static const struct check double_unlock = {
	.name = "double-unlock",
	.release = double_unlock_release,
};

void register_double_unlock(void)
{
	check_register(&double_unlock);
}
