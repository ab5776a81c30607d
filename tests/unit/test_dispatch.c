/*
 * test_dispatch.c - the dispatch engine (runtime/dispatch.c): the name and
 * DISPID hashes, GetIDsOfNames, and Invoke through the hand-written ICalc of
 * dispatch_calc.c, first as a table of cases good and bad, then the
 * by-reference, EXCEPINFO and malformed-DISPPARAMS paths one by one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dispatch_calc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define UNTOUCHED 0xdeadu

/* ---- Helpers --------------------------------------------------------- */

static char *utf8_of(BSTR text)
{
    char *out = NULL;

    assert_int_equal(ccw_bstr_to_utf8(text, &out, NULL), S_OK);
    return out;
}

static void assert_bstr_equal(BSTR text, const char *expected)
{
    char *actual = utf8_of(text);

    assert_string_equal(actual, expected);
    ccw_string_free(actual);
}

static BSTR bstr(const char *utf8)
{
    BSTR out = NULL;

    assert_int_equal(ccw_bstr_from_utf8(utf8, CCW_NUL_TERMINATED, &out), S_OK);
    return out;
}

static HRESULT invoke(IDispatch *disp, DISPID dispid, WORD flags, DISPPARAMS *params,
                      VARIANT *result, EXCEPINFO *excepinfo, UINT *arg_err)
{
    return IDispatch_Invoke(disp, dispid, &IID_NULL, LOCALE_USER_DEFAULT, flags, params, result,
                            excepinfo, arg_err);
}

static int setup(void **state)
{
    (void)state;
    calc_setup();
    return 0;
}

/* ---- The table of Invoke cases --------------------------------------- */

enum arg_kind {
    A_END, A_I4, A_I2, A_UI1, A_I8, A_R8, A_BSTR, A_NULLBSTR, A_BOOL, A_MISSING, A_EMPTY, A_NULL,
    A_BADVT, A_NOTHING, A_SCODE
};

typedef struct arg {
    enum arg_kind kind;
    double number;
    const char *text;
} arg;

#define I4(n) { A_I4, (n), NULL }
#define I2(n) { A_I2, (n), NULL }
#define UI1(n) { A_UI1, (n), NULL }
#define I8(n) { A_I8, (n), NULL }
#define R8(n) { A_R8, (n), NULL }
#define STR(s) { A_BSTR, 0, (s) }
#define NULLSTR { A_NULLBSTR, 0, NULL }
#define BOOLV(b) { A_BOOL, (b), NULL }
#define MISSING { A_MISSING, 0, NULL }
#define EMPTY { A_EMPTY, 0, NULL }
#define NULLV { A_NULL, 0, NULL }
#define BADVT { A_BADVT, 0, NULL }
#define NOTHING { A_NOTHING, 0, NULL }
#define SCODEV(n) { A_SCODE, (n), NULL }
#define NONE { A_END, 0, NULL }

typedef struct invoke_case {
    const char *what;
    DISPID dispid;
    WORD flags;
    arg args[6];   /* named ones first (named[] gives their DISPIDs), then the
                      positional ones in parameter order */
    UINT named_count;
    DISPID named[3];
    HRESULT hr;
    arg result;    /* NONE: VT_EMPTY */
    UINT arg_err;  /* expected *puArgErr; UNTOUCHED when none is set */
    bool check_after;
    DISPID after_dispid; /* a property read back after the call */
    arg after;
} invoke_case;

#define M DISPATCH_METHOD
#define G DISPATCH_PROPERTYGET
#define P DISPATCH_PROPERTYPUT
#define PR DISPATCH_PROPERTYPUTREF
#define U UNTOUCHED
#define NO_AFTER false, 0, NONE

