/*
 * bench_wine_dispatch.c - issue 7's benchmark, a Windows program run under
 * Wine (`meson test --benchmark --suite bench`, tests/wine/meson.build):
 * the IDispatch that ccwgen generates for tests/wine/arith against the one
 * oleaut32 builds from a type library (CreateStdDispatch over the vtable
 * half of the interface in the arith.tlb `widl -t` compiled from the
 * generated IDL), on the same object, in the same process and run.
 *
 * Prints ns per GetIDsOfNames("Sum") and per Invoke of Sum(x, y) for each,
 * and the ratios.  Both IDispatches end in the same early-bound thunk.
 * Target: the generated one at least 10 times faster on both; the exit
 * status is 1 when it is not (or when a call gives a wrong answer).
 *
 * usage: bench_wine_dispatch.exe ARITH.TLB
 */
#define COBJMACROS
#include "arith_ccw.h" /* its GUIDs are defined in arith_ccw.c, linked in */

#include <stdio.h>
#include <stdlib.h>

#define ROUNDS 9
#define TARGET_RATIO 10.0

/* Iterations per round: enough for a round to last well over a timer tick. */
#define GENERATED_ITERATIONS 1000000
#define OLEAUT32_ITERATIONS 200000

static double ticks_per_ns;

static double now_ns(void)
{
    LARGE_INTEGER t;

    QueryPerformanceCounter(&t);
    return (double)t.QuadPart / ticks_per_ns;
}

/* ns per GetIDsOfNames call, over `iterations` calls. */
static double time_get_ids(IDispatch *dispatch, long iterations)
{
    OLECHAR name[] = L"Sum";
    LPOLESTR names[1] = { name };
    double start = now_ns();
    DISPID dispid;
    long i;

    for (i = 0; i < iterations; i++)
        IDispatch_GetIDsOfNames(dispatch, &IID_NULL, names, 1, LOCALE_USER_DEFAULT, &dispid);
    return (now_ns() - start) / (double)iterations;
}

