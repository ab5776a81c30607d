/*
 * test_object.c - the wrapper object: QI tables, identity, reference
 * counting, ownership, aggregation, module lock and the class factory.
 *
 * The class under test is written the way ccwgen emits one: a wrapper
 * struct with one vtable pointer per interface, one thunk per method, and a
 * static ccw_class whose QI table comes from ccw_qi_table_build.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/runtime.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* ccw_object_create's E_OUTOFMEMORY test asks for an impossible size; the
 * sanitizers' allocators must then return NULL as malloc does. */
const char *__asan_default_options(void);
const char *__tsan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1";
}
const char *__tsan_default_options(void)
{
    return "allocator_may_return_null=1";
}

/* ---- The C library being wrapped --------------------------------------- */

struct counter {
    LONG value;
    LONG limit;
};

static atomic_int counters_created;
static atomic_int counters_destroyed;

/* What counter_new does next: 0 succeeds, else it fails with this errno
 * (-1: fails leaving errno 0); counter_new_message is its message. */
static int counter_new_errno;
static const char *counter_new_message;

static struct counter *counter_new(void)
{
    struct counter *counter;

    if (counter_new_errno != 0) {
        if (counter_new_message)
            ccw_error_set_message("%s", counter_new_message);
        errno = counter_new_errno > 0 ? counter_new_errno : 0;
        return NULL;
    }
    counter = calloc(1, sizeof(*counter));
    assert_non_null(counter);
    counter->limit = 100;
    atomic_fetch_add(&counters_created, 1);
    return counter;
}

static void counter_free(struct counter *counter)
{
    atomic_fetch_add(&counters_destroyed, 1);
    free(counter);
}

/* ---- What ccwgen emits for it ------------------------------------------ */

/* {6E1C3F52-8B0A-4C71-9D2E-5A4B3C2D1E01} and neighbours */
static const IID IID_ICounter = { 0x6e1c3f52, 0x8b0a, 0x4c71,
                                  { 0x9d, 0x2e, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x01 } };
static const IID IID_IReset = { 0x6e1c3f52, 0x8b0a, 0x4c71,
                                { 0x9d, 0x2e, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x02 } };
static const IID IID_ILimit = { 0x6e1c3f52, 0x8b0a, 0x4c71,
                                { 0x9d, 0x2e, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x03 } };
static const CLSID CLSID_Counter = { 0x6e1c3f52, 0x8b0a, 0x4c71,
                                     { 0x9d, 0x2e, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x10 } };
/* An interface nobody implements. */
static const IID IID_IMissing = { 0x6e1c3f52, 0x8b0a, 0x4c71,
                                  { 0x9d, 0x2e, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0xff } };

typedef struct ICounter ICounter;
typedef struct IReset IReset;
typedef struct ILimit ILimit;

typedef struct ICounterVtbl { /* dual */
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ICounter *This, REFIID riid, void **ppv);
    ULONG (STDMETHODCALLTYPE *AddRef)(ICounter *This);
    ULONG (STDMETHODCALLTYPE *Release)(ICounter *This);
    HRESULT (STDMETHODCALLTYPE *GetTypeInfoCount)(ICounter *This, UINT *count);
    HRESULT (STDMETHODCALLTYPE *GetTypeInfo)(ICounter *This, UINT index, LCID lcid,
                                             ITypeInfo **info);
    HRESULT (STDMETHODCALLTYPE *GetIDsOfNames)(ICounter *This, REFIID riid, LPOLESTR *names,
                                               UINT count, LCID lcid, DISPID *ids);
    HRESULT (STDMETHODCALLTYPE *Invoke)(ICounter *This, DISPID member, REFIID riid, LCID lcid,
                                        WORD flags, DISPPARAMS *params, VARIANT *result,
                                        EXCEPINFO *exception, UINT *arg_error);
    HRESULT (STDMETHODCALLTYPE *Add)(ICounter *This, LONG amount);
    HRESULT (STDMETHODCALLTYPE *get_Value)(ICounter *This, LONG *value);
} ICounterVtbl;
struct ICounter {
    const ICounterVtbl *lpVtbl;
};

typedef struct IResetVtbl { /* custom */
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IReset *This, REFIID riid, void **ppv);
    ULONG (STDMETHODCALLTYPE *AddRef)(IReset *This);
    ULONG (STDMETHODCALLTYPE *Release)(IReset *This);
    HRESULT (STDMETHODCALLTYPE *Reset)(IReset *This);
} IResetVtbl;
struct IReset {
    const IResetVtbl *lpVtbl;
};

typedef struct ILimitVtbl { /* custom */
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ILimit *This, REFIID riid, void **ppv);
    ULONG (STDMETHODCALLTYPE *AddRef)(ILimit *This);
    ULONG (STDMETHODCALLTYPE *Release)(ILimit *This);
    HRESULT (STDMETHODCALLTYPE *get_Limit)(ILimit *This, LONG *limit);
} ILimitVtbl;
struct ILimit {
    const ILimitVtbl *lpVtbl;
};

struct counter_ccw {
    ccw_object header;
    const ICounterVtbl *ICounter;
    const IResetVtbl *IReset;
    const ILimitVtbl *ILimit;
};

static ccw_module counter_module;

static void *counter_ccw_construct(void)
{
    return counter_new();
}

static void counter_ccw_destroy(void *c_object)
{
    counter_free(c_object);
}

static ccw_object *counter_from_ICounter(ICounter *This)
{
    return CCW_OBJECT_FROM(This, struct counter_ccw, ICounter);
}

