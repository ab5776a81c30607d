/*
 * test_errorinfo.c - error objects (CreateErrorInfo), the per-thread slot
 * (SetErrorInfo/GetErrorInfo), and the runtime's errors: messages from C,
 * the errno mapping, and raising IErrorInfo from a thunk.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ccw/runtime.h>

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* {0F5D9A2C-3B1E-4E8A-A6C4-7D2B9E1F3A01} */
static const IID IID_ITestWidget = { 0x0f5d9a2c, 0x3b1e, 0x4e8a,
                                     { 0xa6, 0xc4, 0x7d, 0x2b, 0x9e, 0x1f, 0x3a, 0x01 } };

/* ---- Helpers ----------------------------------------------------------- */

static ICreateErrorInfo *new_error(void)
{
    ICreateErrorInfo *create = NULL;

    assert_int_equal(CreateErrorInfo(&create), S_OK);
    assert_non_null(create);
    return create;
}

static IErrorInfo *info_of(ICreateErrorInfo *create)
{
    IErrorInfo *info = NULL;

    assert_int_equal(create->lpVtbl->QueryInterface(create, &IID_IErrorInfo, (void **)&info), S_OK);
    assert_non_null(info);
    return info;
}

/* A BSTR's text as UTF-8 (NULL for a NULL BSTR), freed by the caller. */
static char *text_of(BSTR bstr)
{
    char *utf8 = NULL;

    if (!bstr)
        return NULL;
    assert_int_equal(ccw_bstr_to_utf8(bstr, &utf8, NULL), S_OK);
    return utf8;
}

typedef HRESULT(STDMETHODCALLTYPE *text_getter)(IErrorInfo *, BSTR *);

/* Read one text field and compare it; NULL expects a NULL BSTR. */
static void expect_text(IErrorInfo *info, text_getter get, const char *expected)
{
    BSTR bstr = (BSTR)(uintptr_t)1;
    char *utf8;

    assert_int_equal(get(info, &bstr), S_OK);
    if (!expected) {
        assert_null(bstr);
        return;
    }
    assert_non_null(bstr);
    utf8 = text_of(bstr);
    assert_string_equal(utf8, expected);
    ccw_string_free(utf8);
    SysFreeString(bstr);
}

/* Take this thread's error object and check what ccw_error_raise put in it. */
static void expect_raised(const char *source, const char *description, const IID *guid)
{
    IErrorInfo *info = NULL;
    GUID actual;

    assert_int_equal(GetErrorInfo(0, &info), S_OK);
    assert_non_null(info);
    expect_text(info, info->lpVtbl->GetSource, source);
    expect_text(info, info->lpVtbl->GetDescription, description);
    expect_text(info, info->lpVtbl->GetHelpFile, NULL);
    assert_int_equal(info->lpVtbl->GetGUID(info, &actual), S_OK);
    assert_true(IsEqualGUID(&actual, guid));
    assert_int_equal(info->lpVtbl->Release(info), 0);
}

static void expect_no_error_info(void)
{
    IErrorInfo *info = (IErrorInfo *)(uintptr_t)1;

    assert_int_equal(GetErrorInfo(0, &info), S_FALSE);
    assert_null(info);
}

static OLECHAR *olestr(const char *ascii, OLECHAR *buffer, size_t size)
{
    size_t i;

    for (i = 0; ascii[i] && i + 1 < size; i++)
        buffer[i] = (OLECHAR)(unsigned char)ascii[i];
    buffer[i] = 0;
    return buffer;
}

/* ---- CreateErrorInfo --------------------------------------------------- */

