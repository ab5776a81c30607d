/*
 * test_activation.c - activation off Windows with real components
 * (component.c, built as libcomponent_N.so in COMPONENT_DIR): CoGetClassObject
 * and CoCreateInstance (aggregation included), loading each component once,
 * CoFreeUnusedLibraries unloading only what DllCanUnloadNow releases, the
 * refusals of unsafe or broken components, and CoInitialize's count.
 *
 * This program exports test_component_loaded/unloaded (export_dynamic), so
 * it sees every real load and unload of a component.
 */
#define _GNU_SOURCE /* RTLD_NOLOAD */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"
#include "widget.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef COMPONENT_DIR
#error "build with -DCOMPONENT_DIR=\"...\""
#endif

#define COMPONENTS 32

static const IID IID_IWidget = IID_IWIDGET_INIT;

static atomic_int loads[COMPONENTS];
static atomic_int unloads[COMPONENTS];

void test_component_loaded(int index)
{
    atomic_fetch_add(&loads[index], 1);
}

void test_component_unloaded(int index)
{
    atomic_fetch_add(&unloads[index], 1);
}

static void component_path(int index, char path[PATH_MAX])
{
    snprintf(path, PATH_MAX, "%s/libcomponent_%d.so", COMPONENT_DIR, index);
}

static CLSID widget_clsid(int index)
{
    const CLSID clsid = WIDGET_CLSID_INIT(index);

    return clsid;
}

/* Whether the dynamic linker still has the component mapped. */
static bool is_mapped(int index)
{
    char path[PATH_MAX];
    void *handle;

    component_path(index, path);
    handle = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
    if (handle)
        dlclose(handle);
    return handle != NULL;
}

/* Register a component by calling its own DllRegisterServer. */
static void register_component(int index)
{
    HRESULT (STDAPICALLTYPE *entry)(void);
    char path[PATH_MAX];
    void *handle, *address;

    component_path(index, path);
    handle = dlopen(path, RTLD_NOW);
    assert_non_null(handle);
    address = dlsym(handle, "DllRegisterServer");
    assert_non_null(address);
    memcpy(&entry, &address, sizeof(entry));
    assert_int_equal(entry(), S_OK);
    dlclose(handle);
}

static int setup(void **state)
{
    fixture *f = malloc(sizeof(*f));

    assert_non_null(f);
    fixture_setup(f);
    *state = f;
    CoFreeUnusedLibraries();
    memset(loads, 0, sizeof(loads));
    memset(unloads, 0, sizeof(unloads));
    return 0;
}

static int teardown(void **state)
{
    CoFreeUnusedLibraries();
    fixture_teardown(*state);
    free(*state);
    return 0;
}

static IWidget *create_widget(int index)
{
    const CLSID clsid = widget_clsid(index);
    IWidget *widget = NULL;
    LONG got = -1;

    assert_int_equal(CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IWidget,
                                      (void **)&widget),
                     S_OK);
    assert_non_null(widget);
    assert_int_equal(widget->lpVtbl->GetIndex(widget, &got), S_OK);
    assert_int_equal(got, index);
    return widget;
}

/* ---- Activation --------------------------------------------------------- */

static void test_create_instance(void **state)
{
    IWidget *widget;
    IUnknown *unknown = NULL;

    (void)state;
    register_component(3);
    widget = create_widget(3);
    assert_int_equal(widget->lpVtbl->QueryInterface(widget, &IID_IUnknown, (void **)&unknown),
                     S_OK);
    assert_non_null(unknown);
    IUnknown_Release(unknown);
    assert_int_equal(widget->lpVtbl->Release(widget), 0);
}

static void test_get_class_object(void **state)
{
    const CLSID clsid = widget_clsid(4);
    IClassFactory *factory = NULL;
    IWidget *widget = NULL;
    IUnknown *unknown = (IUnknown *)(uintptr_t)1;

    (void)state;
    register_component(4);
    assert_int_equal(CoGetClassObject(&clsid, CLSCTX_ALL, NULL, &IID_IClassFactory,
                                      (void **)&factory),
                     S_OK);
    assert_int_equal(IClassFactory_CreateInstance(factory, NULL, &IID_IWidget, (void **)&widget),
                     S_OK);
    widget->lpVtbl->Release(widget);
    IClassFactory_Release(factory);

    /* The component's own answer passes through. */
    assert_int_equal(CoGetClassObject(&clsid, CLSCTX_INPROC_SERVER, NULL, &IID_IWidget,
                                      (void **)&unknown),
                     E_NOINTERFACE);
    assert_null(unknown);
}

