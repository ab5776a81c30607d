/*
 * test_variant_change.c - VariantChangeType(Ex): the coercion matrix.
 *
 * The table rows are Windows' results as Wine's conformance tests record them
 * (dlls/oleaut32/tests/vartype.c and vartest.c), plus ccw's documented choices
 * for text forms. Every row runs three ways: into a separate destination (which
 * must be left as it was on failure), in place, and from a VT_BYREF source.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/com.h>

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* ---- Typed values: what the table writes for a source or an expected result --- */

typedef struct {
    VARTYPE vt;
    int64_t i;        /* signed integers, VT_BOOL, VT_ERROR, VT_CY (scaled by 10000) */
    uint64_t u;       /* unsigned integers, and the low 64 bits of a DECIMAL */
    double r;         /* VT_R4, VT_R8, VT_DATE */
    const char *s;    /* VT_BSTR; NULL is a NULL BSTR */
    BYTE scale, sign; /* VT_DECIMAL */
    ULONG hi;         /* VT_DECIMAL's high 32 bits */
} typed;

#define T_EMPTY {.vt = VT_EMPTY}
#define T_NULL {.vt = VT_NULL}
#define T_I1(v) {.vt = VT_I1, .i = (v)}
#define T_I2(v) {.vt = VT_I2, .i = (v)}
#define T_I4(v) {.vt = VT_I4, .i = (v)}
#define T_I8(v) {.vt = VT_I8, .i = (v)}
#define T_INT(v) {.vt = VT_INT, .i = (v)}
#define T_UI1(v) {.vt = VT_UI1, .u = (v)}
#define T_UI2(v) {.vt = VT_UI2, .u = (v)}
#define T_UI4(v) {.vt = VT_UI4, .u = (v)}
#define T_UI8(v) {.vt = VT_UI8, .u = (v)}
#define T_UINT(v) {.vt = VT_UINT, .u = (v)}
#define T_BOOL(v) {.vt = VT_BOOL, .i = (v)}
#define T_ERROR(v) {.vt = VT_ERROR, .i = (v)}
#define T_CY(v) {.vt = VT_CY, .i = (v)}
#define T_R4(v) {.vt = VT_R4, .r = (v)}
#define T_R8(v) {.vt = VT_R8, .r = (v)}
#define T_DATE(v) {.vt = VT_DATE, .r = (v)}
#define T_BSTR(v) {.vt = VT_BSTR, .s = (v)}
#define T_DEC(scl, sgn, high, low) {.vt = VT_DECIMAL, .scale = (scl), .sign = (sgn), .hi = (high), .u = (low)}

static BSTR bstr_from_ascii(const char *text)
{
    size_t len = strlen(text);
    BSTR bstr = SysAllocStringLen(NULL, (UINT)len);

    assert_non_null(bstr);
    for (size_t i = 0; i < len; i++)
        bstr[i] = (OLECHAR)(unsigned char)text[i];
    return bstr;
}

static void make_variant(VARIANT *v, const typed *t)
{
    memset(v, 0, sizeof(*v));
    switch (t->vt) {
    case VT_I1:
        V_I1(v) = (CHAR)t->i;
        break;
    case VT_I2:
    case VT_BOOL:
        V_I2(v) = (SHORT)t->i;
        break;
    case VT_I4:
    case VT_INT:
    case VT_ERROR:
        V_I4(v) = (LONG)t->i;
        break;
    case VT_I8:
    case VT_CY:
        V_I8(v) = t->i;
        break;
    case VT_UI1:
        V_UI1(v) = (BYTE)t->u;
        break;
    case VT_UI2:
        V_UI2(v) = (USHORT)t->u;
        break;
    case VT_UI4:
    case VT_UINT:
        V_UI4(v) = (ULONG)t->u;
        break;
    case VT_UI8:
        V_UI8(v) = t->u;
        break;
    case VT_R4:
        V_R4(v) = (FLOAT)t->r;
        break;
    case VT_R8:
    case VT_DATE:
        V_R8(v) = t->r;
        break;
    case VT_BSTR:
        V_BSTR(v) = t->s ? bstr_from_ascii(t->s) : NULL;
        break;
    case VT_DECIMAL:
        V_DECIMAL(v).scale = t->scale;
        V_DECIMAL(v).sign = t->sign;
        V_DECIMAL(v).Hi32 = t->hi;
        V_DECIMAL(v).Lo64 = t->u;
        break;
    default:
        break;
    }
    V_VT(v) = t->vt;
}

static bool bstr_equals(BSTR bstr, const char *text)
{
    size_t len = strlen(text);

    if (!bstr || SysStringLen(bstr) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (bstr[i] != (OLECHAR)(unsigned char)text[i])
            return false;
    }
    return true;
}

/* Whether v holds exactly the value t describes. */
static bool holds(const VARIANT *v, const typed *t)
{
    if (V_VT(v) != t->vt)
        return false;
    switch (t->vt) {
    case VT_I1:
        return V_I1(v) == (CHAR)t->i;
    case VT_I2:
    case VT_BOOL:
        return V_I2(v) == (SHORT)t->i;
    case VT_I4:
    case VT_INT:
    case VT_ERROR:
        return V_I4(v) == (LONG)t->i;
    case VT_I8:
    case VT_CY:
        return V_I8(v) == t->i;
    case VT_UI1:
        return V_UI1(v) == (BYTE)t->u;
    case VT_UI2:
        return V_UI2(v) == (USHORT)t->u;
    case VT_UI4:
    case VT_UINT:
        return V_UI4(v) == (ULONG)t->u;
    case VT_UI8:
        return V_UI8(v) == t->u;
    case VT_R4:
        return V_R4(v) == (FLOAT)t->r || (V_R4(v) != V_R4(v) && t->r != t->r);
    case VT_R8:
    case VT_DATE:
        return V_R8(v) == t->r || (V_R8(v) != V_R8(v) && t->r != t->r);
    case VT_BSTR:
        return t->s ? bstr_equals(V_BSTR(v), t->s) : !V_BSTR(v);
    case VT_DECIMAL:
        return V_DECIMAL(v).scale == t->scale && V_DECIMAL(v).sign == t->sign &&
               V_DECIMAL(v).Hi32 == t->hi && V_DECIMAL(v).Lo64 == t->u;
    default:
        return true;
    }
}

/* ---- The matrix ------------------------------------------------------------------- */

typedef struct {
    int line;
    typed from;
    VARTYPE to;
    USHORT flags;
    HRESULT hr;
    typed want;
} conversion;

#define OK(src, vt, result) {__LINE__, src, vt, 0, S_OK, result}
#define OKF(src, vt, flags, result) {__LINE__, src, vt, flags, S_OK, result}
#define FAIL(src, vt, error) {__LINE__, src, vt, 0, error, T_EMPTY}

#define OVF DISP_E_OVERFLOW
#define MISMATCH DISP_E_TYPEMISMATCH
#define BADTYPE DISP_E_BADVARTYPE

#define nan_value ((double)NAN)
#define inf_value ((double)INFINITY)