static void test_create_error_info_identity(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *info = info_of(create);
    IUnknown *from_create = NULL, *from_info = NULL;
    ICreateErrorInfo *back = NULL;
    void *missing = (void *)&missing;

    (void)state;
    assert_int_equal(create->lpVtbl->QueryInterface(create, &IID_IUnknown, (void **)&from_create),
                     S_OK);
    assert_int_equal(info->lpVtbl->QueryInterface(info, &IID_IUnknown, (void **)&from_info), S_OK);
    assert_ptr_equal(from_create, from_info);
    assert_int_equal(info->lpVtbl->QueryInterface(info, &IID_ICreateErrorInfo, (void **)&back),
                     S_OK);
    assert_ptr_equal(back, create);
    assert_int_equal(info->lpVtbl->QueryInterface(info, &IID_IDispatch, &missing), E_NOINTERFACE);
    assert_null(missing);
    assert_int_equal(create->lpVtbl->QueryInterface(create, &IID_IErrorInfo, NULL), E_POINTER);

    assert_int_equal(info->lpVtbl->AddRef(info), 6);
    assert_int_equal(create->lpVtbl->Release(create), 5);
    back->lpVtbl->Release(back);
    from_info->lpVtbl->Release(from_info);
    from_create->lpVtbl->Release(from_create);
    assert_int_equal(info->lpVtbl->Release(info), 1);
    assert_int_equal(create->lpVtbl->Release(create), 0);
    assert_int_equal(CreateErrorInfo(NULL), E_INVALIDARG);
}

static void test_new_error_is_empty(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *info = info_of(create);
    DWORD context = 99;
    GUID guid = IID_ITestWidget;

    (void)state;
    assert_int_equal(info->lpVtbl->GetGUID(info, &guid), S_OK);
    assert_true(IsEqualGUID(&guid, &GUID_NULL));
    expect_text(info, info->lpVtbl->GetSource, NULL);
    expect_text(info, info->lpVtbl->GetDescription, NULL);
    expect_text(info, info->lpVtbl->GetHelpFile, NULL);
    assert_int_equal(info->lpVtbl->GetHelpContext(info, &context), S_OK);
    assert_int_equal(context, 0);
    info->lpVtbl->Release(info);
    create->lpVtbl->Release(create);
}

static void test_setters_and_getters(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *info = info_of(create);
    OLECHAR buffer[64];
    BSTR first = NULL, second = NULL;
    DWORD context = 0;
    GUID guid;

    (void)state;
    assert_int_equal(create->lpVtbl->SetGUID(create, &IID_ITestWidget), S_OK);
    assert_int_equal(create->lpVtbl->SetSource(create, olestr("Test.Widget", buffer, 64)), S_OK);
    assert_int_equal(create->lpVtbl->SetDescription(create, olestr("it broke", buffer, 64)), S_OK);
    assert_int_equal(create->lpVtbl->SetHelpFile(create, olestr("widget.chm", buffer, 64)), S_OK);
    assert_int_equal(create->lpVtbl->SetHelpContext(create, 4711), S_OK);
    olestr("overwritten", buffer, 64); /* the object kept copies */

    assert_int_equal(info->lpVtbl->GetGUID(info, &guid), S_OK);
    assert_true(IsEqualGUID(&guid, &IID_ITestWidget));
    expect_text(info, info->lpVtbl->GetSource, "Test.Widget");
    expect_text(info, info->lpVtbl->GetDescription, "it broke");
    expect_text(info, info->lpVtbl->GetHelpFile, "widget.chm");
    assert_int_equal(info->lpVtbl->GetHelpContext(info, &context), S_OK);
    assert_int_equal(context, 4711);

    /* Each getter hands out a copy of its own. */
    assert_int_equal(info->lpVtbl->GetSource(info, &first), S_OK);
    assert_int_equal(info->lpVtbl->GetSource(info, &second), S_OK);
    assert_ptr_not_equal(first, second);
    assert_int_equal(SysStringLen(first), 11);
    assert_memory_equal(first, second, 11 * sizeof(OLECHAR));
    SysFreeString(first);
    SysFreeString(second);

    /* Setting again replaces; NULL empties. */
    assert_int_equal(create->lpVtbl->SetSource(create, olestr("Other.Source", buffer, 64)), S_OK);
    expect_text(info, info->lpVtbl->GetSource, "Other.Source");
    assert_int_equal(create->lpVtbl->SetSource(create, NULL), S_OK);
    assert_int_equal(create->lpVtbl->SetDescription(create, NULL), S_OK);
    assert_int_equal(create->lpVtbl->SetHelpFile(create, NULL), S_OK);
    expect_text(info, info->lpVtbl->GetSource, NULL);
    expect_text(info, info->lpVtbl->GetDescription, NULL);
    expect_text(info, info->lpVtbl->GetHelpFile, NULL);

    info->lpVtbl->Release(info);
    create->lpVtbl->Release(create);
}

