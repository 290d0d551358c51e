/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_FACTS_H
#define LOCKSCOPE_FACTS_H

#include <stdbool.h>
#include "lockscope/guards.h"

/*
 * Facts: what one translation unit tells the whole-tree step.  One text
 * file per source file, tab-separated records, written to a temporary
 * file and renamed into place:
 *
 *   lockscope-facts <version>
 *   tu    <source path>
 *   F     <fid> <function> <line>                 (statics: "path:name")
 *   C     <fid> <line> <col> <d|f|u> <callee> <nargs>
 *   A     <fid> <line> <col> <kind> <mode> <acquire|try> <class> <inst> <shown> <sub> <again>
 *   a     <arg> <desc>            (after C: "#value", "$0->x", "&sym", "-",
 *                                  "$2&64|256": a parameter and-ed, or-ed)
 *   g     <param> <in|notin|never> <v,v,...>     (after C or A)
 *   g     <param> <bits-set|bits-clear> <mask>   (flag tests; read after C)
 *   h     <kind> <mode> <line> <class> <inst> <shown>   (held, after C or A)
 *   r     <inst>                  (after C: released here, the caller's lock)
 *   I     <irq-off|bh-off|-> <sleeps|->   (after A: its flavour)
 *   B     <struct type> <field> <function> <object>  (a function bound to a field;
 *                                                    object: "&global" or "-")
 *   R     <callee> <arg> <function>               (a function passed to a call)
 *   X     <fid> <line> <col> <callee> <resource>  (a free, rules/teardown.tab)
 *   U     <fid> <line> <col> <resource> <how>     (first use: "deref" or a callee)
 *   T     <struct type> <line> <source>   (objects of a SLAB_TYPESAFE_BY_RCU
 *                                          cache; source: "&proto" or the
 *                                          cache's name; and the types they
 *                                          embed as first member)
 *   W     <fid> <line> <col> <link> <class> <shown>   (an RCU list walk loads
 *                                          a link of this list head or node;
 *                                          link: hlist, nulls, list)
 *   P     <fid> <line> <col> <link> <class> <shown>   (as W, a list_head walk
 *                                          with no rcu_read_lock() of its own:
 *                                          a reader if a caller holds it)
 *   N     <fid> <line> <col> <kind> <callee> <k> <call line> <call col> <what> <shown>
 *                                         (an unpublish and a free across calls,
 *                                          kind: unpub, frees, free-after-call,
 *                                          call-after-unpub; check_rcu_free.c)
 *   L     <fid> <line> <col> <op> <link> <node class> <object> <head class>
 *         <head shown>                    (a list primitive of rules/rcu.tab;
 *                                          object: "$0", "&global" or "-";
 *                                          head "-" when the op has none)
 *   Y     <kind> <object> <shown>     (after C: the call waits for the
 *                                     callbacks of the object, rules/waits.tab)
 *   Z     <fid> <line> <kind> <object> <callback>  (a callback bound to an
 *                                     object; kind wq: a work queued on it)
 *   Q     <container> <member>        (a sysfs group or array holds a global)
 *   end   <records>
 *
 * <inst> names the lock across functions: relative to the parameters
 * ("&$0->idev->lock"), a global ("&rtnl_mutex"), or "-" (class only).
 * <resource> is the member a pointer was loaded from ("struct mlx5_cmd::pool").
 */
#define FACTS_VERSION 10
/*
 * The oldest version still read: a v9 file is a v10 file without masked
 * arguments ("$2&64") and flag-test guards (bits-set, bits-clear), whose
 * absence only makes sleeps unconditional, as v9 took them.
 */
#define FACTS_OLDEST_READ 9
#define FACTS_MAGIC "lockscope-facts"

/* The facts directory: --facts-dir, $LOCKSCOPE_FACTS_DIR or .lockscope */
extern const char *facts_dir;
extern bool facts_enabled;

/* Per translation unit, from main: open, close (atomically in place). */
void facts_begin(const char *source);
void facts_end(void);
/* A global with an initializer: record the functions it binds to fields. */
void facts_scan_initializer(struct symbol *sym);
/* For other per-file writers: is a file open, a new record, its fields. */
bool facts_active(void);
void facts_record(const char *tag);
void facts_field(const char *s);
void facts_field_int(long long v);

#endif