static const conversion conversions[] = {
    /* Integer to integer: every range edge. */
    OK(T_I4(127), VT_I1, T_I1(127)),
    FAIL(T_I4(128), VT_I1, OVF),
    OK(T_I4(-128), VT_I1, T_I1(-128)),
    FAIL(T_I4(-129), VT_I1, OVF),
    OK(T_UI1(127), VT_I1, T_I1(127)),
    FAIL(T_UI1(128), VT_I1, OVF),
    OK(T_I2(255), VT_UI1, T_UI1(255)),
    FAIL(T_I2(256), VT_UI1, OVF),
    FAIL(T_I2(-1), VT_UI1, OVF),
    FAIL(T_I1(-1), VT_UI1, OVF),
    OK(T_I4(32767), VT_I2, T_I2(32767)),
    FAIL(T_I4(32768), VT_I2, OVF),
    OK(T_I4(-32768), VT_I2, T_I2(-32768)),
    FAIL(T_I4(-32769), VT_I2, OVF),
    OK(T_I4(65535), VT_UI2, T_UI2(65535)),
    FAIL(T_I4(65536), VT_UI2, OVF),
    FAIL(T_I4(-1), VT_UI2, OVF),
    OK(T_I8(2147483647), VT_I4, T_I4(2147483647)),
    FAIL(T_I8(2147483648LL), VT_I4, OVF),
    OK(T_I8(-2147483647LL - 1), VT_I4, T_I4(-2147483647LL - 1)),
    FAIL(T_I8(-2147483649LL), VT_I4, OVF),
    FAIL(T_UI4(2147483648u), VT_I4, OVF),
    FAIL(T_I4(-1), VT_UI4, OVF),
    OK(T_I8(4294967295LL), VT_UI4, T_UI4(4294967295u)),
    FAIL(T_I8(4294967296LL), VT_UI4, OVF),
    OK(T_UI4(4294967295u), VT_UI8, T_UI8(4294967295u)),
    FAIL(T_I8(INT64_MIN), VT_UI8, OVF),
    OK(T_I8(INT64_MIN), VT_I8, T_I8(INT64_MIN)),
    FAIL(T_UI8(UINT64_MAX), VT_I8, OVF),
    FAIL(T_UI8(UINT64_C(9223372036854775808)), VT_I8, OVF),
    OK(T_UI8(INT64_MAX), VT_I8, T_I8(INT64_MAX)),
    OK(T_I4(5), VT_INT, T_INT(5)),
    OK(T_INT(-5), VT_I4, T_I4(-5)),
    FAIL(T_INT(-1), VT_UINT, OVF),
    /* oleaut32 does not check VT_UINT -> VT_I4 (nor VT_INT) for overflow. */
    OK(T_UINT(4294967295u), VT_I4, T_I4(-1)),
    OK(T_UINT(4294967295u), VT_INT, T_INT(-1)),
    OK(T_UINT(4294967295u), VT_I8, T_I8(4294967295LL)),
    FAIL(T_UINT(4294967295u), VT_I2, OVF),

    /* VT_BOOL is a 16-bit integer whose conversions to integers wrap, never overflow. */
    OK(T_BOOL(-1), VT_I1, T_I1(-1)),
    OK(T_BOOL(-1), VT_UI1, T_UI1(255)),
    OK(T_BOOL(-1), VT_UI2, T_UI2(65535)),
    OK(T_BOOL(-1), VT_UI4, T_UI4(4294967295u)),
    OK(T_BOOL(-1), VT_UI8, T_UI8(UINT64_MAX)),
    OK(T_BOOL(-1), VT_I4, T_I4(-1)),
    OK(T_BOOL(-1), VT_I8, T_I8(-1)),
    OK(T_BOOL(-129), VT_I1, T_I1(127)),
    OK(T_BOOL(1), VT_UI1, T_UI1(1)),
    OK(T_BOOL(0), VT_I4, T_I4(0)),
    OK(T_BOOL(-1), VT_R8, T_R8(-1.0)),
    OK(T_BOOL(-1), VT_R4, T_R4(-1.0)),
    OK(T_BOOL(-1), VT_DATE, T_DATE(-1.0)),
    OK(T_BOOL(-1), VT_CY, T_CY(-10000)),
    OK(T_BOOL(1), VT_CY, T_CY(10000)),
    OK(T_BOOL(-1), VT_DECIMAL, T_DEC(0, DECIMAL_NEG, 0, 1)),
    OK(T_BOOL(1), VT_BOOL, T_BOOL(1)),
    OK(T_BOOL(-1), VT_BSTR, T_BSTR("-1")),
    OK(T_BOOL(0), VT_BSTR, T_BSTR("0")),
    OK(T_BOOL(1), VT_BSTR, T_BSTR("1")),
    OKF(T_BOOL(-1), VT_BSTR, VARIANT_ALPHABOOL, T_BSTR("True")),
    OKF(T_BOOL(0), VT_BSTR, VARIANT_ALPHABOOL, T_BSTR("False")),
    OKF(T_BOOL(1), VT_BSTR, VARIANT_ALPHABOOL, T_BSTR("True")),
    OKF(T_BOOL(-1), VT_BSTR, VARIANT_LOCALBOOL, T_BSTR("True")),
    OKF(T_BOOL(0), VT_BSTR, VARIANT_LOCALBOOL | VARIANT_ALPHABOOL, T_BSTR("False")),

    /* Floating point to integer: half to even, then the range. */
    OK(T_R8(-0.5), VT_I4, T_I4(0)),
    OK(T_R8(0.5), VT_I4, T_I4(0)),
    OK(T_R8(1.5), VT_I4, T_I4(2)),
    OK(T_R8(2.5), VT_I4, T_I4(2)),
    OK(T_R8(3.5), VT_I4, T_I4(4)),
    OK(T_R8(-1.5), VT_I4, T_I4(-2)),
    OK(T_R8(-2.5), VT_I4, T_I4(-2)),
    OK(T_R8(0.4), VT_I4, T_I4(0)),
    OK(T_R8(0.6), VT_I4, T_I4(1)),
    OK(T_R8(-0.6), VT_I4, T_I4(-1)),
    OK(T_R8(-0.5), VT_UI1, T_UI1(0)),
    FAIL(T_R8(-0.6), VT_UI1, OVF),
    OK(T_R8(254.5), VT_UI1, T_UI1(254)),
    FAIL(T_R8(255.5), VT_UI1, OVF),
    OK(T_R8(2147483647.0), VT_I4, T_I4(2147483647)),
    FAIL(T_R8(2147483647.5), VT_I4, OVF),
    FAIL(T_R8(2147483648.0), VT_I4, OVF),
    OK(T_R8(-2147483648.5), VT_I4, T_I4(-2147483647LL - 1)),
    FAIL(T_R8(-2147483649.0), VT_I4, OVF),
    OK(T_R8(4294967295.0), VT_UI4, T_UI4(4294967295u)),
    FAIL(T_R8(4294967296.0), VT_UI4, OVF),
    FAIL(T_R8(9223372036854775808.0), VT_I8, OVF),
    OK(T_R8(-9223372036854775808.0), VT_I8, T_I8(INT64_MIN)),
    OK(T_R8(9223372036854774784.0), VT_I8, T_I8(INT64_C(9223372036854774784))),
    OK(T_R8(18446744073709549568.0), VT_UI8, T_UI8(UINT64_C(18446744073709549568))),
    FAIL(T_R8(18446744073709551616.0), VT_UI8, OVF),
    FAIL(T_R8(nan_value), VT_I4, OVF),
    FAIL(T_R8(inf_value), VT_I4, OVF),
    FAIL(T_R8(-inf_value), VT_I8, OVF),
    FAIL(T_R8(nan_value), VT_UI8, OVF),
    OK(T_R4(1.5f), VT_I2, T_I2(2)),
    OK(T_R4(-1.5f), VT_I2, T_I2(-2)),
    OK(T_R4(0.5f), VT_I1, T_I1(0)),
    FAIL(T_R4(127.5f), VT_I1, OVF),
    OK(T_R4(-128.5f), VT_I1, T_I1(-128)),
    OK(T_DATE(1.5), VT_I4, T_I4(2)),
    OK(T_DATE(-0.5), VT_I4, T_I4(0)),
    OK(T_DATE(2.5), VT_I2, T_I2(2)),

    /* Currency to integer: half to even on the exact value. */
    OK(T_CY(15000), VT_I4, T_I4(2)),
    OK(T_CY(25000), VT_I4, T_I4(2)),
    OK(T_CY(-15000), VT_I4, T_I4(-2)),
    OK(T_CY(-5000), VT_I4, T_I4(0)),
    OK(T_CY(5000), VT_I4, T_I4(0)),
    OK(T_CY(6000), VT_I4, T_I4(1)),
    OK(T_CY(1270000), VT_I1, T_I1(127)),
    FAIL(T_CY(1275000), VT_I1, OVF),
    OK(T_CY(-1285000), VT_I1, T_I1(-128)),
    FAIL(T_CY(-10000), VT_UI1, OVF),
    OK(T_CY(-10000), VT_I8, T_I8(-1)),
    OK(T_CY(-5000), VT_I8, T_I8(0)),
    OK(T_CY(INT64_MAX), VT_I8, T_I8(922337203685478LL)),
    OK(T_CY(INT64_MIN), VT_I8, T_I8(-922337203685478LL)),
    FAIL(T_CY(INT64_MAX), VT_I4, OVF),

    /* To currency: scaled by 10000, half to even, 64-bit range. */
    OK(T_I4(1), VT_CY, T_CY(10000)),
    OK(T_I8(922337203685477LL), VT_CY, T_CY(9223372036854770000LL)),
    FAIL(T_I8(922337203685478LL), VT_CY, OVF),
    OK(T_I8(-922337203685477LL), VT_CY, T_CY(-9223372036854770000LL)),
    FAIL(T_I8(-922337203685478LL), VT_CY, OVF),
    OK(T_UI8(922337203685477u), VT_CY, T_CY(9223372036854770000LL)),
    FAIL(T_UI8(UINT64_MAX), VT_CY, OVF),
    OK(T_R8(1.5), VT_CY, T_CY(15000)),
    OK(T_R8(0.25), VT_CY, T_CY(2500)),
    OK(T_R8(1.03125), VT_CY, T_CY(10312)),
    OK(T_R8(1.09375), VT_CY, T_CY(10938)),
    OK(T_R8(-1.03125), VT_CY, T_CY(-10312)),
    OK(T_R8(123456789.0), VT_CY, T_CY(1234567890000LL)),
    FAIL(T_R8(922337203685478.0), VT_CY, OVF),
    FAIL(T_R8(-1e15), VT_CY, OVF),
    FAIL(T_R8(inf_value), VT_CY, OVF),
    FAIL(T_R8(nan_value), VT_CY, OVF),
    OK(T_R4(1.5f), VT_CY, T_CY(15000)),
    OK(T_DEC(2, 0, 0, 150), VT_CY, T_CY(15000)),
    OK(T_DEC(5, 0, 0, 150005), VT_CY, T_CY(15000)),
    OK(T_DEC(5, 0, 0, 150015), VT_CY, T_CY(15002)),
    OK(T_DATE(1.5), VT_CY, T_CY(15000)),
    FAIL(T_DEC(0, 0, 0xffffffffu, UINT64_MAX), VT_CY, OVF),
    FAIL(T_BSTR("79228162514264337593543950335"), VT_CY, OVF),

    /* To VT_BOOL: zero or VARIANT_TRUE. */
    OK(T_I4(0), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_I4(5), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_I4(-1), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_UI8(UINT64_MAX), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_R8(0.0), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_R8(-0.0), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_R8(0.4), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_R8(nan_value), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_R4(-0.5f), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_CY(1), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_CY(0), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_DATE(0.0), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_DEC(2, DECIMAL_NEG, 0, 100), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR("True"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR("false"), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_BSTR("TRUE"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR("#TRUE#"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR("#FALSE#"), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    FAIL(T_BSTR("#True#"), VT_BOOL, MISMATCH),
    FAIL(T_BSTR("Yes"), VT_BOOL, MISMATCH),
    FAIL(T_BSTR("On"), VT_BOOL, MISMATCH),
    OK(T_BSTR("0"), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_BSTR("-1"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR("+1"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR("0.1"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    OK(T_BSTR(" 0 "), VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_BSTR("&H10"), VT_BOOL, T_BOOL(VARIANT_TRUE)),
    FAIL(T_BSTR(""), VT_BOOL, MISMATCH),
    FAIL(T_BSTR(NULL), VT_BOOL, MISMATCH),
    FAIL(T_BSTR("1e400"), VT_BOOL, OVF),

    /* Numbers to text, in the invariant form. */
    OK(T_I4(0), VT_BSTR, T_BSTR("0")),
    OK(T_I4(-2147483647LL - 1), VT_BSTR, T_BSTR("-2147483648")),
    OK(T_I8(INT64_MIN), VT_BSTR, T_BSTR("-9223372036854775808")),
    OK(T_UI8(UINT64_MAX), VT_BSTR, T_BSTR("18446744073709551615")),
    OK(T_I1(-128), VT_BSTR, T_BSTR("-128")),
    OK(T_UI1(255), VT_BSTR, T_BSTR("255")),
    OK(T_INT(-42), VT_BSTR, T_BSTR("-42")),
    OK(T_UINT(4294967295u), VT_BSTR, T_BSTR("4294967295")),
    OK(T_R8(1.5), VT_BSTR, T_BSTR("1.5")),
    OK(T_R8(-0.5), VT_BSTR, T_BSTR("-0.5")),
    OK(T_R8(0.1), VT_BSTR, T_BSTR("0.1")),
    OK(T_R8(100.0), VT_BSTR, T_BSTR("100")),
    OK(T_R8(0.0), VT_BSTR, T_BSTR("0")),
    OK(T_R8(-0.0), VT_BSTR, T_BSTR("0")),
    OK(T_R8(1e14), VT_BSTR, T_BSTR("100000000000000")),
    OK(T_R8(999999999999999.0), VT_BSTR, T_BSTR("999999999999999")),
    OK(T_R8(1e15), VT_BSTR, T_BSTR("1E+15")),
    OK(T_R8(1.2e15), VT_BSTR, T_BSTR("1.2E+15")),
    OK(T_R8(1.234e16), VT_BSTR, T_BSTR("1.234E+16")),
    OK(T_R8(1e100), VT_BSTR, T_BSTR("1E+100")),
    OK(T_R8(5.6789e-11), VT_BSTR, T_BSTR("0.000000000056789")),
    OK(T_R8(5.6789e-12), VT_BSTR, T_BSTR("5.6789E-12")),
    OK(T_R8(3.141592653589793), VT_BSTR, T_BSTR("3.14159265358979")),
    OK(T_R8(12.345678901234567), VT_BSTR, T_BSTR("12.3456789012346")),
    OK(T_R8(1234.567890123456789), VT_BSTR, T_BSTR("1234.56789012346")),
    OK(T_R8(9.9999999999999999e22), VT_BSTR, T_BSTR("1E+23")),
    OK(T_R8(inf_value), VT_BSTR, T_BSTR("INF")),
    OK(T_R8(-inf_value), VT_BSTR, T_BSTR("-INF")),
    OK(T_R8(nan_value), VT_BSTR, T_BSTR("NAN")),
    OK(T_R4(0.5f), VT_BSTR, T_BSTR("0.5")),
    OK(T_R4(0.1f), VT_BSTR, T_BSTR("0.1")),
    OK(T_R4(1e8f), VT_BSTR, T_BSTR("1E+08")),
    OK(T_R4(3.14159265f), VT_BSTR, T_BSTR("3.141593")),
    OK(T_R4(654322.25f), VT_BSTR, T_BSTR("654322.3")),
    OK(T_R4(0.000005f), VT_BSTR, T_BSTR("0.000005")),
    OK(T_R4(1234.56789f), VT_BSTR, T_BSTR("1234.568")),
    OK(T_CY(0), VT_BSTR, T_BSTR("0")),
    OK(T_CY(10000), VT_BSTR, T_BSTR("1")),
    OK(T_CY(15000), VT_BSTR, T_BSTR("1.5")),
    OK(T_CY(-15000), VT_BSTR, T_BSTR("-1.5")),
    OK(T_CY(9), VT_BSTR, T_BSTR("0.0009")),
    OK(T_CY(4294967295LL), VT_BSTR, T_BSTR("429496.7295")),
    OK(T_CY(INT64_MAX), VT_BSTR, T_BSTR("922337203685477.5807")),
    OK(T_CY(INT64_MIN), VT_BSTR, T_BSTR("-922337203685477.5808")),
    OK(T_DEC(0, 0, 0, 0), VT_BSTR, T_BSTR("0")),
    OK(T_DEC(3, 0, 0, 1000), VT_BSTR, T_BSTR("1")),
    OK(T_DEC(1, DECIMAL_NEG, 0, 15), VT_BSTR, T_BSTR("-1.5")),
    OK(T_DEC(10, 0, 0, 1), VT_BSTR, T_BSTR("0.0000000001")),
    OK(T_DEC(4, 0, 0, 9), VT_BSTR, T_BSTR("0.0009")),
    OK(T_DEC(0, 0, 0xffffffffu, UINT64_MAX), VT_BSTR, T_BSTR("79228162514264337593543950335")),
    OK(T_DEC(28, 0, 0xffffffffu, UINT64_MAX), VT_BSTR, T_BSTR("7.9228162514264337593543950335")),

    /* Dates to text, as en-US oleaut32 writes them. */
    OK(T_DATE(0.0), VT_BSTR, T_BSTR("12:00:00 AM")),
    OK(T_DATE(0.5), VT_BSTR, T_BSTR("12:00:00 PM")),
    OK(T_DATE(0.75), VT_BSTR, T_BSTR("6:00:00 PM")),
    OK(T_DATE(3.34), VT_BSTR, T_BSTR("1/2/1900 8:09:36 AM")),
    OK(T_DATE(365.0), VT_BSTR, T_BSTR("12/30/1900")),
    OK(T_DATE(365.25), VT_BSTR, T_BSTR("12/30/1900 6:00:00 AM")),
    OK(T_DATE(1461.5), VT_BSTR, T_BSTR("12/31/1903 12:00:00 PM")),
    OK(T_DATE(25570.0), VT_BSTR, T_BSTR("1/2/1970")),
    OK(T_DATE(-1.25), VT_BSTR, T_BSTR("12/29/1899 6:00:00 AM")),
    OK(T_DATE(-49192.24), VT_BSTR, T_BSTR("4/24/1765 5:45:36 AM")),
    OK(T_DATE(-657434.0), VT_BSTR, T_BSTR("1/1/100")),
    OK(T_DATE(2958465.0), VT_BSTR, T_BSTR("12/31/9999")),
    OK(T_DATE(36526.999999999), VT_BSTR, T_BSTR("1/2/2000")),
    FAIL(T_DATE(2958466.0), VT_BSTR, E_INVALIDARG),
    FAIL(T_DATE(-657435.0), VT_BSTR, E_INVALIDARG),

    /* Text to integers. */
    OK(T_BSTR("0"), VT_I1, T_I1(0)),
    OK(T_BSTR("127"), VT_I1, T_I1(127)),
    FAIL(T_BSTR("128"), VT_I1, OVF),
    OK(T_BSTR("-128"), VT_I1, T_I1(-128)),
    FAIL(T_BSTR("-129"), VT_I1, OVF),
    OK(T_BSTR("-1.5"), VT_I1, T_I1(-2)),
    OK(T_BSTR("-0.5"), VT_I1, T_I1(0)),
    OK(T_BSTR("0.5"), VT_I1, T_I1(0)),
    OK(T_BSTR("1.5"), VT_I1, T_I1(2)),
    OK(T_BSTR("2.5"), VT_I4, T_I4(2)),
    OK(T_BSTR("0.6"), VT_I4, T_I4(1)),
    OK(T_BSTR("2.50"), VT_I4, T_I4(2)),
    OK(T_BSTR("2.5000001"), VT_I4, T_I4(3)),
    /* A nonzero digit past the 40 kept still breaks the tie. */
    OK(T_BSTR("2.5000000000000000000000000000000000000000000001"), VT_I4, T_I4(3)),
    FAIL(T_BSTR("-1"), VT_UI1, OVF),
    OK(T_BSTR("-0.5"), VT_UI1, T_UI1(0)),
    FAIL(T_BSTR("-0.6"), VT_UI1, OVF),
    OK(T_BSTR("255"), VT_UI1, T_UI1(255)),
    FAIL(T_BSTR("256"), VT_UI1, OVF),
    OK(T_BSTR("4294967295"), VT_UI4, T_UI4(4294967295u)),
    FAIL(T_BSTR("4294967296"), VT_UI4, OVF),
    OK(T_BSTR("-2147483648"), VT_I4, T_I4(-2147483647LL - 1)),
    FAIL(T_BSTR("2147483648"), VT_I4, OVF),
    OK(T_BSTR("18446744073709551615"), VT_UI8, T_UI8(UINT64_MAX)),
    FAIL(T_BSTR("18446744073709551616"), VT_UI8, OVF),
    OK(T_BSTR("9223372036854775807"), VT_I8, T_I8(INT64_MAX)),
    OK(T_BSTR("-9223372036854775808"), VT_I8, T_I8(INT64_MIN)),
    FAIL(T_BSTR("9223372036854775808"), VT_I8, OVF),
    OK(T_BSTR("  42  "), VT_I4, T_I4(42)),
    OK(T_BSTR("\t42\n"), VT_I4, T_I4(42)),
    OK(T_BSTR("+42"), VT_I4, T_I4(42)),
    OK(T_BSTR("42-"), VT_I4, T_I4(-42)),
    OK(T_BSTR("(42)"), VT_I4, T_I4(-42)),
    OK(T_BSTR("$42"), VT_I4, T_I4(42)),
    OK(T_BSTR("42$"), VT_I4, T_I4(42)),
    OK(T_BSTR("- 42"), VT_I4, T_I4(-42)),
    OK(T_BSTR("\xa0" "42"), VT_I4, T_I4(42)),
    FAIL(T_BSTR("(-1)"), VT_I4, MISMATCH),
    FAIL(T_BSTR("(1)-"), VT_I4, MISMATCH),
    FAIL(T_BSTR("(1))"), VT_I4, MISMATCH),
    FAIL(T_BSTR("$$1"), VT_I4, MISMATCH),
    OK(T_BSTR("1,000"), VT_I4, T_I4(1000)),
    OK(T_BSTR("1,000.5"), VT_I4, T_I4(1000)),
    OK(T_BSTR("1e3"), VT_I4, T_I4(1000)),
    OK(T_BSTR("1.5E2"), VT_I4, T_I4(150)),
    OK(T_BSTR("15e-1"), VT_I4, T_I4(2)),
    OK(T_BSTR("007"), VT_I4, T_I4(7)),
    OK(T_BSTR("1e-400"), VT_I4, T_I4(0)),
    FAIL(T_BSTR("1e400"), VT_I4, OVF),
    FAIL(T_BSTR("12abc"), VT_I4, MISMATCH),
    FAIL(T_BSTR("abc"), VT_I4, MISMATCH),
    FAIL(T_BSTR(""), VT_I4, MISMATCH),
    FAIL(T_BSTR(" "), VT_I4, MISMATCH),
    FAIL(T_BSTR("1..1"), VT_I4, MISMATCH),
    FAIL(T_BSTR("--1"), VT_I4, MISMATCH),
    FAIL(T_BSTR("-1-"), VT_I4, MISMATCH),
    FAIL(T_BSTR(",1"), VT_I4, MISMATCH),
    FAIL(T_BSTR("1e"), VT_I4, MISMATCH),
    FAIL(T_BSTR("(1"), VT_I4, MISMATCH),
    FAIL(T_BSTR("1)"), VT_I4, MISMATCH),
    FAIL(T_BSTR("."), VT_I4, MISMATCH),
    FAIL(T_BSTR("-(1)"), VT_I4, MISMATCH),
    FAIL(T_BSTR("0x1F"), VT_I4, MISMATCH),
    FAIL(T_BSTR(NULL), VT_I4, MISMATCH),

    /* VB's hexadecimal and octal forms; what fits a signed type's width unsigned wraps. */
    OK(T_BSTR("&H1F"), VT_I4, T_I4(31)),
    OK(T_BSTR("&h1f"), VT_I4, T_I4(31)),
    OK(T_BSTR("&HFFFF"), VT_I2, T_I2(-1)),
    OK(T_BSTR("&HFFFF"), VT_UI2, T_UI2(65535)),
    OK(T_BSTR("&HFFFF"), VT_I4, T_I4(65535)),
    FAIL(T_BSTR("&H10000"), VT_I2, OVF),
    OK(T_BSTR("&HFFFFFFFF"), VT_I4, T_I4(-1)),
    OK(T_BSTR("&H80"), VT_I1, T_I1(-128)),
    OK(T_BSTR("&H80"), VT_UI1, T_UI1(128)),
    OK(T_BSTR("&HFFFFFFFFFFFFFFFF"), VT_I8, T_I8(-1)),
    OK(T_BSTR("&HFFFFFFFFFFFFFFFF"), VT_UI8, T_UI8(UINT64_MAX)),
    FAIL(T_BSTR("&H10000000000000000"), VT_I8, OVF),
    OK(T_BSTR("&O17"), VT_I4, T_I4(15)),
    OK(T_BSTR("&o777"), VT_I4, T_I4(511)),
    FAIL(T_BSTR("&O8"), VT_I4, MISMATCH),
    FAIL(T_BSTR("&o128"), VT_I4, MISMATCH),
    FAIL(T_BSTR("&H"), VT_I4, MISMATCH),
    FAIL(T_BSTR("&HG"), VT_I4, MISMATCH),
    OK(T_BSTR("&HFFFF"), VT_R8, T_R8(65535.0)),
    OK(T_BSTR("&H1F"), VT_DECIMAL, T_DEC(0, 0, 0, 31)),

    /* Text to floating point, currency and DECIMAL. */
    OK(T_BSTR("1.5"), VT_R8, T_R8(1.5)),
    OK(T_BSTR("-0.6"), VT_R8, T_R8(-0.6)),
    OK(T_BSTR("  1.5  "), VT_R8, T_R8(1.5)),
    OK(T_BSTR("$1,234.5"), VT_R8, T_R8(1234.5)),
    OK(T_BSTR("1e308"), VT_R8, T_R8(1e308)),
    FAIL(T_BSTR("1e309"), VT_R8, OVF),
    OK(T_BSTR("1e-400"), VT_R8, T_R8(0.0)),
    FAIL(T_BSTR("1e9999999"), VT_R8, OVF),
    FAIL(T_BSTR("-1e309"), VT_R8, OVF),
    OK(T_BSTR("-&H10"), VT_R8, T_R8(-16.0)),
    OK(T_BSTR("1e+2"), VT_R8, T_R8(100.0)),
    OK(T_BSTR("12345678901234567890123456789012345678901234"), VT_R8,
       T_R8(12345678901234567890123456789012345678901234.0)),
    FAIL(T_BSTR("12345678901234567890123456789012345678901234"), VT_DECIMAL, OVF),
    OK(T_BSTR("0.12345678901234567890123456789012345678901234"), VT_DECIMAL,
       T_DEC(28, 0, 0x3fd35ebu, UINT64_C(0x6d797a91be38f34f))),
    OK(T_BSTR("0.1"), VT_R4, T_R4(0.1f)),
    OK(T_BSTR("3.4e38"), VT_R4, T_R4(3.4e38f)),
    FAIL(T_BSTR("1e39"), VT_R4, OVF),
    OK(T_BSTR("1.5"), VT_CY, T_CY(15000)),
    OK(T_BSTR("1.23456"), VT_CY, T_CY(12346)),
    OK(T_BSTR("1.23455"), VT_CY, T_CY(12346)),
    OK(T_BSTR("1.23445"), VT_CY, T_CY(12344)),
    OK(T_BSTR("922337203685477.5807"), VT_CY, T_CY(INT64_MAX)),
    FAIL(T_BSTR("922337203685477.5808"), VT_CY, OVF),
    OK(T_BSTR("-922337203685477.5808"), VT_CY, T_CY(INT64_MIN)),
    OK(T_BSTR("0.5"), VT_DECIMAL, T_DEC(1, 0, 0, 5)),
    OK(T_BSTR("1.50"), VT_DECIMAL, T_DEC(1, 0, 0, 15)),
    OK(T_BSTR("-1"), VT_DECIMAL, T_DEC(0, DECIMAL_NEG, 0, 1)),
    OK(T_BSTR("18446744073709551616"), VT_DECIMAL, T_DEC(0, 0, 1, 0)),
    OK(T_BSTR("79228162514264337593543950335"), VT_DECIMAL,
       T_DEC(0, 0, 0xffffffffu, UINT64_MAX)),
    FAIL(T_BSTR("79228162514264337593543950336"), VT_DECIMAL, OVF),
    /* Rounding the last decimal off would need a 97th bit. */
    FAIL(T_BSTR("79228162514264337593543950335.5"), VT_DECIMAL, OVF),
    OK(T_BSTR("0.0000000000000000000000000001"), VT_DECIMAL, T_DEC(28, 0, 0, 1)),
    OK(T_BSTR("0.00000000000000000000000000015"), VT_DECIMAL, T_DEC(28, 0, 0, 2)),
    OK(T_BSTR("9.9999999999999999999999999999"), VT_DECIMAL,
       T_DEC(27, 0, 0x204fce5eu, UINT64_C(0x3e25026110000000))),
    FAIL(T_BSTR(NULL), VT_R8, MISMATCH),

    /* Text to dates, in the forms ccw reads. */
    OK(T_BSTR("1/2/1970"), VT_DATE, T_DATE(25570.0)),
    OK(T_BSTR("01/02/1970"), VT_DATE, T_DATE(25570.0)),
    OK(T_BSTR("1970-01-02"), VT_DATE, T_DATE(25570.0)),
    OK(T_BSTR("1/2/70"), VT_DATE, T_DATE(25570.0)),
    OK(T_BSTR("1/2/29"), VT_DATE, T_DATE(47120.0)),
    OK(T_BSTR("1/2/30"), VT_DATE, T_DATE(10960.0)),
    OK(T_BSTR("  1/2/1970  "), VT_DATE, T_DATE(25570.0)),
    OK(T_BSTR("1/2/1970 12:00:00 PM"), VT_DATE, T_DATE(25570.5)),
    OK(T_BSTR("1970-01-02T06:00:00"), VT_DATE, T_DATE(25570.25)),
    OK(T_BSTR("1/2/1900 8:09:36 AM"), VT_DATE, T_DATE(3.0 + 29376.0 / 86400.0)),
    OK(T_BSTR("12:00:00 AM"), VT_DATE, T_DATE(0.0)),
    OK(T_BSTR("6:00 PM"), VT_DATE, T_DATE(0.75)),
    OK(T_BSTR("6:00 PM "), VT_DATE, T_DATE(0.75)),
    FAIL(T_BSTR("6:00 PMx"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1:02:"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1/x/2000"), VT_DATE, MISMATCH),
    OK(T_BSTR("13:00 AM"), VT_DATE, T_DATE(46800.0 / 86400.0)),
    OK(T_BSTR("0:00 pm"), VT_DATE, T_DATE(0.5)),
    OK(T_BSTR("12/30/1899"), VT_DATE, T_DATE(0.0)),
    OK(T_BSTR("12/29/1899 6:00:00 AM"), VT_DATE, T_DATE(-1.25)),
    OK(T_BSTR("2/29/2000"), VT_DATE, T_DATE(36585.0)),
    OK(T_BSTR("12/31/9999"), VT_DATE, T_DATE(2958465.0)),
    OK(T_BSTR("1/1/100"), VT_DATE, T_DATE(-657434.0)),
    FAIL(T_BSTR("2/30/2000"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("2/29/1900"), VT_DATE, MISMATCH),
    OK(T_BSTR("2/29/2004"), VT_DATE, T_DATE(38046.0)),
    FAIL(T_BSTR("2/29/2001"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("0/1/2000"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1/0/2000"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("0099-01-01"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1/2"), VT_DATE, MISMATCH),
    OK(T_BSTR("12:59 A"), VT_DATE, T_DATE(3540.0 / 86400.0)),
    OK(T_BSTR("12:59 p"), VT_DATE, T_DATE(46740.0 / 86400.0)),
    FAIL(T_BSTR("1 am"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("25:00"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1:00:60"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("13/1/2000"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1/1/99999"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("24:00"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1:60"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("True"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("0.0"), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1"), VT_DATE, MISMATCH),
    FAIL(T_BSTR(""), VT_DATE, MISMATCH),
    FAIL(T_BSTR("1/2/1970 garbage"), VT_DATE, MISMATCH),
    FAIL(T_BSTR(NULL), VT_DATE, MISMATCH),

    /* Between the floating types, currency and dates. */
    OK(T_R4(1.5f), VT_R8, T_R8(1.5)),
    OK(T_R8(3.0e38), VT_R4, T_R4(3.0e38f)),
    FAIL(T_R8(1e39), VT_R4, OVF),
    FAIL(T_R8(-1e39), VT_R4, OVF),
    FAIL(T_R8(inf_value), VT_R4, OVF),
    OK(T_R8(2958465.9), VT_DATE, T_DATE(2958465.9)),
    FAIL(T_R8(2958466.0), VT_DATE, OVF),
    OK(T_R8(-657434.9), VT_DATE, T_DATE(-657434.9)),
    FAIL(T_R8(-657435.0), VT_DATE, OVF),
    FAIL(T_R8(nan_value), VT_DATE, OVF),
    OK(T_I4(2958465), VT_DATE, T_DATE(2958465.0)),
    FAIL(T_I4(2958466), VT_DATE, OVF),
    OK(T_I4(-657434), VT_DATE, T_DATE(-657434.0)),
    FAIL(T_I4(-657435), VT_DATE, OVF),
    OK(T_DATE(1.5), VT_R8, T_R8(1.5)),
    OK(T_DATE(1.5), VT_R4, T_R4(1.5f)),
    OK(T_CY(15000), VT_R8, T_R8(1.5)),
    OK(T_CY(-6000), VT_R8, T_R8(-0.6)),
    OK(T_CY(9), VT_R8, T_R8(0.0009)),
    OK(T_CY(6000), VT_R4, T_R4(0.6f)),
    OK(T_CY(15000), VT_DATE, T_DATE(1.5)),
    OK(T_UI8(UINT64_MAX), VT_R8, T_R8(18446744073709551615.0)),
    OK(T_I8(INT64_MAX), VT_R4, T_R4(9223372036854775807.0f)),

    /* DECIMAL to and from the other types. */
    OK(T_DEC(2, 0, 0, 150), VT_R8, T_R8(1.5)),
    OK(T_DEC(28, 0, 0, 1), VT_R8, T_R8(1e-28)),
    OK(T_DEC(0, DECIMAL_NEG, 0, 1), VT_R8, T_R8(-1.0)),
    OK(T_DEC(1, 0, 0, 6), VT_R4, T_R4(0.6f)),
    OK(T_DEC(0, DECIMAL_NEG, 0, 128), VT_I1, T_I1(-128)),
    FAIL(T_DEC(0, DECIMAL_NEG, 0, 129), VT_I1, OVF),
    OK(T_DEC(2, 0, 0, 12700), VT_I1, T_I1(127)),
    OK(T_DEC(1, 0, 0, 25), VT_I4, T_I4(2)),
    OK(T_DEC(1, 0, 0, 35), VT_I4, T_I4(4)),
    OK(T_DEC(0, 0, 0, UINT64_MAX), VT_UI8, T_UI8(UINT64_MAX)),
    FAIL(T_DEC(0, 0, 1, 0), VT_UI8, OVF),
    FAIL(T_DEC(29, 0, 0, 0), VT_I4, E_INVALIDARG),
    FAIL(T_DEC(0, 0x1, 0, 0), VT_I4, E_INVALIDARG),
    FAIL(T_DEC(0, 0x7f, 0, 0), VT_BSTR, E_INVALIDARG),
    OK(T_I4(-1), VT_DECIMAL, T_DEC(0, DECIMAL_NEG, 0, 1)),
    OK(T_UI8(UINT64_MAX), VT_DECIMAL, T_DEC(0, 0, 0, UINT64_MAX)),
    OK(T_CY(15000), VT_DECIMAL, T_DEC(4, 0, 0, 15000)),
    OK(T_R8(0.5), VT_DECIMAL, T_DEC(1, 0, 0, 5)),
    OK(T_R8(0.0), VT_DECIMAL, T_DEC(0, 0, 0, 0)),
    OK(T_R8(-0.6), VT_DECIMAL, T_DEC(1, DECIMAL_NEG, 0, 6)),
    OK(T_R8(0.1), VT_DECIMAL, T_DEC(1, 0, 0, 1)),
    OK(T_R4(0.4f), VT_DECIMAL, T_DEC(1, 0, 0, 4)),
    OK(T_R8(1.5e-20), VT_DECIMAL, T_DEC(21, 0, 0, 15)),
    OK(T_R8(123456789012345678.0), VT_DECIMAL, T_DEC(0, 0, 0, 123456789012346000u)),
    FAIL(T_R8(1e30), VT_DECIMAL, OVF),
    OK(T_DATE(1.5), VT_DECIMAL, T_DEC(1, 0, 0, 15)),

    /* VT_EMPTY is zero, "" and FALSE; it is no object and no error. */
    OK(T_EMPTY, VT_I4, T_I4(0)),
    OK(T_EMPTY, VT_UI8, T_UI8(0)),
    OK(T_EMPTY, VT_R8, T_R8(0.0)),
    OK(T_EMPTY, VT_R4, T_R4(0.0f)),
    OK(T_EMPTY, VT_DATE, T_DATE(0.0)),
    OK(T_EMPTY, VT_CY, T_CY(0)),
    OK(T_EMPTY, VT_BOOL, T_BOOL(VARIANT_FALSE)),
    OK(T_EMPTY, VT_BSTR, T_BSTR("")),
    OK(T_EMPTY, VT_DECIMAL, T_DEC(0, 0, 0, 0)),
    OK(T_EMPTY, VT_NULL, T_NULL),
    OK(T_EMPTY, VT_EMPTY, T_EMPTY),
    FAIL(T_EMPTY, VT_ERROR, MISMATCH),
    FAIL(T_EMPTY, VT_DISPATCH, MISMATCH),
    FAIL(T_EMPTY, VT_UNKNOWN, MISMATCH),
    FAIL(T_EMPTY, VT_VARIANT, MISMATCH),
    FAIL(T_EMPTY, VT_RECORD, MISMATCH),
    FAIL(T_EMPTY, VT_VOID, BADTYPE),
    FAIL(T_EMPTY, VT_I4 | VT_BYREF, MISMATCH),

    /* VT_NULL converts to nothing but itself. */
    OK(T_NULL, VT_NULL, T_NULL),
    FAIL(T_NULL, VT_EMPTY, MISMATCH),
    FAIL(T_NULL, VT_I4, MISMATCH),
    FAIL(T_NULL, VT_BSTR, MISMATCH),
    FAIL(T_NULL, VT_BOOL, MISMATCH),
    FAIL(T_NULL, VT_DATE, MISMATCH),
    FAIL(T_NULL, VT_DECIMAL, MISMATCH),
    FAIL(T_NULL, VT_DISPATCH, MISMATCH),
    FAIL(T_NULL, VT_ERROR, MISMATCH),
    FAIL(T_NULL, VT_HRESULT, BADTYPE),
    FAIL(T_NULL, VT_LPSTR, BADTYPE),

    /* VT_ERROR only to itself. */
    OK(T_ERROR(DISP_E_PARAMNOTFOUND), VT_ERROR, T_ERROR(DISP_E_PARAMNOTFOUND)),
    FAIL(T_ERROR(1), VT_EMPTY, MISMATCH),
    FAIL(T_ERROR(1), VT_NULL, MISMATCH),
    FAIL(T_ERROR(1), VT_I4, MISMATCH),
    FAIL(T_ERROR(1), VT_UI8, MISMATCH),
    FAIL(T_ERROR(1), VT_BSTR, MISMATCH),
    FAIL(T_ERROR(1), VT_BOOL, MISMATCH),
    FAIL(T_ERROR(1), VT_CLSID, BADTYPE),

    /* A number to the types that are not values, and to types that are not types. */
    OK(T_I4(1), VT_EMPTY, T_EMPTY),
    OK(T_I4(1), VT_NULL, T_NULL),
    OK(T_BSTR("x"), VT_EMPTY, T_EMPTY),
    OK(T_BSTR("x"), VT_NULL, T_NULL),
    FAIL(T_I4(1), VT_DISPATCH, MISMATCH),
    FAIL(T_I4(1), VT_UNKNOWN, MISMATCH),
    FAIL(T_I4(1), VT_ERROR, MISMATCH),
    FAIL(T_I4(1), VT_VARIANT, MISMATCH),
    FAIL(T_I4(1), VT_RECORD, MISMATCH),
    FAIL(T_I4(1), VT_I4 | VT_ARRAY, MISMATCH),
    FAIL(T_I4(1), VT_I4 | VT_BYREF, MISMATCH),
    FAIL(T_I4(1), VT_VOID, BADTYPE),
    FAIL(T_I4(1), VT_HRESULT, BADTYPE),
    FAIL(T_I4(1), VT_PTR, BADTYPE),
    FAIL(T_I4(1), VT_SAFEARRAY, BADTYPE),
    FAIL(T_I4(1), VT_CARRAY, BADTYPE),
    FAIL(T_I4(1), VT_USERDEFINED, BADTYPE),
    FAIL(T_I4(1), VT_LPWSTR, BADTYPE),
    FAIL(T_I4(1), VT_INT_PTR, BADTYPE),
    FAIL(T_I4(1), VT_FILETIME, BADTYPE),
    FAIL(T_I4(1), VT_CLSID, BADTYPE),
    FAIL(T_I4(1), VT_BSTR_BLOB, BADTYPE),
    FAIL(T_I4(1), 15, BADTYPE),
    FAIL(T_I4(1), 0x3847, BADTYPE),
    FAIL(T_I4(1), VT_I4 | VT_VECTOR, BADTYPE),
    FAIL(T_I4(1), VT_EMPTY | VT_ARRAY, BADTYPE),

    /* The same type: a copy. */
    OK(T_I4(-7), VT_I4, T_I4(-7)),
    OK(T_BSTR("abc"), VT_BSTR, T_BSTR("abc")),
    OK(T_BSTR(NULL), VT_BSTR, T_BSTR("")),
    OK(T_CY(12345), VT_CY, T_CY(12345)),
    OK(T_DEC(3, DECIMAL_NEG, 7, 9), VT_DECIMAL, T_DEC(3, DECIMAL_NEG, 7, 9)),
    OK(T_DATE(25570.5), VT_DATE, T_DATE(25570.5)),
};

/* The sentinel a destination holds before a conversion: a failure must leave it. */
static void set_sentinel(VARIANT *v)
{
    memset(v, 0, sizeof(*v));
    V_VT(v) = VT_I4;
    V_I4(v) = 0x5eed;
}

static bool is_sentinel(const VARIANT *v)
{
    return V_VT(v) == VT_I4 && V_I4(v) == 0x5eed;
}

static void check_outcome(const conversion *c, const char *mode, HRESULT hr, const VARIANT *result)
{
    if (hr != c->hr)
        fail_msg("line %d (%s): got hr 0x%08x, want 0x%08x", c->line, mode, (unsigned)hr,
                 (unsigned)c->hr);
    if (hr == S_OK && !holds(result, &c->want))
        fail_msg("line %d (%s): wrong result (vt %d)", c->line, mode, V_VT(result));
}

/* A VT_BYREF variant pointing at the value in target, or false for types without one. */
static bool make_byref(VARIANT *byref, VARIANT *target)
{
    VARTYPE vt = V_VT(target);

    if (vt == VT_EMPTY || vt == VT_NULL)
        return false;
    memset(byref, 0, sizeof(*byref));
    V_VT(byref) = vt | VT_BYREF;
    if (vt == VT_DECIMAL)
        V_DECIMALREF(byref) = &V_DECIMAL(target);
    else
        V_BYREF(byref) = &V_UI8(target);
    return true;
}

static void test_matrix(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(conversions) / sizeof(conversions[0]); i++) {
        const conversion *c = &conversions[i];
        VARIANT src, dst, in_place, byref;
        HRESULT hr;

        make_variant(&src, &c->from);

        set_sentinel(&dst);
        hr = VariantChangeTypeEx(&dst, &src, LOCALE_INVARIANT, c->flags, c->to);
        check_outcome(c, "copy", hr, &dst);
        if (hr != S_OK && !is_sentinel(&dst))
            fail_msg("line %d: the destination changed on failure", c->line);
        if (!holds(&src, &c->from))
            fail_msg("line %d: the source changed", c->line);
        if (hr == S_OK)
            VariantClear(&dst);

        /* (A by-reference target is reached from that very by-reference type.) */
        if (!(c->to & VT_BYREF) && make_byref(&byref, &src)) {
            set_sentinel(&dst);
            hr = VariantChangeTypeEx(&dst, &byref, LOCALE_INVARIANT, c->flags, c->to);
            check_outcome(c, "byref", hr, &dst);
            if (hr == S_OK)
                VariantClear(&dst);
        }

        make_variant(&in_place, &c->from);
        hr = VariantChangeTypeEx(&in_place, &in_place, LOCALE_INVARIANT, c->flags, c->to);
        check_outcome(c, "in place", hr, &in_place);
        if (hr != S_OK && !holds(&in_place, &c->from))
            fail_msg("line %d: the in-place variant changed on failure", c->line);
        VariantClear(&in_place);
        VariantClear(&src);
    }
}

/* ---- Cases the table cannot express ---------------------------------------------- */

static void test_null_arguments(void **state)
{
    VARIANT v;

    (void)state;
    VariantInit(&v);
    assert_int_equal(VariantChangeTypeEx(NULL, &v, 0, 0, VT_I4), E_INVALIDARG);
    assert_int_equal(VariantChangeTypeEx(&v, NULL, 0, 0, VT_I4), E_INVALIDARG);
}

static void test_change_type_without_lcid(void **state)
{
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_R8;
    V_R8(&src) = 2.5;
    VariantInit(&dst);
    assert_int_equal(VariantChangeType(&dst, &src, 0, VT_I2), S_OK);
    assert_int_equal(V_VT(&dst), VT_I2);
    assert_int_equal(V_I2(&dst), 2);
    assert_int_equal(VariantChangeType(&dst, &src, 0, VT_VOID), DISP_E_BADVARTYPE);
}

static void test_null_variant_reference(void **state)
{
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_VARIANT | VT_BYREF;
    V_BYREF(&src) = NULL;
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_VARIANT), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4 | VT_BYREF),
                     DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, 0x3847), DISP_E_BADVARTYPE);
    assert_true(is_sentinel(&dst));
}

static void test_variant_reference(void **state)
{
    VARIANT target, src, dst;

    (void)state;
    V_VT(&target) = VT_I4;
    V_I4(&target) = 5;
    V_VT(&src) = VT_VARIANT | VT_BYREF;
    V_VARIANTREF(&src) = &target;
    VariantInit(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), S_OK);
    assert_true(bstr_equals(V_BSTR(&dst), "5"));
    VariantClear(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), S_OK);
    assert_int_equal(V_VT(&dst), VT_I4);
    assert_int_equal(V_I4(&dst), 5);
    /* A by-reference target type is only reached from that very type. */
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_VARIANT | VT_BYREF), S_OK);
    assert_ptr_equal(V_VARIANTREF(&dst), &target);
}

/* A destination VariantClear refuses stays as it is, and the new value is not leaked. */
static void test_invalid_destination_kept(void **state)
{
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_BSTR;
    V_BSTR(&src) = bstr_from_ascii("test");
    memset(&dst, 0, sizeof(dst));
    V_VT(&dst) = 0xff;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_INT), DISP_E_TYPEMISMATCH);
    assert_int_equal(V_VT(&dst), 0xff);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), DISP_E_BADVARTYPE);
    assert_int_equal(V_VT(&dst), 0xff);
    VariantClear(&src);
}

