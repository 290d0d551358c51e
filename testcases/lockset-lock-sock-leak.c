#include "kernel.h"

static int sk_wait_connect(struct sock *sk);

/* A protocol's connect(): the state check returns without release_sock(). */
static int proto_connect(struct sock *sk)
{
	int err;

	lock_sock(sk);
	if (sk->sk_state != 1) {
		sk->sk_state = 0;
		return -EINVAL;
	}
	err = sk_wait_connect(sk);
	release_sock(sk);
	return err;
}

/*
 * check-name: lock_sock() with an error exit that skips release_sock()
 *
 * check-error-start
lockset-lock-sock-leak.c:13:24: warning: inconsistent returns of '&sk->sk_lock' in proto_connect(): held on this return, not held on the return at line 17 [lockscope/inconsistent-return]
lockset-lock-sock-leak.c:10:9: note: '&sk->sk_lock' (struct sock::sk_lock) acquired here
lockset-lock-sock-leak.c:16:9: note: released here on the path to line 17
lockset-lock-sock-leak.c:17:16: note: returns without '&sk->sk_lock' here
 * check-error-end
 */
