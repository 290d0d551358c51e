#include "kernel.h"
#include "many_locks.h"
#include "obj.h"

COUNTER10(1)
COUNTER10(2)

/* Twenty counter locks around the object's own: a summary of 21. */
void obj_update(struct obj *o)
{
	BUMP10(1)
	spin_lock(&o->lock);
	spin_unlock(&o->lock);
	BUMP10(2)
}