static void test_destination_released(void **state)
{
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_I4;
    V_I4(&src) = 12;
    V_VT(&dst) = VT_BSTR;
    V_BSTR(&dst) = bstr_from_ascii("freed by the conversion");
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), S_OK);
    assert_true(bstr_equals(V_BSTR(&dst), "12"));
    VariantClear(&dst);
}

static void test_invalid_source_type(void **state)
{
    VARIANT src, dst;

    (void)state;
    memset(&src, 0, sizeof(src));
    V_VT(&src) = VT_VOID;
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_BADVARTYPE);
    V_VT(&src) = VT_I4 | VT_VECTOR;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_BADVARTYPE);
    V_VT(&src) = VT_EMPTY | VT_BYREF;
    V_BYREF(&src) = &dst;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), E_INVALIDARG);
    assert_true(is_sentinel(&dst));
}

/* ---- Objects: a hand-written IDispatch with a configurable default property ---- */

typedef struct {
    IDispatch iface;
    IUnknown plain; /* a second identity that does not answer IDispatch */
    LONG refs;
    int invokes;
    HRESULT invoke_result;
    VARIANT value; /* what DISPID_VALUE returns */
    bool value_is_self;
} test_object;

static test_object *object_from_dispatch(IDispatch *iface)
{
    return (test_object *)(void *)((char *)iface - offsetof(test_object, iface));
}