static HRESULT STDMETHODCALLTYPE ICounter_QueryInterface_thunk(ICounter *This, REFIID riid,
                                                               void **ppv)
{
    return ccw_object_query_interface(counter_from_ICounter(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE ICounter_AddRef_thunk(ICounter *This)
{
    return ccw_object_add_ref(counter_from_ICounter(This));
}

static ULONG STDMETHODCALLTYPE ICounter_Release_thunk(ICounter *This)
{
    return ccw_object_release(counter_from_ICounter(This));
}

/* The class has no type information, so its IDispatch knows no member. */
static HRESULT STDMETHODCALLTYPE ICounter_GetTypeInfoCount_thunk(ICounter *This, UINT *count)
{
    (void)This;
    *count = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICounter_GetTypeInfo_thunk(ICounter *This, UINT index, LCID lcid,
                                                            ITypeInfo **info)
{
    (void)This, (void)index, (void)lcid;
    *info = NULL;
    return DISP_E_BADINDEX;
}

static HRESULT STDMETHODCALLTYPE ICounter_GetIDsOfNames_thunk(ICounter *This, REFIID riid,
                                                              LPOLESTR *names, UINT count,
                                                              LCID lcid, DISPID *ids)
{
    (void)This, (void)riid, (void)names, (void)count, (void)lcid, (void)ids;
    return DISP_E_UNKNOWNNAME;
}

static HRESULT STDMETHODCALLTYPE ICounter_Invoke_thunk(ICounter *This, DISPID member, REFIID riid,
                                                       LCID lcid, WORD flags, DISPPARAMS *params,
                                                       VARIANT *result, EXCEPINFO *exception,
                                                       UINT *arg_error)
{
    (void)This, (void)member, (void)riid, (void)lcid, (void)flags, (void)params;
    (void)result, (void)exception, (void)arg_error;
    return DISP_E_MEMBERNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE ICounter_Add_thunk(ICounter *This, LONG amount)
{
    struct counter *counter = counter_from_ICounter(This)->c_object;

    counter->value += amount;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ICounter_get_Value_thunk(ICounter *This, LONG *value)
{
    *value = ((struct counter *)counter_from_ICounter(This)->c_object)->value;
    return S_OK;
}

static const ICounterVtbl counter_ICounter_vtbl = {
    .QueryInterface = ICounter_QueryInterface_thunk,
    .AddRef = ICounter_AddRef_thunk,
    .Release = ICounter_Release_thunk,
    .GetTypeInfoCount = ICounter_GetTypeInfoCount_thunk,
    .GetTypeInfo = ICounter_GetTypeInfo_thunk,
    .GetIDsOfNames = ICounter_GetIDsOfNames_thunk,
    .Invoke = ICounter_Invoke_thunk,
    .Add = ICounter_Add_thunk,
    .get_Value = ICounter_get_Value_thunk,
};

static ccw_object *counter_from_IReset(IReset *This)
{
    return CCW_OBJECT_FROM(This, struct counter_ccw, IReset);
}

static HRESULT STDMETHODCALLTYPE IReset_QueryInterface_thunk(IReset *This, REFIID riid, void **ppv)
{
    return ccw_object_query_interface(counter_from_IReset(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE IReset_AddRef_thunk(IReset *This)
{
    return ccw_object_add_ref(counter_from_IReset(This));
}

static ULONG STDMETHODCALLTYPE IReset_Release_thunk(IReset *This)
{
    return ccw_object_release(counter_from_IReset(This));
}

static HRESULT STDMETHODCALLTYPE IReset_Reset_thunk(IReset *This)
{
    ((struct counter *)counter_from_IReset(This)->c_object)->value = 0;
    return S_OK;
}

static const IResetVtbl counter_IReset_vtbl = {
    .QueryInterface = IReset_QueryInterface_thunk,
    .AddRef = IReset_AddRef_thunk,
    .Release = IReset_Release_thunk,
    .Reset = IReset_Reset_thunk,
};

static ccw_object *counter_from_ILimit(ILimit *This)
{
    return CCW_OBJECT_FROM(This, struct counter_ccw, ILimit);
}

static HRESULT STDMETHODCALLTYPE ILimit_QueryInterface_thunk(ILimit *This, REFIID riid, void **ppv)
{
    return ccw_object_query_interface(counter_from_ILimit(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE ILimit_AddRef_thunk(ILimit *This)
{
    return ccw_object_add_ref(counter_from_ILimit(This));
}

static ULONG STDMETHODCALLTYPE ILimit_Release_thunk(ILimit *This)
{
    return ccw_object_release(counter_from_ILimit(This));
}

static HRESULT STDMETHODCALLTYPE ILimit_get_Limit_thunk(ILimit *This, LONG *limit)
{
    *limit = ((struct counter *)counter_from_ILimit(This)->c_object)->limit;
    return S_OK;
}

static const ILimitVtbl counter_ILimit_vtbl = {
    .QueryInterface = ILimit_QueryInterface_thunk,
    .AddRef = ILimit_AddRef_thunk,
    .Release = ILimit_Release_thunk,
    .get_Limit = ILimit_get_Limit_thunk,
};

static const ccw_class_interface counter_interfaces[] = {
    { &IID_ICounter, &counter_ICounter_vtbl, offsetof(struct counter_ccw, ICounter) },
    { &IID_IReset, &counter_IReset_vtbl, offsetof(struct counter_ccw, IReset) },
    { &IID_ILimit, &counter_ILimit_vtbl, offsetof(struct counter_ccw, ILimit) },
};

/* Every IID the object answers, and where: the input of ccw_qi_table_build. */
static const IID *const counter_qi_iids[] = {
    &IID_IUnknown, &IID_ISupportErrorInfo, &IID_IDispatch, &IID_ICounter, &IID_IReset, &IID_ILimit,
};
static const size_t counter_qi_offsets[] = {
    CCW_OBJECT_UNKNOWN_OFFSET,
    CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET,
    offsetof(struct counter_ccw, ICounter), /* IDispatch: the default dual interface */
    offsetof(struct counter_ccw, ICounter),
    offsetof(struct counter_ccw, IReset),
    offsetof(struct counter_ccw, ILimit),
};
#define COUNTER_QI_COUNT (sizeof(counter_qi_iids) / sizeof(counter_qi_iids[0]))

/* ccwgen writes these slots, and the shape in counter_class.qi, as
 * constants; here they are placed at start-up by the same two calls the
 * generator makes. */
static ccw_qi_slot counter_qi_slots[64];

static ccw_class counter_class = {
    .name = "Counter",
    .progid = "Test.Counter",
    .clsid = &CLSID_Counter,
    .size = sizeof(struct counter_ccw),
    .interfaces = counter_interfaces,
    .interface_count = sizeof(counter_interfaces) / sizeof(counter_interfaces[0]),
    .qi = { { 0, 0 }, counter_qi_slots },
    .construct = counter_ccw_construct,
    .destroy = counter_ccw_destroy,
    .module = &counter_module,
};

/* Emitted the way ccwgen would, from the table builder's answer. */
static void place_qi_slots(ccw_qi_table *table, ccw_qi_slot *slots, size_t capacity,
                           const IID *const *iids, const size_t *offsets, size_t count)
{
    ccw_qi_shape shape;
    size_t i;

    assert_int_equal(ccw_qi_table_build(&shape, iids, count), S_OK);
    assert_true(shape.mask < capacity);
    memset(slots, 0, capacity * sizeof(*slots));
    for (i = 0; i < count; i++) {
        uint32_t index = ccw_qi_table_slot(&shape, iids[i]);

        assert_null(slots[index].iid);
        slots[index].iid = iids[i];
        slots[index].offset = offsets[i];
    }
    table->shape = shape;
    table->slots = slots;
}

static int setup_counter_class(void **state)
{
    (void)state;
    place_qi_slots(&counter_class.qi, counter_qi_slots, 64, counter_qi_iids,
                   counter_qi_offsets, COUNTER_QI_COUNT);
    return 0;
}

/* ---- Helpers ----------------------------------------------------------- */

static ICounter *new_counter(void)
{
    ICounter *counter = NULL;

    assert_int_equal(ccw_object_create(&counter_class, NULL, counter_new(), true, &IID_ICounter,
                                       (void **)&counter),
                     S_OK);
    assert_non_null(counter);
    return counter;
}

static void *query(void *iface, const IID *iid)
{
    IUnknown *unknown = iface;
    void *result = NULL;

    assert_int_equal(unknown->lpVtbl->QueryInterface(unknown, iid, &result), S_OK);
    assert_non_null(result);
    return result;
}

static ULONG release(void *iface)
{
    IUnknown *unknown = iface;

    return unknown->lpVtbl->Release(unknown);
}

/* The tests start and end with no live object of the class. */
static void expect_no_live_counters(void)
{
    assert_int_equal(atomic_load(&counters_created), atomic_load(&counters_destroyed));
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);
}

/* A small deterministic generator (xorshift64*) for random IIDs. */
static uint64_t random_state = UINT64_C(0x9e3779b97f4a7c15);

static uint64_t random_next(void)
{
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return random_state * UINT64_C(0x2545f4914f6cdd1d);
}

static IID random_iid(void)
{
    uint64_t high = random_next(), low = random_next();
    IID iid;
    int i;

    iid.Data1 = (uint32_t)(high >> 32);
    iid.Data2 = (uint16_t)(high >> 16);
    iid.Data3 = (uint16_t)high;
    for (i = 0; i < 8; i++)
        iid.Data4[i] = (uint8_t)(low >> (8 * i));
    return iid;
}

/* ---- IID hash ---------------------------------------------------------- */

/* Generated tables are computed on the build host and used on the target:
 * the hash of given field values may never change, on any platform.  These
 * values (checked against an independent model of the algorithm) pin it;
 * changing the hash invalidates every generated table. */
static void test_iid_hash_is_pinned(void **state)
{
    (void)state;
    assert_int_equal(ccw_iid_hash(&IID_IUnknown, 0), UINT32_C(0x81e4457f));
    assert_int_equal(ccw_iid_hash(&IID_IDispatch, UINT32_C(0x9e3779b9)), UINT32_C(0xdc333cf6));
    assert_int_equal(ccw_iid_hash(&IID_ICounter, UINT32_C(0xdeadbeef)), UINT32_C(0x49f6a6ab));
}

/* Each round is a bijection of the state, so any single changed bit of the
 * IID, or a different seed, changes the whole 32-bit hash. */
static void test_iid_hash_depends_on_every_bit_and_the_seed(void **state)
{
    uint32_t base = ccw_iid_hash(&IID_ICounter, 7);
    uint32_t seed;
    size_t bit;

    (void)state;
    for (bit = 0; bit < 128; bit++) {
        IID changed = IID_ICounter;

        if (bit < 32)
            changed.Data1 ^= UINT32_C(1) << bit;
        else if (bit < 48)
            changed.Data2 ^= (uint16_t)(1u << (bit - 32));
        else if (bit < 64)
            changed.Data3 ^= (uint16_t)(1u << (bit - 48));
        else
            changed.Data4[(bit - 64) / 8] ^= (uint8_t)(1u << (bit % 8));
        assert_int_not_equal(ccw_iid_hash(&changed, 7), base);
    }
    for (seed = 0; seed < 1000; seed++) {
        if (seed != 7)
            assert_int_not_equal(ccw_iid_hash(&IID_ICounter, seed), base);
    }
}

/* ---- QI table builder -------------------------------------------------- */

static uint32_t next_power_of_two(size_t n)
{
    uint32_t p = 1;

    while (p < n)
        p *= 2;
    return p;
}

/* Build a table for the IIDs and check it: power-of-two size, every IID
 * alone in its slot and found there, IIDs outside the set not found. */
static void check_table_for(const IID *iids, size_t count, size_t max_slots_per_iid)
{
    const IID **pointers = calloc(count, sizeof(*pointers));
    ccw_qi_slot *slots;
    ccw_qi_shape shape, again;
    ccw_qi_table table;
    size_t i, size;

    assert_non_null(pointers);
    for (i = 0; i < count; i++)
        pointers[i] = &iids[i];
    assert_int_equal(ccw_qi_table_build(&shape, pointers, count), S_OK);
    size = (size_t)shape.mask + 1;
    assert_int_equal(size & shape.mask, 0);
    assert_true(size >= count);
    assert_true(size <= max_slots_per_iid * next_power_of_two(count));

    assert_int_equal(ccw_qi_table_build(&again, pointers, count), S_OK);
    assert_int_equal(again.seed, shape.seed);
    assert_int_equal(again.mask, shape.mask);

    slots = calloc(size, sizeof(*slots));
    assert_non_null(slots);
    for (i = 0; i < count; i++) {
        uint32_t index = ccw_qi_table_slot(&shape, &iids[i]);

        assert_int_equal(index, ccw_iid_hash(&iids[i], shape.seed) & shape.mask);
        assert_null(slots[index].iid); /* collision-free */
        slots[index].iid = &iids[i];
        slots[index].offset = i;
    }
    table.shape = shape;
    table.slots = slots;
    for (i = 0; i < count; i++) {
        const ccw_qi_slot *found = ccw_qi_table_lookup(&table, &iids[i]);

        assert_non_null(found);
        assert_int_equal(found->offset, i);
    }
    for (i = 0; i < 32; i++) {
        IID stranger = random_iid();

        assert_null(ccw_qi_table_lookup(&table, &stranger));
    }
    free(slots);
    free(pointers);
}

static void test_qi_table_random_sets(void **state)
{
    IID iids[CCW_QI_MAX_IIDS];
    size_t count, round, i;

    (void)state;
    for (count = 1; count <= 64; count++) {
        for (round = 0; round < 20; round++) {
            for (i = 0; i < count; i++)
                iids[i] = random_iid();
            check_table_for(iids, count, 8);
        }
    }
    for (round = 0; round < 3; round++) {
        for (i = 0; i < CCW_QI_MAX_IIDS; i++)
            iids[i] = random_iid();
        check_table_for(iids, CCW_QI_MAX_IIDS, 256);
    }
}

/* Microsoft's IIDs differ only in Data1, often by one: the hash must still
 * spread them. */
static void test_qi_table_sequential_iids(void **state)
{
    IID iids[64];
    size_t count, i;

    (void)state;
    for (count = 1; count <= 64; count++) {
        for (i = 0; i < count; i++) {
            iids[i] = IID_IUnknown;
            iids[i].Data1 = 0x00020400 + (uint32_t)i;
        }
        check_table_for(iids, count, 8);
    }
}

/* A small class's table stays small: it is what every QI touches. */
static void test_qi_table_small_class_is_compact(void **state)
{
    ccw_qi_shape shape;

    (void)state;
    assert_int_equal(ccw_qi_table_build(&shape, counter_qi_iids, COUNTER_QI_COUNT), S_OK);
    assert_true(shape.mask + 1 <= 16);
}

static void test_qi_table_build_errors(void **state)
{
    static const ccw_qi_shape untouched = { 12345, 7 };
    const IID *pointers[CCW_QI_MAX_IIDS + 1];
    IID iids[CCW_QI_MAX_IIDS + 1];
    ccw_qi_shape shape = untouched;
    size_t i;

    (void)state;
    for (i = 0; i <= CCW_QI_MAX_IIDS; i++) {
        iids[i] = random_iid();
        pointers[i] = &iids[i];
    }
    assert_int_equal(ccw_qi_table_build(NULL, pointers, 3), E_POINTER);
    assert_int_equal(ccw_qi_table_build(&shape, NULL, 3), E_POINTER);
    assert_int_equal(ccw_qi_table_build(&shape, pointers, 0), E_INVALIDARG);
    assert_int_equal(ccw_qi_table_build(&shape, pointers, CCW_QI_MAX_IIDS + 1), E_INVALIDARG);

    pointers[2] = NULL;
    assert_int_equal(ccw_qi_table_build(&shape, pointers, 3), E_POINTER);
    pointers[2] = &iids[0]; /* the same IID twice, by another pointer */
    iids[CCW_QI_MAX_IIDS] = iids[1];
    pointers[3] = &iids[CCW_QI_MAX_IIDS];
    assert_int_equal(ccw_qi_table_build(&shape, pointers, 3), E_INVALIDARG);
    assert_int_equal(ccw_qi_table_build(&shape, pointers + 1, 3), E_INVALIDARG);

    assert_int_equal(shape.seed, untouched.seed);
    assert_int_equal(shape.mask, untouched.mask);
}

/* A lookup compares the IID found in the slot: an IID outside the table that
 * hashes to an occupied slot is not mistaken for its occupant. */
static void test_qi_table_lookup_compares_the_iid(void **state)
{
    const ccw_qi_table *table = &counter_class.qi;
    IID stranger;
    int tries = 0;

    (void)state;
    do {
        stranger = random_iid();
        assert_true(++tries < 100000);
    } while (!table->slots[ccw_qi_table_slot(&table->shape, &stranger)].iid);
    assert_null(ccw_qi_table_lookup(table, &stranger));
}

/* ---- Identity ---------------------------------------------------------- */

/* DESIGN.md §9: one IUnknown; QI reflexive, symmetric and transitive,
 * checked on every pair of the IIDs the object answers. */
static void test_identity_laws(void **state)
{
    ICounter *counter = new_counter();
    void *by_iid[COUNTER_QI_COUNT];
    IUnknown *identity = query(counter, &IID_IUnknown);
    size_t a, b;

    (void)state;
    for (a = 0; a < COUNTER_QI_COUNT; a++)
        by_iid[a] = query(counter, counter_qi_iids[a]);
    assert_ptr_equal(identity, by_iid[0]);
    assert_ptr_equal(by_iid[3], counter);
    for (a = 0; a < COUNTER_QI_COUNT; a++) {
        void *self = query(by_iid[a], counter_qi_iids[a]);
        void *unknown = query(by_iid[a], &IID_IUnknown);

        assert_ptr_equal(self, by_iid[a]);
        assert_ptr_equal(unknown, identity);
        release(self);
        release(unknown);
        for (b = 0; b < COUNTER_QI_COUNT; b++) {
            void *there = query(by_iid[a], counter_qi_iids[b]);
            void *back = query(there, counter_qi_iids[a]);

            assert_ptr_equal(there, by_iid[b]);
            assert_ptr_equal(back, by_iid[a]);
            release(back);
            release(there);
        }
    }
    for (a = 0; a < COUNTER_QI_COUNT; a++)
        release(by_iid[a]);
    release(identity);
    assert_int_equal(release(counter), 0);
    expect_no_live_counters();
}

/* All interfaces reach the same C object. */
static void test_interfaces_share_the_c_object(void **state)
{
    ICounter *counter = new_counter();
    IReset *reset = query(counter, &IID_IReset);
    ILimit *limit = query(counter, &IID_ILimit);
    LONG value = -1;

    (void)state;
    assert_int_equal(counter->lpVtbl->Add(counter, 5), S_OK);
    assert_int_equal(counter->lpVtbl->get_Value(counter, &value), S_OK);
    assert_int_equal(value, 5);
    assert_int_equal(limit->lpVtbl->get_Limit(limit, &value), S_OK);
    assert_int_equal(value, 100);
    assert_int_equal(reset->lpVtbl->Reset(reset), S_OK);
    assert_int_equal(counter->lpVtbl->get_Value(counter, &value), S_OK);
    assert_int_equal(value, 0);
    release(limit);
    release(reset);
    release(counter);
    expect_no_live_counters();
}

/* IDispatch is the default dual interface itself, with its IDispatch slots. */
static void test_idispatch_is_the_default_dual(void **state)
{
    ICounter *counter = new_counter();
    IDispatch *dispatch = query(counter, &IID_IDispatch);
    UINT count = 99;

    (void)state;
    assert_ptr_equal(dispatch, counter);
    assert_int_equal(dispatch->lpVtbl->GetTypeInfoCount(dispatch, &count), S_OK);
    assert_int_equal(count, 0);
    release(dispatch);
    release(counter);
    expect_no_live_counters();
}

static void test_query_interface_errors(void **state)
{
    ICounter *counter = new_counter();
    IReset *reset = query(counter, &IID_IReset);
    IUnknown *identity = query(counter, &IID_IUnknown);
    void *result = (void *)&result;

    (void)state;
    assert_int_equal(counter->lpVtbl->QueryInterface(counter, &IID_IMissing, &result),
                     E_NOINTERFACE);
    assert_null(result);
    result = (void *)&result;
    assert_int_equal(reset->lpVtbl->QueryInterface(reset, &IID_IClassFactory, &result),
                     E_NOINTERFACE);
    assert_null(result);
    result = (void *)&result;
    assert_int_equal(identity->lpVtbl->QueryInterface(identity, &IID_IMissing, &result),
                     E_NOINTERFACE);
    assert_null(result);
    assert_int_equal(counter->lpVtbl->QueryInterface(counter, &IID_IReset, NULL), E_POINTER);
    assert_int_equal(identity->lpVtbl->QueryInterface(identity, &IID_IReset, NULL), E_POINTER);

    /* Failed queries took no reference: these are the last three. */
    release(identity);
    release(reset);
    assert_int_equal(release(counter), 0);
    expect_no_live_counters();
}

static void test_support_error_info(void **state)
{
    ICounter *counter = new_counter();
    ISupportErrorInfo *support = query(counter, &IID_ISupportErrorInfo);
    IUnknown *identity = query(support, &IID_IUnknown);
    IUnknown *expected = query(counter, &IID_IUnknown);
    size_t i;

    (void)state;
    assert_ptr_equal(identity, expected);
    for (i = 0; i < counter_class.interface_count; i++)
        assert_int_equal(support->lpVtbl->InterfaceSupportsErrorInfo(support,
                                                                     counter_interfaces[i].iid),
                         S_OK);
    assert_int_equal(support->lpVtbl->InterfaceSupportsErrorInfo(support, &IID_IUnknown), S_FALSE);
    assert_int_equal(support->lpVtbl->InterfaceSupportsErrorInfo(support, &IID_IMissing), S_FALSE);
    assert_int_equal(support->lpVtbl->AddRef(support), 5);
    assert_int_equal(support->lpVtbl->Release(support), 4);
    release(expected);
    release(identity);
    release(support);
    release(counter);
    expect_no_live_counters();
}

/* ---- Reference counting and ownership ---------------------------------- */

static void test_reference_counts(void **state)
{
    ICounter *counter = new_counter();
    IReset *reset;
    int destroyed = atomic_load(&counters_destroyed);

    (void)state;
    assert_int_equal(counter->lpVtbl->AddRef(counter), 2);
    reset = query(counter, &IID_IReset);
    assert_int_equal(reset->lpVtbl->AddRef(reset), 4);
    assert_int_equal(reset->lpVtbl->Release(reset), 3);
    assert_int_equal(release(reset), 2);
    assert_int_equal(release(counter), 1);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_FALSE);
    assert_int_equal(release(counter), 0);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);
    expect_no_live_counters();
}

static void test_borrowed_object_is_never_destroyed(void **state)
{
    struct counter borrowed = { 41, 7 };
    int destroyed = atomic_load(&counters_destroyed);
    ILimit *limit = NULL;
    ICounter *counter;
    LONG value = 0;

    (void)state;
    assert_int_equal(ccw_object_create(&counter_class, NULL, &borrowed, false, &IID_ILimit,
                                       (void **)&limit),
                     S_OK);
    assert_int_equal(limit->lpVtbl->get_Limit(limit, &value), S_OK);
    assert_int_equal(value, 7);
    counter = query(limit, &IID_ICounter);
    assert_int_equal(counter->lpVtbl->Add(counter, 1), S_OK);
    release(counter);
    assert_int_equal(release(limit), 0);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed);
    assert_int_equal(borrowed.value, 42);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);
}

/* On failure an owned C object is destroyed before ccw_object_create
 * returns, a borrowed one is left alone, and no module lock remains. */
static void test_create_failures(void **state)
{
    struct counter borrowed = { 0, 0 };
    int destroyed = atomic_load(&counters_destroyed);
    void *out = (void *)&out;

    (void)state;
    assert_int_equal(ccw_object_create(&counter_class, NULL, counter_new(), true, &IID_IMissing,
                                       &out),
                     E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_destroyed), ++destroyed);

    assert_int_equal(ccw_object_create(&counter_class, NULL, counter_new(), true, &IID_ICounter,
                                       NULL),
                     E_POINTER);
    assert_int_equal(atomic_load(&counters_destroyed), ++destroyed);

    out = (void *)&out;
    assert_int_equal(ccw_object_create(&counter_class, NULL, NULL, true, &IID_ICounter, &out),
                     E_INVALIDARG);
    assert_null(out);

    out = (void *)&out;
    assert_int_equal(ccw_object_create(&counter_class, NULL, &borrowed, false, &IID_IMissing,
                                       &out),
                     E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed);
    expect_no_live_counters();
}

static void test_create_out_of_memory(void **state)
{
    ccw_class impossible = counter_class;
    int destroyed = atomic_load(&counters_destroyed);
    void *out = (void *)&out;

    (void)state;
    impossible.size = SIZE_MAX / 4;
    assert_int_equal(ccw_object_create(&impossible, NULL, counter_new(), true, &IID_ICounter,
                                       &out),
                     E_OUTOFMEMORY);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);
    expect_no_live_counters();
}

/* ---- Module lock ------------------------------------------------------- */

static void test_module_lock_counts(void **state)
{
    static ccw_module module;

    (void)state;
    assert_int_equal(ccw_module_can_unload(&module), S_OK);
    assert_int_equal(ccw_module_lock(&module), 1);
    assert_int_equal(ccw_module_can_unload(&module), S_FALSE);
    assert_int_equal(ccw_module_lock(&module), 2);
    assert_int_equal(ccw_module_unlock(&module), 1);
    assert_int_equal(ccw_module_can_unload(&module), S_FALSE);
    assert_int_equal(ccw_module_unlock(&module), 0);
    assert_int_equal(ccw_module_can_unload(&module), S_OK);
}

/* Every live object holds one lock on its own component only. */
static void test_live_objects_lock_their_module(void **state)
{
    static ccw_module other_module;
    ICounter *first = new_counter();
    ICounter *second = new_counter();

    (void)state;
    assert_int_equal(ccw_module_can_unload(&other_module), S_OK);
    /* Two objects hold two locks: one more lock and unlock return to it. */
    assert_int_equal(ccw_module_lock(&counter_module), 3);
    assert_int_equal(ccw_module_unlock(&counter_module), 2);
    release(first);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_FALSE);
    release(second);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);
    expect_no_live_counters();
}

/* ---- Aggregation ------------------------------------------------------- */

/* A minimal outer object that aggregates a Counter blindly: every IID but
 * IUnknown goes to the inner object's nondelegating IUnknown. */
struct outer {
    IUnknown iface;
    ULONG refs;
    IUnknown *inner;
    int queries;
    int *destroyed;
};

static struct outer *outer_from(IUnknown *iface)
{
    return (struct outer *)(void *)((char *)iface - offsetof(struct outer, iface));
}

static ULONG STDMETHODCALLTYPE outer_add_ref(IUnknown *This)
{
    return ++outer_from(This)->refs;
}

static ULONG STDMETHODCALLTYPE outer_release(IUnknown *This)
{
    struct outer *outer = outer_from(This);
    ULONG left = --outer->refs;

    if (left == 0) {
        /* COM's rule: stabilize the count while releasing the inner object. */
        outer->refs = 1;
        outer->inner->lpVtbl->Release(outer->inner);
        ++*outer->destroyed;
        free(outer);
    }
    return left;
}

static HRESULT STDMETHODCALLTYPE outer_query_interface(IUnknown *This, REFIID riid, void **ppv)
{
    struct outer *outer = outer_from(This);

    outer->queries++;
    if (!ppv)
        return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown)) {
        *ppv = This;
        outer_add_ref(This);
        return S_OK;
    }
    return outer->inner->lpVtbl->QueryInterface(outer->inner, riid, ppv);
}

static const IUnknownVtbl outer_vtbl = {
    .QueryInterface = outer_query_interface,
    .AddRef = outer_add_ref,
    .Release = outer_release,
};

/* An outer object still without its inner object. */
static struct outer *outer_alloc(int *destroyed)
{
    struct outer *outer = calloc(1, sizeof(*outer));

    assert_non_null(outer);
    outer->iface.lpVtbl = &outer_vtbl;
    outer->refs = 1;
    outer->destroyed = destroyed;
    return outer;
}

static struct outer *new_outer(int *destroyed)
{
    struct outer *outer = outer_alloc(destroyed);

    assert_int_equal(ccw_object_create(&counter_class, &outer->iface, counter_new(), true,
                                       &IID_IUnknown, (void **)&outer->inner),
                     S_OK);
    return outer;
}

static void test_aggregation_delegates_to_the_outer(void **state)
{
    int outers_destroyed = 0;
    struct outer *outer = new_outer(&outers_destroyed);
    int destroyed = atomic_load(&counters_destroyed);
    ICounter *counter = query(&outer->iface, &IID_ICounter);
    ISupportErrorInfo *support;
    IReset *reset;
    IUnknown *identity;
    int queries;

    (void)state;
    assert_ptr_not_equal(outer->inner, &outer->iface);
    assert_int_equal(outer->refs, 2); /* the interface was AddRef'd through the outer */

    queries = outer->queries;
    identity = query(counter, &IID_IUnknown);
    assert_ptr_equal(identity, &outer->iface);
    assert_int_equal(outer->queries, queries + 1);
    release(identity);

    reset = query(counter, &IID_IReset);
    assert_int_equal(outer->queries, queries + 2);
    support = query(reset, &IID_ISupportErrorInfo);
    assert_ptr_equal(query(support, &IID_IUnknown), &outer->iface);
    release(&outer->iface);
    assert_int_equal(outer->refs, 4);

    assert_int_equal(counter->lpVtbl->AddRef(counter), 5);
    assert_int_equal(outer->refs, 5);
    assert_int_equal(counter->lpVtbl->Release(counter), 4);
    assert_int_equal(support->lpVtbl->Release(support), 3);
    assert_int_equal(release(reset), 2);
    assert_int_equal(release(counter), 1);

    assert_int_equal(atomic_load(&counters_destroyed), destroyed);
    assert_int_equal(release(&outer->iface), 0);
    assert_int_equal(outers_destroyed, 1);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);
    expect_no_live_counters();
}