static const invoke_case cases[] = {
    /* Good calls. */
    { "Add", 1, M, { I4(2), I4(3) }, 0, { 0 }, S_OK, I4(5), U, NO_AFTER },
    { "Add as VBScript calls it", 1, M | G, { I4(2), I4(3) }, 0, { 0 }, S_OK, I4(5), U, NO_AFTER },
    { "Add coerces VT_I2", 1, M, { I2(20), I2(22) }, 0, { 0 }, S_OK, I4(42), U, NO_AFTER },
    { "Add coerces a string and a real", 1, M, { STR("40"), R8(2.4) }, 0, { 0 }, S_OK, I4(42), U, NO_AFTER },
    { "Add coerces VT_EMPTY to 0", 1, M, { EMPTY, I4(2) }, 0, { 0 }, S_OK, I4(2), U, NO_AFTER },
    { "Add with named arguments", 1, M, { I4(10), I4(3) }, 2, { 1, 0 }, S_OK, I4(13), U, NO_AFTER },
    { "Add positional and named", 1, M, { I4(2), I4(1) }, 1, { 1 }, S_OK, I4(3), U, NO_AFTER },
    { "Add of booleans", 1, M, { BOOLV(-1), BOOLV(-1) }, 0, { 0 }, S_OK, I4(-2), U, NO_AFTER },
    { "get Value", 0, G, { NONE }, 0, { 0 }, S_OK, I4(0), U, NO_AFTER },
    { "get Value as METHOD|PROPERTYGET", 0, M | G, { NONE }, 0, { 0 }, S_OK, I4(0), U, NO_AFTER },
    { "put Value named DISPID_PROPERTYPUT", 0, P, { I4(9) }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE,
      U, true, 0, I4(9) },
    { "put Value positional", 0, P, { I4(9) }, 0, { 0 }, S_OK, NONE, U, true, 0, I4(9) },
    { "put Value coerces a string", 0, P, { STR(" 12 ") }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U,
      true, 0, I4(12) },
    { "put Value rounds a real", 0, P, { R8(2.5) }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U, true, 0,
      I4(2) },
    { "Concat", 3, M, { STR("ab"), STR("cd") }, 0, { 0 }, S_OK, STR("abcd"), U, NO_AFTER },
    { "Concat with its default", 3, M, { STR("ab") }, 0, { 0 }, S_OK, STR("ab!"), U, NO_AFTER },
    { "Concat with a missing marker", 3, M, { STR("ab"), MISSING }, 0, { 0 }, S_OK, STR("ab!"), U, NO_AFTER },
    { "Concat with a NULL BSTR", 3, M, { NULLSTR, STR("x") }, 0, { 0 }, S_OK, STR("x"), U, NO_AFTER },
    { "Concat coerces numbers", 3, M, { I4(12), R8(3.5) }, 0, { 0 }, S_OK, STR("123.5"), U, NO_AFTER },
    { "Concat named in reverse", 3, M, { STR("Y"), STR("X") }, 2, { 1, 0 }, S_OK, STR("XY"), U, NO_AFTER },
    { "Concat named default", 3, M, { STR("X") }, 1, { 0 }, S_OK, STR("X!"), U, NO_AFTER },
    { "Scale with its default", 4, M, { R8(1.5) }, 0, { 0 }, S_OK, R8(3.0), U, NO_AFTER },
    { "Scale", 4, M, { R8(1.5), I4(4) }, 0, { 0 }, S_OK, R8(6.0), U, NO_AFTER },
    { "Scale coerces a string", 4, M, { STR("2.5"), I4(2) }, 0, { 0 }, S_OK, R8(5.0), U, NO_AFTER },
    { "Scale of a boolean", 4, M, { BOOLV(-1), I4(3) }, 0, { 0 }, S_OK, R8(-3.0), U, NO_AFTER },
    { "Divide without its [out]", 5, M, { I4(7), I4(2) }, 0, { 0 }, S_OK, I4(3), U, NO_AFTER },
    { "Divide with a by-value [out]", 5, M, { I4(7), I4(2), I4(0) }, 0, { 0 }, S_OK, I4(3), U, NO_AFTER },
    { "Small at its top", 9, M, { UI1(255) }, 0, { 0 }, S_OK, UI1(255), U, NO_AFTER },
    { "Small coerces VT_I4", 9, M, { I4(200) }, 0, { 0 }, S_OK, UI1(200), U, NO_AFTER },
    { "Echo of a VT_I4", 10, M, { I4(5) }, 0, { 0 }, S_OK, I4(5), U, NO_AFTER },
    { "Echo of a string", 10, M, { STR("hi") }, 0, { 0 }, S_OK, STR("hi"), U, NO_AFTER },
    { "Echo of VT_EMPTY", 10, M, { EMPTY }, 0, { 0 }, S_OK, NONE, U, NO_AFTER },
    { "Echo of an unknown VARTYPE reaches the callee", 10, M, { BADVT }, 0, { 0 },
      DISP_E_EXCEPTION, NONE, U, NO_AFTER },
    { "get Name", 7, G, { NONE }, 0, { 0 }, S_OK, STR("calc"), U, NO_AFTER },
    { "put Name", 7, P, { STR("zed") }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U, true, 7,
      STR("zed") },
    { "put Name coerces a number", 7, P, { I4(5) }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U, true, 7,
      STR("5") },
    { "put Name of a NULL BSTR", 7, P, { NULLSTR }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U, true, 7,
      STR("") },
    { "get Flag", 11, G, { NONE }, 0, { 0 }, S_OK, BOOLV(0), U, NO_AFTER },
    { "put Flag", 11, P, { BOOLV(-1) }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U, true, 11,
      BOOLV(-1) },
    { "put Flag coerces a number", 11, P, { I4(3) }, 1, { DISPID_PROPERTYPUT }, S_OK, NONE, U, true,
      11, BOOLV(-1) },
    { "hidden Secret by DISPID", 12, M, { NONE }, 0, { 0 }, S_OK, I4(42), U, NO_AFTER },
    { "Peer of Nothing", 13, M, { NOTHING }, 0, { 0 }, S_OK, I4(-1), U, NO_AFTER },
    { "Sum of a string's bytes", 14, M, { STR("AB") }, 0, { 0 }, S_OK, I4(0x41 + 0x42), U, NO_AFTER },
    /* DESIGN.md §5: a string passed for bytes gives its UTF-8 bytes (C3 A9),
     * not its UTF-16 ones (E9 00). */
    { "Sum of a string's UTF-8 bytes", 14, M, { STR("\xC3\xA9") }, 0, { 0 }, S_OK, I4(0xC3 + 0xA9),
      U, NO_AFTER },
    { "Defaults, all left out", 16, M, { NONE }, 0, { 0 }, S_OK, STR("7 -1 <> 10"), U, NO_AFTER },
    { "Defaults, one given", 16, M, { I4(3) }, 0, { 0 }, S_OK, STR("3 -1 <> 10"), U, NO_AFTER },
    { "Defaults, one named", 16, M, { STR("x") }, 1, { 2 }, S_OK, STR("7 -1 <x> 10"), U, NO_AFTER },
    { "Defaults, missing markers and values", 16, M, { MISSING, BOOLV(0), STR("q"), I4(5) }, 0,
      { 0 }, S_OK, STR("7 0 <q> 3"), U, NO_AFTER },

    /* No such member. */
    { "unknown DISPID", 99, M, { NONE }, 0, { 0 }, DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "DISPID_UNKNOWN", DISPID_UNKNOWN, M, { NONE }, 0, { 0 }, DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "a method read as a property", 1, G, { I4(1), I4(2) }, 0, { 0 }, DISP_E_MEMBERNOTFOUND,
      NONE, U, NO_AFTER },
    { "a method written as a property", 1, P, { I4(1) }, 0, { 0 }, DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "a property called as a method", 0, M, { NONE }, 0, { 0 }, DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "no invoke flag", 1, 0, { I4(1), I4(2) }, 0, { 0 }, DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "PUTREF of a LONG property", 0, PR, { I4(1) }, 1, { DISPID_PROPERTYPUT },
      DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "PUTREF of a VARIANT_BOOL property", 11, PR, { BOOLV(0) }, 1, { DISPID_PROPERTYPUT },
      DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },
    { "put of a read-only member", 12, P, { I4(1) }, 0, { 0 }, DISP_E_MEMBERNOTFOUND, NONE, U, NO_AFTER },

    /* Argument counts. */
    { "Add with three arguments", 1, M, { I4(1), I4(2), I4(3) }, 0, { 0 }, DISP_E_BADPARAMCOUNT,
      NONE, U, NO_AFTER },
    { "Add with one argument", 1, M, { I4(1) }, 0, { 0 }, DISP_E_BADPARAMCOUNT, NONE, U, NO_AFTER },
    { "Add with none", 1, M, { NONE }, 0, { 0 }, DISP_E_BADPARAMCOUNT, NONE, U, NO_AFTER },
    { "Concat with none", 3, M, { NONE }, 0, { 0 }, DISP_E_BADPARAMCOUNT, NONE, U, NO_AFTER },
    { "Defaults with five", 16, M, { I4(1), I4(1), I4(1), I4(1), I4(1) }, 0, { 0 },
      DISP_E_BADPARAMCOUNT, NONE, U, NO_AFTER },
    { "put Value with two", 0, P, { I4(1), I4(2) }, 1, { DISPID_PROPERTYPUT },
      DISP_E_BADPARAMCOUNT, NONE, U, NO_AFTER },
    { "put Value with none", 0, P, { NONE }, 0, { 0 }, DISP_E_BADPARAMCOUNT, NONE, U, NO_AFTER },

    /* Parameters not optional. */
    { "Add with a missing marker", 1, M, { MISSING, I4(2) }, 0, { 0 }, DISP_E_PARAMNOTOPTIONAL,
      NONE, 1, NO_AFTER },
    { "Add with only b named", 1, M, { I4(2) }, 1, { 1 }, DISP_E_PARAMNOTOPTIONAL, NONE, U, NO_AFTER },
    { "Concat with a missing marker first", 3, M, { MISSING }, 0, { 0 }, DISP_E_PARAMNOTOPTIONAL,
      NONE, 0, NO_AFTER },

    /* Named arguments. */
    { "Add named past its parameters", 1, M, { I4(1), I4(2) }, 1, { 5 }, DISP_E_PARAMNOTFOUND,
      NONE, 0, NO_AFTER },
    { "Add named DISPID_PROPERTYPUT", 1, M, { I4(1), I4(2) }, 1, { DISPID_PROPERTYPUT },
      DISP_E_PARAMNOTFOUND, NONE, 0, NO_AFTER },
    { "Add given a twice", 1, M, { I4(1), I4(2) }, 1, { 0 }, DISP_E_PARAMNOTFOUND, NONE, 0, NO_AFTER },
    { "Add named a twice", 1, M, { I4(1), I4(2) }, 2, { 0, 0 }, DISP_E_PARAMNOTFOUND, NONE, 1, NO_AFTER },
    { "put Value named 0", 0, P, { I4(1) }, 1, { 0 }, DISP_E_PARAMNOTFOUND, NONE, 0, NO_AFTER },
    { "get Value with a named argument", 0, G, { I4(1) }, 1, { 0 }, DISP_E_NONAMEDARGS, NONE, U, NO_AFTER },
    { "Fail with a named argument", 15, M, { I4(1) }, 1, { 0 }, DISP_E_NONAMEDARGS, NONE, U, NO_AFTER },

    /* Types. */
    { "Add of a word", 1, M, { STR("abc"), I4(1) }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 1, NO_AFTER },
    { "Add of a word second", 1, M, { I4(1), STR("abc") }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 0, NO_AFTER },
    { "Add of VT_NULL", 1, M, { NULLV, I4(1) }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 1, NO_AFTER },
    { "Add of an SCODE", 1, M, { I4(1), SCODEV(5) }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 0, NO_AFTER },
    { "Add of an unknown VARTYPE", 1, M, { I4(1), BADVT }, 0, { 0 }, DISP_E_BADVARTYPE, NONE, 0, NO_AFTER },
    { "Add of Nothing", 1, M, { NOTHING, I4(1) }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 1, NO_AFTER },
    { "Add named of a word", 1, M, { STR("x"), I4(1) }, 1, { 1 }, DISP_E_TYPEMISMATCH, NONE, 0, NO_AFTER },
    { "Scale of a word", 4, M, { STR("x") }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 0, NO_AFTER },
    { "Peer of a number", 13, M, { I4(5) }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 0, NO_AFTER },
    { "put Value of a word", 0, P, { STR("x") }, 1, { DISPID_PROPERTYPUT }, DISP_E_TYPEMISMATCH,
      NONE, 0, NO_AFTER },
    { "put Flag of a word", 11, P, { STR("maybe") }, 0, { 0 }, DISP_E_TYPEMISMATCH, NONE, 0, NO_AFTER },
    { "Add of 2^40", 1, M, { I8(1099511627776.0), I4(1) }, 0, { 0 }, DISP_E_OVERFLOW, NONE, 1, NO_AFTER },
    { "Add of 1e20", 1, M, { I4(1), R8(1e20) }, 0, { 0 }, DISP_E_OVERFLOW, NONE, 0, NO_AFTER },
    { "Small of 256", 9, M, { I4(256) }, 0, { 0 }, DISP_E_OVERFLOW, NONE, 0, NO_AFTER },
    { "Small of -1", 9, M, { I4(-1) }, 0, { 0 }, DISP_E_OVERFLOW, NONE, 0, NO_AFTER },
    { "Defaults of a big short", 16, M, { I4(40000) }, 0, { 0 }, DISP_E_OVERFLOW, NONE, 0, NO_AFTER },

    /* Failures of the method. */
    { "Divide by zero", 5, M, { I4(1), I4(0) }, 0, { 0 }, DISP_E_EXCEPTION, NONE, U, NO_AFTER },
    { "Fail", 15, M, { NONE }, 0, { 0 }, DISP_E_EXCEPTION, NONE, U, NO_AFTER },
};