static test_object *object_from_plain(IUnknown *iface)
{
    return (test_object *)(void *)((char *)iface - offsetof(test_object, plain));
}

static HRESULT STDMETHODCALLTYPE disp_query(IDispatch *This, REFIID riid, void **ppv)
{
    if (!IsEqualGUID(riid, &IID_IUnknown) && !IsEqualGUID(riid, &IID_IDispatch)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    *ppv = This;
    object_from_dispatch(This)->refs++;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE disp_addref(IDispatch *This)
{
    return (ULONG)++object_from_dispatch(This)->refs;
}

static ULONG STDMETHODCALLTYPE disp_release(IDispatch *This)
{
    return (ULONG)--object_from_dispatch(This)->refs;
}

static HRESULT STDMETHODCALLTYPE disp_type_info_count(IDispatch *This, UINT *count)
{
    (void)This;
    *count = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE disp_type_info(IDispatch *This, UINT index, LCID lcid,
                                                ITypeInfo **info)
{
    (void)This, (void)index, (void)lcid;
    *info = NULL;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE disp_ids(IDispatch *This, REFIID riid, LPOLESTR *names,
                                          UINT count, LCID lcid, DISPID *ids)
{
    (void)This, (void)riid, (void)names, (void)count, (void)lcid, (void)ids;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE disp_invoke(IDispatch *This, DISPID member, REFIID riid,
                                             LCID lcid, WORD flags, DISPPARAMS *params,
                                             VARIANT *result, EXCEPINFO *excep, UINT *arg_err)
{
    test_object *obj = object_from_dispatch(This);

    (void)lcid;
    obj->invokes++;
    assert_int_equal(member, DISPID_VALUE);
    assert_true(IsEqualGUID(riid, &IID_NULL));
    assert_int_equal(flags, DISPATCH_PROPERTYGET);
    assert_int_equal(params->cArgs, 0);
    assert_int_equal(params->cNamedArgs, 0);
    assert_null(params->rgvarg);
    assert_null(excep);
    assert_null(arg_err);
    assert_non_null(result);
    assert_int_equal(V_VT(result), VT_EMPTY);
    if (FAILED(obj->invoke_result))
        return obj->invoke_result;
    if (obj->value_is_self) {
        V_VT(result) = VT_DISPATCH;
        V_DISPATCH(result) = This;
        obj->refs++;
        return S_OK;
    }
    return VariantCopy(result, &obj->value);
}

static const IDispatchVtbl test_dispatch_vtbl = {
    disp_query, disp_addref, disp_release, disp_type_info_count, disp_type_info, disp_ids,
    disp_invoke,
};

static HRESULT STDMETHODCALLTYPE plain_query(IUnknown *This, REFIID riid, void **ppv)
{
    if (!IsEqualGUID(riid, &IID_IUnknown)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    *ppv = This;
    object_from_plain(This)->refs++;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE plain_addref(IUnknown *This)
{
    return (ULONG)++object_from_plain(This)->refs;
}

static ULONG STDMETHODCALLTYPE plain_release(IUnknown *This)
{
    return (ULONG)--object_from_plain(This)->refs;
}

static const IUnknownVtbl test_plain_vtbl = {plain_query, plain_addref, plain_release};

static void init_object(test_object *obj)
{
    memset(obj, 0, sizeof(*obj));
    obj->iface.lpVtbl = &test_dispatch_vtbl;
    obj->plain.lpVtbl = &test_plain_vtbl;
    obj->refs = 1;
    V_VT(&obj->value) = VT_I4;
    V_I4(&obj->value) = 42;
}

static void set_dispatch(VARIANT *v, test_object *obj)
{
    V_VT(v) = VT_DISPATCH;
    V_DISPATCH(v) = obj ? &obj->iface : NULL;
}

static void test_dispatch_default_value(void **state)
{
    test_object obj;
    VARIANT src, dst;

    (void)state;
    init_object(&obj);
    set_dispatch(&src, &obj);
    VariantInit(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), S_OK);
    assert_int_equal(V_VT(&dst), VT_I4);
    assert_int_equal(V_I4(&dst), 42);
    assert_int_equal(obj.invokes, 1);
    assert_int_equal(obj.refs, 1);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), S_OK);
    assert_true(bstr_equals(V_BSTR(&dst), "42"));
    VariantClear(&dst);

    /* The value is converted on: a string default property becomes a number. */
    V_VT(&obj.value) = VT_BSTR;
    V_BSTR(&obj.value) = bstr_from_ascii("2.5");
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I2), S_OK);
    assert_int_equal(V_I2(&dst), 2);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_R8), S_OK);
    assert_true(V_R8(&dst) == 2.5);
    VariantClear(&obj.value);

    /* ... with the usual range checks. */
    V_VT(&obj.value) = VT_I4;
    V_I4(&obj.value) = 300;
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_UI1), DISP_E_OVERFLOW);
    assert_true(is_sentinel(&dst));

    /* In place, the object is released once its value is read. */
    obj.refs = 2;
    assert_int_equal(VariantChangeTypeEx(&src, &src, 0, 0, VT_I8), S_OK);
    assert_int_equal(V_VT(&src), VT_I8);
    assert_int_equal(V_I8(&src), 300);
    assert_int_equal(obj.refs, 1);
}

