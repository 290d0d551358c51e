#include "kernel.h"

long schedule_timeout(long timeout);

struct sk_buff;
struct sk_buff *alloc_send_space(struct sock *sk, unsigned long len);

/* Waits for send space unless the caller asked not to block. */
struct sk_buff *sock_alloc_send_pskb(struct sock *sk, unsigned long len,
				     unsigned long data_len, int noblock,
				     int *err, int order)
{
	long timeo = noblock ? 0 : 100;

	while (!alloc_send_space(sk, len)) {
		if (!timeo) {
			*err = -11;
			return 0;
		}
		timeo = schedule_timeout(timeo);
	}
	return alloc_send_space(sk, len);
}
