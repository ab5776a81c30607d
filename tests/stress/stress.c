/*
 * stress.c - THREADS threads share a few COM objects and hammer them with a
 * random mix of AddRef/Release, QueryInterface, early-bound calls, Invoke and
 * GetIDsOfNames (DESIGN.md §9: the reference count is atomic, QI is constant
 * and thread-safe, the destructor runs exactly once, at the final Release).
 *
 * usage: stress [THREADS [OPS_PER_THREAD]]      (default 8 threads x 1000000)
 *
 * The work is split into rounds of ROUND_OPS operations per thread. Each
 * round the main thread creates OBJECTS objects, gives every thread one
 * reference to each and drops its own, so the final Release of every object
 * happens on a worker thread, racing with the others. Checked:
 * - every destructor runs exactly once (a second run of one aborts), and all
 *   of a round's objects are gone when its threads have finished;
 * - each object's final total is the sum of the steps the threads added, so
 *   no call was lost or doubled;
 * - every call succeeds and every answer is right (identity of IUnknown, the
 *   IDispatch of a dual interface, Invoke's results);
 * - at the end the module can unload: no object and no lock is left.
 * Leaks and races are for valgrind, ASan and TSan, which run this test too.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ccw/runtime.h>

#include "tally_ccw.h"
#include "tally_hooks.h"

#define OBJECTS 4
#define ROUND_OPS 10000
#define MAX_THREADS 64

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                 \
        }                                                                            \
    } while (0)

typedef struct shared {
    unsigned threads;
    unsigned long ops;
    pthread_barrier_t round_start, round_end;
    ITally *objects[OBJECTS]; /* this round's; one reference per thread */
    DISPID add_id, total_id, name_id, measure_id;
} shared;

typedef struct worker {
    shared *shared;
    unsigned index;
    uint64_t rng;
    int64_t added[OBJECTS]; /* the steps this thread added this round */
} worker;

/* Destructor runs, per object serial: 0 alive, 1 destroyed. */
static atomic_uchar *destroyed;
static int64_t *final_totals;
static size_t serial_capacity;
static atomic_ulong destroy_count;

static void on_destroy(unsigned serial, int64_t total)
{
    CHECK(serial < serial_capacity);
    CHECK(atomic_exchange(&destroyed[serial], 1) == 0);
    final_totals[serial] = total;
    atomic_fetch_add(&destroy_count, 1);
}

static uint32_t next_random(worker *w)
{
    /* xorshift64*: cheap, and each thread has its own state. */
    w->rng ^= w->rng >> 12;
    w->rng ^= w->rng << 25;
    w->rng ^= w->rng >> 27;
    return (uint32_t)((w->rng * 2685821657736338717ULL) >> 32);
}

static const IID *const probe_iids[] = {
    &IID_IUnknown, &IID_IDispatch, &IID_ITally, &IID_IProbe, &IID_ISupportErrorInfo,
    &IID_IClassFactory, /* not implemented: E_NOINTERFACE */
};

static void query(ITally *obj, const IID *iid)
{
    IUnknown *unknown = NULL, *identity = NULL;
    HRESULT hr = ITally_QueryInterface(obj, iid, (void **)&unknown);

    if (iid == &IID_IClassFactory) {
        CHECK(hr == E_NOINTERFACE && unknown == NULL);
        return;
    }
    CHECK(hr == S_OK && unknown != NULL);
    /* QI for IUnknown from any interface gives the one identity. */
    CHECK(IUnknown_QueryInterface(unknown, &IID_IUnknown, (void **)&identity) == S_OK);
    CHECK(identity != NULL);
    if (iid == &IID_IUnknown)
        CHECK(identity == unknown);
    if (iid == &IID_IDispatch || iid == &IID_ITally)
        CHECK((void *)unknown == (void *)obj); /* ITally is the default dual */
    IUnknown_Release(identity);
    IUnknown_Release(unknown);
}

static HRESULT invoke(IDispatch *disp, DISPID id, WORD flags, VARIANT *args, UINT arg_count,
                      VARIANT *result)
{
    DISPPARAMS params = { args, NULL, arg_count, 0 };
    EXCEPINFO excep;
    UINT arg_err = 0;

    memset(&excep, 0, sizeof(excep));
    VariantInit(result);
    return IDispatch_Invoke(disp, id, &IID_NULL, LOCALE_USER_DEFAULT, flags, &params, result,
                            &excep, &arg_err);
}

