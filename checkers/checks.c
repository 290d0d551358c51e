// SPDX-License-Identifier: MIT
/*
 * The registry of checks, smatch-style: each check_*.c registers hooks.
 */
#include <string.h>

#include "lockscope/check.h"
#include "lockscope/rcu.h"
#include "lockscope/strbuf.h"

const struct check **checks;
int nr_checks;

void check_register(const struct check *check)
{
	checks = ls_xrealloc(checks, (nr_checks + 1) * sizeof(*checks));
	checks[nr_checks++] = check;
}

void check_register_all(void)
{
	register_double_lock();
	register_double_unlock();
	register_inconsistent_return();
	register_use_after_free();
	register_facts();
	/* after the facts: their function hook numbers the function */
	register_rcu_facts();
	register_rcu_free();
}

bool check_disable(const char *name)
{
	int i;

	for (i = 0; i < nr_checks; i++) {
		if (!strcmp(checks[i]->name, name)) {
			memmove(&checks[i], &checks[i + 1],
				(nr_checks - i - 1) * sizeof(*checks));
			nr_checks--;
			return true;
		}
	}
	return false;
}
