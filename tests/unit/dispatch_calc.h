/*
 * dispatch_calc.h - a dual interface written by hand the way ccwgen emits
 * one (tables, early-bound methods, the four IDispatch slots), shared by
 * test_dispatch.c and test_typeinfo.c.
 *
 * ICalc (dual, default) of class Calc ("Test.Calc"), DISPIDs:
 *    0 Value      get/put LONG (the default member)
 *    1 Add        (LONG a, LONG b) -> LONG
 *    3 Concat     (BSTR a, [optional "!"] BSTR b) -> BSTR
 *    4 Scale      (DOUBLE x, [optional "2"] LONG factor) -> DOUBLE
 *    5 Divide     (LONG a, LONG b, [out] LONG *remainder) -> LONG; b = 0 fails
 *                 with EDOM and the message "division by zero"
 *    6 Swap       ([in, out] LONG *a, [in, out] LONG *b)
 *    7 Name       get/put BSTR
 *    9 Small      (BYTE v) -> BYTE
 *   10 Echo       (VARIANT v) -> VARIANT
 *   11 Flag       get/put VARIANT_BOOL
 *   12 Secret     () -> LONG, hidden (callable by DISPID, not by name)
 *   13 Peer       (ICalc *other) -> LONG: other's Value, -1 for Nothing
 *   14 Sum        (SAFEARRAY(BYTE) data) -> LONG: the sum of its bytes
 *   15 Fail       (): E_FAIL with no error information
 *   16 Defaults   ([optional "7"] SHORT s, [optional "true"] VARIANT_BOOL b,
 *                  [optional ""] BSTR t, [optional] VARIANT v) -> BSTR "s b t vt"
 *
 * INote (custom, no IDispatch): Note() -> LONG; in the type library only.
 */
#ifndef DISPATCH_CALC_H
#define DISPATCH_CALC_H

#include <ccw/runtime.h>

typedef struct ICalc ICalc;

typedef struct ICalcVtbl {
    CCW_IUNKNOWN_METHODS(ICalc)
    CCW_IDISPATCH_METHODS(ICalc)
    HRESULT (STDMETHODCALLTYPE *get_Value)(ICalc *This, LONG *out);
    HRESULT (STDMETHODCALLTYPE *put_Value)(ICalc *This, LONG value);
    HRESULT (STDMETHODCALLTYPE *Add)(ICalc *This, LONG a, LONG b, LONG *out);
    HRESULT (STDMETHODCALLTYPE *Concat)(ICalc *This, BSTR a, BSTR b, BSTR *out);
    HRESULT (STDMETHODCALLTYPE *Scale)(ICalc *This, DOUBLE x, LONG factor, DOUBLE *out);
    HRESULT (STDMETHODCALLTYPE *Divide)(ICalc *This, LONG a, LONG b, LONG *remainder,
                                        LONG *out);
    HRESULT (STDMETHODCALLTYPE *Swap)(ICalc *This, LONG *a, LONG *b);
    HRESULT (STDMETHODCALLTYPE *get_Name)(ICalc *This, BSTR *out);
    HRESULT (STDMETHODCALLTYPE *put_Name)(ICalc *This, BSTR name);
    HRESULT (STDMETHODCALLTYPE *Small)(ICalc *This, BYTE v, BYTE *out);
    HRESULT (STDMETHODCALLTYPE *Echo)(ICalc *This, VARIANT v, VARIANT *out);
    HRESULT (STDMETHODCALLTYPE *get_Flag)(ICalc *This, VARIANT_BOOL *out);
    HRESULT (STDMETHODCALLTYPE *put_Flag)(ICalc *This, VARIANT_BOOL flag);
    HRESULT (STDMETHODCALLTYPE *Secret)(ICalc *This, LONG *out);
    HRESULT (STDMETHODCALLTYPE *Peer)(ICalc *This, ICalc *other, LONG *out);
    HRESULT (STDMETHODCALLTYPE *Sum)(ICalc *This, SAFEARRAY *data, LONG *out);
    HRESULT (STDMETHODCALLTYPE *Fail)(ICalc *This);
    HRESULT (STDMETHODCALLTYPE *Defaults)(ICalc *This, SHORT s, VARIANT_BOOL b, BSTR t,
                                          VARIANT v, BSTR *out);
} ICalcVtbl;

struct ICalc {
    const ICalcVtbl *lpVtbl;
};

extern const IID IID_ICalc;
extern const IID IID_INote;
extern const CLSID CLSID_Calc;
extern const GUID LIBID_Calc;

extern ccw_module calc_module;
extern ccw_dispatch_table calc_dispatch;
extern const ccw_typelib calc_typelib;

/* Places the hash tables (ccwgen writes them as constants); call once. */
void calc_setup(void);

/* A new Calc object (Value 0, Name "calc"), as its IDispatch. */
IDispatch *calc_create(void);

/* The C object behind a Calc's IDispatch. */
struct calc {
    LONG value;
    BSTR name;
    VARIANT_BOOL flag;
};
struct calc *calc_of(IDispatch *disp);

#endif