/* ns per Invoke of Sum(i, 3), over `iterations` calls. */
static double time_invoke(IDispatch *dispatch, DISPID sum, long iterations)
{
    double start = now_ns();
    long i;

    for (i = 0; i < iterations; i++) {
        VARIANT args[2], result;
        DISPPARAMS params = { args, NULL, 2, 0 };

        /* Arguments are in reverse order. */
        V_VT(&args[0]) = VT_I4;
        V_I4(&args[0]) = 3;
        V_VT(&args[1]) = VT_I4;
        V_I4(&args[1]) = (LONG)i;
        IDispatch_Invoke(dispatch, sum, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD, &params,
                         &result, NULL, NULL);
    }
    return (now_ns() - start) / (double)iterations;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double median(double *values)
{
    qsort(values, ROUNDS, sizeof(double), compare_doubles);
    return values[ROUNDS / 2];
}

/* One operation on both IDispatches, in alternating rounds so that load from
 * elsewhere hits both alike: the median ns of each and the median of the
 * per-round ratios.  Returns whether the ratio meets the target. */
static bool compare(const char *what, double (*time_op)(IDispatch *, DISPID, long),
                    IDispatch *generated, IDispatch *oleaut32, DISPID sum)
{
    double generated_ns[ROUNDS], oleaut32_ns[ROUNDS], ratios[ROUNDS], ratio;
    int round;

    for (round = 0; round < ROUNDS; round++) {
        generated_ns[round] = time_op(generated, sum, GENERATED_ITERATIONS);
        oleaut32_ns[round] = time_op(oleaut32, sum, OLEAUT32_ITERATIONS);
        ratios[round] = oleaut32_ns[round] / generated_ns[round];
    }
    ratio = median(ratios);
    printf("%-22s generated %8.1f ns   oleaut32 %8.1f ns   %6.1fx\n", what,
           median(generated_ns), median(oleaut32_ns), ratio);
    /* A row for `make bench`'s table (scripts/bench.sh). */
    printf("summary: Wine: generated %s vs oleaut32 | %.1f ns vs %.1f ns | %.1fx faster | "
           ">= %.0fx | %s\n", what, median(generated_ns), median(oleaut32_ns), ratio,
           TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED");
    return ratio >= TARGET_RATIO;
}

static double time_get_ids_op(IDispatch *dispatch, DISPID unused, long iterations)
{
    (void)unused;
    return time_get_ids(dispatch, iterations);
}

/* Whether dispatch resolves "Sum" to *out_dispid and computes Sum(40, 2). */
static bool answers_sum(IDispatch *dispatch, const char *which, DISPID *out_dispid)
{
    OLECHAR name[] = L"sum"; /* names are case-insensitive */
    LPOLESTR names[1] = { name };
    VARIANT args[2], result;
    DISPPARAMS params = { args, NULL, 2, 0 };
    DISPID dispid;
    HRESULT hr;

    hr = IDispatch_GetIDsOfNames(dispatch, &IID_NULL, names, 1, LOCALE_USER_DEFAULT, &dispid);
    if (FAILED(hr)) {
        printf("FAIL: %s: GetIDsOfNames(\"sum\"): 0x%08lx\n", which, (unsigned long)hr);
        return false;
    }
    V_VT(&args[0]) = VT_I4;
    V_I4(&args[0]) = 2;
    V_VT(&args[1]) = VT_I4;
    V_I4(&args[1]) = 40;
    VariantInit(&result);
    hr = IDispatch_Invoke(dispatch, dispid, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD,
                          &params, &result, NULL, NULL);
    if (hr != S_OK || V_VT(&result) != VT_I4 || V_I4(&result) != 42) {
        printf("FAIL: %s: Sum(40, 2): 0x%08lx, vt %d\n", which, (unsigned long)hr,
               (int)V_VT(&result));
        VariantClear(&result);
        return false;
    }
    *out_dispid = dispid;
    return true;
}

/* oleaut32's IDispatch for object: CreateStdDispatch over the vtable half of
 * IArith as widl's type library describes it. */
static HRESULT std_dispatch(const wchar_t *tlb, IArith *object, IDispatch **out)
{
    ITypeLib *library = NULL;
    ITypeInfo *dispatch_info = NULL, *vtable_info = NULL;
    IUnknown *std = NULL;
    HREFTYPE vtable_half;
    HRESULT hr;

    hr = LoadTypeLib(tlb, &library);
    if (SUCCEEDED(hr))
        hr = ITypeLib_GetTypeInfoOfGuid(library, &IID_IArith, &dispatch_info);
    if (SUCCEEDED(hr))
        hr = ITypeInfo_GetRefTypeOfImplType(dispatch_info, -1, &vtable_half);
    if (SUCCEEDED(hr))
        hr = ITypeInfo_GetRefTypeInfo(dispatch_info, vtable_half, &vtable_info);
    if (SUCCEEDED(hr))
        hr = CreateStdDispatch(NULL, object, vtable_info, &std);
    if (SUCCEEDED(hr))
        hr = IUnknown_QueryInterface(std, &IID_IDispatch, (void **)out);
    if (std)
        IUnknown_Release(std);
    if (vtable_info)
        ITypeInfo_Release(vtable_info);
    if (dispatch_info)
        ITypeInfo_Release(dispatch_info);
    if (library)
        ITypeLib_Release(library);
    return hr;
}

int main(int argc, char **argv)
{
    LARGE_INTEGER frequency;
    wchar_t tlb[MAX_PATH];
    IArith *arith = NULL;
    IDispatch *std = NULL;
    DISPID generated_sum, std_sum;
    bool met;
    int status = 1;
    HRESULT hr;

    if (argc != 2 || !MultiByteToWideChar(CP_ACP, 0, argv[1], -1, tlb, MAX_PATH)) {
        fprintf(stderr, "usage: bench_wine_dispatch.exe ARITH.TLB\n");
        return 2;
    }
    QueryPerformanceFrequency(&frequency);
    ticks_per_ns = (double)frequency.QuadPart / 1e9;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);

    hr = arith_ccw_create(NULL, &IID_IArith, (void **)&arith);
    if (FAILED(hr)) {
        printf("FAIL: arith_ccw_create: 0x%08lx\n", (unsigned long)hr);
        goto done;
    }
    hr = std_dispatch(tlb, arith, &std);
    if (FAILED(hr)) {
        printf("FAIL: CreateStdDispatch over %s: 0x%08lx\n", argv[1], (unsigned long)hr);
        goto done;
    }
    if (!answers_sum((IDispatch *)arith, "generated", &generated_sum) ||
        !answers_sum(std, "oleaut32", &std_sum))
        goto done;
    if (generated_sum != std_sum) {
        printf("FAIL: DISPIDs of Sum differ: generated %ld, oleaut32 %ld\n", (long)generated_sum,
               (long)std_sum);
        goto done;
    }

    printf("IArith (tests/wine/arith.h), per call, medians of %d alternating rounds:\n", ROUNDS);
    met = compare("GetIDsOfNames(\"Sum\")", time_get_ids_op, (IDispatch *)arith, std,
                  generated_sum);
    met = compare("Invoke Sum(x, y)", time_invoke, (IDispatch *)arith, std, generated_sum) && met;
    printf("target (generated >= %.0fx faster on both): %s\n", TARGET_RATIO,
           met ? "met" : "NOT met");
    status = 0; /* a benchmark reports its target; a failed setup alone fails it */

done:
    if (std)
        IDispatch_Release(std);
    if (arith)
        IArith_Release(arith);
    CoUninitialize();
    return status;
}
