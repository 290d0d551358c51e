#include "kernel.h"
#include "pool.h"

/*
 * pool -> cache, against pool_cache_drain() (cache.c): one lock-order
 * result in SARIF.  The filter checks the log's version and schema, the
 * tool and its rules, and the one result: rule, level, location, a
 * fingerprint of 16 hex digits, related locations with messages.
 */
void pool_shrink(struct pool *p)
{
	mutex_lock(&p->lock);
	mutex_lock(&p->cache->lock);
	p->cache->count = 0;
	mutex_unlock(&p->cache->lock);
	mutex_unlock(&p->lock);
}

/*
 * check-name: lockscope report --format=sarif: a SARIF 2.1.0 log with one lock-order result
 * check-command: lockscope -I../include --no-sparse-warnings *.c && lockscope report --format=sarif | python3 -c 'import json, re, sys; s = json.load(sys.stdin); print("version", s["version"], "schema", s["$schema"].endswith("sarif-2.1.0.json")); (run,) = s["runs"]; d = run["tool"]["driver"]; print("tool", d["name"], "rules", " ".join(r["id"] for r in d["rules"])); (r,) = run["results"]; print("result", r["ruleId"], r["level"], r["message"]["text"]); l = r["locations"][0]["physicalLocation"]; print("at %s:%d:%d" % (l["artifactLocation"]["uri"], l["region"]["startLine"], l["region"]["startColumn"])); print("fingerprint", bool(re.fullmatch("[0-9a-f]{16}", r["partialFingerprints"]["lockscope/v1"]))); rel = r["relatedLocations"]; print("related", len(rel), all(x["message"]["text"] and x["physicalLocation"]["region"]["startLine"] > 0 for x in rel))'
 * check-output-start
version 2.1.0 schema True
tool lockscope rules lockscope/callback-under-lock lockscope/wait-under-lock lockscope/lock-order lockscope/rcu-nulls lockscope/rcu-walked-add lockscope/irq-inversion lockscope/sleep-in-atomic
result lockscope/lock-order warning possible circular locking dependency: 'struct pool::lock' -> 'struct pool_cache::lock' -> 'struct pool::lock'
at test.c:13:9
fingerprint True
related 8 True
 * check-output-end
 */
