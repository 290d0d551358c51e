#include "kernel.h"

struct foo_req {
	int status;
};

/* --disable=use-after-free: the free and the use stay unreported. */
static int foo_finish(struct foo_req *req)
{
	kfree(req);
	return req->status;
}

/*
 * check-name: --disable=use-after-free turns that check off
 * check-command: lockscope -Iinclude --disable=use-after-free $file
 */