static void make_arg(VARIANT *v, const arg *a)
{
    VariantInit(v);
    switch (a->kind) {
    case A_I4: V_VT(v) = VT_I4; V_I4(v) = (LONG)a->number; break;
    case A_I2: V_VT(v) = VT_I2; V_I2(v) = (SHORT)a->number; break;
    case A_UI1: V_VT(v) = VT_UI1; V_UI1(v) = (BYTE)a->number; break;
    case A_I8: V_VT(v) = VT_I8; V_I8(v) = (LONGLONG)a->number; break;
    case A_R8: V_VT(v) = VT_R8; V_R8(v) = a->number; break;
    case A_BSTR: V_VT(v) = VT_BSTR; V_BSTR(v) = bstr(a->text); break;
    case A_NULLBSTR: V_VT(v) = VT_BSTR; V_BSTR(v) = NULL; break;
    case A_BOOL: V_VT(v) = VT_BOOL; V_BOOL(v) = (VARIANT_BOOL)a->number; break;
    case A_MISSING: V_VT(v) = VT_ERROR; V_ERROR(v) = DISP_E_PARAMNOTFOUND; break;
    case A_SCODE: V_VT(v) = VT_ERROR; V_ERROR(v) = (SCODE)a->number; break;
    case A_NULL: V_VT(v) = VT_NULL; break;
    case A_BADVT: V_VT(v) = 0x7f; V_I8(v) = 0; break;
    case A_NOTHING: V_VT(v) = VT_DISPATCH; V_DISPATCH(v) = NULL; break;
    case A_EMPTY: case A_END: break;
    }
}

static void assert_variant_is(const VARIANT *v, const arg *expected)
{
    switch (expected->kind) {
    case A_END: assert_int_equal(V_VT(v), VT_EMPTY); break;
    case A_I4: assert_int_equal(V_VT(v), VT_I4); assert_int_equal(V_I4(v), (LONG)expected->number); break;
    case A_UI1: assert_int_equal(V_VT(v), VT_UI1); assert_int_equal(V_UI1(v), (BYTE)expected->number); break;
    case A_R8: assert_int_equal(V_VT(v), VT_R8); assert_true(V_R8(v) == expected->number); break;
    case A_BOOL: assert_int_equal(V_VT(v), VT_BOOL); assert_int_equal(V_BOOL(v), (VARIANT_BOOL)expected->number); break;
    case A_BSTR: assert_int_equal(V_VT(v), VT_BSTR); assert_bstr_equal(V_BSTR(v), expected->text); break;
    default: fail_msg("no such expectation");
    }
}