static void test_activation_arguments(void **state)
{
    const CLSID clsid = widget_clsid(5);
    const CLSID unknown_clsid = WIDGET_CLSID_INIT(0xee);
    void *object = (void *)(uintptr_t)1;

    (void)state;
    register_component(5);
    assert_int_equal(CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IWidget, NULL),
                     E_POINTER);
    assert_int_equal(CoGetClassObject(&clsid, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory,
                                      NULL),
                     E_INVALIDARG);
    assert_int_equal(CoCreateInstance(&unknown_clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IWidget,
                                      &object),
                     REGDB_E_CLASSNOTREG);
    assert_null(object);
    object = (void *)(uintptr_t)1;
    assert_int_equal(CoGetClassObject(&unknown_clsid, CLSCTX_INPROC_SERVER, NULL,
                                      &IID_IClassFactory, &object),
                     REGDB_E_CLASSNOTREG);
    assert_null(object);
    /* Only in-process servers exist here. */
    object = (void *)(uintptr_t)1;
    assert_int_equal(CoCreateInstance(&clsid, NULL, CLSCTX_LOCAL_SERVER, &IID_IWidget, &object),
                     REGDB_E_CLASSNOTREG);
    assert_null(object);
    assert_int_equal(CoCreateInstance(NULL, NULL, CLSCTX_INPROC_SERVER, &IID_IWidget, &object),
                     E_INVALIDARG);
    assert_int_equal(CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, NULL, &object),
                     E_INVALIDARG);
}

/* ---- Aggregation -------------------------------------------------------- */

/* A controlling unknown that counts its references and keeps the inner
 * object's nondelegating IUnknown, as an aggregating object does. */
typedef struct outer_object {
    IUnknown iface;
    atomic_ulong refs;
    IUnknown *inner;
} outer_object;

static outer_object *outer_from(IUnknown *iface)
{
    return (outer_object *)(void *)iface;
}

static HRESULT STDMETHODCALLTYPE outer_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    outer_object *outer = outer_from(This);

    if (IsEqualGUID(riid, &IID_IUnknown)) {
        *ppv = This;
        atomic_fetch_add(&outer->refs, 1);
        return S_OK;
    }
    return IUnknown_QueryInterface(outer->inner, riid, ppv);
}

static ULONG STDMETHODCALLTYPE outer_AddRef(IUnknown *This)
{
    return (ULONG)atomic_fetch_add(&outer_from(This)->refs, 1) + 1;
}

static ULONG STDMETHODCALLTYPE outer_Release(IUnknown *This)
{
    return (ULONG)atomic_fetch_sub(&outer_from(This)->refs, 1) - 1;
}

static const IUnknownVtbl outer_vtbl = {
    .QueryInterface = outer_QueryInterface,
    .AddRef = outer_AddRef,
    .Release = outer_Release,
};

static void test_aggregation(void **state)
{
    const CLSID clsid = widget_clsid(6);
    outer_object outer = { { &outer_vtbl }, 1, NULL };
    IWidget *widget = NULL;
    IUnknown *unknown = NULL;
    void *refused = (void *)(uintptr_t)1;
    LONG index = -1;

    (void)state;
    register_component(6);
    assert_int_equal(CoCreateInstance(&clsid, &outer.iface, CLSCTX_INPROC_SERVER, &IID_IUnknown,
                                      (void **)&outer.inner),
                     S_OK);
    assert_non_null(outer.inner);
    /* The inner object's interfaces delegate to the outer one. */
    assert_int_equal(IUnknown_QueryInterface(outer.inner, &IID_IWidget, (void **)&widget), S_OK);
    assert_int_equal(atomic_load(&outer.refs), 2);
    assert_int_equal(widget->lpVtbl->GetIndex(widget, &index), S_OK);
    assert_int_equal(index, 6);
    assert_int_equal(widget->lpVtbl->QueryInterface(widget, &IID_IUnknown, (void **)&unknown),
                     S_OK);
    assert_ptr_equal(unknown, &outer.iface);
    assert_int_equal(atomic_load(&outer.refs), 3);
    IUnknown_Release(unknown);
    widget->lpVtbl->Release(widget);
    assert_int_equal(atomic_load(&outer.refs), 1);
    assert_int_equal(IUnknown_Release(outer.inner), 0);

    /* Aggregation hands out the nondelegating IUnknown only. */
    assert_int_equal(CoCreateInstance(&clsid, &outer.iface, CLSCTX_INPROC_SERVER, &IID_IWidget,
                                      &refused),
                     CLASS_E_NOAGGREGATION);
    assert_null(refused);
}