/* The outer object's handle counts on the inner object itself and answers
 * IUnknown with itself, not with the outer object. */
static void test_aggregation_nondelegating_unknown(void **state)
{
    int outers_destroyed = 0;
    struct outer *outer = new_outer(&outers_destroyed);
    IUnknown *inner = outer->inner;
    IUnknown *same = query(inner, &IID_IUnknown);
    void *missing = (void *)&missing;
    ICounter *counter;
    int queries = outer->queries;

    (void)state;
    assert_ptr_equal(same, inner);
    assert_int_equal(inner->lpVtbl->AddRef(inner), 3);
    assert_int_equal(inner->lpVtbl->Release(inner), 2);
    assert_int_equal(release(same), 1);
    assert_int_equal(outer->refs, 1);

    counter = query(inner, &IID_ICounter);
    assert_int_equal(outer->queries, queries); /* answered by the inner object */
    assert_int_equal(outer->refs, 2);
    release(counter);
    assert_int_equal(inner->lpVtbl->QueryInterface(inner, &IID_IMissing, &missing),
                     E_NOINTERFACE);
    assert_null(missing);
    assert_int_equal(inner->lpVtbl->QueryInterface(inner, &IID_ICounter, NULL), E_POINTER);

    release(&outer->iface);
    assert_int_equal(outers_destroyed, 1);
    expect_no_live_counters();
}

