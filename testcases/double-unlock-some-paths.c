#include "kernel.h"

static int sk_do_bind(struct sock *sk, int port);

/*
 * release_sock() on the error branch, then again after the join: the
 * error path releases twice, the success path once.
 */
static int sk_bind(struct sock *sk, int port)
{
	int err;

	lock_sock(sk);
	err = sk_do_bind(sk, port);
	if (err)
		release_sock(sk);
	sk->sk_state = err ? 0 : 1;
	release_sock(sk);
	return err;
}

/*
 * check-name: release_sock() twice on the error path only
 *
 * check-error-start
double-unlock-some-paths.c:18:9: warning: release_sock() releases '&sk->sk_lock', which is not held on this path [lockscope/double-unlock]
double-unlock-some-paths.c:16:17: note: '&sk->sk_lock' (struct sock::sk_lock) was already released here
 * check-error-end
 */
