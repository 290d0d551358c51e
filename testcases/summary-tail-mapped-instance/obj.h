#ifndef TEST_OBJ_H
#define TEST_OBJ_H

struct obj {
	spinlock_t lock;
	struct obj *peer;
};

void obj_update(struct obj *o);
void obj_sync(struct obj *o);

#endif