static void test_aggregation_only_gives_iunknown(void **state)
{
    int outers_destroyed = 0;
    struct outer *outer = new_outer(&outers_destroyed);
    int destroyed = atomic_load(&counters_destroyed);
    void *out = (void *)&out;

    (void)state;
    assert_int_equal(ccw_object_create(&counter_class, &outer->iface, counter_new(), true,
                                       &IID_ICounter, &out),
                     CLASS_E_NOAGGREGATION);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);
    release(&outer->iface);
    expect_no_live_counters();
}

/* ---- Threads ----------------------------------------------------------- */

#define THREADS 4
#define ROUNDS 20000

struct hammer {
    ICounter *counter;
    pthread_barrier_t *start;
    ULONG last_count;
};

/* Balanced AddRef/QueryInterface/Release through several interfaces. */
static void *hammer_references(void *arg)
{
    struct hammer *hammer = arg;
    ICounter *counter = hammer->counter;
    int i;

    pthread_barrier_wait(hammer->start);
    for (i = 0; i < ROUNDS; i++) {
        IReset *reset;
        IUnknown *identity;

        counter->lpVtbl->AddRef(counter);
        if (counter->lpVtbl->QueryInterface(counter, &IID_IReset, (void **)&reset) != S_OK)
            break;
        if (reset->lpVtbl->QueryInterface(reset, &IID_IUnknown, (void **)&identity) != S_OK)
            break;
        identity->lpVtbl->Release(identity);
        reset->lpVtbl->Release(reset);
        counter->lpVtbl->Release(counter);
    }
    return NULL;
}