static void test_dispatch_no_value_property(void **state)
{
    test_object obj;
    VARIANT src, dst;

    (void)state;
    init_object(&obj);
    set_dispatch(&src, &obj);
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, VARIANT_NOVALUEPROP, VT_I4),
                     DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, VARIANT_NOVALUEPROP, VT_BSTR),
                     DISP_E_TYPEMISMATCH);
    assert_int_equal(obj.invokes, 0);
    assert_true(is_sentinel(&dst));
}

static void test_dispatch_failures(void **state)
{
    test_object obj;
    VARIANT src, dst;

    (void)state;
    init_object(&obj);
    set_dispatch(&src, &obj);
    set_sentinel(&dst);

    obj.invoke_result = DISP_E_MEMBERNOTFOUND;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_MEMBERNOTFOUND);

    /* A default property that is itself an object is not followed. */
    obj.invoke_result = S_OK;
    obj.value_is_self = true;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_TYPEMISMATCH);
    assert_int_equal(obj.refs, 1);
    assert_true(is_sentinel(&dst));

    set_dispatch(&src, NULL);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_TYPEMISMATCH);
    assert_true(is_sentinel(&dst));
}

static void test_dispatch_to_interfaces(void **state)
{
    test_object obj;
    VARIANT src, dst;

    (void)state;
    init_object(&obj);
    set_dispatch(&src, &obj);
    VariantInit(&dst);

    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_UNKNOWN), S_OK);
    assert_int_equal(V_VT(&dst), VT_UNKNOWN);
    assert_ptr_equal(V_UNKNOWN(&dst), (IUnknown *)&obj.iface);
    assert_int_equal(obj.refs, 2);
    VariantClear(&dst);
    assert_int_equal(obj.refs, 1);

    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_DISPATCH), S_OK);
    assert_ptr_equal(V_DISPATCH(&dst), &obj.iface);
    assert_int_equal(obj.refs, 2);
    VariantClear(&dst);

    /* Neither the empty types nor the rejected ones call the object. */
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_EMPTY), S_OK);
    assert_int_equal(V_VT(&dst), VT_EMPTY);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_NULL), S_OK);
    assert_int_equal(V_VT(&dst), VT_NULL);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_ERROR), DISP_E_TYPEMISMATCH);
    assert_int_equal(obj.invokes, 0);

    /* In place: the new reference replaces the old one. */
    assert_int_equal(VariantChangeTypeEx(&src, &src, 0, 0, VT_UNKNOWN), S_OK);
    assert_int_equal(V_VT(&src), VT_UNKNOWN);
    assert_int_equal(obj.refs, 1);

    set_dispatch(&src, NULL);
    V_UNKNOWN(&dst) = (IUnknown *)&obj.plain;
    V_VT(&dst) = VT_EMPTY;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_UNKNOWN), S_OK);
    assert_int_equal(V_VT(&dst), VT_UNKNOWN);
    assert_null(V_UNKNOWN(&dst));
}

