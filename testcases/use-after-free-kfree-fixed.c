#include "kernel.h"

struct foo_req {
	int id;
	int status;
	void *buf;
};

int foo_complete(struct foo_req *req);

/* The fix: read what is needed before the free. */
static int foo_finish(struct foo_req *req)
{
	int status;

	foo_complete(req);
	status = req->status;
	kfree(req->buf);
	kfree(req);
	return status;
}

/*
 * check-name: p->member is read before kfree(p)
 */
