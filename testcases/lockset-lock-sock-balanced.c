#include "kernel.h"

static int sk_wait_connect(struct sock *sk);

/* The fixed twin: every exit after lock_sock() goes through release_sock(). */
static int proto_connect(struct sock *sk)
{
	int err;

	lock_sock(sk);
	if (sk->sk_state != 1) {
		sk->sk_state = 0;
		err = -EINVAL;
		goto out;
	}
	err = sk_wait_connect(sk);
out:
	release_sock(sk);
	return err;
}

/*
 * check-name: fixed twin: every exit goes through release_sock()
 */