static void run_case(const invoke_case *c)
{
    IDispatch *disp = calc_create();
    VARIANT rgvarg[6], result, after;
    DISPID named[3];
    DISPPARAMS params = { rgvarg, named, 0, c->named_count };
    EXCEPINFO excepinfo;
    UINT argc = 0, k, arg_err = UNTOUCHED;
    HRESULT hr;

    while (argc < 6 && c->args[argc].kind != A_END)
        argc++;
    params.cArgs = argc;
    for (k = 0; k < c->named_count; k++) {
        make_arg(&rgvarg[k], &c->args[k]);
        named[k] = c->named[k];
    }
    for (k = c->named_count; k < argc; k++)
        make_arg(&rgvarg[argc - 1 - (k - c->named_count)], &c->args[k]);
    VariantInit(&result);
    memset(&excepinfo, 0, sizeof(excepinfo));

    hr = invoke(disp, c->dispid, c->flags, &params, &result, &excepinfo, &arg_err);
    if (hr != c->hr)
        fail_msg("%s: hr 0x%08x, expected 0x%08x", c->what, (unsigned)hr, (unsigned)c->hr);
    if (arg_err != c->arg_err)
        fail_msg("%s: puArgErr %u, expected %u", c->what, arg_err, c->arg_err);
    if (hr == S_OK)
        assert_variant_is(&result, &c->result);
    if (c->check_after) {
        DISPPARAMS none = { NULL, NULL, 0, 0 };

        VariantInit(&after);
        assert_int_equal(invoke(disp, c->after_dispid, G, &none, &after, NULL, NULL), S_OK);
        assert_variant_is(&after, &c->after);
        VariantClear(&after);
    }
    VariantClear(&result);
    SysFreeString(excepinfo.bstrSource);
    SysFreeString(excepinfo.bstrDescription);
    SysFreeString(excepinfo.bstrHelpFile);
    for (k = 0; k < argc; k++) {
        /* The unknown VARTYPE is the test's own: VariantClear would refuse it. */
        if (V_VT(&rgvarg[k]) != 0x7f)
            VariantClear(&rgvarg[k]);
    }
    IDispatch_Release(disp);
}

static void test_invoke_cases(void **state)
{
    size_t i, errors = 0;

    (void)state;
    assert_true(sizeof(cases) / sizeof(cases[0]) >= 60);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (FAILED(cases[i].hr))
            errors++;
        run_case(&cases[i]);
    }
    assert_true(errors >= 30);
}

/* ---- Hash construction ------------------------------------------------ */

static void test_names_build_rejects_bad_input(void **state)
{
    ccw_dispatch_shape shape = { 7, 7 };
    ccw_dispatch_name keys[2] = { { "add", 3, 0, -1 }, { "add", 3, 1, -1 } };

    (void)state;
    assert_int_equal(ccw_dispatch_names_build(NULL, keys, 1), E_POINTER);
    assert_int_equal(ccw_dispatch_names_build(&shape, NULL, 1), E_POINTER);
    assert_int_equal(ccw_dispatch_names_build(&shape, keys, 0), E_INVALIDARG);
    assert_int_equal(ccw_dispatch_names_build(&shape, keys, 65537), E_INVALIDARG);
    /* Two member names "add" collide whatever their member. */
    assert_int_equal(ccw_dispatch_names_build(&shape, keys, 2), E_INVALIDARG);
    keys[1].folded = NULL;
    assert_int_equal(ccw_dispatch_names_build(&shape, keys, 2), E_POINTER);
    assert_int_equal(shape.seed, 7u);
    assert_int_equal(shape.mask, 7u);
}

static void test_names_build_separates_keys(void **state)
{
    /* The same parameter name in two members, and as a member name. */
    ccw_dispatch_name keys[] = {
        { "add", 3, 0, -1 }, { "a", 1, 0, 0 }, { "b", 1, 0, 1 },
        { "sub", 3, 1, -1 }, { "a", 1, 1, 0 }, { "b", 1, 1, 1 }, { "a", 1, 2, -1 },
    };
    ccw_dispatch_shape shape;
    unsigned char seen[64] = { 0 };
    size_t i;

    (void)state;
    assert_int_equal(ccw_dispatch_names_build(&shape, keys, 7), S_OK);
    assert_true(shape.mask + 1 >= 7 && shape.mask < 64);
    assert_int_equal(shape.mask & (shape.mask + 1), 0);
    for (i = 0; i < 7; i++) {
        uint32_t slot = ccw_dispatch_name_hash(&keys[i], shape.seed) & shape.mask;

        assert_int_equal(seen[slot], 0);
        seen[slot] = 1;
    }
    /* A parameter's hash depends on its member; a member name's does not. */
    assert_int_not_equal(ccw_dispatch_name_hash(&keys[1], 0), ccw_dispatch_name_hash(&keys[4], 0));
    keys[0].member = 5;
    assert_int_equal(ccw_dispatch_name_hash(&keys[0], 0),
                     ccw_dispatch_name_hash(&(ccw_dispatch_name){ "add", 3, 0, -1 }, 0));
}

static void test_members_build(void **state)
{
    DISPID ids[] = { 0, 1, 2, 3, 100, -4, 1000000 };
    DISPID twice[] = { 1, 1 };
    ccw_dispatch_shape shape = { 9, 9 };
    unsigned char seen[256] = { 0 };
    size_t i;

    (void)state;
    assert_int_equal(ccw_dispatch_members_build(NULL, ids, 1), E_POINTER);
    assert_int_equal(ccw_dispatch_members_build(&shape, NULL, 1), E_POINTER);
    assert_int_equal(ccw_dispatch_members_build(&shape, ids, 0), E_INVALIDARG);
    assert_int_equal(ccw_dispatch_members_build(&shape, twice, 2), E_INVALIDARG);
    assert_int_equal(shape.seed, 9u);
    assert_int_equal(ccw_dispatch_members_build(&shape, ids, 7), S_OK);
    assert_true(shape.mask < 256);
    for (i = 0; i < 7; i++) {
        uint32_t slot = ccw_dispatch_member_slot(&shape, ids[i]);

        assert_true(slot <= shape.mask);
        assert_int_equal(seen[slot], 0);
        seen[slot] = 1;
    }
}

/* ---- GetIDsOfNames ---------------------------------------------------- */

static void test_get_ids_of_names(void **state)
{
    IDispatch *disp = calc_create();
    OLECHAR add[] = u"aDD", a[] = u"A", b[] = u"b", x[] = u"x", value[] = u"VALUE";
    OLECHAR secret[] = u"Secret", empty[] = u"", name_prefix[] = u"Ad", longer[] = u"Addd";
    OLECHAR defaults[] = u"defaults", t[] = u"T", nonascii[] = { 'A', 0x0130, 'd', 0 };
    LPOLESTR names[4];
    DISPID ids[4];

    (void)state;
    names[0] = add;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids), S_OK);
    assert_int_equal(ids[0], 1);

    names[0] = value;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids), S_OK);
    assert_int_equal(ids[0], DISPID_VALUE);

    /* Parameters, named in any order and case. */
    names[0] = add, names[1] = b, names[2] = a;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 3, 0, ids), S_OK);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 1);
    assert_int_equal(ids[2], 0);
    names[0] = defaults, names[1] = t;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 2, 0, ids), S_OK);
    assert_int_equal(ids[0], 16);
    assert_int_equal(ids[1], 2);

    /* An unknown parameter: the rest are still filled. */
    names[0] = add, names[1] = x, names[2] = b, names[3] = NULL;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 4, 0, ids),
                     DISP_E_UNKNOWNNAME);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], DISPID_UNKNOWN);
    assert_int_equal(ids[2], 1);
    assert_int_equal(ids[3], DISPID_UNKNOWN);

    /* A parameter of another member is not one of this member's. */
    names[0] = value, names[1] = a;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 2, 0, ids),
                     DISP_E_UNKNOWNNAME);
    assert_int_equal(ids[0], 0);
    assert_int_equal(ids[1], DISPID_UNKNOWN);

    /* Unknown members: every slot is DISPID_UNKNOWN. */
    names[0] = x, names[1] = a;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 2, 0, ids),
                     DISP_E_UNKNOWNNAME);
    assert_int_equal(ids[0], DISPID_UNKNOWN);
    assert_int_equal(ids[1], DISPID_UNKNOWN);
    names[0] = secret; /* hidden */
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    names[0] = a; /* a parameter name is no member name */
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    names[0] = empty;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    names[0] = name_prefix;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    names[0] = longer;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    names[0] = nonascii; /* folding is ASCII only: U+0130 is not 'd' */
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    names[0] = NULL;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, ids),
                     DISP_E_UNKNOWNNAME);
    assert_int_equal(ids[0], DISPID_UNKNOWN);

    /* Bad calls. */
    names[0] = add;
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_IUnknown, names, 1, 0, ids),
                     DISP_E_UNKNOWNINTERFACE);
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, NULL, 1, 0, ids), E_INVALIDARG);
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, 0, NULL), E_INVALIDARG);
    assert_int_equal(IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 0, 0, ids), E_INVALIDARG);
    assert_int_equal(ccw_dispatch_get_ids_of_names(NULL, &IID_NULL, names, 1, ids), E_INVALIDARG);
    IDispatch_Release(disp);
}

