/* SPDX-License-Identifier: MIT */
#ifndef LOCKSCOPE_LIBCLANG_H
#define LOCKSCOPE_LIBCLANG_H

/*
 * libclang, opened with dlopen() by the "ci" subcommands that need it.
 * Linked in, it cost every per-file run (make C=1 CHECK=lockscope) some
 * 0.2 s of CPU relocating libLLVM, more than the checks themselves.
 *
 * The clang_*() names below stand for pointers into the library, so the
 * code that uses them reads as plain libclang; call libclang_load() and
 * check it first.
 */
#include <stdbool.h>
#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

#define LIBCLANG_FUNCTIONS(X)					\
	X(clang_CompilationDatabase_dispose)			\
	X(clang_CompilationDatabase_fromDirectory)		\
	X(clang_CompilationDatabase_getAllCompileCommands)	\
	X(clang_CompilationDatabase_getCompileCommands)		\
	X(clang_CompileCommand_getArg)				\
	X(clang_CompileCommand_getDirectory)			\
	X(clang_CompileCommand_getFilename)			\
	X(clang_CompileCommand_getNumArgs)			\
	X(clang_CompileCommands_dispose)			\
	X(clang_CompileCommands_getCommand)			\
	X(clang_CompileCommands_getSize)			\
	X(clang_Cursor_isNull)					\
	X(clang_Location_isFromMainFile)			\
	X(clang_createIndex)					\
	X(clang_disposeIndex)					\
	X(clang_disposeString)					\
	X(clang_disposeTranslationUnit)				\
	X(clang_getCString)					\
	X(clang_getCursorExtent)				\
	X(clang_getCursorKind)					\
	X(clang_getCursorLocation)				\
	X(clang_getCursorReferenced)				\
	X(clang_getCursorSpelling)				\
	X(clang_getCursorUSR)					\
	X(clang_getFileName)					\
	X(clang_getRangeEnd)					\
	X(clang_getRangeStart)					\
	X(clang_getSpellingLocation)				\
	X(clang_getTranslationUnitCursor)			\
	X(clang_isCursorDefinition)				\
	X(clang_parseTranslationUnit2)			\
	X(clang_visitChildren)

#define LIBCLANG_POINTER(name) __typeof__(name) *p_##name;
struct libclang_api {
	LIBCLANG_FUNCTIONS(LIBCLANG_POINTER)
};
#undef LIBCLANG_POINTER

extern struct libclang_api libclang_api;

/* Open the library once; false (the reason in libclang_error()) if not. */
bool libclang_load(void);
const char *libclang_error(void);

#define clang_CompilationDatabase_dispose (libclang_api.p_clang_CompilationDatabase_dispose)
#define clang_CompilationDatabase_fromDirectory (libclang_api.p_clang_CompilationDatabase_fromDirectory)
#define clang_CompilationDatabase_getAllCompileCommands (libclang_api.p_clang_CompilationDatabase_getAllCompileCommands)
#define clang_CompilationDatabase_getCompileCommands (libclang_api.p_clang_CompilationDatabase_getCompileCommands)
#define clang_CompileCommand_getArg (libclang_api.p_clang_CompileCommand_getArg)
#define clang_CompileCommand_getDirectory (libclang_api.p_clang_CompileCommand_getDirectory)
#define clang_CompileCommand_getFilename (libclang_api.p_clang_CompileCommand_getFilename)
#define clang_CompileCommand_getNumArgs (libclang_api.p_clang_CompileCommand_getNumArgs)
#define clang_CompileCommands_dispose (libclang_api.p_clang_CompileCommands_dispose)
#define clang_CompileCommands_getCommand (libclang_api.p_clang_CompileCommands_getCommand)
#define clang_CompileCommands_getSize (libclang_api.p_clang_CompileCommands_getSize)
#define clang_Cursor_isNull (libclang_api.p_clang_Cursor_isNull)
#define clang_Location_isFromMainFile (libclang_api.p_clang_Location_isFromMainFile)
#define clang_createIndex (libclang_api.p_clang_createIndex)
#define clang_disposeIndex (libclang_api.p_clang_disposeIndex)
#define clang_disposeString (libclang_api.p_clang_disposeString)
#define clang_disposeTranslationUnit (libclang_api.p_clang_disposeTranslationUnit)
#define clang_getCString (libclang_api.p_clang_getCString)
#define clang_getCursorExtent (libclang_api.p_clang_getCursorExtent)
#define clang_getCursorKind (libclang_api.p_clang_getCursorKind)
#define clang_getCursorLocation (libclang_api.p_clang_getCursorLocation)
#define clang_getCursorReferenced (libclang_api.p_clang_getCursorReferenced)
#define clang_getCursorSpelling (libclang_api.p_clang_getCursorSpelling)
#define clang_getCursorUSR (libclang_api.p_clang_getCursorUSR)
#define clang_getFileName (libclang_api.p_clang_getFileName)
#define clang_getRangeEnd (libclang_api.p_clang_getRangeEnd)
#define clang_getRangeStart (libclang_api.p_clang_getRangeStart)
#define clang_getSpellingLocation (libclang_api.p_clang_getSpellingLocation)
#define clang_getTranslationUnitCursor (libclang_api.p_clang_getTranslationUnitCursor)
#define clang_isCursorDefinition (libclang_api.p_clang_isCursorDefinition)
#define clang_parseTranslationUnit2 (libclang_api.p_clang_parseTranslationUnit2)
#define clang_visitChildren (libclang_api.p_clang_visitChildren)

#endif
