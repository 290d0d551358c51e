#include "kernel.h"

struct foo_ctx {
	int refs;
	int state;
};

int foo_busy(struct foo_ctx *ctx);

/* Freed on one branch, used on the other: no path has both. */
static int foo_put(struct foo_ctx *ctx)
{
	if (!foo_busy(ctx)) {
		kfree(ctx);
		return 0;
	}
	ctx->refs--;
	return ctx->state;
}

static void foo_release(struct foo_ctx *ctx, bool last)
{
	if (last)
		kfree(ctx);
	else
		ctx->state = 0;
}

/*
 * check-name: a free on one path and a use on the other
 */
