#include "kernel.h"

struct obj {
	spinlock_t lock;
	int n;
};

/*
 * kbuild's CHECK argv carries gcc's flags: accepted and ignored; -Werror
 * is gcc's and leaves warnings warnings; -Wp,-MMD,file writes nothing.
 */
static void obj_inc(struct obj *o)
{
	spin_lock(&o->lock);
	o->n++;
	spin_lock(&o->lock);
	spin_unlock(&o->lock);
}

/*
 * check-name: kbuild's gcc flags are accepted; -Werror does not make errors; no dep file
 * check-command: lockscope -Iinclude -Werror -fno-strict-aliasing -Wp,-MMD,.kbuild-flags.d -mno-red-zone --param=allow-store-data-races=0 $file; rc=$?; test ! -e .kbuild-flags.d || { rm -f .kbuild-flags.d; echo 'dependency file written'; }; exit $rc
 *
 * check-error-start
invocation-kbuild-flags.c:16:9: warning: spin_lock() acquires '&o->lock' while it is already held: self-deadlock [lockscope/double-lock]
invocation-kbuild-flags.c:14:9: note: '&o->lock' (struct obj::lock) was acquired here
 * check-error-end
 */