static void test_threads_share_references(void **state)
{
    pthread_t threads[THREADS];
    pthread_barrier_t start;
    struct hammer hammer;
    int destroyed = atomic_load(&counters_destroyed);
    int i;

    (void)state;
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    hammer.counter = new_counter();
    hammer.start = &start;
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, hammer_references, &hammer), 0);
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    pthread_barrier_destroy(&start);

    assert_int_equal(atomic_load(&counters_destroyed), destroyed);
    assert_int_equal(release(hammer.counter), 0);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);
    expect_no_live_counters();
}

static void *release_once(void *arg)
{
    struct hammer *hammer = arg;

    pthread_barrier_wait(hammer->start);
    hammer->last_count = hammer->counter->lpVtbl->Release(hammer->counter);
    return NULL;
}

/* Many threads drop the last references at once: exactly one of them sees
 * zero, and the C object is destroyed exactly once. */
static void test_threads_final_release_happens_once(void **state)
{
    pthread_t threads[THREADS];
    struct hammer hammers[THREADS];
    pthread_barrier_t start;
    int round, i;

    (void)state;
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (round = 0; round < 200; round++) {
        ICounter *counter = new_counter();
        int destroyed = atomic_load(&counters_destroyed);
        int zeros = 0;

        for (i = 1; i < THREADS; i++)
            counter->lpVtbl->AddRef(counter);
        for (i = 0; i < THREADS; i++) {
            hammers[i].counter = counter;
            hammers[i].start = &start;
            assert_int_equal(pthread_create(&threads[i], NULL, release_once, &hammers[i]), 0);
        }
        for (i = 0; i < THREADS; i++) {
            assert_int_equal(pthread_join(threads[i], NULL), 0);
            zeros += hammers[i].last_count == 0;
        }
        assert_int_equal(zeros, 1);
        assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);
    }
    pthread_barrier_destroy(&start);
    expect_no_live_counters();
}