static void invoke_add(worker *w, ITally *obj, size_t which, int step)
{
    VARIANT arg, result;

    V_VT(&arg) = VT_I4;
    V_I4(&arg) = step;
    CHECK(invoke((IDispatch *)obj, w->shared->add_id, DISPATCH_METHOD, &arg, 1, &result) ==
          S_OK);
    CHECK(V_VT(&result) == VT_I8);
    w->added[which] += step;
}

static void invoke_getters(worker *w, ITally *obj)
{
    IDispatch *probe = NULL;
    VARIANT result, arg;

    CHECK(invoke((IDispatch *)obj, w->shared->total_id, DISPATCH_PROPERTYGET, NULL, 0,
                 &result) == S_OK);
    CHECK(V_VT(&result) == VT_I8);
    /* IProbe is dual too: its own IDispatch, reached through QI. */
    CHECK(ITally_QueryInterface(obj, &IID_IProbe, (void **)&probe) == S_OK);
    CHECK(invoke(probe, w->shared->name_id, DISPATCH_PROPERTYGET, NULL, 0, &result) == S_OK);
    CHECK(V_VT(&result) == VT_BSTR && SysStringLen(V_BSTR(&result)) == 5);
    VariantClear(&result);
    V_VT(&arg) = VT_BSTR;
    V_BSTR(&arg) = SysAllocString(OLESTR("stress\u00e9"));
    CHECK(V_BSTR(&arg) != NULL);
    CHECK(invoke(probe, w->shared->measure_id, DISPATCH_METHOD, &arg, 1, &result) == S_OK);
    CHECK(V_VT(&result) == VT_I4 && V_I4(&result) == 8); /* UTF-8 bytes */
    VariantClear(&arg);
    IDispatch_Release(probe);
}

static void look_up_names(ITally *obj)
{
    OLECHAR *names[] = { OLESTR("aDD"), OLESTR("Step") };
    DISPID ids[2] = { 0, 0 };

    CHECK(ITally_GetIDsOfNames(obj, &IID_NULL, names, 2, LOCALE_USER_DEFAULT, ids) == S_OK);
    CHECK(ids[1] == 0); /* the first parameter */
}

static void one_operation(worker *w)
{
    uint32_t r = next_random(w);
    size_t which = r % OBJECTS;
    ITally *obj = w->shared->objects[which];
    int step = (int)(r >> 8 & 0xFF) - 128;
    int64_t total = 0;

    switch (r >> 16 & 7) {
    case 0:
        ITally_AddRef(obj);
        ITally_Release(obj);
        break;
    case 1:
    case 2:
        query(obj, probe_iids[(r >> 20) % (sizeof(probe_iids) / sizeof(*probe_iids))]);
        break;
    case 3:
    case 4:
        invoke_add(w, obj, which, step);
        break;
    case 5:
        CHECK(ITally_Add(obj, step, &total) == S_OK);
        w->added[which] += step;
        break;
    case 6:
        invoke_getters(w, obj);
        break;
    default:
        look_up_names(obj);
        break;
    }
}

static void *work(void *arg)
{
    worker *w = arg;
    shared *s = w->shared;
    unsigned long done = 0;

    while (done < s->ops) {
        unsigned long ops = s->ops - done < ROUND_OPS ? s->ops - done : ROUND_OPS;

        pthread_barrier_wait(&s->round_start);
        for (unsigned long i = 0; i < ops; i++)
            one_operation(w);
        /* Drop this thread's references: the last one destroys the object. */
        for (size_t i = 0; i < OBJECTS; i++)
            ITally_Release(s->objects[i]);
        done += ops;
        pthread_barrier_wait(&s->round_end);
    }
    return NULL;
}

static DISPID dispid_of(IDispatch *disp, OLECHAR *name)
{
    DISPID id = DISPID_UNKNOWN;

    CHECK(IDispatch_GetIDsOfNames(disp, &IID_NULL, &name, 1, LOCALE_USER_DEFAULT, &id) == S_OK);
    return id;
}

