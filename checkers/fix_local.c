// SPDX-License-Identifier: MIT
/*
 * The per-file warnings "lockscope fix --local" reads back (lockscope's
 * own stderr) carry no fix values: for the checks that have a rule, they
 * are read from the warning and its notes, which lockscope wrote.
 */
#include <stdio.h>
#include <string.h>

#include "lockscope/fix.h"

static const struct note *note_with(const struct finding *f, const char *text)
{
	int i;

	for (i = 0; i < f->nnotes; i++)
		if (strstr(f->notes[i].msg, text))
			return &f->notes[i];
	return NULL;
}

/*
 * rcu-free: "F() hands 'X' to kfree_rcu() before it is unpublished" (the
 * unpublish moves before the free), or "F() frees 'X' with kfree() right
 * after unpublishing it" (a grace period goes in between).
 */
static void rcu_free_values(struct finding *f)
{
	const struct note *un = note_with(f, "is unpublished");
	const struct note *head = note_with(f, "has an rcu_head, '");
	char func[128], callee[64], member[64];

	if (!un)
		return;
	if (sscanf(f->msg, "%127[^(]() hands '%*[^']' to %63[^(]()", func, callee) == 2) {
		finding_fix(f, "rule", "rcu-free");
		finding_fix(f, "mode", "move");
		finding_fix(f, "unline", "%d", un->line);
	} else if (sscanf(f->msg, "%127[^(]() frees '%*[^']' with %63[^(]()", func, callee) == 2) {
		finding_fix(f, "rule", "rcu-free");
		if (head && sscanf(strstr(head->msg, "rcu_head, '") + 11, "%63[^']", member) == 1) {
			finding_fix(f, "mode", "kfree_rcu");
			finding_fix(f, "head", "%s", member);
		} else {
			finding_fix(f, "mode", "sync");
		}
	} else {
		return;
	}
	finding_fix(f, "func", "%s", func);
	finding_fix(f, "callee", "%s", callee);
	finding_fix(f, "line", "%d", f->line);
}

void fix_local_values(struct finding *f)
{
	if (f->nfix)
		return;
	if (!strcmp(f->check, "rcu-free"))
		rcu_free_values(f);
}