/* ---- Class factory ----------------------------------------------------- */

static IClassFactory *new_factory(void)
{
    IClassFactory *factory = NULL;

    assert_int_equal(ccw_class_factory_create(&counter_class, &IID_IClassFactory,
                                              (void **)&factory),
                     S_OK);
    assert_non_null(factory);
    return factory;
}

static void test_factory_creates_objects(void **state)
{
    IClassFactory *factory = new_factory();
    int created = atomic_load(&counters_created);
    ICounter *counter = NULL;
    ILimit *limit = NULL;
    LONG value = 0;

    (void)state;
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_ICounter,
                                                     (void **)&counter),
                     S_OK);
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_ILimit, (void **)&limit),
                     S_OK);
    assert_int_equal(atomic_load(&counters_created), created + 2);
    assert_int_equal(counter->lpVtbl->Add(counter, 3), S_OK);
    assert_int_equal(counter->lpVtbl->get_Value(counter, &value), S_OK);
    assert_int_equal(value, 3);
    assert_int_equal(limit->lpVtbl->get_Limit(limit, &value), S_OK);
    assert_int_equal(value, 100);
    assert_int_equal(release(counter), 0);
    assert_int_equal(release(limit), 0);
    assert_int_equal(release(factory), 0);
    expect_no_live_counters();
}

