// SPDX-License-Identifier: MIT
/*
 * What rules/cocci/rcu-nulls.cocci needs from an rcu-nulls finding: the
 * struct and member of the plain hlist head ("struct b::m" becomes an
 * hlist_nulls_head "nulls_m"), the object's node member and its
 * hlist_nulls_node twin (the node the nulls list links, when both are
 * members of one struct: "struct conn::common.node" beside
 * "struct conn::common.nulls_node"), and the subsystem the objects
 * belong to (their cache: "&tcp_prot" is tcp).  A plain list_head, or a
 * head that is not a struct member, gets a "nofix" reason instead.
 */
#include <string.h>

#include "lockscope/fix.h"

/* "struct b::m" -> @sname "b", @member "m"; false if not that shape. */
static bool split_head(const char *head, struct strbuf *sname, struct strbuf *member)
{
	const char *colon;

	if (strncmp(head, "struct ", 7) || !(colon = strstr(head, "::")))
		return false;
	if (strpbrk(colon + 2, ".[-> ") || colon == head + 7)
		return false;
	sb_addf(sname, "%.*s", (int)(colon - head - 7), head + 7);
	sb_add(member, colon + 2);
	return true;
}

/* The last member of a node class's path: "common.node" of "struct x::common.node". */
static const char *last_member(const char *node, int *prefix)
{
	const char *colon = strstr(node, "::"), *dot;

	if (!colon)
		return NULL;
	dot = strrchr(colon + 2, '.');
	*prefix = (dot ? dot + 1 : colon + 2) - node;
	return node + *prefix;
}

/* "&tcp_prot" -> "tcp": the protocol whose objects these are. */
static bool proto_name(struct strbuf *sb, const char *source)
{
	size_t len;

	if (!source || *source != '&')
		return false;
	len = strlen(source + 1);
	if (len <= 5 || strcmp(source + 1 + len - 5, "_prot"))
		return false;
	sb_addf(sb, "%.*s", (int)(len - 5), source + 1);
	return true;
}

void fix_rcu_nulls(struct finding *f, const struct fix_nulls *n)
{
	struct strbuf sname = STRBUF_INIT, member = STRBUF_INIT, subsys = STRBUF_INIT;
	const char *pn, *nn;
	int pplen = 0, nplen = 0;

	if (strcmp(n->plain_link, "hlist")) {
		finding_fix(f, "nofix", "'%s' is a list_head: an hlist_nulls replaces an hlist, not a list",
			    n->plain_head);
		goto out;
	}
	if (!split_head(n->plain_head, &sname, &member)) {
		finding_fix(f, "nofix", "'%s' is not a member of a struct: no type to convert",
			    n->plain_head);
		goto out;
	}
	finding_fix(f, "rule", "rcu-nulls");
	finding_fix(f, "sname", "%s", sb_str(&sname));
	finding_fix(f, "member", "%s", sb_str(&member));
	finding_fix(f, "nullshead", "%s", n->nulls_head);
	pn = last_member(n->plain_node, &pplen);
	nn = last_member(n->nulls_node, &nplen);
	/* the twin: the same struct and path, another last member */
	if (pn && nn && pplen == nplen && !strncmp(n->plain_node, n->nulls_node, pplen) &&
	    strcmp(pn, nn)) {
		finding_fix(f, "pnode", "%s", pn);
		finding_fix(f, "nnode", "%s", nn);
	}
	if (proto_name(&subsys, n->source))
		finding_fix(f, "subsys", "%s", sb_str(&subsys));
out:
	sb_release(&sname);
	sb_release(&member);
	sb_release(&subsys);
}