/* ---- Loading and unloading ---------------------------------------------- */

static void test_loaded_once(void **state)
{
    IWidget *widgets[3];
    int i;

    (void)state;
    register_component(7);
    assert_int_equal(atomic_load(&loads[7]), 1);
    assert_int_equal(atomic_load(&unloads[7]), 1); /* register_component's own load */
    for (i = 0; i < 3; i++)
        widgets[i] = create_widget(7);
    assert_int_equal(atomic_load(&loads[7]), 2);
    for (i = 0; i < 3; i++)
        widgets[i]->lpVtbl->Release(widgets[i]);
    /* Still loaded: nothing frees it but CoFreeUnusedLibraries. */
    assert_true(is_mapped(7));
    widgets[0] = create_widget(7);
    assert_int_equal(atomic_load(&loads[7]), 2);
    widgets[0]->lpVtbl->Release(widgets[0]);
}

static void test_free_unused_libraries(void **state)
{
    const CLSID clsid = widget_clsid(8);
    IClassFactory *factory = NULL;
    IWidget *widget;

    (void)state;
    register_component(8);
    widget = create_widget(8);
    /* A live object: DllCanUnloadNow says S_FALSE, the component stays. */
    CoFreeUnusedLibraries();
    assert_true(is_mapped(8));
    assert_int_equal(atomic_load(&unloads[8]), 1);
    widget->lpVtbl->Release(widget);

    /* A live class factory, then a server lock, keep it too. */
    assert_int_equal(CoGetClassObject(&clsid, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory,
                                      (void **)&factory),
                     S_OK);
    CoFreeUnusedLibrariesEx(0, 0);
    assert_true(is_mapped(8));
    assert_int_equal(IClassFactory_LockServer(factory, TRUE), S_OK);
    IClassFactory_Release(factory);
    CoFreeUnusedLibraries();
    assert_true(is_mapped(8));
    assert_int_equal(atomic_load(&unloads[8]), 1);

    /* The last lock gone: unloaded, and loaded again on demand. */
    assert_int_equal(CoGetClassObject(&clsid, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory,
                                      (void **)&factory),
                     S_OK);
    assert_int_equal(IClassFactory_LockServer(factory, FALSE), S_OK);
    IClassFactory_Release(factory);
    CoFreeUnusedLibraries();
    assert_false(is_mapped(8));
    assert_int_equal(atomic_load(&unloads[8]), 2);
    widget = create_widget(8);
    assert_int_equal(atomic_load(&loads[8]), 3);
    widget->lpVtbl->Release(widget);
    CoFreeUnusedLibrariesEx(0, 0);
    assert_false(is_mapped(8));
}

#define THREADS 8

static void *create_and_release(void *result)
{
    const CLSID clsid = widget_clsid(9);
    int i;

    for (i = 0; i < 50; i++) {
        IWidget *widget = NULL;
        HRESULT hr = CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IWidget,
                                      (void **)&widget);

        *(HRESULT *)result = hr;
        if (FAILED(hr))
            break;
        widget->lpVtbl->Release(widget);
    }
    return NULL;
}

static void test_concurrent_activation(void **state)
{
    pthread_t threads[THREADS];
    HRESULT results[THREADS];
    int i;

    (void)state;
    register_component(9);
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, create_and_release, &results[i]), 0);
    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(results[i], S_OK);
    }
    assert_int_equal(atomic_load(&loads[9]), 2);
    CoFreeUnusedLibraries();
    assert_false(is_mapped(9));
}

/* ---- Components refused ------------------------------------------------- */

static void write_entry(const fixture *f, int index, const char *path)
{
    char text[2 * PATH_MAX];

    snprintf(text, sizeof(text),
             "{ \"format\": 1, \"classes\": { \"{7A1D0C00-5E2B-4C3A-9F10-0000000000%02X}\": "
             "{ \"path\": \"%s\", \"threading\": \"both\" } } }",
             index, path);
    fixture_write(f->registry, text, 0644);
}

static void assert_activation_fails(int index, HRESULT expected, const char *text,
                                    const char *other)
{
    const CLSID clsid = widget_clsid(index);
    void *object = (void *)(uintptr_t)1;

    SetErrorInfo(0, NULL);
    assert_int_equal(CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IWidget, &object),
                     expected);
    assert_null(object);
    fixture_assert_error(text, other);
}

