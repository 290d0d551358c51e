#include "kernel.h"

static int sk_do_bind(struct sock *sk, int port);

/* The fixed twin: one release_sock() for one lock_sock(). */
static int sk_bind(struct sock *sk, int port)
{
	int err;

	lock_sock(sk);
	err = sk_do_bind(sk, port);
	release_sock(sk);
	if (err)
		goto out;
	return 0;

out:
	return err;
}

/*
 * check-name: fixed twin: one release_sock() for one lock_sock()
 */
