#include "kernel.h"

#define MSG_DONTWAIT	0x40

struct sk_buff;
struct sk_buff *sock_alloc_send_pskb(struct sock *sk, unsigned long len,
				     unsigned long data_len, int noblock,
				     int *err, int order);

/* Only the non-blocking bit of the caller's flags reaches the allocator. */
static int append_frag(struct sock *sk, int len, unsigned int flags)
{
	int err = 0;

	if (!sock_alloc_send_pskb(sk, len, 0, flags & MSG_DONTWAIT, &err, 0))
		return err;
	return 0;
}

int append_data(struct sock *sk, int len, unsigned int flags)
{
	if (len <= 0)
		return 0;
	return append_frag(sk, len, flags | 0x8000);
}
