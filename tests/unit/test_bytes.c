/* test_bytes.c - SAFEARRAY(BYTE) <-> C bytes (runtime/bytes.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ccw/runtime.h>

#include <string.h>

static void test_safearray_bytes(void **state)
{
    SAFEARRAY *array = SafeArrayCreateVector(VT_UI1, 0, 3);
    SAFEARRAY *words = SafeArrayCreateVector(VT_I2, 0, 2);
    void *data = (void *)1;
    ULONG count = 7;

    (void)state;
    assert_non_null(array);
    assert_non_null(words);
    memcpy(array->pvData, "abc", 3);
    assert_int_equal(ccw_safearray_bytes(array, &data, &count), S_OK);
    assert_ptr_equal(data, array->pvData);
    assert_int_equal(count, 3);
    assert_int_equal(ccw_safearray_bytes(NULL, &data, &count), S_OK);
    assert_null(data);
    assert_int_equal(count, 0);
    assert_int_equal(ccw_safearray_bytes(words, &data, &count), E_INVALIDARG);
    assert_int_equal(ccw_safearray_bytes(array, NULL, &count), E_POINTER);
    assert_int_equal(ccw_safearray_bytes(array, &data, NULL), E_POINTER);
    SafeArrayDestroy(words);
    SafeArrayDestroy(array);
}

static void test_safearray_from_bytes(void **state)
{
    SAFEARRAY *array = NULL, *untouched = (SAFEARRAY *)&array;
    LONG upper = -1;

    (void)state;
    assert_int_equal(ccw_safearray_from_bytes("\x01\x02\x03\x04", 4, &array), S_OK);
    assert_int_equal(SafeArrayGetDim(array), 1);
    assert_int_equal(SafeArrayGetElemsize(array), 1);
    assert_int_equal(SafeArrayGetUBound(array, 1, &upper), S_OK);
    assert_int_equal(upper, 3);
    assert_memory_equal(array->pvData, "\x01\x02\x03\x04", 4);
    SafeArrayDestroy(array);

    /* NULL data is an empty array, whatever the count. */
    assert_int_equal(ccw_safearray_from_bytes(NULL, 9, &array), S_OK);
    assert_int_equal(array->rgsabound[0].cElements, 0);
    SafeArrayDestroy(array);

    array = untouched;
    assert_int_equal(ccw_safearray_from_bytes("x", UINT64_C(0x100000000), &array),
                     E_OUTOFMEMORY);
    assert_ptr_equal(array, untouched);
    assert_int_equal(ccw_safearray_from_bytes("x", 1, NULL), E_POINTER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_safearray_bytes),
        cmocka_unit_test(test_safearray_from_bytes),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
