/*
 * component.c - a test in-process server written by hand the way ccwgen
 * --dll emits one: a wrapper class over a small C object, its class
 * factory from libccw, and the four Dll* entry points.  Built once per
 * COMPONENT_INDEX (0 to 31) so that tests have many distinct components.
 */
#include "widget.h"

#include <ccw/runtime.h>

#include <pthread.h>
#include <stdlib.h>

#ifndef COMPONENT_INDEX
#error "build with -DCOMPONENT_INDEX=N"
#endif

#define STRINGIFY_VALUE(x) #x
#define STRINGIFY(x) STRINGIFY_VALUE(x)

/* Weak: `ccw register` loads the component too, and does not define them. */
extern void test_component_loaded(int index) __attribute__((weak));
extern void test_component_unloaded(int index) __attribute__((weak));

__attribute__((constructor)) static void component_loaded(void)
{
    if (test_component_loaded)
        test_component_loaded(COMPONENT_INDEX);
}

__attribute__((destructor)) static void component_unloaded(void)
{
    if (test_component_unloaded)
        test_component_unloaded(COMPONENT_INDEX);
}

/* ---- The C library being wrapped --------------------------------------- */

struct widget {
    LONG index;
};

static void *widget_construct(void)
{
    struct widget *widget = malloc(sizeof(*widget));

    if (widget)
        widget->index = COMPONENT_INDEX;
    return widget;
}

static void widget_destroy(void *widget)
{
    free(widget);
}

/* ---- The wrapper --------------------------------------------------------- */

static const CLSID CLSID_Widget = WIDGET_CLSID_INIT(COMPONENT_INDEX);
static const CLSID CLSID_Hidden = HIDDEN_CLSID_INIT(COMPONENT_INDEX);
static const IID IID_IWidget = IID_IWIDGET_INIT;

struct widget_ccw {
    ccw_object header;
    const IWidgetVtbl *IWidget;
};

static ccw_object *widget_from_IWidget(IWidget *This)
{
    return CCW_OBJECT_FROM(This, struct widget_ccw, IWidget);
}

static HRESULT STDMETHODCALLTYPE widget_QueryInterface(IWidget *This, REFIID riid, void **ppv)
{
    return ccw_object_query_interface(widget_from_IWidget(This), riid, ppv);
}

static ULONG STDMETHODCALLTYPE widget_AddRef(IWidget *This)
{
    return ccw_object_add_ref(widget_from_IWidget(This));
}

static ULONG STDMETHODCALLTYPE widget_Release(IWidget *This)
{
    return ccw_object_release(widget_from_IWidget(This));
}

static HRESULT STDMETHODCALLTYPE widget_GetIndex(IWidget *This, LONG *index)
{
    *index = ((struct widget *)widget_from_IWidget(This)->c_object)->index;
    return S_OK;
}

static const IWidgetVtbl widget_vtbl = {
    .QueryInterface = widget_QueryInterface,
    .AddRef = widget_AddRef,
    .Release = widget_Release,
    .GetIndex = widget_GetIndex,
};

static const ccw_class_interface widget_interfaces[] = {
    { &IID_IWidget, &widget_vtbl, offsetof(struct widget_ccw, IWidget) },
};

static ccw_module component_module;

/* The generator computes the QI table at build time; a hand-written
 * component builds it once, at the first DllGetClassObject. */
#define QI_SLOTS_MAX 16
static ccw_qi_slot widget_qi_slots[QI_SLOTS_MAX];

static ccw_class widget_class = {
    .name = "Widget",
    .progid = "CcwTest.Widget" STRINGIFY(COMPONENT_INDEX) ".1",
    .clsid = &CLSID_Widget,
    .size = sizeof(struct widget_ccw),
    .interfaces = widget_interfaces,
    .interface_count = 1,
    .qi = { { 0, 0 }, widget_qi_slots },
    .construct = widget_construct,
    .destroy = widget_destroy,
    .module = &component_module,
    .threading = CCW_THREADING_FREE,
    .version = "1.0",
};

/* Noncreatable: registration must skip it. */
static const ccw_class hidden_class = {
    .name = "Hidden",
    .clsid = &CLSID_Hidden,
    .size = sizeof(struct widget_ccw),
    .interfaces = widget_interfaces,
    .interface_count = 1,
    .qi = { { 0, 0 }, widget_qi_slots },
    .module = &component_module,
};

static const ccw_class *const component_classes[] = { &widget_class, &hidden_class };

static pthread_once_t qi_once = PTHREAD_ONCE_INIT;
static HRESULT qi_result = E_UNEXPECTED;

static void build_qi_table(void)
{
    const IID *const iids[] = { &IID_IUnknown, &IID_ISupportErrorInfo, &IID_IWidget };
    const size_t offsets[] = { CCW_OBJECT_UNKNOWN_OFFSET, CCW_OBJECT_SUPPORT_ERROR_INFO_OFFSET,
                               offsetof(struct widget_ccw, IWidget) };
    ccw_qi_shape shape;
    size_t i;

    qi_result = ccw_qi_table_build(&shape, iids, 3);
    if (FAILED(qi_result))
        return;
    if (shape.mask >= QI_SLOTS_MAX) {
        qi_result = E_UNEXPECTED;
        return;
    }
    for (i = 0; i < 3; i++) {
        ccw_qi_slot *slot = &widget_qi_slots[ccw_qi_table_slot(&shape, iids[i])];

        slot->iid = iids[i];
        slot->offset = offsets[i];
    }
    widget_class.qi.shape = shape;
}

/* ---- The entry points ---------------------------------------------------- */

HRESULT STDAPICALLTYPE DllGetClassObject(REFCLSID rclsid, REFIID riid, LPVOID *ppv);
HRESULT STDAPICALLTYPE DllCanUnloadNow(void);
HRESULT STDAPICALLTYPE DllRegisterServer(void);
HRESULT STDAPICALLTYPE DllUnregisterServer(void);

HRESULT STDAPICALLTYPE DllGetClassObject(REFCLSID rclsid, REFIID riid, LPVOID *ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (!IsEqualGUID(rclsid, &CLSID_Widget))
        return CLASS_E_CLASSNOTAVAILABLE;
    pthread_once(&qi_once, build_qi_table);
    if (FAILED(qi_result))
        return qi_result;
    return ccw_class_factory_create(&widget_class, riid, ppv);
}

HRESULT STDAPICALLTYPE DllCanUnloadNow(void)
{
    return ccw_module_can_unload(&component_module);
}

HRESULT STDAPICALLTYPE DllRegisterServer(void)
{
    return ccw_server_register(component_classes, 2, &component_module);
}

HRESULT STDAPICALLTYPE DllUnregisterServer(void)
{
    return ccw_server_unregister(component_classes, 2, &component_module);
}