/* ---- Invoke: one path at a time ----------------------------------------- */

static void test_invoke_rejects_other_riid(void **state)
{
    IDispatch *disp = calc_create();
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    VARIANT result;

    (void)state;
    VariantInit(&result);
    assert_int_equal(IDispatch_Invoke(disp, 0, &IID_IDispatch, 0, G, &none, &result, NULL, NULL),
                     DISP_E_UNKNOWNINTERFACE);
    assert_int_equal(V_VT(&result), VT_EMPTY);
    IDispatch_Release(disp);
}

static void test_invoke_malformed_dispparams(void **state)
{
    IDispatch *disp = calc_create();
    VARIANT args[2];
    DISPID named[1] = { 0 };
    DISPPARAMS no_array = { NULL, NULL, 2, 0 };
    DISPPARAMS too_many_named = { args, named, 1, 2 };
    DISPPARAMS no_named_array = { args, NULL, 2, 1 };
    VARIANT result;

    (void)state;
    V_VT(&args[0]) = VT_I4, V_I4(&args[0]) = 1;
    V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 2;
    VariantInit(&result);
    assert_int_equal(invoke(disp, 1, M, NULL, &result, NULL, NULL), E_INVALIDARG);
    assert_int_equal(invoke(disp, 1, M, &no_array, &result, NULL, NULL), E_INVALIDARG);
    assert_int_equal(invoke(disp, 1, M, &too_many_named, &result, NULL, NULL), E_INVALIDARG);
    assert_int_equal(invoke(disp, 1, M, &no_named_array, &result, NULL, NULL), E_INVALIDARG);
    assert_int_equal(V_VT(&result), VT_EMPTY);
    assert_int_equal(ccw_dispatch_begin(NULL, &calc_dispatch, 1, &IID_NULL, 0, M, &no_array, NULL,
                                        NULL, NULL),
                     E_INVALIDARG);
    IDispatch_Release(disp);
}

static void test_invoke_without_result(void **state)
{
    IDispatch *disp = calc_create();
    VARIANT args[2];
    DISPPARAMS params = { args, NULL, 2, 0 };

    (void)state;
    V_VT(&args[0]) = VT_BSTR, V_BSTR(&args[0]) = bstr("b");
    V_VT(&args[1]) = VT_BSTR, V_BSTR(&args[1]) = bstr("a");
    /* The BSTR result is freed, not leaked (ASan and valgrind check). */
    assert_int_equal(invoke(disp, 3, M, &params, NULL, NULL, NULL), S_OK);
    VariantClear(&args[0]);
    VariantClear(&args[1]);
    IDispatch_Release(disp);
}

