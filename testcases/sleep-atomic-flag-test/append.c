#include "kernel.h"

#define MSG_ZEROCOPY	0x4000000

struct zc_buf { int refs; };

static struct zc_buf *zc_alloc(void)
{
	return kmalloc(sizeof(struct zc_buf), GFP_KERNEL);
}

/* Only a zero-copy send allocates its completion buffer. */
int append_data(struct sock *sk, int len, unsigned int flags)
{
	struct zc_buf *zc = 0;

	if ((flags & MSG_ZEROCOPY) && len) {
		zc = zc_alloc();
		if (!zc)
			return -12;
	}
	sk->sk_state = len;
	return zc ? zc->refs : 0;
}
