/*
 * e2e.h - what the end-to-end clients share: BSTRs from UTF-8, the thread's
 * IErrorInfo as text, and COM's identity laws checked over a set of IIDs.
 * The clients include <cmocka.h> first.
 */
#ifndef E2E_H
#define E2E_H

#include <ccw/runtime.h>

/* A BSTR from UTF-8 (the test fails if it cannot be made). */
BSTR e2e_bstr(const char *utf8);

/* The UTF-8 of a BSTR, which it frees; the result is freed by the caller
 * with ccw_string_free. */
char *e2e_take_utf8(BSTR bstr);

/*
 * Takes the thread's error object (GetErrorInfo) and checks it: its source
 * and description equal the given texts (a NULL description: any text).
 * Fails the test when there is none.
 */
void e2e_check_error_info(const char *source, const char *description);

/*
 * COM's identity laws for an object that answers exactly `count` IIDs:
 * QueryInterface for each from each one succeeds (symmetric, transitive),
 * reflexively gives the same pointer, IUnknown is always the same pointer,
 * and AddRef/Release through each balance. `absent` is an IID it must refuse
 * with E_NOINTERFACE and *ppv = NULL.
 */
void e2e_check_identity(IUnknown *object, const IID *const *iids, size_t count,
			const IID *absent);

#endif