static void test_invoke_replaces_stale_result(void **state)
{
    IDispatch *disp = calc_create();
    VARIANT value, result;
    DISPPARAMS params = { &value, NULL, 1, 0 };

    (void)state;
    /* A member without a [retval] leaves VT_EMPTY in the result. */
    V_VT(&value) = VT_I4, V_I4(&value) = 77;
    V_VT(&result) = VT_I4, V_I4(&result) = 5;
    assert_int_equal(invoke(disp, 0, P, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_EMPTY);
    assert_int_equal(calc_of(disp)->value, 77);
    IDispatch_Release(disp);
}

static void test_invoke_byref_arguments(void **state)
{
    IDispatch *disp = calc_create();
    LONG a = 30;
    VARIANT inner, args[2], result;
    DISPPARAMS params = { args, NULL, 2, 0 };
    UINT arg_err = UNTOUCHED;

    (void)state;
    /* VT_I4|VT_BYREF and VT_VARIANT|VT_BYREF are followed. */
    V_VT(&inner) = VT_BSTR, V_BSTR(&inner) = bstr("12");
    V_VT(&args[1]) = VT_I4 | VT_BYREF, V_I4REF(&args[1]) = &a;
    V_VT(&args[0]) = VT_VARIANT | VT_BYREF, V_VARIANTREF(&args[0]) = &inner;
    VariantInit(&result);
    assert_int_equal(invoke(disp, 1, M, &params, &result, NULL, &arg_err), S_OK);
    assert_int_equal(V_VT(&result), VT_I4);
    assert_int_equal(V_I4(&result), 42);
    /* In-only arguments are left as they were. */
    assert_int_equal(a, 30);
    assert_bstr_equal(V_BSTR(&inner), "12");

    /* A by-reference argument with a NULL pointer is a type mismatch. */
    V_VT(&args[0]) = VT_I4 | VT_BYREF, V_I4REF(&args[0]) = NULL;
    assert_int_equal(invoke(disp, 1, M, &params, &result, NULL, &arg_err), DISP_E_TYPEMISMATCH);
    assert_int_equal(arg_err, 0);
    V_VT(&args[0]) = VT_VARIANT | VT_BYREF, V_VARIANTREF(&args[0]) = NULL;
    arg_err = UNTOUCHED;
    assert_int_equal(invoke(disp, 1, M, &params, &result, NULL, &arg_err), DISP_E_TYPEMISMATCH);
    assert_int_equal(arg_err, 0);
    /* A by-reference real is converted like a real. */
    {
        DOUBLE r = 11.6;

        V_VT(&args[0]) = VT_R8 | VT_BYREF, V_R8REF(&args[0]) = &r;
        assert_int_equal(invoke(disp, 1, M, &params, &result, NULL, NULL), S_OK);
        assert_int_equal(V_I4(&result), 42);
    }
    VariantClear(&inner);
    IDispatch_Release(disp);
}

static void test_invoke_out_written_back(void **state)
{
    IDispatch *disp = calc_create();
    VARIANT remainder, args[3], result;
    DISPPARAMS params = { args, NULL, 3, 0 };
    LONG typed = 99;
    SHORT narrow = 5;

    (void)state;
    /* Divide(17, 5, [out] remainder) through VT_VARIANT|VT_BYREF (VBScript's
     * variables): the old value is cleared. */
    V_VT(&remainder) = VT_BSTR, V_BSTR(&remainder) = bstr("old");
    V_VT(&args[2]) = VT_I4, V_I4(&args[2]) = 17;
    V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 5;
    V_VT(&args[0]) = VT_VARIANT | VT_BYREF, V_VARIANTREF(&args[0]) = &remainder;
    VariantInit(&result);
    assert_int_equal(invoke(disp, 5, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&result), 3);
    assert_int_equal(V_VT(&remainder), VT_I4);
    assert_int_equal(V_I4(&remainder), 2);

    /* Through VT_I4|VT_BYREF. */
    V_VT(&args[0]) = VT_I4 | VT_BYREF, V_I4REF(&args[0]) = &typed;
    assert_int_equal(invoke(disp, 5, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(typed, 2);

    /* Through another by-reference type: converted. */
    V_VT(&args[0]) = VT_I2 | VT_BYREF, V_I2REF(&args[0]) = &narrow;
    assert_int_equal(invoke(disp, 5, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(narrow, 2);

    /* Named: remainder:=r. */
    {
        DISPID named[3] = { 2, 0, 1 };
        VARIANT r;
        DISPPARAMS by_name = { args, named, 3, 3 };

        VariantInit(&r);
        V_VT(&args[0]) = VT_VARIANT | VT_BYREF, V_VARIANTREF(&args[0]) = &r;
        V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 23;
        V_VT(&args[2]) = VT_I4, V_I4(&args[2]) = 10;
        assert_int_equal(invoke(disp, 5, M, &by_name, &result, NULL, NULL), S_OK);
        assert_int_equal(V_I4(&result), 2);
        assert_int_equal(V_I4(&r), 3);
    }
    /* A write-back that does not fit is reported at its argument: the
     * remainder 1000 does not fit in a BYTE. */
    {
        BYTE small = 0;
        UINT arg_err = UNTOUCHED;

        V_VT(&args[2]) = VT_I4, V_I4(&args[2]) = 1000;
        V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 1001;
        V_VT(&args[0]) = VT_UI1 | VT_BYREF, V_UI1REF(&args[0]) = &small;
        assert_int_equal(invoke(disp, 5, M, &params, &result, NULL, &arg_err), DISP_E_OVERFLOW);
        assert_int_equal(arg_err, 0);
        assert_int_equal(small, 0);
    }
    IDispatch_Release(disp);
}

static void test_invoke_inout(void **state)
{
    IDispatch *disp = calc_create();
    VARIANT va, args[2], result;
    LONG b = 2;
    DISPPARAMS params = { args, NULL, 2, 0 };
    UINT arg_err = UNTOUCHED;

    (void)state;
    /* Swap(a, b): a is a VARIANT holding a string, b a typed LONG. */
    V_VT(&va) = VT_BSTR, V_BSTR(&va) = bstr("1");
    V_VT(&args[1]) = VT_VARIANT | VT_BYREF, V_VARIANTREF(&args[1]) = &va;
    V_VT(&args[0]) = VT_I4 | VT_BYREF, V_I4REF(&args[0]) = &b;
    VariantInit(&result);
    assert_int_equal(invoke(disp, 6, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_VT(&result), VT_EMPTY);
    assert_int_equal(V_VT(&va), VT_I4);
    assert_int_equal(V_I4(&va), 2);
    assert_int_equal(b, 1);

    /* By value: the call happens, nothing is written. */
    V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 5;
    V_VT(&args[0]) = VT_I4, V_I4(&args[0]) = 6;
    assert_int_equal(invoke(disp, 6, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&args[1]), 5);

    /* A by-reference string that is no number. */
    V_VT(&va) = VT_BSTR, V_BSTR(&va) = bstr("x");
    V_VT(&args[1]) = VT_VARIANT | VT_BYREF, V_VARIANTREF(&args[1]) = &va;
    assert_int_equal(invoke(disp, 6, M, &params, &result, NULL, &arg_err), DISP_E_TYPEMISMATCH);
    assert_int_equal(arg_err, 1);
    assert_bstr_equal(V_BSTR(&va), "x");
    VariantClear(&va);
    IDispatch_Release(disp);
}

static void test_invoke_exception_from_error_info(void **state)
{
    IDispatch *disp = calc_create();
    VARIANT args[2], result;
    DISPPARAMS params = { args, NULL, 2, 0 };
    EXCEPINFO excepinfo;
    IErrorInfo *left = NULL;

    (void)state;
    V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 1;
    V_VT(&args[0]) = VT_I4, V_I4(&args[0]) = 0;
    VariantInit(&result);
    memset(&excepinfo, 0xab, sizeof(excepinfo));
    assert_int_equal(invoke(disp, 5, M, &params, &result, &excepinfo, NULL), DISP_E_EXCEPTION);
    assert_int_equal(excepinfo.wCode, 0);
    assert_int_equal(excepinfo.scode, ccw_hresult_from_errno(EDOM));
    assert_bstr_equal(excepinfo.bstrSource, "Test.Calc");
    assert_bstr_equal(excepinfo.bstrDescription, "division by zero");
    assert_null(excepinfo.pfnDeferredFillIn);
    assert_int_equal(V_VT(&result), VT_EMPTY);
    /* The error information was consumed. */
    assert_int_equal(GetErrorInfo(0, &left), S_FALSE);
    SysFreeString(excepinfo.bstrSource);
    SysFreeString(excepinfo.bstrDescription);
    SysFreeString(excepinfo.bstrHelpFile);

    /* Without an EXCEPINFO the result is still DISP_E_EXCEPTION. */
    assert_int_equal(invoke(disp, 5, M, &params, &result, NULL, NULL), DISP_E_EXCEPTION);
    IDispatch_Release(disp);
}

static void test_invoke_exception_without_error_info(void **state)
{
    IDispatch *disp = calc_create();
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    EXCEPINFO excepinfo;
    ICreateErrorInfo *create;
    IErrorInfo *stale;

    (void)state;
    /* A stale error from before the call must not describe Fail's failure. */
    assert_int_equal(CreateErrorInfo(&create), S_OK);
    ICreateErrorInfo_SetDescription(create, (LPOLESTR)u"stale");
    ICreateErrorInfo_QueryInterface(create, &IID_IErrorInfo, (void **)&stale);
    SetErrorInfo(0, stale);
    IErrorInfo_Release(stale);
    ICreateErrorInfo_Release(create);

    memset(&excepinfo, 0, sizeof(excepinfo));
    assert_int_equal(invoke(disp, 15, M, &none, NULL, &excepinfo, NULL), DISP_E_EXCEPTION);
    assert_int_equal(excepinfo.scode, E_FAIL);
    assert_bstr_equal(excepinfo.bstrSource, "Test.Calc");
    assert_null(excepinfo.bstrDescription);
    SysFreeString(excepinfo.bstrSource);
    IDispatch_Release(disp);
}

/* An error object with this description, for the thread's slot. */
static IErrorInfo *error_info(const OLECHAR *description)
{
    ICreateErrorInfo *create;
    IErrorInfo *info = NULL;

    assert_int_equal(CreateErrorInfo(&create), S_OK);
    ICreateErrorInfo_SetDescription(create, (LPOLESTR)description);
    ICreateErrorInfo_QueryInterface(create, &IID_IErrorInfo, (void **)&info);
    ICreateErrorInfo_Release(create);
    assert_non_null(info);
    return info;
}

/* A table that says its functions raise IErrorInfo whenever they fail
 * (ccwgen's do) spares the clearing before each call: a successful call
 * leaves the thread's error alone, a failing one is described by its own.
 * Without the flag (calc's Fail raises nothing) the error is cleared. */
static void test_invoke_raising_table_keeps_error_info(void **state)
{
    IDispatch *disp = calc_create();
    IErrorInfo *stale = error_info(u"stale"), *left = NULL;
    VARIANT args[2], result;
    DISPPARAMS params = { args, NULL, 2, 0 };
    EXCEPINFO excepinfo;

    (void)state;
    V_VT(&args[1]) = VT_I4, V_I4(&args[1]) = 7;
    V_VT(&args[0]) = VT_I4, V_I4(&args[0]) = 0;
    VariantInit(&result);

    SetErrorInfo(0, stale);
    assert_int_equal(invoke(disp, 1, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&result), 7);
    assert_int_equal(GetErrorInfo(0, &left), S_FALSE);

    calc_dispatch.raises_error_info = true;
    SetErrorInfo(0, stale);
    assert_int_equal(invoke(disp, 1, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&result), 7);
    assert_int_equal(GetErrorInfo(0, &left), S_OK);
    assert_ptr_equal(left, stale);
    IErrorInfo_Release(left);

    SetErrorInfo(0, stale);
    memset(&excepinfo, 0, sizeof(excepinfo));
    assert_int_equal(invoke(disp, 5, M, &params, &result, &excepinfo, NULL), DISP_E_EXCEPTION);
    assert_int_equal(excepinfo.scode, ccw_hresult_from_errno(EDOM));
    assert_bstr_equal(excepinfo.bstrDescription, "division by zero");
    calc_dispatch.raises_error_info = false;
    SysFreeString(excepinfo.bstrSource);
    SysFreeString(excepinfo.bstrDescription);
    SysFreeString(excepinfo.bstrHelpFile);
    IErrorInfo_Release(stale);
    IDispatch_Release(disp);
}

static void test_invoke_object_argument(void **state)
{
    IDispatch *disp = calc_create(), *other = calc_create();
    VARIANT arg, result;
    DISPPARAMS params = { &arg, NULL, 1, 0 };
    ITypeInfo *not_calc;
    UINT arg_err = UNTOUCHED;

    (void)state;
    calc_of(other)->value = 31;
    V_VT(&arg) = VT_DISPATCH, V_DISPATCH(&arg) = other;
    VariantInit(&result);
    assert_int_equal(invoke(disp, 13, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&result), 31);
    V_VT(&arg) = VT_UNKNOWN | VT_BYREF, V_UNKNOWNREF(&arg) = (IUnknown **)&other;
    assert_int_equal(invoke(disp, 13, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&result), 31);

    /* An object without ICalc. */
    assert_int_equal(IDispatch_GetTypeInfo(disp, 0, 0, &not_calc), S_OK);
    V_VT(&arg) = VT_UNKNOWN, V_UNKNOWN(&arg) = (IUnknown *)not_calc;
    assert_int_equal(invoke(disp, 13, M, &params, &result, NULL, &arg_err), DISP_E_TYPEMISMATCH);
    assert_int_equal(arg_err, 0);
    ITypeInfo_Release(not_calc);
    IDispatch_Release(other);
    IDispatch_Release(disp);
}

/* ccwgen parses CCW_OPTIONAL's text once and writes the typed value into the
 * table; Invoke only copies it.  Nothing is parsed at run time, so a host's
 * setlocale (a comma decimal separator) cannot turn "1.5" into a type
 * mismatch.  The table is written here rather than added to ICalc so that
 * every member of the union is covered. */
static const ccw_dispatch_param typed_params[] = {
    { .name = "r8", .vt = VT_R8, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .r8 = 1.5 } },
    { .name = "r4", .vt = VT_R4, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .r8 = -0.25 } },
    { .name = "i8", .vt = VT_I8, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = INT64_MIN } },
    { .name = "ui8", .vt = VT_UI8, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .ui8 = UINT64_MAX } },
    { .name = "i1", .vt = VT_I1, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = -128 } },
    { .name = "i2", .vt = VT_I2, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = -300 } },
    { .name = "i4", .vt = VT_I4, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = INT32_MIN } },
    { .name = "int", .vt = VT_INT, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = -7 } },
    { .name = "ui1", .vt = VT_UI1, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .ui8 = 255 } },
    { .name = "ui2", .vt = VT_UI2, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .ui8 = 65535 } },
    { .name = "ui4", .vt = VT_UI4, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .ui8 = UINT32_MAX } },
    { .name = "uint", .vt = VT_UINT, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .ui8 = 9 } },
    { .name = "yes", .vt = VT_BOOL, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = 1 } },
    { .name = "no", .vt = VT_BOOL, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT },
    { .name = "scode", .vt = VT_ERROR, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .i8 = (SCODE)E_FAIL } },
    { .name = "text", .vt = VT_BSTR, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .text = "1,5 \xc3\xa9" } },
    { .name = "empty", .vt = VT_BSTR, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT },
};
static const ccw_dispatch_param too_big_params[] = {
    { .name = "r4", .vt = VT_R4, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT,
      .default_value = { .r8 = 1e39 } },
};
static const ccw_dispatch_param no_default_params[] = {
    { .name = "cy", .vt = VT_CY, .flags = PARAMFLAG_FIN | PARAMFLAG_FOPT },
};
static const ccw_dispatch_function typed_functions[] = {
    { .name = "Typed", .dispid = 1, .invkind = INVOKE_FUNC, .slot = 7, .params = typed_params,
      .param_count = sizeof(typed_params) / sizeof(typed_params[0]) },
    { .name = "TooBig", .dispid = 2, .invkind = INVOKE_FUNC, .slot = 8, .params = too_big_params,
      .param_count = 1 },
    { .name = "NoDefault", .dispid = 3, .invkind = INVOKE_FUNC, .slot = 9,
      .params = no_default_params, .param_count = 1 },
};