static void test_unknown_to_dispatch(void **state)
{
    test_object obj;
    VARIANT src, dst;

    (void)state;
    init_object(&obj);
    V_VT(&src) = VT_UNKNOWN;
    V_UNKNOWN(&src) = (IUnknown *)&obj.iface;
    VariantInit(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_DISPATCH), S_OK);
    assert_int_equal(V_VT(&dst), VT_DISPATCH);
    assert_ptr_equal(V_DISPATCH(&dst), &obj.iface);
    assert_int_equal(obj.refs, 2);
    VariantClear(&dst);

    assert_int_equal(VariantChangeTypeEx(&src, &src, 0, 0, VT_DISPATCH), S_OK);
    assert_int_equal(V_VT(&src), VT_DISPATCH);
    assert_int_equal(obj.refs, 1);

    /* An object without IDispatch: QueryInterface's answer, and nothing changes. */
    V_VT(&src) = VT_UNKNOWN;
    V_UNKNOWN(&src) = &obj.plain;
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_DISPATCH), E_NOINTERFACE);
    assert_true(is_sentinel(&dst));
    assert_int_equal(obj.refs, 1);

    /* An IUnknown has no value: no QueryInterface, no Invoke. */
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_ERROR), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_EMPTY), S_OK);
    assert_int_equal(obj.refs, 1);
    assert_int_equal(obj.invokes, 0);

    V_UNKNOWN(&src) = NULL;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_DISPATCH), S_OK);
    assert_int_equal(V_VT(&dst), VT_DISPATCH);
    assert_null(V_DISPATCH(&dst));
}