static void test_null_arguments(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *info = info_of(create);

    (void)state;
    assert_int_equal(create->lpVtbl->SetGUID(create, NULL), E_INVALIDARG);
    assert_int_equal(info->lpVtbl->GetGUID(info, NULL), E_INVALIDARG);
    assert_int_equal(info->lpVtbl->GetSource(info, NULL), E_INVALIDARG);
    assert_int_equal(info->lpVtbl->GetDescription(info, NULL), E_INVALIDARG);
    assert_int_equal(info->lpVtbl->GetHelpFile(info, NULL), E_INVALIDARG);
    assert_int_equal(info->lpVtbl->GetHelpContext(info, NULL), E_INVALIDARG);
    info->lpVtbl->Release(info);
    create->lpVtbl->Release(create);
}

/* ---- SetErrorInfo / GetErrorInfo --------------------------------------- */

static void test_slot_takes_and_gives_ownership(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *info = info_of(create);
    IErrorInfo *taken = NULL;

    (void)state;
    create->lpVtbl->Release(create);
    expect_no_error_info();
    assert_int_equal(SetErrorInfo(0, info), S_OK);
    assert_int_equal(info->lpVtbl->AddRef(info), 3); /* ours, the slot's, this one */
    info->lpVtbl->Release(info);
    assert_int_equal(info->lpVtbl->Release(info), 1); /* only the slot's is left */

    assert_int_equal(GetErrorInfo(0, &taken), S_OK);
    assert_ptr_equal(taken, info);
    expect_no_error_info(); /* the slot is empty again */
    assert_int_equal(taken->lpVtbl->Release(taken), 0);
}

static void test_slot_replaces_and_clears(void **state)
{
    ICreateErrorInfo *first_create = new_error(), *second_create = new_error();
    IErrorInfo *first = info_of(first_create), *second = info_of(second_create);
    IErrorInfo *taken = NULL;

    (void)state;
    first_create->lpVtbl->Release(first_create);
    second_create->lpVtbl->Release(second_create);
    assert_int_equal(SetErrorInfo(0, first), S_OK);
    assert_int_equal(SetErrorInfo(0, second), S_OK);
    assert_int_equal(first->lpVtbl->Release(first), 0); /* the slot let it go */
    assert_int_equal(GetErrorInfo(0, &taken), S_OK);
    assert_ptr_equal(taken, second);
    taken->lpVtbl->Release(taken);

    assert_int_equal(SetErrorInfo(0, second), S_OK);
    assert_int_equal(SetErrorInfo(0, NULL), S_OK);
    expect_no_error_info();
    assert_int_equal(second->lpVtbl->Release(second), 0);
}

static void test_slot_reserved_argument(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *info = info_of(create);
    IErrorInfo *taken = NULL;

    (void)state;
    create->lpVtbl->Release(create);
    assert_int_equal(SetErrorInfo(0, info), S_OK);
    assert_int_equal(SetErrorInfo(0xdeadbeef, NULL), E_INVALIDARG);
    assert_int_equal(GetErrorInfo(0xdeadbeef, &taken), E_INVALIDARG);
    assert_null(taken);
    assert_int_equal(GetErrorInfo(0, NULL), E_INVALIDARG);
    assert_int_equal(GetErrorInfo(0, &taken), S_OK); /* all of that left the slot alone */
    assert_ptr_equal(taken, info);
    taken->lpVtbl->Release(taken);
    assert_int_equal(info->lpVtbl->Release(info), 0);
}