static void test_factory_identity_and_errors(void **state)
{
    IClassFactory *factory = new_factory();
    IUnknown *unknown = query(factory, &IID_IUnknown);
    void *out = (void *)&out;

    (void)state;
    assert_ptr_equal(unknown, factory);
    assert_ptr_equal(query(unknown, &IID_IClassFactory), factory);
    assert_int_equal(factory->lpVtbl->AddRef(factory), 4);
    assert_int_equal(factory->lpVtbl->Release(factory), 3);
    assert_int_equal(factory->lpVtbl->QueryInterface(factory, &IID_IDispatch, &out),
                     E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(factory->lpVtbl->QueryInterface(factory, &IID_IUnknown, NULL), E_POINTER);
    release(factory);
    release(unknown);
    assert_int_equal(release(factory), 0);

    out = (void *)&out;
    assert_int_equal(ccw_class_factory_create(&counter_class, &IID_IDispatch, &out),
                     E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(ccw_class_factory_create(&counter_class, &IID_IClassFactory, NULL),
                     E_POINTER);
    expect_no_live_counters();
}

static void test_factory_needs_a_constructor(void **state)
{
    ccw_class noncreatable = counter_class;
    void *out = (void *)&out;

    (void)state;
    noncreatable.construct = NULL;
    assert_int_equal(ccw_class_factory_create(&noncreatable, &IID_IClassFactory, &out),
                     CLASS_E_CLASSNOTAVAILABLE);
    assert_null(out);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);
}

/* A live factory and LockServer(TRUE) each keep the component loaded. */
static void test_factory_locks_the_module(void **state)
{
    IClassFactory *factory = new_factory();

    (void)state;
    assert_int_equal(ccw_module_can_unload(&counter_module), S_FALSE);
    assert_int_equal(factory->lpVtbl->LockServer(factory, TRUE), S_OK);
    assert_int_equal(release(factory), 0);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_FALSE);

    factory = new_factory();
    assert_int_equal(factory->lpVtbl->LockServer(factory, FALSE), S_OK);
    assert_int_equal(release(factory), 0);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);
}

static void test_factory_create_instance_errors(void **state)
{
    int outers_destroyed = 0;
    struct outer *outer = new_outer(&outers_destroyed);
    IClassFactory *factory = new_factory();
    int created = atomic_load(&counters_created);
    int destroyed = atomic_load(&counters_destroyed);
    void *out = (void *)&out;

    (void)state;
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_ICounter, NULL),
                     E_POINTER);
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, &outer->iface, &IID_ICounter, &out),
                     CLASS_E_NOAGGREGATION);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_created), created); /* refused before construction */

    out = (void *)&out;
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_IMissing, &out),
                     E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_created), created + 1);
    assert_int_equal(atomic_load(&counters_destroyed), destroyed + 1);

    release(&outer->iface);
    release(factory);
    expect_no_live_counters();
}

static void test_factory_aggregates(void **state)
{
    IClassFactory *factory = new_factory();
    int outers_destroyed = 0;
    struct outer *outer = outer_alloc(&outers_destroyed);
    ICounter *counter;

    (void)state;
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, &outer->iface, &IID_IUnknown,
                                                     (void **)&outer->inner),
                     S_OK);
    counter = query(&outer->iface, &IID_ICounter);
    assert_ptr_equal(query(counter, &IID_IUnknown), &outer->iface);
    release(&outer->iface);
    release(counter);
    release(&outer->iface);
    assert_int_equal(outers_destroyed, 1);
    release(factory);
    expect_no_live_counters();
}

static void expect_error_info(const char *source, const char *description)
{
    IErrorInfo *info = NULL;
    BSTR text = NULL;
    char *utf8 = NULL;
    GUID guid;

    assert_int_equal(GetErrorInfo(0, &info), S_OK);
    assert_int_equal(info->lpVtbl->GetGUID(info, &guid), S_OK);
    assert_true(IsEqualGUID(&guid, &IID_IClassFactory));
    assert_int_equal(info->lpVtbl->GetSource(info, &text), S_OK);
    assert_int_equal(ccw_bstr_to_utf8(text, &utf8, NULL), S_OK);
    assert_string_equal(utf8, source);
    ccw_string_free(utf8);
    SysFreeString(text);
    assert_int_equal(info->lpVtbl->GetDescription(info, &text), S_OK);
    assert_int_equal(ccw_bstr_to_utf8(text, &utf8, NULL), S_OK);
    assert_string_equal(utf8, description);
    ccw_string_free(utf8);
    SysFreeString(text);
    release(info);
}

