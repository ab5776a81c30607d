/*
 * test_memory.c - the task allocator: CoTaskMem* and the process-wide IMalloc.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/com.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static IMalloc *task_allocator(void)
{
    IMalloc *allocator = NULL;

    assert_int_equal(CoGetMalloc(MEMCTX_TASK, &allocator), S_OK);
    assert_non_null(allocator);
    return allocator;
}

static void test_task_mem_alloc(void **state)
{
    unsigned char *block = CoTaskMemAlloc(100);

    (void)state;
    assert_non_null(block);
    memset(block, 0x5A, 100);
    assert_int_equal(block[99], 0x5A);
    CoTaskMemFree(block);
}

/* As Windows: 0 bytes still give a valid block of its own. */
static void test_task_mem_alloc_zero(void **state)
{
    void *first = CoTaskMemAlloc(0);
    void *second = CoTaskMemAlloc(0);

    (void)state;
    assert_non_null(first);
    assert_non_null(second);
    assert_ptr_not_equal(first, second);
    CoTaskMemFree(first);
    CoTaskMemFree(second);
}

static void test_task_mem_free_null(void **state)
{
    void *block = CoTaskMemAlloc(8);

    (void)state;
    CoTaskMemFree(NULL);
    assert_non_null(block);
    memset(block, 0, 8);
    CoTaskMemFree(block);
}

static void test_task_mem_realloc(void **state)
{
    unsigned char *block = CoTaskMemRealloc(NULL, 16);

    (void)state;
    assert_non_null(block);
    for (int i = 0; i < 16; i++)
        block[i] = (unsigned char)i;
    block = CoTaskMemRealloc(block, 4096);
    assert_non_null(block);
    for (int i = 0; i < 16; i++)
        assert_int_equal(block[i], i);
    block[4095] = 1;
    block = CoTaskMemRealloc(block, 4);
    assert_non_null(block);
    for (int i = 0; i < 4; i++)
        assert_int_equal(block[i], i);
    CoTaskMemFree(block);
}

/* Resizing to 0 frees the block (a leak checker sees it) and returns NULL; from NULL it allocates. */
static void test_task_mem_realloc_zero(void **state)
{
    void *block = CoTaskMemAlloc(32);
    void *empty;

    (void)state;
    assert_non_null(block);
    assert_null(CoTaskMemRealloc(block, 0));
    empty = CoTaskMemRealloc(NULL, 0);
    assert_non_null(empty);
    CoTaskMemFree(empty);
}

#ifndef _WIN32
/* Task memory is malloc memory: either side may free what the other allocated. */
static void test_task_memory_is_malloc_memory(void **state)
{
    void *from_task = CoTaskMemAlloc(24);
    void *from_malloc = malloc(24);

    (void)state;
    assert_non_null(from_task);
    assert_non_null(from_malloc);
    free(from_task);
    CoTaskMemFree(from_malloc);
}
#endif

static void test_get_malloc_identity(void **state)
{
    IMalloc *first = task_allocator();
    IMalloc *second = task_allocator();

    (void)state;
    assert_ptr_equal(first, second);
    first->lpVtbl->Release(first);
    second->lpVtbl->Release(second);
}

static void *get_allocator_thread(void *arg)
{
    IMalloc **out = arg;

    return CoGetMalloc(MEMCTX_TASK, out) == S_OK ? arg : NULL;
}

static void test_get_malloc_identity_across_threads(void **state)
{
    IMalloc *seen[4] = { NULL };
    pthread_t threads[4];
    IMalloc *mine = task_allocator();

    (void)state;
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, get_allocator_thread, &seen[i]), 0);
    for (int i = 0; i < 4; i++) {
        void *result = NULL;

        assert_int_equal(pthread_join(threads[i], &result), 0);
        assert_ptr_equal(result, &seen[i]);
        assert_ptr_equal(seen[i], mine);
    }
}

static void test_get_malloc_bad_context(void **state)
{
    IMalloc *allocator = (IMalloc *)&allocator;

    (void)state;
    assert_int_equal(CoGetMalloc(0, &allocator), E_INVALIDARG);
    assert_null(allocator);
    allocator = (IMalloc *)&allocator;
    assert_int_equal(CoGetMalloc(MEMCTX_SHARED, &allocator), E_INVALIDARG);
    assert_null(allocator);
    allocator = (IMalloc *)&allocator;
    assert_int_equal(CoGetMalloc((DWORD)MEMCTX_UNKNOWN, &allocator), E_INVALIDARG);
    assert_null(allocator);
}

static void test_get_malloc_null_out(void **state)
{
    (void)state;
    assert_int_equal(CoGetMalloc(MEMCTX_TASK, NULL), E_POINTER);
}

static void test_malloc_query_interface(void **state)
{
    IMalloc *allocator = task_allocator();
    void *iface = NULL;

    (void)state;
    assert_int_equal(allocator->lpVtbl->QueryInterface(allocator, &IID_IUnknown, &iface), S_OK);
    assert_ptr_equal(iface, allocator);
    iface = NULL;
    assert_int_equal(allocator->lpVtbl->QueryInterface(allocator, &IID_IMalloc, &iface), S_OK);
    assert_ptr_equal(iface, allocator);
    iface = &iface;
    assert_int_equal(allocator->lpVtbl->QueryInterface(allocator, &IID_IDispatch, &iface),
                     E_NOINTERFACE);
    assert_null(iface);
    assert_int_equal(allocator->lpVtbl->QueryInterface(allocator, &IID_IMalloc, NULL), E_POINTER);
}