/* ---- Arrays: only VT_ARRAY|VT_UI1 <-> VT_BSTR, as raw bytes ---------------------- */

static void test_byte_array_to_bstr(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_UI1, 0, 3);
    VARIANT src, dst;

    (void)state;
    assert_non_null(psa);
    memcpy(psa->pvData, "abc", 3);
    V_VT(&src) = VT_ARRAY | VT_UI1;
    V_ARRAY(&src) = psa;
    VariantInit(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), S_OK);
    assert_int_equal(V_VT(&dst), VT_BSTR);
    assert_int_equal(SysStringByteLen(V_BSTR(&dst)), 3);
    assert_memory_equal(V_BSTR(&dst), "abc", 3);
    VariantClear(&dst);

    /* The same array type is a copy; any other is refused. */
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_ARRAY | VT_UI1), S_OK);
    assert_ptr_not_equal(V_ARRAY(&dst), psa);
    assert_memory_equal(V_ARRAY(&dst)->pvData, "abc", 3);
    VariantClear(&dst);
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_ARRAY | VT_I1), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_EMPTY), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_NULL), DISP_E_TYPEMISMATCH);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_I4), DISP_E_TYPEMISMATCH);
    assert_true(is_sentinel(&dst));

    /* In place: the array is destroyed once the string is made. */
    assert_int_equal(VariantChangeTypeEx(&src, &src, 0, 0, VT_BSTR), S_OK);
    assert_int_equal(V_VT(&src), VT_BSTR);
    VariantClear(&src);

    /* A NULL array is an empty one. */
    V_VT(&src) = VT_ARRAY | VT_UI1;
    V_ARRAY(&src) = NULL;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), S_OK);
    assert_true(bstr_equals(V_BSTR(&dst), ""));
    VariantClear(&dst);
}