/* A constructor's NULL becomes its errno's HRESULT (E_OUTOFMEMORY without
 * one), with its message, or strerror's, as IErrorInfo. */
static void test_factory_constructor_failure(void **state)
{
    IClassFactory *factory = new_factory();
    void *out = (void *)&out;

    (void)state;
    counter_new_errno = EACCES;
    counter_new_message = "counter: the device is locked";
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_ICounter, &out),
                     E_ACCESSDENIED);
    assert_null(out);
    expect_error_info("Test.Counter", "counter: the device is locked");

    counter_new_errno = -1;
    counter_new_message = NULL;
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_ICounter, &out),
                     E_OUTOFMEMORY);
    expect_error_info("Test.Counter", strerror(ENOMEM));

    /* A message left over from an earlier call does not describe this one. */
    ccw_error_set_message("stale");
    counter_new_errno = ENOENT;
    assert_int_equal(factory->lpVtbl->CreateInstance(factory, NULL, &IID_ICounter, &out),
                     HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    expect_error_info("Test.Counter", strerror(ENOENT));

    counter_new_errno = 0;
    release(factory);
    expect_no_live_counters();
}

/* What the factory's CreateInstance and generated NAME_ccw_create do,
 * without a factory: the object alone locks the module. */
static void test_class_create_instance(void **state)
{
    int created = atomic_load(&counters_created);
    int outers_destroyed = 0;
    struct outer *outer = outer_alloc(&outers_destroyed);
    ICounter *counter = NULL;
    LONG value = 0;

    (void)state;
    assert_int_equal(ccw_class_create_instance(&counter_class, NULL, &IID_ICounter,
                                               (void **)&counter),
                     S_OK);
    assert_int_equal(atomic_load(&counters_created), created + 1);
    assert_int_equal(counter->lpVtbl->Add(counter, 5), S_OK);
    assert_int_equal(counter->lpVtbl->get_Value(counter, &value), S_OK);
    assert_int_equal(value, 5);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_FALSE);
    assert_int_equal(release(counter), 0);
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);

    assert_int_equal(ccw_class_create_instance(&counter_class, &outer->iface, &IID_IUnknown,
                                               (void **)&outer->inner),
                     S_OK);
    counter = query(&outer->iface, &IID_ICounter);
    assert_ptr_equal(query(counter, &IID_IUnknown), &outer->iface);
    release(&outer->iface);
    release(counter);
    release(&outer->iface);
    assert_int_equal(outers_destroyed, 1);
    expect_no_live_counters();
}

static void test_class_create_instance_errors(void **state)
{
    int outers_destroyed = 0;
    struct outer *outer = new_outer(&outers_destroyed);
    ccw_class noncreatable = counter_class;
    int created = atomic_load(&counters_created);
    void *out = (void *)&out;

    (void)state;
    assert_int_equal(ccw_class_create_instance(&counter_class, NULL, &IID_ICounter, NULL),
                     E_POINTER);
    noncreatable.construct = NULL;
    assert_int_equal(ccw_class_create_instance(&noncreatable, NULL, &IID_ICounter, &out),
                     CLASS_E_CLASSNOTAVAILABLE);
    assert_null(out);

    out = (void *)&out;
    assert_int_equal(ccw_class_create_instance(&counter_class, &outer->iface, &IID_ICounter,
                                               &out),
                     CLASS_E_NOAGGREGATION);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_created), created); /* refused before construction */

    out = (void *)&out;
    assert_int_equal(ccw_class_create_instance(&counter_class, NULL, &IID_IMissing, &out),
                     E_NOINTERFACE);
    assert_null(out);
    assert_int_equal(atomic_load(&counters_created), created + 1);

    out = (void *)&out;
    counter_new_errno = EACCES;
    counter_new_message = "counter: the device is locked";
    assert_int_equal(ccw_class_create_instance(&counter_class, NULL, &IID_ICounter, &out),
                     E_ACCESSDENIED);
    assert_null(out);
    expect_error_info("Test.Counter", "counter: the device is locked");
    counter_new_errno = 0;
    counter_new_message = NULL;

    release(&outer->iface);
    expect_no_live_counters();
    assert_int_equal(ccw_module_can_unload(&counter_module), S_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iid_hash_is_pinned),
        cmocka_unit_test(test_iid_hash_depends_on_every_bit_and_the_seed),
        cmocka_unit_test(test_qi_table_random_sets),
        cmocka_unit_test(test_qi_table_sequential_iids),
        cmocka_unit_test(test_qi_table_small_class_is_compact),
        cmocka_unit_test(test_qi_table_build_errors),
        cmocka_unit_test(test_qi_table_lookup_compares_the_iid),
        cmocka_unit_test(test_identity_laws),
        cmocka_unit_test(test_interfaces_share_the_c_object),
        cmocka_unit_test(test_idispatch_is_the_default_dual),
        cmocka_unit_test(test_query_interface_errors),
        cmocka_unit_test(test_support_error_info),
        cmocka_unit_test(test_reference_counts),
        cmocka_unit_test(test_borrowed_object_is_never_destroyed),
        cmocka_unit_test(test_create_failures),
        cmocka_unit_test(test_create_out_of_memory),
        cmocka_unit_test(test_module_lock_counts),
        cmocka_unit_test(test_live_objects_lock_their_module),
        cmocka_unit_test(test_aggregation_delegates_to_the_outer),
        cmocka_unit_test(test_aggregation_nondelegating_unknown),
        cmocka_unit_test(test_aggregation_only_gives_iunknown),
        cmocka_unit_test(test_threads_share_references),
        cmocka_unit_test(test_threads_final_release_happens_once),
        cmocka_unit_test(test_factory_creates_objects),
        cmocka_unit_test(test_factory_identity_and_errors),
        cmocka_unit_test(test_factory_needs_a_constructor),
        cmocka_unit_test(test_factory_locks_the_module),
        cmocka_unit_test(test_factory_create_instance_errors),
        cmocka_unit_test(test_factory_aggregates),
        cmocka_unit_test(test_factory_constructor_failure),
        cmocka_unit_test(test_class_create_instance),
        cmocka_unit_test(test_class_create_instance_errors),
    };

    return cmocka_run_group_tests(tests, setup_counter_class, NULL);
}
