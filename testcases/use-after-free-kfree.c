#include "kernel.h"

struct foo_req {
	int id;
	int status;
	void *buf;
};

int foo_complete(struct foo_req *req);

/* The request is freed, then its status is read for the return value. */
static int foo_finish(struct foo_req *req)
{
	foo_complete(req);
	kfree(req->buf);
	kfree(req);
	return req->status;
}

/*
 * check-name: kfree(p) and then p->member
 *
 * check-error-start
use-after-free-kfree.c:17:16: warning: 'req->status' is used after kfree() freed 'req' [lockscope/use-after-free]
use-after-free-kfree.c:16:9: note: kfree() frees 'req' here
 * check-error-end
 */
