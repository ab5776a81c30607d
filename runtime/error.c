/*
 * error.c - turn the failure of a C implementation into COM error
 * information: a thread-local message that C code attaches to the failing
 * call, raised by the generated thunk as the thread's IErrorInfo, and the
 * errno -> HRESULT mapping of DESIGN.md §9.
 *
 * Built on every platform: only the standard COM API is used here
 * (CreateErrorInfo and SetErrorInfo come from oleaut32 on Windows).
 */
#include <ccw/runtime.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The message C code attached to the call failing on this thread.  A fixed
 * buffer: setting a message cannot fail, and nothing is left to free when
 * the thread exits. */
static _Thread_local struct {
    bool pending;
    char text[CCW_ERROR_MESSAGE_MAX];
} thread_message;

/* Cut a truncated message before a multibyte character that lost its tail,
 * so that the message stays valid UTF-8. */
static void trim_partial_character(char *text, size_t len)
{
    size_t lead = len;
    size_t needed;
    unsigned char byte;

    while (lead > 0 && ((unsigned char)text[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    lead--;
    byte = (unsigned char)text[lead];
    if (byte < 0xC0)
        return;
    needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    if (len - lead < needed)
        text[lead] = '\0';
}

CCW_API void ccw_error_set_message(const char *fmt, ...)
{
    va_list args;
    int written;

    va_start(args, fmt);
    written = vsnprintf(thread_message.text, sizeof(thread_message.text), fmt, args);
    va_end(args);
    if (written < 0) {
        /* An encoding error in the arguments: keep no half-formatted text. */
        thread_message.pending = false;
        return;
    }
    if ((size_t)written >= sizeof(thread_message.text))
        trim_partial_character(thread_message.text, sizeof(thread_message.text) - 1);
    thread_message.pending = true;
}

CCW_API const char *ccw_error_message(void)
{
    return thread_message.pending ? thread_message.text : NULL;
}

CCW_API void ccw_error_clear(void)
{
    thread_message.pending = false;
}

CCW_API HRESULT ccw_hresult_from_errno(int err)
{
    switch (err) {
    case EINVAL:
        return E_INVALIDARG;
    case ENOMEM:
        return E_OUTOFMEMORY;
    case EACCES:
    case EPERM:
        return E_ACCESSDENIED;
    case ENOENT:
        return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    case ENOSYS:
    case ENOTSUP:
        return E_NOTIMPL;
    default:
        return MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + err);
    }
}

/* Set one text field of an error object from UTF-8.  Text that is not
 * valid UTF-8 (or does not fit in memory) leaves the field empty rather
 * than losing the rest of the error. */
static HRESULT set_text(ICreateErrorInfo *create,
                        HRESULT(STDMETHODCALLTYPE *setter)(ICreateErrorInfo *, LPOLESTR),
                        const char *utf8)
{
    BSTR text;
    HRESULT hr;

    if (!utf8 || FAILED(ccw_bstr_from_utf8(utf8, CCW_NUL_TERMINATED, &text)))
        return S_OK;
    hr = setter(create, text);
    SysFreeString(text);
    return hr;
}

CCW_API HRESULT ccw_error_raise(HRESULT hr, const char *source, const IID *iid,
                                const char *description)
{
    ICreateErrorInfo *create = NULL;
    IErrorInfo *info = NULL;
    const char *text = thread_message.pending ? thread_message.text : description;

    if (FAILED(CreateErrorInfo(&create)))
        goto done;
    if ((iid && FAILED(create->lpVtbl->SetGUID(create, iid))) ||
        FAILED(set_text(create, create->lpVtbl->SetSource, source)) ||
        FAILED(set_text(create, create->lpVtbl->SetDescription, text)))
        goto done;
    /* On failure `info` stays NULL, and SetErrorInfo(0, NULL) below clears
     * the thread's error: a stale one must not describe this failure. */
    create->lpVtbl->QueryInterface(create, &IID_IErrorInfo, (void **)&info);

done:
    SetErrorInfo(0, info);
    if (info)
        info->lpVtbl->Release(info);
    if (create)
        create->lpVtbl->Release(create);
    thread_message.pending = false;
    return hr;
}

/* The C library's text for an errno value, without strerror's shared
 * buffer. */
static void describe_errno(int err, char *buffer, size_t size)
{
#ifdef _WIN32
    if (strerror_s(buffer, size, err) != 0)
#else
    if (strerror_r(err, buffer, size) != 0)
#endif
        snprintf(buffer, size, "error %d", err);
}

CCW_API HRESULT ccw_error_raise_errno(int err, const char *source, const IID *iid)
{
    char description[256];

    describe_errno(err, description, sizeof(description));
    return ccw_error_raise(ccw_hresult_from_errno(err), source, iid, description);
}
