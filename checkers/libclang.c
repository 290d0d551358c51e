// SPDX-License-Identifier: MIT
/*
 * libclang, loaded on first use: only "lockscope ci" reads compile
 * databases, and the per-file step must not pay for loading LLVM.
 */
#ifdef HAVE_LIBCLANG
#include <dlfcn.h>
#include <stdio.h>

#include "lockscope/libclang.h"

struct libclang_api libclang_api;
static char load_error[512];
static int loaded;		/* 0 not tried, 1 loaded, -1 failed */

const char *libclang_error(void)
{
	return load_error;
}

/* The pointer of each function, or the first one the library lacks. */
static bool bind_all(void *lib)
{
#define LIBCLANG_BIND(name)						\
	*(void **)&libclang_api.p_##name = dlsym(lib, #name);		\
	if (!libclang_api.p_##name) {					\
		snprintf(load_error, sizeof(load_error),		\
			 "%s has no %s", LIBCLANG_SO, #name);		\
		return false;						\
	}
	LIBCLANG_FUNCTIONS(LIBCLANG_BIND)
#undef LIBCLANG_BIND
	return true;
}

bool libclang_load(void)
{
	void *lib;

	if (loaded)
		return loaded > 0;
	loaded = -1;
	lib = dlopen(LIBCLANG_SO, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		snprintf(load_error, sizeof(load_error), "%s", dlerror());
		return false;
	}
	if (!bind_all(lib)) {
		dlclose(lib);
		return false;
	}
	loaded = 1;
	return true;
}
#endif
