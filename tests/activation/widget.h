/*
 * widget.h - the interface and GUIDs of the test components
 * (tests/activation/component.c), shared with the tests that drive them.
 *
 * Component N (0 to 31) registers one creatable class, CLSID_Widget(N) with
 * ProgID "CcwTest.WidgetN.1", and one noncreatable class that must never be
 * registered.
 */
#ifndef CCW_TEST_WIDGET_H
#define CCW_TEST_WIDGET_H

#include <ccw/com.h>

/* {7A1D0C00-5E2B-4C3A-9F10-0000000000NN} */
#define WIDGET_CLSID_INIT(n) \
    { 0x7a1d0c00, 0x5e2b, 0x4c3a, { 0x9f, 0x10, 0, 0, 0, 0, 0, (unsigned char)(n) } }
/* {7A1D0C00-5E2B-4C3A-9F10-0000000001NN} */
#define HIDDEN_CLSID_INIT(n) \
    { 0x7a1d0c00, 0x5e2b, 0x4c3a, { 0x9f, 0x10, 0, 0, 0, 0, 1, (unsigned char)(n) } }
/* {7A1D0C01-5E2B-4C3A-9F10-000000000001} */
#define IID_IWIDGET_INIT \
    { 0x7a1d0c01, 0x5e2b, 0x4c3a, { 0x9f, 0x10, 0, 0, 0, 0, 0, 1 } }

typedef struct IWidget IWidget;

typedef struct IWidgetVtbl {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IWidget *This, REFIID riid, void **ppv);
    ULONG (STDMETHODCALLTYPE *AddRef)(IWidget *This);
    ULONG (STDMETHODCALLTYPE *Release)(IWidget *This);
    /* The index of the component the object comes from. */
    HRESULT (STDMETHODCALLTYPE *GetIndex)(IWidget *This, LONG *index);
} IWidgetVtbl;

struct IWidget {
    const IWidgetVtbl *lpVtbl;
};

/* Defined by a test program that wants to see components load and unload
 * (it must export them: export_dynamic); called from the component's ELF
 * constructor and destructor. */
void test_component_loaded(int index);
void test_component_unloaded(int index);

#endif /* CCW_TEST_WIDGET_H */
