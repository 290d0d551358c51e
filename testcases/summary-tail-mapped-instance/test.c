#include "kernel.h"
#include "obj.h"

/* The peer's lock held: obj_sync() takes it again, through its tail. */
void obj_flush(struct obj *o)
{
	spin_lock(&o->peer->lock);
	obj_sync(o);
	spin_unlock(&o->peer->lock);
}

/*
 * The object's own lock held: obj_sync() takes its peer's, the instance
 * its tail maps.  Another instance of the class, not the held one: the
 * warning for one class, not the deadlock of one lock.
 */
void obj_flush_own(struct obj *o)
{
	spin_lock(&o->lock);
	obj_sync(o);
	spin_unlock(&o->lock);
}

/* The fixed version of the deadlock: the peer's lock dropped first. */
void obj_flush_fixed(struct obj *o)
{
	spin_lock(&o->peer->lock);
	o->peer->peer = NULL;
	spin_unlock(&o->peer->lock);
	obj_sync(o);
}

/*
 * check-name: a callee whose summary is a tail with a mapped instance: the held instance again, another one, the lock dropped first
 * check-error-start
test.c:8:9: error: obj_sync() is called with '&o->peer->lock' held and acquires it again: deadlock [lockscope/callback-under-lock]
test.c:7: note: '&o->peer->lock' (struct obj::lock) acquired here
test.c:8:9: note: obj_flush() calls obj_sync()
sync.c:10:9: note: obj_sync() calls obj_update()
update.c:12:9: note: obj_update() acquires '&o->lock' here
test.c:20:9: warning: obj_sync() is called with '&o->lock' held and acquires a lock of the same class: deadlock if it is the same instance [lockscope/callback-under-lock]
test.c:19: note: '&o->lock' (struct obj::lock) acquired here
test.c:20:9: note: obj_flush_own() calls obj_sync()
sync.c:10:9: note: obj_sync() calls obj_update()
update.c:12:9: note: obj_update() acquires '&o->lock' here
 * check-error-end
 */