/* The allocator is static: counting references never releases it. */
static void test_malloc_reference_counting(void **state)
{
    IMalloc *allocator = task_allocator();
    void *block;

    (void)state;
    assert_int_not_equal(allocator->lpVtbl->AddRef(allocator), 0);
    for (int i = 0; i < 10; i++)
        assert_int_not_equal(allocator->lpVtbl->Release(allocator), 0);
    block = allocator->lpVtbl->Alloc(allocator, 8);
    assert_non_null(block);
    allocator->lpVtbl->Free(allocator, block);
    assert_ptr_equal(task_allocator(), allocator);
}

static void test_malloc_alloc_realloc_free(void **state)
{
    IMalloc *allocator = task_allocator();
    unsigned char *block;

    (void)state;
    block = allocator->lpVtbl->Alloc(allocator, 2048);
    assert_non_null(block);
    memset(block, 'A', 2048);
    block = allocator->lpVtbl->Realloc(allocator, block, 4096);
    assert_non_null(block);
    for (int i = 0; i < 2048; i++)
        assert_int_equal(block[i], 'A');
    block = allocator->lpVtbl->Realloc(allocator, block, 990);
    assert_non_null(block);
    for (int i = 0; i < 990; i++)
        assert_int_equal(block[i], 'A');
    allocator->lpVtbl->Free(allocator, block);

    block = allocator->lpVtbl->Alloc(allocator, 0);
    assert_non_null(block);
    assert_null(allocator->lpVtbl->Realloc(allocator, block, 0));
    block = allocator->lpVtbl->Realloc(allocator, NULL, 16);
    assert_non_null(block);
    allocator->lpVtbl->Free(allocator, block);
    allocator->lpVtbl->Free(allocator, NULL);
}

/* The process-wide allocator and CoTaskMem* share one heap. */
static void test_malloc_shares_task_heap(void **state)
{
    IMalloc *allocator = task_allocator();
    void *from_task = CoTaskMemAlloc(40);
    void *from_allocator = allocator->lpVtbl->Alloc(allocator, 40);

    (void)state;
    assert_non_null(from_task);
    assert_non_null(from_allocator);
    allocator->lpVtbl->Free(allocator, from_task);
    CoTaskMemFree(from_allocator);
}

static void test_malloc_get_size(void **state)
{
    IMalloc *allocator = task_allocator();
    void *block = allocator->lpVtbl->Alloc(allocator, 990);

    (void)state;
    assert_non_null(block);
#ifdef __linux__
    assert_true(allocator->lpVtbl->GetSize(allocator, block) >= 990);
    assert_true(allocator->lpVtbl->GetSize(allocator, block) != (SIZE_T)-1);
#else
    assert_true(allocator->lpVtbl->GetSize(allocator, block) == (SIZE_T)-1);
#endif
    assert_true(allocator->lpVtbl->GetSize(allocator, NULL) == (SIZE_T)-1);
    allocator->lpVtbl->Free(allocator, block);
}

static void test_malloc_did_alloc(void **state)
{
    IMalloc *allocator = task_allocator();
    void *block = allocator->lpVtbl->Alloc(allocator, 16);

    (void)state;
    assert_non_null(block);
    assert_int_equal(allocator->lpVtbl->DidAlloc(allocator, block), -1);
    assert_int_equal(allocator->lpVtbl->DidAlloc(allocator, NULL), -1);
    allocator->lpVtbl->Free(allocator, block);
}

/* Giving memory back to the system leaves live blocks intact. */
static void test_malloc_heap_minimize(void **state)
{
    IMalloc *allocator = task_allocator();
    unsigned char *live = allocator->lpVtbl->Alloc(allocator, 64);
    void *freed = allocator->lpVtbl->Alloc(allocator, 1 << 20);

    (void)state;
    assert_non_null(live);
    assert_non_null(freed);
    memset(live, 0x3C, 64);
    allocator->lpVtbl->Free(allocator, freed);
    allocator->lpVtbl->HeapMinimize(allocator);
    for (int i = 0; i < 64; i++)
        assert_int_equal(live[i], 0x3C);
    allocator->lpVtbl->Free(allocator, live);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_task_mem_alloc),
        cmocka_unit_test(test_task_mem_alloc_zero),
        cmocka_unit_test(test_task_mem_free_null),
        cmocka_unit_test(test_task_mem_realloc),
        cmocka_unit_test(test_task_mem_realloc_zero),
#ifndef _WIN32
        cmocka_unit_test(test_task_memory_is_malloc_memory),
#endif
        cmocka_unit_test(test_get_malloc_identity),
        cmocka_unit_test(test_get_malloc_identity_across_threads),
        cmocka_unit_test(test_get_malloc_bad_context),
        cmocka_unit_test(test_get_malloc_null_out),
        cmocka_unit_test(test_malloc_query_interface),
        cmocka_unit_test(test_malloc_reference_counting),
        cmocka_unit_test(test_malloc_alloc_realloc_free),
        cmocka_unit_test(test_malloc_shares_task_heap),
        cmocka_unit_test(test_malloc_get_size),
        cmocka_unit_test(test_malloc_did_alloc),
        cmocka_unit_test(test_malloc_heap_minimize),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