static void learn_dispids(shared *s)
{
    ITally *obj = NULL;
    IDispatch *probe = NULL;

    CHECK(tally_ccw_create(NULL, &IID_ITally, (void **)&obj) == S_OK);
    CHECK(ITally_QueryInterface(obj, &IID_IProbe, (void **)&probe) == S_OK);
    s->add_id = dispid_of((IDispatch *)obj, OLESTR("Add"));
    s->total_id = dispid_of((IDispatch *)obj, OLESTR("Total"));
    s->name_id = dispid_of(probe, OLESTR("Name"));
    s->measure_id = dispid_of(probe, OLESTR("Measure"));
    IDispatch_Release(probe);
    ITally_Release(obj);
}

static unsigned long parse_count(const char *text, unsigned long max)
{
    char *end;
    unsigned long n = strtoul(text, &end, 10);

    if (*end || n == 0 || n > max) {
        fprintf(stderr, "stress: bad count '%s' (1 to %lu)\n", text, max);
        exit(2);
    }
    return n;
}

int main(int argc, char **argv)
{
    shared s;
    worker workers[MAX_THREADS];
    pthread_t threads[MAX_THREADS];
    unsigned long rounds;

    memset(&s, 0, sizeof(s));
    s.threads = argc > 1 ? (unsigned)parse_count(argv[1], MAX_THREADS) : 8;
    s.ops = argc > 2 ? parse_count(argv[2], 1000000000UL) : 1000000;
    rounds = (s.ops + ROUND_OPS - 1) / ROUND_OPS;

    /* One object for learn_dispids, then OBJECTS a round. */
    serial_capacity = 1 + rounds * OBJECTS;
    destroyed = calloc(serial_capacity, sizeof(*destroyed));
    final_totals = calloc(serial_capacity, sizeof(*final_totals));
    CHECK(destroyed && final_totals);
    tally_set_destroy_hook(on_destroy);
    learn_dispids(&s);
    CHECK(atomic_load(&destroy_count) == 1);

    CHECK(pthread_barrier_init(&s.round_start, NULL, s.threads + 1) == 0);
    CHECK(pthread_barrier_init(&s.round_end, NULL, s.threads + 1) == 0);
    for (unsigned i = 0; i < s.threads; i++) {
        memset(&workers[i], 0, sizeof(workers[i]));
        workers[i].shared = &s;
        workers[i].index = i;
        workers[i].rng = 0x9E3779B97F4A7C15ULL * (i + 1);
        CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
    }

    for (unsigned long round = 0; round < rounds; round++) {
        /* Only this thread creates objects: serial 0 was learn_dispids'. */
        unsigned first_serial = 1 + (unsigned)round * OBJECTS;

        for (size_t i = 0; i < OBJECTS; i++) {
            CHECK(tally_ccw_create(NULL, &IID_ITally, (void **)&s.objects[i]) == S_OK);
            for (unsigned t = 0; t < s.threads; t++)
                ITally_AddRef(s.objects[i]);
            ITally_Release(s.objects[i]); /* the threads now hold every reference */
        }
        for (unsigned t = 0; t < s.threads; t++)
            memset(workers[t].added, 0, sizeof(workers[t].added));
        pthread_barrier_wait(&s.round_start);
        pthread_barrier_wait(&s.round_end);

        CHECK(atomic_load(&destroy_count) == 1 + (round + 1) * OBJECTS);
        for (size_t i = 0; i < OBJECTS; i++) {
            int64_t expected = 0;

            for (unsigned t = 0; t < s.threads; t++)
                expected += workers[t].added[i];
            CHECK(atomic_load(&destroyed[first_serial + i]) == 1);
            CHECK(final_totals[first_serial + i] == expected);
        }
    }
    for (unsigned i = 0; i < s.threads; i++)
        CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(tally_ccw_can_unload_now() == S_OK);

    pthread_barrier_destroy(&s.round_start);
    pthread_barrier_destroy(&s.round_end);
    free(destroyed);
    free(final_totals);
    printf("stress: %u threads x %lu operations on %lu x %d objects: every destructor ran "
           "once\n", s.threads, s.ops, rounds, OBJECTS);
    return 0;
}
