/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_ARG_ARITH_H
#define LOCKSCOPE_ARG_ARITH_H

#include <stdbool.h>
#include "linearize.h"
#include "lockscope/strbuf.h"

/*
 * An argument that is a parameter masked with constants on the way down
 * ("flags & MSG_DONTWAIT", "gfp | __GFP_NOWARN"), as the facts write it:
 * "$N" followed by the operations in the order they apply ("$8&64",
 * "$1&-1025|512").  False (and nothing added) for anything else,
 * including the bare parameter, which lockid names already.
 */
bool arg_arith(pseudo_t arg, struct strbuf *out);

#endif