/* Invokes `dispid` of a table of typed_functions with no arguments. */
static HRESULT begin_without_arguments(ccw_invocation *inv, DISPID dispid)
{
    static ccw_dispatch_member members[8];
    static const ccw_dispatch_name names[1];
    static ccw_dispatch_table table = {
        .name = "ITyped", .dual = true, .functions = typed_functions, .function_count = 3,
        .members = members,
        .name_shape = { .seed = 0, .mask = 0 }, .names = names,
    };
    DISPPARAMS params = { NULL, NULL, 0, 0 };
    UINT arg_error = 99;
    const DISPID dispids[] = { 1, 2, 3 };
    size_t i;

    table.iid = &IID_ICalc;
    assert_int_equal(ccw_dispatch_members_build(&table.member_shape, dispids, 3), S_OK);
    assert_true(table.member_shape.mask < sizeof(members) / sizeof(members[0]));
    memset(members, 0, sizeof(members));
    for (i = 0; i < 3; i++) {
        ccw_dispatch_member *member =
            &members[ccw_dispatch_member_slot(&table.member_shape, typed_functions[i].dispid)];

        member->name = typed_functions[i].name;
        member->dispid = typed_functions[i].dispid;
        member->method = &typed_functions[i];
    }
    return ccw_dispatch_begin(inv, &table, dispid, &IID_NULL, 0, DISPATCH_METHOD, &params, NULL,
                              NULL, &arg_error);
}