static void test_refused_components(void **state)
{
    fixture *f = *state;
    char path[PATH_MAX], copy[PATH_MAX];

    write_entry(f, 10, "libcomponent_10.so");
    assert_activation_fails(10, E_ACCESSDENIED, f->registry, "not an absolute path");

    snprintf(path, sizeof(path), "%s/gone.so", f->dir);
    write_entry(f, 10, path);
    assert_activation_fails(10, CO_E_DLLNOTFOUND, path, "No such file");

    component_path(10, path);
    snprintf(copy, sizeof(copy), "%s/open.so", f->dir);
    fixture_copy(path, copy, 0666);
    write_entry(f, 10, copy);
    assert_activation_fails(10, E_ACCESSDENIED, copy, "writable by others");
    assert_int_equal(atomic_load(&loads[10]), 0);

    /* Not a shared object, and one without DllGetClassObject. */
    snprintf(copy, sizeof(copy), "%s/text.so", f->dir);
    fixture_write(copy, "not an ELF file\n", 0644);
    write_entry(f, 10, copy);
    assert_activation_fails(10, CO_E_ERRORINDLL, copy, f->registry);
    snprintf(path, sizeof(path), "%s/libnot_component.so", COMPONENT_DIR);
    write_entry(f, 10, path);
    assert_activation_fails(10, CO_E_ERRORINDLL, path, "no DllGetClassObject");

    /* A component that does not know the class. */
    component_path(11, path);
    write_entry(f, 10, path);
    assert_activation_fails(10, CLASS_E_CLASSNOTAVAILABLE, "", NULL);
}

static void test_progids_of_components(void **state)
{
    const CLSID clsid = widget_clsid(12);
    static const OLECHAR versioned[] = { 'C', 'c', 'w', 'T', 'e', 's', 't', '.', 'W', 'i', 'd',
                                         'g', 'e', 't', '1', '2', '.', '1', 0 };
    CLSID found;
    LPOLESTR progid = NULL;

    (void)state;
    register_component(12);
    assert_int_equal(CLSIDFromProgID(versioned, &found), S_OK);
    assert_true(IsEqualGUID(&found, &clsid));
    /* The versionless ProgID: the same text without ".1". */
    {
        OLECHAR versionless[sizeof(versioned) / sizeof(*versioned)];

        memcpy(versionless, versioned, sizeof(versioned));
        versionless[16] = 0;
        memset(&found, 0, sizeof(found));
        assert_int_equal(CLSIDFromProgID(versionless, &found), S_OK);
        assert_true(IsEqualGUID(&found, &clsid));
    }
    assert_int_equal(ProgIDFromCLSID(&clsid, &progid), S_OK);
    assert_int_equal(memcmp(progid, versioned, sizeof(versioned)), 0);
    CoTaskMemFree(progid);
}

/* ---- CoInitialize ------------------------------------------------------- */

static void *initialize_in_thread(void *arg)
{
    HRESULT *results = arg;

    results[0] = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    results[1] = CoInitialize(NULL);
    CoUninitialize();
    return NULL;
}

static void test_initialize_count(void **state)
{
    HRESULT results[2];
    pthread_t thread;

    (void)state;
    assert_int_equal(CoInitialize(NULL), S_OK);
    assert_int_equal(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED), S_FALSE);
    assert_int_equal(CoInitializeEx(NULL, COINIT_MULTITHREADED), RPC_E_CHANGED_MODE);
    CoUninitialize();
    CoUninitialize();
    /* Balanced: a new model may be chosen. */
    assert_int_equal(CoInitializeEx(NULL, COINIT_MULTITHREADED | COINIT_DISABLE_OLE1DDE), S_OK);
    /* Each thread has its own count. */
    assert_int_equal(pthread_create(&thread, NULL, initialize_in_thread, results), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
    assert_int_equal(results[0], S_OK);
    assert_int_equal(results[1], RPC_E_CHANGED_MODE);
    CoUninitialize();
    /* An extra CoUninitialize is harmless. */
    CoUninitialize();
    assert_int_equal(CoInitialize(NULL), S_OK);
    CoUninitialize();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_create_instance, setup, teardown),
        cmocka_unit_test_setup_teardown(test_get_class_object, setup, teardown),
        cmocka_unit_test_setup_teardown(test_activation_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aggregation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loaded_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_free_unused_libraries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_activation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_components, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progids_of_components, setup, teardown),
        cmocka_unit_test_setup_teardown(test_initialize_count, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
