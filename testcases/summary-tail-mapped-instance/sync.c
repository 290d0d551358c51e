#include "kernel.h"
#include "obj.h"

/*
 * All of obj_update()'s locks, kept as a tail read through its summary:
 * the call changes one instance, '$0->lock' to '$0->peer->lock'.
 */
void obj_sync(struct obj *o)
{
	obj_update(o->peer);
}