static void test_invoke_typed_defaults(void **state)
{
    ccw_invocation inv;
    char *text;

    (void)state;
    assert_int_equal(begin_without_arguments(&inv, 1), S_OK);
    assert_int_equal(V_VT(&inv.args[0]), VT_R8);
    assert_true(V_R8(&inv.args[0]) == 1.5);
    assert_int_equal(V_VT(&inv.args[1]), VT_R4);
    assert_true(V_R4(&inv.args[1]) == -0.25f);
    assert_int_equal(V_VT(&inv.args[2]), VT_I8);
    assert_true(V_I8(&inv.args[2]) == INT64_MIN);
    assert_int_equal(V_VT(&inv.args[3]), VT_UI8);
    assert_true(V_UI8(&inv.args[3]) == UINT64_MAX);
    assert_int_equal(V_VT(&inv.args[4]), VT_I1);
    assert_int_equal(V_I1(&inv.args[4]), -128);
    assert_int_equal(V_VT(&inv.args[5]), VT_I2);
    assert_int_equal(V_I2(&inv.args[5]), -300);
    assert_int_equal(V_VT(&inv.args[6]), VT_I4);
    assert_true(V_I4(&inv.args[6]) == INT32_MIN);
    assert_int_equal(V_VT(&inv.args[7]), VT_INT);
    assert_int_equal(V_INT(&inv.args[7]), -7);
    assert_int_equal(V_VT(&inv.args[8]), VT_UI1);
    assert_int_equal(V_UI1(&inv.args[8]), 255);
    assert_int_equal(V_VT(&inv.args[9]), VT_UI2);
    assert_int_equal(V_UI2(&inv.args[9]), 65535);
    assert_int_equal(V_VT(&inv.args[10]), VT_UI4);
    assert_true(V_UI4(&inv.args[10]) == UINT32_MAX);
    assert_int_equal(V_VT(&inv.args[11]), VT_UINT);
    assert_int_equal(V_UINT(&inv.args[11]), 9);
    assert_int_equal(V_VT(&inv.args[12]), VT_BOOL);
    assert_int_equal(V_BOOL(&inv.args[12]), VARIANT_TRUE);
    assert_int_equal(V_VT(&inv.args[13]), VT_BOOL);
    assert_int_equal(V_BOOL(&inv.args[13]), VARIANT_FALSE);
    assert_int_equal(V_VT(&inv.args[14]), VT_ERROR);
    assert_int_equal(V_ERROR(&inv.args[14]), E_FAIL);
    assert_int_equal(V_VT(&inv.args[15]), VT_BSTR);
    assert_int_equal(ccw_bstr_to_utf8(V_BSTR(&inv.args[15]), &text, NULL), S_OK);
    assert_string_equal(text, "1,5 \xc3\xa9");
    ccw_string_free(text);
    assert_int_equal(V_VT(&inv.args[16]), VT_BSTR);
    assert_non_null(V_BSTR(&inv.args[16]));
    assert_int_equal(SysStringLen(V_BSTR(&inv.args[16])), 0);
    /* ccw_dispatch_end frees the two strings (valgrind and ASan check). */
    assert_int_equal(ccw_dispatch_end(&inv, S_OK), S_OK);
}

static void test_invoke_typed_default_errors(void **state)
{
    ccw_invocation inv;

    (void)state;
    /* A float's default beyond FLT_MAX: converting it would be undefined. */
    assert_int_equal(begin_without_arguments(&inv, 2), DISP_E_OVERFLOW);
    /* A type that has no typed default. */
    assert_int_equal(begin_without_arguments(&inv, 3), DISP_E_TYPEMISMATCH);
}

static void test_invoke_bytes(void **state)
{
    IDispatch *disp = calc_create();
    SAFEARRAY *array = SafeArrayCreateVector(VT_UI1, 0, 3);
    VARIANT arg, result;
    DISPPARAMS params = { &arg, NULL, 1, 0 };

    (void)state;
    assert_non_null(array);
    memcpy(array->pvData, "\x01\x02\x03", 3);
    V_VT(&arg) = VT_ARRAY | VT_UI1, V_ARRAY(&arg) = array;
    VariantInit(&result);
    assert_int_equal(invoke(disp, 14, M, &params, &result, NULL, NULL), S_OK);
    assert_int_equal(V_I4(&result), 6);
    SafeArrayDestroy(array);
    IDispatch_Release(disp);
}

static void test_get_type_info_count(void **state)
{
    IDispatch *disp = calc_create();
    UINT count = 7;

    (void)state;
    assert_int_equal(IDispatch_GetTypeInfoCount(disp, &count), S_OK);
    assert_int_equal(count, 1);
    assert_int_equal(IDispatch_GetTypeInfoCount(disp, NULL), E_INVALIDARG);
    IDispatch_Release(disp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invoke_cases),
        cmocka_unit_test(test_names_build_rejects_bad_input),
        cmocka_unit_test(test_names_build_separates_keys),
        cmocka_unit_test(test_members_build),
        cmocka_unit_test(test_get_ids_of_names),
        cmocka_unit_test(test_invoke_rejects_other_riid),
        cmocka_unit_test(test_invoke_malformed_dispparams),
        cmocka_unit_test(test_invoke_without_result),
        cmocka_unit_test(test_invoke_replaces_stale_result),
        cmocka_unit_test(test_invoke_byref_arguments),
        cmocka_unit_test(test_invoke_out_written_back),
        cmocka_unit_test(test_invoke_inout),
        cmocka_unit_test(test_invoke_exception_from_error_info),
        cmocka_unit_test(test_invoke_exception_without_error_info),
        cmocka_unit_test(test_invoke_raising_table_keeps_error_info),
        cmocka_unit_test(test_invoke_object_argument),
        cmocka_unit_test(test_invoke_bytes),
        cmocka_unit_test(test_invoke_typed_defaults),
        cmocka_unit_test(test_invoke_typed_default_errors),
        cmocka_unit_test(test_get_type_info_count),
    };

    return cmocka_run_group_tests(tests, setup, NULL);
}