static void test_bstr_to_byte_array(void **state)
{
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_BSTR;
    V_BSTR(&src) = SysAllocStringByteLen("xyz", 3);
    VariantInit(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_ARRAY | VT_UI1), S_OK);
    assert_int_equal(V_VT(&dst), VT_ARRAY | VT_UI1);
    assert_int_equal(V_ARRAY(&dst)->rgsabound[0].cElements, 3);
    assert_memory_equal(V_ARRAY(&dst)->pvData, "xyz", 3);
    VariantClear(&dst);
    VariantClear(&src);

    V_VT(&src) = VT_BSTR;
    V_BSTR(&src) = NULL;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_ARRAY | VT_UI1), S_OK);
    assert_int_equal(V_ARRAY(&dst)->rgsabound[0].cElements, 0);
    VariantClear(&dst);
}

/* Byte arrays too long for a BSTR; the descriptors are fakes, no data is read. */
static void test_byte_array_too_long(void **state)
{
    struct {
        SAFEARRAY sa;
        SAFEARRAYBOUND second;
    } huge;
    BYTE data = 0;
    VARIANT src, dst;

    (void)state;
    memset(&huge, 0, sizeof(huge));
    huge.sa.cDims = 2;
    huge.sa.fFeatures = FADF_AUTO;
    huge.sa.cbElements = 1;
    huge.sa.pvData = &data;
    huge.sa.rgsabound[0].cElements = 0x10000;
    huge.second.cElements = 0x10000;
    V_VT(&src) = VT_ARRAY | VT_UI1;
    V_ARRAY(&src) = &huge.sa;
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), E_OUTOFMEMORY);
    /* 2^32 - 1 bytes fit the count but not a BSTR. */
    huge.sa.cDims = 1;
    huge.sa.rgsabound[0].cElements = 0xffffffffu;
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), E_OUTOFMEMORY);
    assert_true(is_sentinel(&dst));
}

static void test_other_arrays_refused(void **state)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_I4, 0, 1);
    VARIANT src, dst;

    (void)state;
    V_VT(&src) = VT_ARRAY | VT_I4;
    V_ARRAY(&src) = psa;
    set_sentinel(&dst);
    assert_int_equal(VariantChangeTypeEx(&dst, &src, 0, 0, VT_BSTR), DISP_E_TYPEMISMATCH);
    assert_true(is_sentinel(&dst));
    VariantClear(&src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_change_type_without_lcid),
        cmocka_unit_test(test_null_variant_reference),
        cmocka_unit_test(test_variant_reference),
        cmocka_unit_test(test_invalid_destination_kept),
        cmocka_unit_test(test_destination_released),
        cmocka_unit_test(test_invalid_source_type),
        cmocka_unit_test(test_dispatch_default_value),
        cmocka_unit_test(test_dispatch_no_value_property),
        cmocka_unit_test(test_dispatch_failures),
        cmocka_unit_test(test_dispatch_to_interfaces),
        cmocka_unit_test(test_unknown_to_dispatch),
        cmocka_unit_test(test_byte_array_to_bstr),
        cmocka_unit_test(test_bstr_to_byte_array),
        cmocka_unit_test(test_byte_array_too_long),
        cmocka_unit_test(test_other_arrays_refused),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