struct other_thread {
    HRESULT first_get;
    IErrorInfo *first_seen;
    IErrorInfo *left_behind; /* set in the thread's slot, one reference kept for main */
    char *message_seen;
};

static void *use_slot_in_other_thread(void *arg)
{
    struct other_thread *other = arg;
    ICreateErrorInfo *create = new_error();

    other->first_get = GetErrorInfo(0, &other->first_seen);
    other->message_seen = ccw_error_message() ? strdup(ccw_error_message()) : NULL;
    ccw_error_set_message("message of the other thread");

    other->left_behind = info_of(create);
    create->lpVtbl->Release(create);
    SetErrorInfo(0, other->left_behind);
    return NULL; /* exits with an error object in its slot and a message pending */
}

/* Each thread has its own slot and message; what a thread leaves in its
 * slot is released when it exits. */
static void test_slot_per_thread(void **state)
{
    ICreateErrorInfo *create = new_error();
    IErrorInfo *mine = info_of(create);
    struct other_thread other = { S_OK, NULL, NULL, NULL };
    IErrorInfo *taken = NULL;
    pthread_t thread;

    (void)state;
    create->lpVtbl->Release(create);
    assert_int_equal(SetErrorInfo(0, mine), S_OK);
    ccw_error_set_message("message of the main thread");

    assert_int_equal(pthread_create(&thread, NULL, use_slot_in_other_thread, &other), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);

    assert_int_equal(other.first_get, S_FALSE);
    assert_null(other.first_seen);
    assert_null(other.message_seen);
    assert_non_null(other.left_behind);
    assert_int_equal(other.left_behind->lpVtbl->Release(other.left_behind), 0);

    assert_string_equal(ccw_error_message(), "message of the main thread");
    ccw_error_clear();
    assert_int_equal(GetErrorInfo(0, &taken), S_OK);
    assert_ptr_equal(taken, mine);
    taken->lpVtbl->Release(taken);
    assert_int_equal(mine->lpVtbl->Release(mine), 0);
}

/* ---- errno -> HRESULT -------------------------------------------------- */

static void test_hresult_from_errno(void **state)
{
    static const struct {
        int err;
        uint32_t hr;
    } table[] = {
        { EINVAL, 0x80070057 },       { ENOMEM, 0x8007000E },
        { EACCES, 0x80070005 },       { EPERM, 0x80070005 },
        { ENOENT, 0x80070002 },       { ENOSYS, 0x80004001 },
        { ENOTSUP, 0x80004001 },      { EBUSY, 0x80040200u + EBUSY },
        { EIO, 0x80040200u + EIO },   { EEXIST, 0x80040200u + EEXIST },
        { ERANGE, 0x80040200u + ERANGE },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        assert_int_equal((uint32_t)ccw_hresult_from_errno(table[i].err), table[i].hr);
    assert_int_equal(ccw_hresult_from_errno(ENOENT), HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    assert_int_equal(ccw_hresult_from_errno(EBUSY),
                     MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + EBUSY));
}

/* ---- Messages ---------------------------------------------------------- */

static void test_message_set_and_clear(void **state)
{
    (void)state;
    ccw_error_clear();
    assert_null(ccw_error_message());
    ccw_error_set_message("value %d is out of range [%d, %s]", 42, 0, "10");
    assert_string_equal(ccw_error_message(), "value 42 is out of range [0, 10]");
    ccw_error_set_message("%s", "replaced");
    assert_string_equal(ccw_error_message(), "replaced");
    ccw_error_set_message("%s", "");
    assert_string_equal(ccw_error_message(), ""); /* pending, although empty */
    ccw_error_clear();
    assert_null(ccw_error_message());
}

/* Long messages are cut to CCW_ERROR_MESSAGE_MAX - 1 bytes, never inside a
 * UTF-8 character. */
static void test_message_truncation(void **state)
{
    static const char *const tails[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80" };
    char text[CCW_ERROR_MESSAGE_MAX + 8];
    size_t t, keep;

    (void)state;
    memset(text, 'a', CCW_ERROR_MESSAGE_MAX - 1);
    text[CCW_ERROR_MESSAGE_MAX - 1] = '\0';
    ccw_error_set_message("%s", text);
    assert_string_equal(ccw_error_message(), text); /* exactly fits */

    ccw_error_set_message("%sb", text);
    assert_int_equal(strlen(ccw_error_message()), CCW_ERROR_MESSAGE_MAX - 1);

    for (t = 0; t < 3; t++) {
        size_t width = strlen(tails[t]);

        /* The character starts 1 .. width-1 bytes before the cut. */
        for (keep = 1; keep < width; keep++) {
            size_t prefix = CCW_ERROR_MESSAGE_MAX - 1 - keep;

            memset(text, 'a', prefix);
            memcpy(text + prefix, tails[t], width + 1);
            ccw_error_set_message("%s", text);
            assert_int_equal(strlen(ccw_error_message()), prefix);
            assert_memory_equal(ccw_error_message(), text, prefix);
        }
        /* A character that ends exactly at the cut is kept. */
        memset(text, 'a', CCW_ERROR_MESSAGE_MAX - 1 - width);
        memcpy(text + CCW_ERROR_MESSAGE_MAX - 1 - width, tails[t], width);
        strcpy(text + CCW_ERROR_MESSAGE_MAX - 1, "zz");
        ccw_error_set_message("%s", text);
        assert_int_equal(strlen(ccw_error_message()), CCW_ERROR_MESSAGE_MAX - 1);
        assert_memory_equal(ccw_error_message(), text, CCW_ERROR_MESSAGE_MAX - 1);
    }
    ccw_error_clear();
}

/* A format that cannot be converted (a wide character outside the ASCII "C"
 * locale) leaves no half-formatted message behind. */
static void test_message_format_failure(void **state)
{
    static const wchar_t unconvertible[] = { 0x00e9, 0 };

    (void)state;
    assert_non_null(setlocale(LC_ALL, "C"));
    ccw_error_set_message("%s", "earlier");
    ccw_error_set_message("bad %ls", unconvertible);
    assert_null(ccw_error_message());
}

/* ---- ccw_error_raise --------------------------------------------------- */

static void test_raise_uses_the_pending_message(void **state)
{
    (void)state;
    ccw_error_set_message("widget %d jammed", 7);
    assert_int_equal(ccw_error_raise(E_FAIL, "Test.Widget", &IID_ITestWidget, "fallback"), E_FAIL);
    assert_null(ccw_error_message()); /* raised, so no longer pending */
    expect_raised("Test.Widget", "widget 7 jammed", &IID_ITestWidget);
}

static void test_raise_without_message(void **state)
{
    (void)state;
    ccw_error_clear();
    assert_int_equal(ccw_error_raise(E_INVALIDARG, "Test.Widget", &IID_ITestWidget, "fallback"),
                     E_INVALIDARG);
    expect_raised("Test.Widget", "fallback", &IID_ITestWidget);

    assert_int_equal(ccw_error_raise(E_INVALIDARG, "Test.Widget", &IID_ITestWidget, NULL),
                     E_INVALIDARG);
    expect_raised("Test.Widget", NULL, &IID_ITestWidget);
}

static void test_raise_without_source_or_iid(void **state)
{
    (void)state;
    ccw_error_set_message("%s", "anonymous");
    assert_int_equal(ccw_error_raise(E_UNEXPECTED, NULL, NULL, NULL), E_UNEXPECTED);
    expect_raised(NULL, "anonymous", &GUID_NULL);
}

static void test_raise_unicode_message(void **state)
{
    static const OLECHAR expected[] = {
        0x00e9, 'c', 'h', 'e', 'c', ' ', 0x20ac, ' ', 0xd83d, 0xde00,
    };
    IErrorInfo *info = NULL;
    BSTR description = NULL;

    (void)state;
    ccw_error_set_message("\xc3\xa9" "chec \xe2\x82\xac \xf0\x9f\x98\x80");
    ccw_error_raise(E_FAIL, "Test.Widget", &IID_ITestWidget, NULL);
    assert_int_equal(GetErrorInfo(0, &info), S_OK);
    assert_int_equal(info->lpVtbl->GetDescription(info, &description), S_OK);
    assert_int_equal(SysStringLen(description), sizeof(expected) / sizeof(expected[0]));
    assert_memory_equal(description, expected, sizeof(expected));
    SysFreeString(description);
    info->lpVtbl->Release(info);
}

/* Text that is not UTF-8 loses only its own field, not the error. */
static void test_raise_ill_formed_message(void **state)
{
    (void)state;
    ccw_error_set_message("%s", "bad byte \xff here");
    assert_int_equal(ccw_error_raise(E_FAIL, "Test.Widget", &IID_ITestWidget, NULL), E_FAIL);
    expect_raised("Test.Widget", NULL, &IID_ITestWidget);
    assert_null(ccw_error_message());
}

static void test_raise_replaces_an_older_error(void **state)
{
    (void)state;
    ccw_error_raise(E_FAIL, "Test.Old", &IID_ITestWidget, "old");
    ccw_error_raise(E_ABORT, "Test.New", &IID_IUnknown, "new");
    expect_raised("Test.New", "new", &IID_IUnknown);
    expect_no_error_info();
}

static void test_raise_errno(void **state)
{
    char expected[256];

    (void)state;
    ccw_error_clear();
    assert_int_equal(strerror_r(EACCES, expected, sizeof(expected)), 0);
    assert_int_equal(ccw_error_raise_errno(EACCES, "Test.Widget", &IID_ITestWidget),
                     E_ACCESSDENIED);
    expect_raised("Test.Widget", expected, &IID_ITestWidget);

    assert_int_equal(strerror_r(EBUSY, expected, sizeof(expected)), 0);
    assert_int_equal(ccw_error_raise_errno(EBUSY, "Test.Widget", &IID_ITestWidget),
                     MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + EBUSY));
    expect_raised("Test.Widget", expected, &IID_ITestWidget);

    /* The implementation's own message wins over strerror's. */
    ccw_error_set_message("widget.cfg: no such file");
    assert_int_equal(ccw_error_raise_errno(ENOENT, "Test.Widget", &IID_ITestWidget),
                     HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    expect_raised("Test.Widget", "widget.cfg: no such file", &IID_ITestWidget);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_error_info_identity),
        cmocka_unit_test(test_new_error_is_empty),
        cmocka_unit_test(test_setters_and_getters),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_slot_takes_and_gives_ownership),
        cmocka_unit_test(test_slot_replaces_and_clears),
        cmocka_unit_test(test_slot_reserved_argument),
        cmocka_unit_test(test_slot_per_thread),
        cmocka_unit_test(test_hresult_from_errno),
        cmocka_unit_test(test_message_set_and_clear),
        cmocka_unit_test(test_message_truncation),
        cmocka_unit_test(test_message_format_failure),
        cmocka_unit_test(test_raise_uses_the_pending_message),
        cmocka_unit_test(test_raise_without_message),
        cmocka_unit_test(test_raise_without_source_or_iid),
        cmocka_unit_test(test_raise_unicode_message),
        cmocka_unit_test(test_raise_ill_formed_message),
        cmocka_unit_test(test_raise_replaces_an_older_error),
        cmocka_unit_test(test_raise_errno),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
