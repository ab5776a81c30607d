/*
 * ccw/com.h - the COM ABI and the subset of the COM API that ccw uses.
 *
 * On Windows this is a thin layer over the real <windows.h>, <ole2.h> and
 * <oleauto.h>: it only adds CCW_API.  Everywhere else it supplies, under the
 * standard names, the types, constants, interfaces and prototypes that
 * generated code and COM clients need, with the binary layout Windows gives
 * them (sizes and offsets are pinned by static assertions below), so that the
 * same source builds on both and objects can cross into runtimes that expect
 * Windows' layout (Mono, Wine).  libccw implements the functions declared at
 * the end (runtime/compat/).
 *
 * Choices that differ from a bare Windows include, made so that generated code
 * sees the same declarations on every platform:
 *   - COBJMACROS and CONST_VTABLE are defined before anything else, so the
 *     C call macros (IFoo_Method(This, ...)) exist and vtables are const.
 *     Include this header before any Windows header for that to hold.
 *   - Define INITGUID before the first include to make DEFINE_GUID define.
 *
 * Off Windows the header compiles alone as C99, C11, C++11 and later with
 * -Wall -Wextra -pedantic -Werror (anonymous structs and unions carry
 * __extension__; gcc or clang is assumed); OLESTR("...") needs C11 or C++11
 * for u"" literals, or -fshort-wchar, with which WCHAR is wchar_t as on
 * Windows.  tests/header/windows_abi.py compares every constant, layout,
 * vtable slot, IID and prototype here with mingw-w64's Windows headers.
 */
#ifndef CCW_COM_H
#define CCW_COM_H

#ifndef COBJMACROS
#define COBJMACROS
#endif
#ifndef CONST_VTABLE
#define CONST_VTABLE
#endif

/* ---- Export macro: libccw is built with hidden visibility ------------------ */
#if defined(_WIN32) || defined(__CYGWIN__)
# if defined(CCW_STATIC)
#  define CCW_API
# elif defined(CCW_BUILDING_LIBCCW)
#  define CCW_API __declspec(dllexport)
# else
#  define CCW_API __declspec(dllimport)
# endif
#else
# define CCW_API __attribute__((visibility("default")))
#endif

/* ---- What ccw adds on every platform ------------------------------------- */

/* Compile-time checks that work in C99 (a negative array size) and later. */
#if defined(__cplusplus) && __cplusplus >= 201103L
# define CCW_STATIC_ASSERT(cond, name) static_assert(cond, #name)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
# define CCW_STATIC_ASSERT(cond, name) _Static_assert(cond, #name)
#else
# define CCW_STATIC_ASSERT(cond, name) \
	typedef char ccw_static_assert_##name[(cond) ? 1 : -1]
#endif

/* Vtable helpers for C (and CINTERFACE) declarations of interfaces, used
 * below and by generated headers: the three IUnknown slots that begin every
 * vtable, and the four IDispatch slots that follow them in a dual one. */
#define CCW_IUNKNOWN_METHODS(iface) \
	HRESULT (STDMETHODCALLTYPE *QueryInterface)(iface *This, REFIID riid, \
		void **ppvObject); \
	ULONG (STDMETHODCALLTYPE *AddRef)(iface *This); \
	ULONG (STDMETHODCALLTYPE *Release)(iface *This);

#define CCW_IDISPATCH_METHODS(iface) \
	HRESULT (STDMETHODCALLTYPE *GetTypeInfoCount)(iface *This, UINT *pctinfo); \
	HRESULT (STDMETHODCALLTYPE *GetTypeInfo)(iface *This, UINT iTInfo, LCID lcid, \
		ITypeInfo **ppTInfo); \
	HRESULT (STDMETHODCALLTYPE *GetIDsOfNames)(iface *This, REFIID riid, \
		LPOLESTR *rgszNames, UINT cNames, LCID lcid, DISPID *rgDispId); \
	HRESULT (STDMETHODCALLTYPE *Invoke)(iface *This, DISPID dispIdMember, \
		REFIID riid, LCID lcid, WORD wFlags, DISPPARAMS *pDispParams, \
		VARIANT *pVarResult, EXCEPINFO *pExcepInfo, UINT *puArgErr);

#ifdef _WIN32

#include <windows.h>
#include <objbase.h>
#include <ole2.h>
#include <oleauto.h>
#include <cguid.h> /* GUID_NULL */

#else /* !_WIN32: the portable COM ABI */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- Calling conventions: COM's is stdcall on i386 and the platform's own
 *      (the only one) on every 64-bit target. -------------------------------- */
#if defined(__i386__)
# define CCW_STDCALL __attribute__((stdcall))
#else
# define CCW_STDCALL
#endif
#define STDMETHODCALLTYPE CCW_STDCALL
#define STDMETHODVCALLTYPE
#define STDAPICALLTYPE CCW_STDCALL
#define STDAPIVCALLTYPE
#define WINAPI CCW_STDCALL
#define CALLBACK CCW_STDCALL

#ifdef __cplusplus
# define EXTERN_C extern "C"
#else
# define EXTERN_C extern
#endif

#define STDAPI EXTERN_C HRESULT STDAPICALLTYPE
#define STDAPI_(type) EXTERN_C type STDAPICALLTYPE
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE

/* Windows-style interface declaration helpers for hand-written interfaces. */
#if defined(__cplusplus) && !defined(CINTERFACE)
# define STDMETHOD(method) virtual HRESULT STDMETHODCALLTYPE method
# define STDMETHOD_(type, method) virtual type STDMETHODCALLTYPE method
# define PURE = 0
# define THIS_
# define THIS void
#else
# define STDMETHOD(method) HRESULT (STDMETHODCALLTYPE *method)
# define STDMETHOD_(type, method) type (STDMETHODCALLTYPE *method)
# define PURE
# define THIS_ INTERFACE *This,
# define THIS INTERFACE *This
#endif

#define BEGIN_INTERFACE
#define END_INTERFACE
#ifdef CONST_VTABLE
# define CONST_VTBL const
#else
# define CONST_VTBL
#endif

/* Windows aligns 64-bit integers to 8 even on i386, where the SysV ABI uses
 * 4 inside structs; the attribute keeps VARIANT, CY and PARAMDESCEX as on
 * Windows there. */
#if defined(__i386__)
# define CCW_ALIGN8 __attribute__((aligned(8)))
#else
# define CCW_ALIGN8
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Windows' fixed-width types: LONG and ULONG are 32 bits (LLP64), so
 *      they come from <stdint.h>, never from long. --------------------------- */
typedef uint8_t BYTE;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef int32_t LONG;
typedef uint32_t ULONG;
typedef int32_t INT;
typedef uint32_t UINT;
typedef int16_t SHORT;
typedef uint16_t USHORT;
typedef char CHAR;
typedef unsigned char UCHAR;
typedef int64_t LONGLONG CCW_ALIGN8;
typedef uint64_t ULONGLONG CCW_ALIGN8;
typedef intptr_t INT_PTR;
typedef uintptr_t UINT_PTR;
typedef intptr_t LONG_PTR;
typedef uintptr_t ULONG_PTR;
typedef ULONG_PTR DWORD_PTR;
typedef ULONG_PTR SIZE_T;
typedef int BOOL;
typedef BYTE BOOLEAN;
typedef float FLOAT;
typedef double DOUBLE;
typedef void *PVOID;
typedef void *LPVOID;
typedef const void *LPCVOID;
typedef CHAR *LPSTR;
typedef const CHAR *LPCSTR;
typedef WORD LANGID;

#ifndef TRUE
# define TRUE 1
#endif
#ifndef FALSE
# define FALSE 0
#endif

/* ---- UTF-16 characters: COM strings are UTF-16 on every platform, whatever
 *      the size of the host's wchar_t, so OLECHAR is always 16 bits. --------- */
#if defined(__SIZEOF_WCHAR_T__) && __SIZEOF_WCHAR_T__ == 2
typedef wchar_t WCHAR;
# define OLESTR(s) L##s
#elif defined(__cplusplus) && __cplusplus >= 201103L
typedef char16_t WCHAR;
# define OLESTR(s) u##s
#else
typedef uint16_t WCHAR;
# define OLESTR(s) u##s
#endif
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef WCHAR OLECHAR;
typedef OLECHAR *LPOLESTR;
typedef const OLECHAR *LPCOLESTR;
typedef OLECHAR *BSTR;
typedef BSTR *LPBSTR;

/* ---- Automation scalars: the fixed types late-bound clients marshal, each
 *      the width Windows gives it (VARIANT_BOOL is a 16-bit -1/0). --------- */
typedef LONG HRESULT;
typedef LONG SCODE;
typedef DWORD LCID;
typedef LONG DISPID;
typedef DISPID MEMBERID;
typedef DWORD HREFTYPE;
typedef double DATE;
typedef unsigned short VARTYPE;
typedef short VARIANT_BOOL;
#define VARIANT_TRUE ((VARIANT_BOOL)-1)
#define VARIANT_FALSE ((VARIANT_BOOL)0)

/* Currency: a 64-bit integer scaled by 10000. */
typedef union tagCY {
	__extension__ struct {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		LONG Hi;
		ULONG Lo;
#else
		ULONG Lo;
		LONG Hi;
#endif
	};
	LONGLONG int64;
} CY, *LPCY;

/* 96-bit integer with a power-of-ten scale and a sign byte. */
typedef struct tagDEC {
	USHORT wReserved;
	__extension__ union {
		__extension__ struct {
			BYTE scale;
			BYTE sign;
		};
		USHORT signscale;
	};
	ULONG Hi32;
	__extension__ union {
		__extension__ struct {
			ULONG Lo32;
			ULONG Mid32;
		};
		ULONGLONG Lo64;
	};
} DECIMAL, *LPDECIMAL;
#define DECIMAL_NEG ((BYTE)0x80)
#define DECIMAL_SETZERO(dec) \
	((dec).Lo64 = 0, (dec).Hi32 = 0, (dec).signscale = 0)

/* ---- GUIDs: REF* are pointers in C and references in C++, as on Windows. --- */
typedef struct _GUID {
	uint32_t Data1;
	uint16_t Data2;
	uint16_t Data3;
	uint8_t Data4[8];
} GUID;
typedef GUID IID;
typedef GUID CLSID;
typedef GUID *LPGUID;
typedef IID *LPIID;
typedef CLSID *LPCLSID;

#ifdef __cplusplus
# define REFGUID const GUID &
# define REFIID const IID &
# define REFCLSID const CLSID &
#else
# define REFGUID const GUID *
# define REFIID const IID *
# define REFCLSID const CLSID *
#endif

#ifdef INITGUID
# ifdef __cplusplus
#  define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
	EXTERN_C const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
# else
#  define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
	const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
# endif
#else
# define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
	EXTERN_C const GUID name
#endif

#ifdef __cplusplus
} /* extern "C" */

static inline int IsEqualGUID(REFGUID a, REFGUID b)
{
	return memcmp(&a, &b, sizeof(GUID)) == 0;
}

static inline int InlineIsEqualGUID(REFGUID a, REFGUID b)
{
	return memcmp(&a, &b, sizeof(GUID)) == 0;
}

inline bool operator==(REFGUID a, REFGUID b)
{
	return IsEqualGUID(a, b) != 0;
}

inline bool operator!=(REFGUID a, REFGUID b)
{
	return !(a == b);
}

extern "C" {
#else
static inline int IsEqualGUID(REFGUID a, REFGUID b)
{
	return memcmp(a, b, sizeof(GUID)) == 0;
}

static inline int InlineIsEqualGUID(REFGUID a, REFGUID b)
{
	return memcmp(a, b, sizeof(GUID)) == 0;
}
#endif
#define IsEqualIID(a, b) IsEqualGUID(a, b)
#define IsEqualCLSID(a, b) IsEqualGUID(a, b)

/* ---- HRESULTs: severity bit, 13-bit facility, 16-bit code; the values are
 *      Windows' own, because clients compare them numerically. ------------- */
#define SEVERITY_SUCCESS 0
#define SEVERITY_ERROR 1

#define FACILITY_NULL 0
#define FACILITY_RPC 1
#define FACILITY_DISPATCH 2
#define FACILITY_STORAGE 3
#define FACILITY_ITF 4
#define FACILITY_WIN32 7
#define FACILITY_WINDOWS 8
#define FACILITY_SECURITY 9
#define FACILITY_SSPI 9
#define FACILITY_CONTROL 10
#define FACILITY_CERT 11
#define FACILITY_INTERNET 12

#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define IS_ERROR(status) (((ULONG)(status)) >> 31 == SEVERITY_ERROR)

#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1fff)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)
#define SCODE_CODE(sc) ((sc) & 0xFFFF)
#define SCODE_FACILITY(sc) (((sc) >> 16) & 0x1fff)
#define SCODE_SEVERITY(sc) (((sc) >> 31) & 0x1)

#define MAKE_HRESULT(sev, fac, code) \
	((HRESULT)(((ULONG)(sev) << 31) | ((ULONG)(fac) << 16) | ((ULONG)(code))))
#define MAKE_SCODE(sev, fac, code) \
	((SCODE)(((ULONG)(sev) << 31) | ((ULONG)(fac) << 16) | ((ULONG)(code))))

/* Zero and negative values pass through unchanged, as on Windows.  A macro
 * (it evaluates x twice) so that it stays a constant expression. */
#define HRESULT_FROM_WIN32(x) \
	((HRESULT)(x) <= 0 ? (HRESULT)(x) \
	 : (HRESULT)(((ULONG)(x) & 0x0000FFFF) | ((ULONG)FACILITY_WIN32 << 16) | 0x80000000u))

#define CCW_HRESULT(x) ((HRESULT)(x))

#define S_OK CCW_HRESULT(0)
#define S_FALSE CCW_HRESULT(1)
#define NOERROR 0

#define E_UNEXPECTED CCW_HRESULT(0x8000FFFF)
#define E_NOTIMPL CCW_HRESULT(0x80004001)
#define E_OUTOFMEMORY CCW_HRESULT(0x8007000E)
#define E_INVALIDARG CCW_HRESULT(0x80070057)
#define E_NOINTERFACE CCW_HRESULT(0x80004002)
#define E_POINTER CCW_HRESULT(0x80004003)
#define E_HANDLE CCW_HRESULT(0x80070006)
#define E_ABORT CCW_HRESULT(0x80004004)
#define E_FAIL CCW_HRESULT(0x80004005)
#define E_ACCESSDENIED CCW_HRESULT(0x80070005)
#define E_PENDING CCW_HRESULT(0x8000000A)
#define E_BOUNDS CCW_HRESULT(0x8000000B)
#define E_CHANGED_STATE CCW_HRESULT(0x8000000C)
#define E_ILLEGAL_STATE_CHANGE CCW_HRESULT(0x8000000D)
#define E_ILLEGAL_METHOD_CALL CCW_HRESULT(0x8000000E)

#define DISP_E_UNKNOWNINTERFACE CCW_HRESULT(0x80020001)
#define DISP_E_MEMBERNOTFOUND CCW_HRESULT(0x80020003)
#define DISP_E_PARAMNOTFOUND CCW_HRESULT(0x80020004)
#define DISP_E_TYPEMISMATCH CCW_HRESULT(0x80020005)
#define DISP_E_UNKNOWNNAME CCW_HRESULT(0x80020006)
#define DISP_E_NONAMEDARGS CCW_HRESULT(0x80020007)
#define DISP_E_BADVARTYPE CCW_HRESULT(0x80020008)
#define DISP_E_EXCEPTION CCW_HRESULT(0x80020009)
#define DISP_E_OVERFLOW CCW_HRESULT(0x8002000A)
#define DISP_E_BADINDEX CCW_HRESULT(0x8002000B)
#define DISP_E_UNKNOWNLCID CCW_HRESULT(0x8002000C)
#define DISP_E_ARRAYISLOCKED CCW_HRESULT(0x8002000D)
#define DISP_E_BADPARAMCOUNT CCW_HRESULT(0x8002000E)
#define DISP_E_PARAMNOTOPTIONAL CCW_HRESULT(0x8002000F)
#define DISP_E_BADCALLEE CCW_HRESULT(0x80020010)
#define DISP_E_NOTACOLLECTION CCW_HRESULT(0x80020011)
#define DISP_E_DIVBYZERO CCW_HRESULT(0x80020012)
#define DISP_E_BUFFERTOOSMALL CCW_HRESULT(0x80020013)

#define CLASS_E_NOAGGREGATION CCW_HRESULT(0x80040110)
#define CLASS_E_CLASSNOTAVAILABLE CCW_HRESULT(0x80040111)
#define CLASS_E_NOTLICENSED CCW_HRESULT(0x80040112)

#define CO_E_NOTINITIALIZED CCW_HRESULT(0x800401F0)
#define CO_E_ALREADYINITIALIZED CCW_HRESULT(0x800401F1)
#define CO_E_CANTDETERMINECLASS CCW_HRESULT(0x800401F2)
#define CO_E_CLASSSTRING CCW_HRESULT(0x800401F3)
#define CO_E_IIDSTRING CCW_HRESULT(0x800401F4)
#define CO_E_APPNOTFOUND CCW_HRESULT(0x800401F5)
#define CO_E_APPSINGLEUSE CCW_HRESULT(0x800401F6)
#define CO_E_ERRORINAPP CCW_HRESULT(0x800401F7)
#define CO_E_DLLNOTFOUND CCW_HRESULT(0x800401F8)
#define CO_E_ERRORINDLL CCW_HRESULT(0x800401F9)
#define CO_E_WRONGOSFORAPP CCW_HRESULT(0x800401FA)
#define CO_E_OBJNOTREG CCW_HRESULT(0x800401FB)
#define CO_E_OBJISREG CCW_HRESULT(0x800401FC)
#define CO_E_OBJNOTCONNECTED CCW_HRESULT(0x800401FD)
#define CO_E_APPDIDNTREG CCW_HRESULT(0x800401FE)
#define CO_E_RELEASED CCW_HRESULT(0x800401FF)
#define CO_E_CLASS_CREATE_FAILED CCW_HRESULT(0x80080001)
#define CO_E_SERVER_EXEC_FAILURE CCW_HRESULT(0x80080005)

#define REGDB_E_READREGDB CCW_HRESULT(0x80040150)
#define REGDB_E_WRITEREGDB CCW_HRESULT(0x80040151)
#define REGDB_E_KEYMISSING CCW_HRESULT(0x80040152)
#define REGDB_E_INVALIDVALUE CCW_HRESULT(0x80040153)
#define REGDB_E_CLASSNOTREG CCW_HRESULT(0x80040154)
#define REGDB_E_IIDNOTREG CCW_HRESULT(0x80040155)

#define TYPE_E_BUFFERTOOSMALL CCW_HRESULT(0x80028016)
#define TYPE_E_FIELDNOTFOUND CCW_HRESULT(0x80028017)
#define TYPE_E_INVDATAREAD CCW_HRESULT(0x80028018)
#define TYPE_E_UNSUPFORMAT CCW_HRESULT(0x80028019)
#define TYPE_E_REGISTRYACCESS CCW_HRESULT(0x8002801C)
#define TYPE_E_LIBNOTREGISTERED CCW_HRESULT(0x8002801D)
#define TYPE_E_UNDEFINEDTYPE CCW_HRESULT(0x80028027)
#define TYPE_E_QUALIFIEDNAMEDISALLOWED CCW_HRESULT(0x80028028)
#define TYPE_E_INVALIDSTATE CCW_HRESULT(0x80028029)
#define TYPE_E_WRONGTYPEKIND CCW_HRESULT(0x8002802A)
#define TYPE_E_ELEMENTNOTFOUND CCW_HRESULT(0x8002802B)
#define TYPE_E_AMBIGUOUSNAME CCW_HRESULT(0x8002802C)
#define TYPE_E_NAMECONFLICT CCW_HRESULT(0x8002802D)
#define TYPE_E_UNKNOWNLCID CCW_HRESULT(0x8002802E)
#define TYPE_E_DLLFUNCTIONNOTFOUND CCW_HRESULT(0x8002802F)
#define TYPE_E_BADMODULEKIND CCW_HRESULT(0x800288BD)
#define TYPE_E_SIZETOOBIG CCW_HRESULT(0x800288C5)
#define TYPE_E_DUPLICATEID CCW_HRESULT(0x800288C6)
#define TYPE_E_INVALIDID CCW_HRESULT(0x800288CF)
#define TYPE_E_TYPEMISMATCH CCW_HRESULT(0x80028CA0)
#define TYPE_E_OUTOFBOUNDS CCW_HRESULT(0x80028CA1)
#define TYPE_E_IOERROR CCW_HRESULT(0x80028CA2)
#define TYPE_E_CANTCREATETMPFILE CCW_HRESULT(0x80028CA3)
#define TYPE_E_CANTLOADLIBRARY CCW_HRESULT(0x80029C4A)
#define TYPE_E_INCONSISTENTPROPFUNCS CCW_HRESULT(0x80029C83)
#define TYPE_E_CIRCULARTYPE CCW_HRESULT(0x80029C84)

#define CONNECT_E_NOCONNECTION CCW_HRESULT(0x80040200)
#define CONNECT_E_ADVISELIMIT CCW_HRESULT(0x80040201)
#define CONNECT_E_CANNOTCONNECT CCW_HRESULT(0x80040202)
#define CONNECT_E_OVERRIDDEN CCW_HRESULT(0x80040203)
#define SELFREG_E_TYPELIB CCW_HRESULT(0x80040200)
#define SELFREG_E_CLASS CCW_HRESULT(0x80040201)

#define RPC_E_CHANGED_MODE CCW_HRESULT(0x80010106)
#define RPC_E_WRONG_THREAD CCW_HRESULT(0x8001010E)

/* Win32 error codes that HRESULT_FROM_WIN32 wraps. */
#define ERROR_SUCCESS 0
#define ERROR_FILE_NOT_FOUND 2
#define ERROR_PATH_NOT_FOUND 3
#define ERROR_ACCESS_DENIED 5
#define ERROR_INVALID_HANDLE 6
#define ERROR_NOT_ENOUGH_MEMORY 8
#define ERROR_BAD_FORMAT 11
#define ERROR_INVALID_DATA 13
#define ERROR_OUTOFMEMORY 14
#define ERROR_NOT_SUPPORTED 50
#define ERROR_FILE_EXISTS 80
#define ERROR_INVALID_PARAMETER 87
#define ERROR_INSUFFICIENT_BUFFER 122
#define ERROR_MOD_NOT_FOUND 126
#define ERROR_PROC_NOT_FOUND 127
#define ERROR_ALREADY_EXISTS 183

/* ---- Locales: Automation functions take an LCID; the packing is Windows'. -- */
#define MAKELANGID(p, s) ((((WORD)(s)) << 10) | (WORD)(p))
#define PRIMARYLANGID(lgid) ((WORD)(lgid) & 0x3ff)
#define SUBLANGID(lgid) ((WORD)(lgid) >> 10)
#define MAKELCID(lgid, srtid) \
	((DWORD)((((DWORD)((WORD)(srtid))) << 16) | ((DWORD)((WORD)(lgid)))))
#define LANGIDFROMLCID(lcid) ((WORD)(lcid))
#define SORTIDFROMLCID(lcid) ((WORD)((((DWORD)(lcid)) >> 16) & 0xf))

#define LANG_NEUTRAL 0x00
#define LANG_INVARIANT 0x7f
#define LANG_ENGLISH 0x09
#define SUBLANG_NEUTRAL 0x00
#define SUBLANG_DEFAULT 0x01
#define SUBLANG_SYS_DEFAULT 0x02
#define SUBLANG_ENGLISH_US 0x01
#define SORT_DEFAULT 0x0
#define LANG_SYSTEM_DEFAULT MAKELANGID(LANG_NEUTRAL, SUBLANG_SYS_DEFAULT)
#define LANG_USER_DEFAULT MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT)
#define LOCALE_SYSTEM_DEFAULT MAKELCID(LANG_SYSTEM_DEFAULT, SORT_DEFAULT)
#define LOCALE_USER_DEFAULT MAKELCID(LANG_USER_DEFAULT, SORT_DEFAULT)
#define LOCALE_NEUTRAL \
	MAKELCID(MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL), SORT_DEFAULT)
#define LOCALE_INVARIANT \
	MAKELCID(MAKELANGID(LANG_INVARIANT, SUBLANG_NEUTRAL), SORT_DEFAULT)
#define LOCALE_NOUSEROVERRIDE 0x80000000

/* ---- Activation and apartments: the flags CoCreateInstance and
 *      CoInitializeEx take. ------------------------------------------------- */
typedef enum tagCLSCTX {
	CLSCTX_INPROC_SERVER = 0x1,
	CLSCTX_INPROC_HANDLER = 0x2,
	CLSCTX_LOCAL_SERVER = 0x4,
	CLSCTX_INPROC_SERVER16 = 0x8,
	CLSCTX_REMOTE_SERVER = 0x10,
	CLSCTX_INPROC_HANDLER16 = 0x20,
	CLSCTX_NO_CODE_DOWNLOAD = 0x400,
	CLSCTX_NO_CUSTOM_MARSHAL = 0x1000,
	CLSCTX_ENABLE_CODE_DOWNLOAD = 0x2000,
	CLSCTX_NO_FAILURE_LOG = 0x4000,
	CLSCTX_DISABLE_AAA = 0x8000,
	CLSCTX_ENABLE_AAA = 0x10000,
	CLSCTX_FROM_DEFAULT_CONTEXT = 0x20000,
	CLSCTX_ACTIVATE_32_BIT_SERVER = 0x40000,
	CLSCTX_ACTIVATE_64_BIT_SERVER = 0x80000
} CLSCTX;
#define CLSCTX_INPROC (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER)
#define CLSCTX_ALL \
	(CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | \
	 CLSCTX_REMOTE_SERVER)
#define CLSCTX_SERVER \
	(CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)

/* CoGetMalloc's memory context; only MEMCTX_TASK is valid. */
typedef enum tagMEMCTX {
	MEMCTX_TASK = 1,
	MEMCTX_SHARED = 2,
	MEMCTX_MACSYSTEM = 3,
	MEMCTX_UNKNOWN = -1,
	MEMCTX_SAME = -2
} MEMCTX;

typedef enum tagCOINIT {
	COINIT_APARTMENTTHREADED = 0x2,
	COINIT_MULTITHREADED = 0x0,
	COINIT_DISABLE_OLE1DDE = 0x4,
	COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

/* ---- Interfaces are declared first because VARIANT, BINDPTR and the API
 *      take pointers to them; their methods come after the data types. ----- */
typedef struct IUnknown IUnknown;
typedef struct IClassFactory IClassFactory;
typedef struct IMalloc IMalloc;
typedef struct IDispatch IDispatch;
typedef struct IEnumVARIANT IEnumVARIANT;
typedef struct IErrorInfo IErrorInfo;
typedef struct ICreateErrorInfo ICreateErrorInfo;
typedef struct ISupportErrorInfo ISupportErrorInfo;
typedef struct ITypeInfo ITypeInfo;
typedef struct ITypeLib ITypeLib;
typedef struct ITypeComp ITypeComp;
typedef struct IRecordInfo IRecordInfo;

typedef IUnknown *LPUNKNOWN;
typedef IClassFactory *LPCLASSFACTORY;
typedef IMalloc *LPMALLOC;
typedef IDispatch *LPDISPATCH;
typedef IEnumVARIANT *LPENUMVARIANT;
typedef IErrorInfo *LPERRORINFO;
typedef ICreateErrorInfo *LPCREATEERRORINFO;
typedef ISupportErrorInfo *LPSUPPORTERRORINFO;
typedef ITypeInfo *LPTYPEINFO;
typedef ITypeLib *LPTYPELIB;
typedef ITypeComp *LPTYPECOMP;
typedef IRecordInfo *LPRECORDINFO;

/* ---- VARIANT type codes: part of the wire contract, so Windows' numbers. -- */
enum VARENUM {
	VT_EMPTY = 0,
	VT_NULL = 1,
	VT_I2 = 2,
	VT_I4 = 3,
	VT_R4 = 4,
	VT_R8 = 5,
	VT_CY = 6,
	VT_DATE = 7,
	VT_BSTR = 8,
	VT_DISPATCH = 9,
	VT_ERROR = 10,
	VT_BOOL = 11,
	VT_VARIANT = 12,
	VT_UNKNOWN = 13,
	VT_DECIMAL = 14,
	VT_I1 = 16,
	VT_UI1 = 17,
	VT_UI2 = 18,
	VT_UI4 = 19,
	VT_I8 = 20,
	VT_UI8 = 21,
	VT_INT = 22,
	VT_UINT = 23,
	VT_VOID = 24,
	VT_HRESULT = 25,
	VT_PTR = 26,
	VT_SAFEARRAY = 27,
	VT_CARRAY = 28,
	VT_USERDEFINED = 29,
	VT_LPSTR = 30,
	VT_LPWSTR = 31,
	VT_RECORD = 36,
	VT_INT_PTR = 37,
	VT_UINT_PTR = 38,
	VT_FILETIME = 64,
	VT_BLOB = 65,
	VT_STREAM = 66,
	VT_STORAGE = 67,
	VT_STREAMED_OBJECT = 68,
	VT_STORED_OBJECT = 69,
	VT_BLOB_OBJECT = 70,
	VT_CF = 71,
	VT_CLSID = 72,
	VT_VERSIONED_STREAM = 73,
	VT_BSTR_BLOB = 0xfff,
	VT_VECTOR = 0x1000,
	VT_ARRAY = 0x2000,
	VT_BYREF = 0x4000,
	VT_RESERVED = 0x8000,
	VT_ILLEGAL = 0xffff,
	VT_ILLEGALMASKED = 0xfff,
	VT_TYPEMASK = 0xfff
};

/* ---- SAFEARRAY: self-describing arrays with per-dimension bounds ---------- */
typedef struct tagSAFEARRAYBOUND {
	ULONG cElements;
	LONG lLbound;
} SAFEARRAYBOUND, *LPSAFEARRAYBOUND;

typedef struct tagSAFEARRAY {
	USHORT cDims;
	USHORT fFeatures;
	ULONG cbElements;
	ULONG cLocks;
	PVOID pvData;
	SAFEARRAYBOUND rgsabound[1];
} SAFEARRAY, *LPSAFEARRAY;

#define FADF_AUTO 0x1
#define FADF_STATIC 0x2
#define FADF_EMBEDDED 0x4
#define FADF_FIXEDSIZE 0x10
#define FADF_RECORD 0x20
#define FADF_HAVEIID 0x40
#define FADF_HAVEVARTYPE 0x80
#define FADF_BSTR 0x100
#define FADF_UNKNOWN 0x200
#define FADF_DISPATCH 0x400
#define FADF_VARIANT 0x800
#define FADF_RESERVED 0xf008

/* ---- VARIANT: Windows' layout exactly (vt at 0, value at 8, DECIMAL over
 *      the whole), because clients and Mono read the fields directly. ----- */
typedef struct tagVARIANT VARIANT;
typedef struct tagVARIANT VARIANTARG;
typedef VARIANT *LPVARIANT;
typedef VARIANT *LPVARIANTARG;

__extension__ struct tagVARIANT {
	__extension__ union {
		__extension__ struct {
			VARTYPE vt;
			WORD wReserved1;
			WORD wReserved2;
			WORD wReserved3;
			__extension__ union {
				LONGLONG llVal;
				LONG lVal;
				BYTE bVal;
				SHORT iVal;
				FLOAT fltVal;
				DOUBLE dblVal;
				VARIANT_BOOL boolVal;
				SCODE scode;
				CY cyVal;
				DATE date;
				BSTR bstrVal;
				IUnknown *punkVal;
				IDispatch *pdispVal;
				SAFEARRAY *parray;
				BYTE *pbVal;
				SHORT *piVal;
				LONG *plVal;
				LONGLONG *pllVal;
				FLOAT *pfltVal;
				DOUBLE *pdblVal;
				VARIANT_BOOL *pboolVal;
				SCODE *pscode;
				CY *pcyVal;
				DATE *pdate;
				BSTR *pbstrVal;
				IUnknown **ppunkVal;
				IDispatch **ppdispVal;
				SAFEARRAY **pparray;
				VARIANT *pvarVal;
				PVOID byref;
				CHAR cVal;
				USHORT uiVal;
				ULONG ulVal;
				ULONGLONG ullVal;
				INT intVal;
				UINT uintVal;
				DECIMAL *pdecVal;
				CHAR *pcVal;
				USHORT *puiVal;
				ULONG *pulVal;
				ULONGLONG *pullVal;
				INT *pintVal;
				UINT *puintVal;
				__extension__ struct {
					PVOID pvRecord;
					IRecordInfo *pRecInfo;
				};
			};
		};
		DECIMAL decVal;
	};
};

/* Accessors, as oleauto.h spells them; code written for Windows uses them. */
#define V_UNION(X, Y) ((X)->Y)
#define V_VT(X) ((X)->vt)
#define V_RECORDINFO(X) ((X)->pRecInfo)
#define V_RECORD(X) ((X)->pvRecord)
#define V_ISBYREF(X) (V_VT(X) & VT_BYREF)
#define V_ISARRAY(X) (V_VT(X) & VT_ARRAY)
#define V_ISVECTOR(X) (V_VT(X) & VT_VECTOR)
#define V_NONE(X) V_I2(X)
#define V_UI1(X) V_UNION(X, bVal)
#define V_UI1REF(X) V_UNION(X, pbVal)
#define V_I2(X) V_UNION(X, iVal)
#define V_I2REF(X) V_UNION(X, piVal)
#define V_I4(X) V_UNION(X, lVal)
#define V_I4REF(X) V_UNION(X, plVal)
#define V_I8(X) V_UNION(X, llVal)
#define V_I8REF(X) V_UNION(X, pllVal)
#define V_R4(X) V_UNION(X, fltVal)
#define V_R4REF(X) V_UNION(X, pfltVal)
#define V_R8(X) V_UNION(X, dblVal)
#define V_R8REF(X) V_UNION(X, pdblVal)
#define V_I1(X) V_UNION(X, cVal)
#define V_I1REF(X) V_UNION(X, pcVal)
#define V_UI2(X) V_UNION(X, uiVal)
#define V_UI2REF(X) V_UNION(X, puiVal)
#define V_UI4(X) V_UNION(X, ulVal)
#define V_UI4REF(X) V_UNION(X, pulVal)
#define V_UI8(X) V_UNION(X, ullVal)
#define V_UI8REF(X) V_UNION(X, pullVal)
#define V_INT(X) V_UNION(X, intVal)
#define V_INTREF(X) V_UNION(X, pintVal)
#define V_UINT(X) V_UNION(X, uintVal)
#define V_UINTREF(X) V_UNION(X, puintVal)
#if UINTPTR_MAX > 0xffffffffu
# define V_INT_PTR(X) V_UNION(X, llVal)
# define V_UINT_PTR(X) V_UNION(X, ullVal)
# define V_INT_PTRREF(X) V_UNION(X, pllVal)
# define V_UINT_PTRREF(X) V_UNION(X, pullVal)
#else
# define V_INT_PTR(X) V_UNION(X, lVal)
# define V_UINT_PTR(X) V_UNION(X, ulVal)
# define V_INT_PTRREF(X) V_UNION(X, plVal)
# define V_UINT_PTRREF(X) V_UNION(X, pulVal)
#endif
#define V_CY(X) V_UNION(X, cyVal)
#define V_CYREF(X) V_UNION(X, pcyVal)
#define V_DATE(X) V_UNION(X, date)
#define V_DATEREF(X) V_UNION(X, pdate)
#define V_BSTR(X) V_UNION(X, bstrVal)
#define V_BSTRREF(X) V_UNION(X, pbstrVal)
#define V_DISPATCH(X) V_UNION(X, pdispVal)
#define V_DISPATCHREF(X) V_UNION(X, ppdispVal)
#define V_ERROR(X) V_UNION(X, scode)
#define V_ERRORREF(X) V_UNION(X, pscode)
#define V_BOOL(X) V_UNION(X, boolVal)
#define V_BOOLREF(X) V_UNION(X, pboolVal)
#define V_UNKNOWN(X) V_UNION(X, punkVal)
#define V_UNKNOWNREF(X) V_UNION(X, ppunkVal)
#define V_VARIANTREF(X) V_UNION(X, pvarVal)
#define V_ARRAY(X) V_UNION(X, parray)
#define V_ARRAYREF(X) V_UNION(X, pparray)
#define V_BYREF(X) V_UNION(X, byref)
#define V_DECIMAL(X) ((X)->decVal)
#define V_DECIMALREF(X) V_UNION(X, pdecVal)

/* VariantChangeType(Ex) flags. */
#define VARIANT_NOVALUEPROP 0x1
#define VARIANT_ALPHABOOL 0x2
#define VARIANT_NOUSEROVERRIDE 0x4
#define VARIANT_CALENDAR_HIJRI 0x8
#define VARIANT_LOCALBOOL 0x10
#define VARIANT_CALENDAR_THAI 0x20
#define VARIANT_CALENDAR_GREGORIAN 0x40
#define VARIANT_USE_NLS 0x80

/* ---- IDispatch::Invoke arguments and exceptions: filled by one side and read
 *      by the other, so the layout is Windows'. ----------------------------- */
typedef struct tagDISPPARAMS {
	VARIANTARG *rgvarg;
	DISPID *rgdispidNamedArgs;
	UINT cArgs;
	UINT cNamedArgs;
} DISPPARAMS;

typedef struct tagEXCEPINFO {
	WORD wCode;
	WORD wReserved;
	BSTR bstrSource;
	BSTR bstrDescription;
	BSTR bstrHelpFile;
	DWORD dwHelpContext;
	PVOID pvReserved;
	HRESULT (STDMETHODCALLTYPE *pfnDeferredFillIn)(struct tagEXCEPINFO *);
	SCODE scode;
} EXCEPINFO, *LPEXCEPINFO;

#define DISPID_UNKNOWN (-1)
#define DISPID_VALUE 0
#define DISPID_PROPERTYPUT (-3)
#define DISPID_NEWENUM (-4)
#define DISPID_EVALUATE (-5)
#define DISPID_CONSTRUCTOR (-6)
#define DISPID_DESTRUCTOR (-7)
#define DISPID_COLLECT (-8)
#define MEMBERID_NIL DISPID_UNKNOWN
#define ID_DEFAULTINST (-2)

#define DISPATCH_METHOD 0x1
#define DISPATCH_PROPERTYGET 0x2
#define DISPATCH_PROPERTYPUT 0x4
#define DISPATCH_PROPERTYPUTREF 0x8

/* ---- Type information: what ITypeInfo and ITypeLib hand out, read in place
 *      by clients such as .NET's and Mono's type loaders. ------------------- */
typedef enum tagTYPEKIND {
	TKIND_ENUM = 0,
	TKIND_RECORD,
	TKIND_MODULE,
	TKIND_INTERFACE,
	TKIND_DISPATCH,
	TKIND_COCLASS,
	TKIND_ALIAS,
	TKIND_UNION,
	TKIND_MAX
} TYPEKIND;

typedef enum tagFUNCKIND {
	FUNC_VIRTUAL = 0,
	FUNC_PUREVIRTUAL,
	FUNC_NONVIRTUAL,
	FUNC_STATIC,
	FUNC_DISPATCH
} FUNCKIND;

typedef enum tagINVOKEKIND {
	INVOKE_FUNC = 1,
	INVOKE_PROPERTYGET = 2,
	INVOKE_PROPERTYPUT = 4,
	INVOKE_PROPERTYPUTREF = 8
} INVOKEKIND;

typedef enum tagCALLCONV {
	CC_FASTCALL = 0,
	CC_CDECL = 1,
	CC_MSCPASCAL,
	CC_PASCAL = CC_MSCPASCAL,
	CC_MACPASCAL,
	CC_STDCALL,
	CC_FPFASTCALL,
	CC_SYSCALL,
	CC_MPWCDECL,
	CC_MPWPASCAL,
	CC_MAX
} CALLCONV;

typedef enum tagVARKIND {
	VAR_PERINSTANCE = 0,
	VAR_STATIC,
	VAR_CONST,
	VAR_DISPATCH
} VARKIND;

typedef enum tagDESCKIND {
	DESCKIND_NONE = 0,
	DESCKIND_FUNCDESC,
	DESCKIND_VARDESC,
	DESCKIND_TYPECOMP,
	DESCKIND_IMPLICITAPPOBJ,
	DESCKIND_MAX
} DESCKIND;

typedef enum tagSYSKIND {
	SYS_WIN16 = 0,
	SYS_WIN32,
	SYS_MAC,
	SYS_WIN64
} SYSKIND;

typedef enum tagLIBFLAGS {
	LIBFLAG_FRESTRICTED = 0x1,
	LIBFLAG_FCONTROL = 0x2,
	LIBFLAG_FHIDDEN = 0x4,
	LIBFLAG_FHASDISKIMAGE = 0x8
} LIBFLAGS;

typedef enum tagTYPEFLAGS {
	TYPEFLAG_FAPPOBJECT = 0x1,
	TYPEFLAG_FCANCREATE = 0x2,
	TYPEFLAG_FLICENSED = 0x4,
	TYPEFLAG_FPREDECLID = 0x8,
	TYPEFLAG_FHIDDEN = 0x10,
	TYPEFLAG_FCONTROL = 0x20,
	TYPEFLAG_FDUAL = 0x40,
	TYPEFLAG_FNONEXTENSIBLE = 0x80,
	TYPEFLAG_FOLEAUTOMATION = 0x100,
	TYPEFLAG_FRESTRICTED = 0x200,
	TYPEFLAG_FAGGREGATABLE = 0x400,
	TYPEFLAG_FREPLACEABLE = 0x800,
	TYPEFLAG_FDISPATCHABLE = 0x1000,
	TYPEFLAG_FREVERSEBIND = 0x2000,
	TYPEFLAG_FPROXY = 0x4000
} TYPEFLAGS;

typedef enum tagFUNCFLAGS {
	FUNCFLAG_FRESTRICTED = 0x1,
	FUNCFLAG_FSOURCE = 0x2,
	FUNCFLAG_FBINDABLE = 0x4,
	FUNCFLAG_FREQUESTEDIT = 0x8,
	FUNCFLAG_FDISPLAYBIND = 0x10,
	FUNCFLAG_FDEFAULTBIND = 0x20,
	FUNCFLAG_FHIDDEN = 0x40,
	FUNCFLAG_FUSESGETLASTERROR = 0x80,
	FUNCFLAG_FDEFAULTCOLLELEM = 0x100,
	FUNCFLAG_FUIDEFAULT = 0x200,
	FUNCFLAG_FNONBROWSABLE = 0x400,
	FUNCFLAG_FREPLACEABLE = 0x800,
	FUNCFLAG_FIMMEDIATEBIND = 0x1000
} FUNCFLAGS;

typedef enum tagVARFLAGS {
	VARFLAG_FREADONLY = 0x1,
	VARFLAG_FSOURCE = 0x2,
	VARFLAG_FBINDABLE = 0x4,
	VARFLAG_FREQUESTEDIT = 0x8,
	VARFLAG_FDISPLAYBIND = 0x10,
	VARFLAG_FDEFAULTBIND = 0x20,
	VARFLAG_FHIDDEN = 0x40,
	VARFLAG_FRESTRICTED = 0x80,
	VARFLAG_FDEFAULTCOLLELEM = 0x100,
	VARFLAG_FUIDEFAULT = 0x200,
	VARFLAG_FNONBROWSABLE = 0x400,
	VARFLAG_FREPLACEABLE = 0x800,
	VARFLAG_FIMMEDIATEBIND = 0x1000
} VARFLAGS;

#define IMPLTYPEFLAG_FDEFAULT 0x1
#define IMPLTYPEFLAG_FSOURCE 0x2
#define IMPLTYPEFLAG_FRESTRICTED 0x4
#define IMPLTYPEFLAG_FDEFAULTVTABLE 0x8

#define PARAMFLAG_NONE 0x0
#define PARAMFLAG_FIN 0x1
#define PARAMFLAG_FOUT 0x2
#define PARAMFLAG_FLCID 0x4
#define PARAMFLAG_FRETVAL 0x8
#define PARAMFLAG_FOPT 0x10
#define PARAMFLAG_FHASDEFAULT 0x20
#define PARAMFLAG_FHASCUSTDATA 0x40

#define IDLFLAG_NONE PARAMFLAG_NONE
#define IDLFLAG_FIN PARAMFLAG_FIN
#define IDLFLAG_FOUT PARAMFLAG_FOUT
#define IDLFLAG_FLCID PARAMFLAG_FLCID
#define IDLFLAG_FRETVAL PARAMFLAG_FRETVAL

typedef struct tagTYPEDESC {
	__extension__ union {
		struct tagTYPEDESC *lptdesc;
		struct tagARRAYDESC *lpadesc;
		HREFTYPE hreftype;
	};
	VARTYPE vt;
} TYPEDESC;

typedef struct tagARRAYDESC {
	TYPEDESC tdescElem;
	USHORT cDims;
	SAFEARRAYBOUND rgbounds[1];
} ARRAYDESC;

typedef struct tagPARAMDESCEX {
	ULONG cBytes;
	VARIANTARG varDefaultValue;
} PARAMDESCEX, *LPPARAMDESCEX;

typedef struct tagPARAMDESC {
	LPPARAMDESCEX pparamdescex;
	USHORT wParamFlags;
} PARAMDESC, *LPPARAMDESC;

typedef struct tagIDLDESC {
	ULONG_PTR dwReserved;
	USHORT wIDLFlags;
} IDLDESC, *LPIDLDESC;

typedef struct tagELEMDESC {
	TYPEDESC tdesc;
	__extension__ union {
		IDLDESC idldesc;
		PARAMDESC paramdesc;
	};
} ELEMDESC, *LPELEMDESC;

typedef struct tagTYPEATTR {
	GUID guid;
	LCID lcid;
	DWORD dwReserved;
	MEMBERID memidConstructor;
	MEMBERID memidDestructor;
	LPOLESTR lpstrSchema;
	ULONG cbSizeInstance;
	TYPEKIND typekind;
	WORD cFuncs;
	WORD cVars;
	WORD cImplTypes;
	WORD cbSizeVft;
	WORD cbAlignment;
	WORD wTypeFlags;
	WORD wMajorVerNum;
	WORD wMinorVerNum;
	TYPEDESC tdescAlias;
	IDLDESC idldescType;
} TYPEATTR, *LPTYPEATTR;

typedef struct tagFUNCDESC {
	MEMBERID memid;
	SCODE *lprgscode;
	ELEMDESC *lprgelemdescParam;
	FUNCKIND funckind;
	INVOKEKIND invkind;
	CALLCONV callconv;
	SHORT cParams;
	SHORT cParamsOpt;
	SHORT oVft;
	SHORT cScodes;
	ELEMDESC elemdescFunc;
	WORD wFuncFlags;
} FUNCDESC, *LPFUNCDESC;

typedef struct tagVARDESC {
	MEMBERID memid;
	LPOLESTR lpstrSchema;
	__extension__ union {
		ULONG oInst;
		VARIANT *lpvarValue;
	};
	ELEMDESC elemdescVar;
	WORD wVarFlags;
	VARKIND varkind;
} VARDESC, *LPVARDESC;

typedef struct tagTLIBATTR {
	GUID guid;
	LCID lcid;
	SYSKIND syskind;
	WORD wMajorVerNum;
	WORD wMinorVerNum;
	WORD wLibFlags;
} TLIBATTR, *LPTLIBATTR;

typedef union tagBINDPTR {
	FUNCDESC *lpfuncdesc;
	VARDESC *lpvardesc;
	ITypeComp *lptcomp;
} BINDPTR, *LPBINDPTR;

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ---- Interfaces ---------------------------------------------------------------
 * Method order and signatures are Windows'.  C++ (without CINTERFACE) gets
 * abstract classes: the Itanium C++ ABI puts the vtable pointer at offset 0
 * and the slots in declaration order, which is the COM layout, so Windows C++
 * code compiles unchanged.  C gets lpVtbl structs and, because com.h defines
 * COBJMACROS, the IFoo_Method(This, ...) call macros, including the
 * inherited methods, as widl-generated Windows headers spell them.
 */
#if defined(__cplusplus) && !defined(CINTERFACE)

struct IUnknown {
	virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppvObject) = 0;
	virtual ULONG STDMETHODCALLTYPE AddRef(void) = 0;
	virtual ULONG STDMETHODCALLTYPE Release(void) = 0;
};

struct IClassFactory : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown *pUnkOuter, REFIID riid,
		void **ppvObject) = 0;
	virtual HRESULT STDMETHODCALLTYPE LockServer(BOOL fLock) = 0;
};

struct IMalloc : public IUnknown {
	virtual void *STDMETHODCALLTYPE Alloc(SIZE_T cb) = 0;
	virtual void *STDMETHODCALLTYPE Realloc(void *pv, SIZE_T cb) = 0;
	virtual void STDMETHODCALLTYPE Free(void *pv) = 0;
	virtual SIZE_T STDMETHODCALLTYPE GetSize(void *pv) = 0;
	virtual int STDMETHODCALLTYPE DidAlloc(void *pv) = 0;
	virtual void STDMETHODCALLTYPE HeapMinimize(void) = 0;
};

struct IDispatch : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT *pctinfo) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT iTInfo, LCID lcid,
		ITypeInfo **ppTInfo) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID riid, LPOLESTR *rgszNames,
		UINT cNames, LCID lcid, DISPID *rgDispId) = 0;
	virtual HRESULT STDMETHODCALLTYPE Invoke(DISPID dispIdMember, REFIID riid, LCID lcid,
		WORD wFlags, DISPPARAMS *pDispParams, VARIANT *pVarResult,
		EXCEPINFO *pExcepInfo, UINT *puArgErr) = 0;
};

struct IEnumVARIANT : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE Next(ULONG celt, VARIANT *rgVar,
		ULONG *pCeltFetched) = 0;
	virtual HRESULT STDMETHODCALLTYPE Skip(ULONG celt) = 0;
	virtual HRESULT STDMETHODCALLTYPE Reset(void) = 0;
	virtual HRESULT STDMETHODCALLTYPE Clone(IEnumVARIANT **ppEnum) = 0;
};

struct IErrorInfo : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE GetGUID(GUID *pGUID) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetSource(BSTR *pBstrSource) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetDescription(BSTR *pBstrDescription) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetHelpFile(BSTR *pBstrHelpFile) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetHelpContext(DWORD *pdwHelpContext) = 0;
};

struct ICreateErrorInfo : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE SetGUID(REFGUID rguid) = 0;
	virtual HRESULT STDMETHODCALLTYPE SetSource(LPOLESTR szSource) = 0;
	virtual HRESULT STDMETHODCALLTYPE SetDescription(LPOLESTR szDescription) = 0;
	virtual HRESULT STDMETHODCALLTYPE SetHelpFile(LPOLESTR szHelpFile) = 0;
	virtual HRESULT STDMETHODCALLTYPE SetHelpContext(DWORD dwHelpContext) = 0;
};

struct ISupportErrorInfo : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE InterfaceSupportsErrorInfo(REFIID riid) = 0;
};

struct ITypeComp : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE Bind(LPOLESTR szName, ULONG lHashVal, WORD wFlags,
		ITypeInfo **ppTInfo, DESCKIND *pDescKind, BINDPTR *pBindPtr) = 0;
	virtual HRESULT STDMETHODCALLTYPE BindType(LPOLESTR szName, ULONG lHashVal,
		ITypeInfo **ppTInfo, ITypeComp **ppTComp) = 0;
};

struct ITypeInfo : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE GetTypeAttr(TYPEATTR **ppTypeAttr) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeComp(ITypeComp **ppTComp) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetFuncDesc(UINT index, FUNCDESC **ppFuncDesc) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetVarDesc(UINT index, VARDESC **ppVarDesc) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetNames(MEMBERID memid, BSTR *rgBstrNames,
		UINT cMaxNames, UINT *pcNames) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetRefTypeOfImplType(UINT index,
		HREFTYPE *pRefType) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetImplTypeFlags(UINT index,
		INT *pImplTypeFlags) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetIDsOfNames(LPOLESTR *rgszNames, UINT cNames,
		MEMBERID *pMemId) = 0;
	virtual HRESULT STDMETHODCALLTYPE Invoke(PVOID pvInstance, MEMBERID memid,
		WORD wFlags, DISPPARAMS *pDispParams, VARIANT *pVarResult,
		EXCEPINFO *pExcepInfo, UINT *puArgErr) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetDocumentation(MEMBERID memid, BSTR *pBstrName,
		BSTR *pBstrDocString, DWORD *pdwHelpContext, BSTR *pBstrHelpFile) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetDllEntry(MEMBERID memid, INVOKEKIND invKind,
		BSTR *pBstrDllName, BSTR *pBstrName, WORD *pwOrdinal) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetRefTypeInfo(HREFTYPE hRefType,
		ITypeInfo **ppTInfo) = 0;
	virtual HRESULT STDMETHODCALLTYPE AddressOfMember(MEMBERID memid,
		INVOKEKIND invKind, PVOID *ppv) = 0;
	virtual HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown *pUnkOuter, REFIID riid,
		PVOID *ppvObj) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetMops(MEMBERID memid, BSTR *pBstrMops) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetContainingTypeLib(ITypeLib **ppTLib,
		UINT *pIndex) = 0;
	virtual void STDMETHODCALLTYPE ReleaseTypeAttr(TYPEATTR *pTypeAttr) = 0;
	virtual void STDMETHODCALLTYPE ReleaseFuncDesc(FUNCDESC *pFuncDesc) = 0;
	virtual void STDMETHODCALLTYPE ReleaseVarDesc(VARDESC *pVarDesc) = 0;
};

struct ITypeLib : public IUnknown {
	virtual UINT STDMETHODCALLTYPE GetTypeInfoCount(void) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT index, ITypeInfo **ppTInfo) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeInfoType(UINT index, TYPEKIND *pTKind) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeInfoOfGuid(REFGUID guid,
		ITypeInfo **ppTinfo) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetLibAttr(TLIBATTR **ppTLibAttr) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeComp(ITypeComp **ppTComp) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetDocumentation(INT index, BSTR *pBstrName,
		BSTR *pBstrDocString, DWORD *pdwHelpContext, BSTR *pBstrHelpFile) = 0;
	virtual HRESULT STDMETHODCALLTYPE IsName(LPOLESTR szNameBuf, ULONG lHashVal,
		BOOL *pfName) = 0;
	virtual HRESULT STDMETHODCALLTYPE FindName(LPOLESTR szNameBuf, ULONG lHashVal,
		ITypeInfo **ppTInfo, MEMBERID *rgMemId, USHORT *pcFound) = 0;
	virtual void STDMETHODCALLTYPE ReleaseTLibAttr(TLIBATTR *pTLibAttr) = 0;
};

struct IRecordInfo : public IUnknown {
	virtual HRESULT STDMETHODCALLTYPE RecordInit(PVOID pvNew) = 0;
	virtual HRESULT STDMETHODCALLTYPE RecordClear(PVOID pvExisting) = 0;
	virtual HRESULT STDMETHODCALLTYPE RecordCopy(PVOID pvExisting, PVOID pvNew) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetGuid(GUID *pguid) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetName(BSTR *pbstrName) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetSize(ULONG *pcbSize) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetTypeInfo(ITypeInfo **ppTypeInfo) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetField(PVOID pvData, LPCOLESTR szFieldName,
		VARIANT *pvarField) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetFieldNoCopy(PVOID pvData, LPCOLESTR szFieldName,
		VARIANT *pvarField, PVOID *ppvDataCArray) = 0;
	virtual HRESULT STDMETHODCALLTYPE PutField(ULONG wFlags, PVOID pvData,
		LPCOLESTR szFieldName, VARIANT *pvarField) = 0;
	virtual HRESULT STDMETHODCALLTYPE PutFieldNoCopy(ULONG wFlags, PVOID pvData,
		LPCOLESTR szFieldName, VARIANT *pvarField) = 0;
	virtual HRESULT STDMETHODCALLTYPE GetFieldNames(ULONG *pcNames, BSTR *rgBstrNames) = 0;
	virtual BOOL STDMETHODCALLTYPE IsMatchingType(IRecordInfo *pRecordInfo) = 0;
	virtual PVOID STDMETHODCALLTYPE RecordCreate(void) = 0;
	virtual HRESULT STDMETHODCALLTYPE RecordCreateCopy(PVOID pvSource, PVOID *ppvDest) = 0;
	virtual HRESULT STDMETHODCALLTYPE RecordDestroy(PVOID pvRecord) = 0;
};

#else /* C, or C++ with CINTERFACE */

typedef struct IUnknownVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IUnknown)
	END_INTERFACE
} IUnknownVtbl;
struct IUnknown {
	CONST_VTBL struct IUnknownVtbl *lpVtbl;
};

typedef struct IClassFactoryVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IClassFactory)
	HRESULT (STDMETHODCALLTYPE *CreateInstance)(IClassFactory *This,
		IUnknown *pUnkOuter, REFIID riid, void **ppvObject);
	HRESULT (STDMETHODCALLTYPE *LockServer)(IClassFactory *This, BOOL fLock);
	END_INTERFACE
} IClassFactoryVtbl;
struct IClassFactory {
	CONST_VTBL struct IClassFactoryVtbl *lpVtbl;
};

typedef struct IMallocVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IMalloc)
	void *(STDMETHODCALLTYPE *Alloc)(IMalloc *This, SIZE_T cb);
	void *(STDMETHODCALLTYPE *Realloc)(IMalloc *This, void *pv, SIZE_T cb);
	void (STDMETHODCALLTYPE *Free)(IMalloc *This, void *pv);
	SIZE_T (STDMETHODCALLTYPE *GetSize)(IMalloc *This, void *pv);
	int (STDMETHODCALLTYPE *DidAlloc)(IMalloc *This, void *pv);
	void (STDMETHODCALLTYPE *HeapMinimize)(IMalloc *This);
	END_INTERFACE
} IMallocVtbl;
struct IMalloc {
	CONST_VTBL struct IMallocVtbl *lpVtbl;
};

typedef struct IDispatchVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IDispatch)
	CCW_IDISPATCH_METHODS(IDispatch)
	END_INTERFACE
} IDispatchVtbl;
struct IDispatch {
	CONST_VTBL struct IDispatchVtbl *lpVtbl;
};

typedef struct IEnumVARIANTVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IEnumVARIANT)
	HRESULT (STDMETHODCALLTYPE *Next)(IEnumVARIANT *This, ULONG celt,
		VARIANT *rgVar, ULONG *pCeltFetched);
	HRESULT (STDMETHODCALLTYPE *Skip)(IEnumVARIANT *This, ULONG celt);
	HRESULT (STDMETHODCALLTYPE *Reset)(IEnumVARIANT *This);
	HRESULT (STDMETHODCALLTYPE *Clone)(IEnumVARIANT *This, IEnumVARIANT **ppEnum);
	END_INTERFACE
} IEnumVARIANTVtbl;
struct IEnumVARIANT {
	CONST_VTBL struct IEnumVARIANTVtbl *lpVtbl;
};

typedef struct IErrorInfoVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IErrorInfo)
	HRESULT (STDMETHODCALLTYPE *GetGUID)(IErrorInfo *This, GUID *pGUID);
	HRESULT (STDMETHODCALLTYPE *GetSource)(IErrorInfo *This, BSTR *pBstrSource);
	HRESULT (STDMETHODCALLTYPE *GetDescription)(IErrorInfo *This,
		BSTR *pBstrDescription);
	HRESULT (STDMETHODCALLTYPE *GetHelpFile)(IErrorInfo *This, BSTR *pBstrHelpFile);
	HRESULT (STDMETHODCALLTYPE *GetHelpContext)(IErrorInfo *This,
		DWORD *pdwHelpContext);
	END_INTERFACE
} IErrorInfoVtbl;
struct IErrorInfo {
	CONST_VTBL struct IErrorInfoVtbl *lpVtbl;
};

typedef struct ICreateErrorInfoVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(ICreateErrorInfo)
	HRESULT (STDMETHODCALLTYPE *SetGUID)(ICreateErrorInfo *This, REFGUID rguid);
	HRESULT (STDMETHODCALLTYPE *SetSource)(ICreateErrorInfo *This, LPOLESTR szSource);
	HRESULT (STDMETHODCALLTYPE *SetDescription)(ICreateErrorInfo *This,
		LPOLESTR szDescription);
	HRESULT (STDMETHODCALLTYPE *SetHelpFile)(ICreateErrorInfo *This,
		LPOLESTR szHelpFile);
	HRESULT (STDMETHODCALLTYPE *SetHelpContext)(ICreateErrorInfo *This,
		DWORD dwHelpContext);
	END_INTERFACE
} ICreateErrorInfoVtbl;
struct ICreateErrorInfo {
	CONST_VTBL struct ICreateErrorInfoVtbl *lpVtbl;
};

typedef struct ISupportErrorInfoVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(ISupportErrorInfo)
	HRESULT (STDMETHODCALLTYPE *InterfaceSupportsErrorInfo)(ISupportErrorInfo *This,
		REFIID riid);
	END_INTERFACE
} ISupportErrorInfoVtbl;
struct ISupportErrorInfo {
	CONST_VTBL struct ISupportErrorInfoVtbl *lpVtbl;
};

typedef struct ITypeCompVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(ITypeComp)
	HRESULT (STDMETHODCALLTYPE *Bind)(ITypeComp *This, LPOLESTR szName,
		ULONG lHashVal, WORD wFlags, ITypeInfo **ppTInfo, DESCKIND *pDescKind,
		BINDPTR *pBindPtr);
	HRESULT (STDMETHODCALLTYPE *BindType)(ITypeComp *This, LPOLESTR szName,
		ULONG lHashVal, ITypeInfo **ppTInfo, ITypeComp **ppTComp);
	END_INTERFACE
} ITypeCompVtbl;
struct ITypeComp {
	CONST_VTBL struct ITypeCompVtbl *lpVtbl;
};

typedef struct ITypeInfoVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(ITypeInfo)
	HRESULT (STDMETHODCALLTYPE *GetTypeAttr)(ITypeInfo *This, TYPEATTR **ppTypeAttr);
	HRESULT (STDMETHODCALLTYPE *GetTypeComp)(ITypeInfo *This, ITypeComp **ppTComp);
	HRESULT (STDMETHODCALLTYPE *GetFuncDesc)(ITypeInfo *This, UINT index,
		FUNCDESC **ppFuncDesc);
	HRESULT (STDMETHODCALLTYPE *GetVarDesc)(ITypeInfo *This, UINT index,
		VARDESC **ppVarDesc);
	HRESULT (STDMETHODCALLTYPE *GetNames)(ITypeInfo *This, MEMBERID memid,
		BSTR *rgBstrNames, UINT cMaxNames, UINT *pcNames);
	HRESULT (STDMETHODCALLTYPE *GetRefTypeOfImplType)(ITypeInfo *This, UINT index,
		HREFTYPE *pRefType);
	HRESULT (STDMETHODCALLTYPE *GetImplTypeFlags)(ITypeInfo *This, UINT index,
		INT *pImplTypeFlags);
	HRESULT (STDMETHODCALLTYPE *GetIDsOfNames)(ITypeInfo *This, LPOLESTR *rgszNames,
		UINT cNames, MEMBERID *pMemId);
	HRESULT (STDMETHODCALLTYPE *Invoke)(ITypeInfo *This, PVOID pvInstance,
		MEMBERID memid, WORD wFlags, DISPPARAMS *pDispParams, VARIANT *pVarResult,
		EXCEPINFO *pExcepInfo, UINT *puArgErr);
	HRESULT (STDMETHODCALLTYPE *GetDocumentation)(ITypeInfo *This, MEMBERID memid,
		BSTR *pBstrName, BSTR *pBstrDocString, DWORD *pdwHelpContext,
		BSTR *pBstrHelpFile);
	HRESULT (STDMETHODCALLTYPE *GetDllEntry)(ITypeInfo *This, MEMBERID memid,
		INVOKEKIND invKind, BSTR *pBstrDllName, BSTR *pBstrName, WORD *pwOrdinal);
	HRESULT (STDMETHODCALLTYPE *GetRefTypeInfo)(ITypeInfo *This, HREFTYPE hRefType,
		ITypeInfo **ppTInfo);
	HRESULT (STDMETHODCALLTYPE *AddressOfMember)(ITypeInfo *This, MEMBERID memid,
		INVOKEKIND invKind, PVOID *ppv);
	HRESULT (STDMETHODCALLTYPE *CreateInstance)(ITypeInfo *This, IUnknown *pUnkOuter,
		REFIID riid, PVOID *ppvObj);
	HRESULT (STDMETHODCALLTYPE *GetMops)(ITypeInfo *This, MEMBERID memid,
		BSTR *pBstrMops);
	HRESULT (STDMETHODCALLTYPE *GetContainingTypeLib)(ITypeInfo *This,
		ITypeLib **ppTLib, UINT *pIndex);
	void (STDMETHODCALLTYPE *ReleaseTypeAttr)(ITypeInfo *This, TYPEATTR *pTypeAttr);
	void (STDMETHODCALLTYPE *ReleaseFuncDesc)(ITypeInfo *This, FUNCDESC *pFuncDesc);
	void (STDMETHODCALLTYPE *ReleaseVarDesc)(ITypeInfo *This, VARDESC *pVarDesc);
	END_INTERFACE
} ITypeInfoVtbl;
struct ITypeInfo {
	CONST_VTBL struct ITypeInfoVtbl *lpVtbl;
};

typedef struct ITypeLibVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(ITypeLib)
	UINT (STDMETHODCALLTYPE *GetTypeInfoCount)(ITypeLib *This);
	HRESULT (STDMETHODCALLTYPE *GetTypeInfo)(ITypeLib *This, UINT index,
		ITypeInfo **ppTInfo);
	HRESULT (STDMETHODCALLTYPE *GetTypeInfoType)(ITypeLib *This, UINT index,
		TYPEKIND *pTKind);
	HRESULT (STDMETHODCALLTYPE *GetTypeInfoOfGuid)(ITypeLib *This, REFGUID guid,
		ITypeInfo **ppTinfo);
	HRESULT (STDMETHODCALLTYPE *GetLibAttr)(ITypeLib *This, TLIBATTR **ppTLibAttr);
	HRESULT (STDMETHODCALLTYPE *GetTypeComp)(ITypeLib *This, ITypeComp **ppTComp);
	HRESULT (STDMETHODCALLTYPE *GetDocumentation)(ITypeLib *This, INT index,
		BSTR *pBstrName, BSTR *pBstrDocString, DWORD *pdwHelpContext,
		BSTR *pBstrHelpFile);
	HRESULT (STDMETHODCALLTYPE *IsName)(ITypeLib *This, LPOLESTR szNameBuf,
		ULONG lHashVal, BOOL *pfName);
	HRESULT (STDMETHODCALLTYPE *FindName)(ITypeLib *This, LPOLESTR szNameBuf,
		ULONG lHashVal, ITypeInfo **ppTInfo, MEMBERID *rgMemId, USHORT *pcFound);
	void (STDMETHODCALLTYPE *ReleaseTLibAttr)(ITypeLib *This, TLIBATTR *pTLibAttr);
	END_INTERFACE
} ITypeLibVtbl;
struct ITypeLib {
	CONST_VTBL struct ITypeLibVtbl *lpVtbl;
};

typedef struct IRecordInfoVtbl {
	BEGIN_INTERFACE
	CCW_IUNKNOWN_METHODS(IRecordInfo)
	HRESULT (STDMETHODCALLTYPE *RecordInit)(IRecordInfo *This, PVOID pvNew);
	HRESULT (STDMETHODCALLTYPE *RecordClear)(IRecordInfo *This, PVOID pvExisting);
	HRESULT (STDMETHODCALLTYPE *RecordCopy)(IRecordInfo *This, PVOID pvExisting,
		PVOID pvNew);
	HRESULT (STDMETHODCALLTYPE *GetGuid)(IRecordInfo *This, GUID *pguid);
	HRESULT (STDMETHODCALLTYPE *GetName)(IRecordInfo *This, BSTR *pbstrName);
	HRESULT (STDMETHODCALLTYPE *GetSize)(IRecordInfo *This, ULONG *pcbSize);
	HRESULT (STDMETHODCALLTYPE *GetTypeInfo)(IRecordInfo *This,
		ITypeInfo **ppTypeInfo);
	HRESULT (STDMETHODCALLTYPE *GetField)(IRecordInfo *This, PVOID pvData,
		LPCOLESTR szFieldName, VARIANT *pvarField);
	HRESULT (STDMETHODCALLTYPE *GetFieldNoCopy)(IRecordInfo *This, PVOID pvData,
		LPCOLESTR szFieldName, VARIANT *pvarField, PVOID *ppvDataCArray);
	HRESULT (STDMETHODCALLTYPE *PutField)(IRecordInfo *This, ULONG wFlags,
		PVOID pvData, LPCOLESTR szFieldName, VARIANT *pvarField);
	HRESULT (STDMETHODCALLTYPE *PutFieldNoCopy)(IRecordInfo *This, ULONG wFlags,
		PVOID pvData, LPCOLESTR szFieldName, VARIANT *pvarField);
	HRESULT (STDMETHODCALLTYPE *GetFieldNames)(IRecordInfo *This, ULONG *pcNames,
		BSTR *rgBstrNames);
	BOOL (STDMETHODCALLTYPE *IsMatchingType)(IRecordInfo *This,
		IRecordInfo *pRecordInfo);
	PVOID (STDMETHODCALLTYPE *RecordCreate)(IRecordInfo *This);
	HRESULT (STDMETHODCALLTYPE *RecordCreateCopy)(IRecordInfo *This, PVOID pvSource,
		PVOID *ppvDest);
	HRESULT (STDMETHODCALLTYPE *RecordDestroy)(IRecordInfo *This, PVOID pvRecord);
	END_INTERFACE
} IRecordInfoVtbl;
struct IRecordInfo {
	CONST_VTBL struct IRecordInfoVtbl *lpVtbl;
};

#ifdef COBJMACROS
#define IUnknown_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IUnknown_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IUnknown_Release(This) ((This)->lpVtbl->Release(This))

#define IClassFactory_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IClassFactory_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IClassFactory_Release(This) ((This)->lpVtbl->Release(This))
#define IClassFactory_CreateInstance(This, pUnkOuter, riid, ppv) \
	((This)->lpVtbl->CreateInstance(This, pUnkOuter, riid, ppv))
#define IClassFactory_LockServer(This, fLock) ((This)->lpVtbl->LockServer(This, fLock))

#define IMalloc_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IMalloc_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IMalloc_Release(This) ((This)->lpVtbl->Release(This))
#define IMalloc_Alloc(This, cb) ((This)->lpVtbl->Alloc(This, cb))
#define IMalloc_Realloc(This, pv, cb) ((This)->lpVtbl->Realloc(This, pv, cb))
#define IMalloc_Free(This, pv) ((This)->lpVtbl->Free(This, pv))
#define IMalloc_GetSize(This, pv) ((This)->lpVtbl->GetSize(This, pv))
#define IMalloc_DidAlloc(This, pv) ((This)->lpVtbl->DidAlloc(This, pv))
#define IMalloc_HeapMinimize(This) ((This)->lpVtbl->HeapMinimize(This))

#define IDispatch_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IDispatch_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IDispatch_Release(This) ((This)->lpVtbl->Release(This))
#define IDispatch_GetTypeInfoCount(This, pctinfo) \
	((This)->lpVtbl->GetTypeInfoCount(This, pctinfo))
#define IDispatch_GetTypeInfo(This, iTInfo, lcid, ppTInfo) \
	((This)->lpVtbl->GetTypeInfo(This, iTInfo, lcid, ppTInfo))
#define IDispatch_GetIDsOfNames(This, riid, rgszNames, cNames, lcid, rgDispId) \
	((This)->lpVtbl->GetIDsOfNames(This, riid, rgszNames, cNames, lcid, rgDispId))
#define IDispatch_Invoke(This, dispIdMember, riid, lcid, wFlags, pDispParams, \
		pVarResult, pExcepInfo, puArgErr) \
	((This)->lpVtbl->Invoke(This, dispIdMember, riid, lcid, wFlags, pDispParams, \
		pVarResult, pExcepInfo, puArgErr))

#define IEnumVARIANT_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IEnumVARIANT_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IEnumVARIANT_Release(This) ((This)->lpVtbl->Release(This))
#define IEnumVARIANT_Next(This, celt, rgVar, pCeltFetched) \
	((This)->lpVtbl->Next(This, celt, rgVar, pCeltFetched))
#define IEnumVARIANT_Skip(This, celt) ((This)->lpVtbl->Skip(This, celt))
#define IEnumVARIANT_Reset(This) ((This)->lpVtbl->Reset(This))
#define IEnumVARIANT_Clone(This, ppEnum) ((This)->lpVtbl->Clone(This, ppEnum))

#define IErrorInfo_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IErrorInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IErrorInfo_Release(This) ((This)->lpVtbl->Release(This))
#define IErrorInfo_GetGUID(This, pGUID) ((This)->lpVtbl->GetGUID(This, pGUID))
#define IErrorInfo_GetSource(This, pBstrSource) \
	((This)->lpVtbl->GetSource(This, pBstrSource))
#define IErrorInfo_GetDescription(This, pBstrDescription) \
	((This)->lpVtbl->GetDescription(This, pBstrDescription))
#define IErrorInfo_GetHelpFile(This, pBstrHelpFile) \
	((This)->lpVtbl->GetHelpFile(This, pBstrHelpFile))
#define IErrorInfo_GetHelpContext(This, pdwHelpContext) \
	((This)->lpVtbl->GetHelpContext(This, pdwHelpContext))

#define ICreateErrorInfo_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define ICreateErrorInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define ICreateErrorInfo_Release(This) ((This)->lpVtbl->Release(This))
#define ICreateErrorInfo_SetGUID(This, rguid) ((This)->lpVtbl->SetGUID(This, rguid))
#define ICreateErrorInfo_SetSource(This, szSource) \
	((This)->lpVtbl->SetSource(This, szSource))
#define ICreateErrorInfo_SetDescription(This, szDescription) \
	((This)->lpVtbl->SetDescription(This, szDescription))
#define ICreateErrorInfo_SetHelpFile(This, szHelpFile) \
	((This)->lpVtbl->SetHelpFile(This, szHelpFile))
#define ICreateErrorInfo_SetHelpContext(This, dwHelpContext) \
	((This)->lpVtbl->SetHelpContext(This, dwHelpContext))

#define ISupportErrorInfo_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define ISupportErrorInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define ISupportErrorInfo_Release(This) ((This)->lpVtbl->Release(This))
#define ISupportErrorInfo_InterfaceSupportsErrorInfo(This, riid) \
	((This)->lpVtbl->InterfaceSupportsErrorInfo(This, riid))

#define ITypeComp_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define ITypeComp_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define ITypeComp_Release(This) ((This)->lpVtbl->Release(This))
#define ITypeComp_Bind(This, szName, lHashVal, wFlags, ppTInfo, pDescKind, pBindPtr) \
	((This)->lpVtbl->Bind(This, szName, lHashVal, wFlags, ppTInfo, pDescKind, \
		pBindPtr))
#define ITypeComp_BindType(This, szName, lHashVal, ppTInfo, ppTComp) \
	((This)->lpVtbl->BindType(This, szName, lHashVal, ppTInfo, ppTComp))

#define ITypeInfo_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define ITypeInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define ITypeInfo_Release(This) ((This)->lpVtbl->Release(This))
#define ITypeInfo_GetTypeAttr(This, ppTypeAttr) \
	((This)->lpVtbl->GetTypeAttr(This, ppTypeAttr))
#define ITypeInfo_GetTypeComp(This, ppTComp) ((This)->lpVtbl->GetTypeComp(This, ppTComp))
#define ITypeInfo_GetFuncDesc(This, index, ppFuncDesc) \
	((This)->lpVtbl->GetFuncDesc(This, index, ppFuncDesc))
#define ITypeInfo_GetVarDesc(This, index, ppVarDesc) \
	((This)->lpVtbl->GetVarDesc(This, index, ppVarDesc))
#define ITypeInfo_GetNames(This, memid, rgBstrNames, cMaxNames, pcNames) \
	((This)->lpVtbl->GetNames(This, memid, rgBstrNames, cMaxNames, pcNames))
#define ITypeInfo_GetRefTypeOfImplType(This, index, pRefType) \
	((This)->lpVtbl->GetRefTypeOfImplType(This, index, pRefType))
#define ITypeInfo_GetImplTypeFlags(This, index, pImplTypeFlags) \
	((This)->lpVtbl->GetImplTypeFlags(This, index, pImplTypeFlags))
#define ITypeInfo_GetIDsOfNames(This, rgszNames, cNames, pMemId) \
	((This)->lpVtbl->GetIDsOfNames(This, rgszNames, cNames, pMemId))
#define ITypeInfo_Invoke(This, pvInstance, memid, wFlags, pDispParams, pVarResult, \
		pExcepInfo, puArgErr) \
	((This)->lpVtbl->Invoke(This, pvInstance, memid, wFlags, pDispParams, \
		pVarResult, pExcepInfo, puArgErr))
#define ITypeInfo_GetDocumentation(This, memid, pBstrName, pBstrDocString, \
		pdwHelpContext, pBstrHelpFile) \
	((This)->lpVtbl->GetDocumentation(This, memid, pBstrName, pBstrDocString, \
		pdwHelpContext, pBstrHelpFile))
#define ITypeInfo_GetDllEntry(This, memid, invKind, pBstrDllName, pBstrName, \
		pwOrdinal) \
	((This)->lpVtbl->GetDllEntry(This, memid, invKind, pBstrDllName, pBstrName, \
		pwOrdinal))
#define ITypeInfo_GetRefTypeInfo(This, hRefType, ppTInfo) \
	((This)->lpVtbl->GetRefTypeInfo(This, hRefType, ppTInfo))
#define ITypeInfo_AddressOfMember(This, memid, invKind, ppv) \
	((This)->lpVtbl->AddressOfMember(This, memid, invKind, ppv))
#define ITypeInfo_CreateInstance(This, pUnkOuter, riid, ppvObj) \
	((This)->lpVtbl->CreateInstance(This, pUnkOuter, riid, ppvObj))
#define ITypeInfo_GetMops(This, memid, pBstrMops) \
	((This)->lpVtbl->GetMops(This, memid, pBstrMops))
#define ITypeInfo_GetContainingTypeLib(This, ppTLib, pIndex) \
	((This)->lpVtbl->GetContainingTypeLib(This, ppTLib, pIndex))
#define ITypeInfo_ReleaseTypeAttr(This, pTypeAttr) \
	((This)->lpVtbl->ReleaseTypeAttr(This, pTypeAttr))
#define ITypeInfo_ReleaseFuncDesc(This, pFuncDesc) \
	((This)->lpVtbl->ReleaseFuncDesc(This, pFuncDesc))
#define ITypeInfo_ReleaseVarDesc(This, pVarDesc) \
	((This)->lpVtbl->ReleaseVarDesc(This, pVarDesc))

#define ITypeLib_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define ITypeLib_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define ITypeLib_Release(This) ((This)->lpVtbl->Release(This))
#define ITypeLib_GetTypeInfoCount(This) ((This)->lpVtbl->GetTypeInfoCount(This))
#define ITypeLib_GetTypeInfo(This, index, ppTInfo) \
	((This)->lpVtbl->GetTypeInfo(This, index, ppTInfo))
#define ITypeLib_GetTypeInfoType(This, index, pTKind) \
	((This)->lpVtbl->GetTypeInfoType(This, index, pTKind))
#define ITypeLib_GetTypeInfoOfGuid(This, guid, ppTinfo) \
	((This)->lpVtbl->GetTypeInfoOfGuid(This, guid, ppTinfo))
#define ITypeLib_GetLibAttr(This, ppTLibAttr) ((This)->lpVtbl->GetLibAttr(This, ppTLibAttr))
#define ITypeLib_GetTypeComp(This, ppTComp) ((This)->lpVtbl->GetTypeComp(This, ppTComp))
#define ITypeLib_GetDocumentation(This, index, pBstrName, pBstrDocString, \
		pdwHelpContext, pBstrHelpFile) \
	((This)->lpVtbl->GetDocumentation(This, index, pBstrName, pBstrDocString, \
		pdwHelpContext, pBstrHelpFile))
#define ITypeLib_IsName(This, szNameBuf, lHashVal, pfName) \
	((This)->lpVtbl->IsName(This, szNameBuf, lHashVal, pfName))
#define ITypeLib_FindName(This, szNameBuf, lHashVal, ppTInfo, rgMemId, pcFound) \
	((This)->lpVtbl->FindName(This, szNameBuf, lHashVal, ppTInfo, rgMemId, pcFound))
#define ITypeLib_ReleaseTLibAttr(This, pTLibAttr) \
	((This)->lpVtbl->ReleaseTLibAttr(This, pTLibAttr))

#define IRecordInfo_QueryInterface(This, riid, ppv) \
	((This)->lpVtbl->QueryInterface(This, riid, ppv))
#define IRecordInfo_AddRef(This) ((This)->lpVtbl->AddRef(This))
#define IRecordInfo_Release(This) ((This)->lpVtbl->Release(This))
#define IRecordInfo_RecordInit(This, pvNew) ((This)->lpVtbl->RecordInit(This, pvNew))
#define IRecordInfo_RecordClear(This, pvExisting) \
	((This)->lpVtbl->RecordClear(This, pvExisting))
#define IRecordInfo_RecordCopy(This, pvExisting, pvNew) \
	((This)->lpVtbl->RecordCopy(This, pvExisting, pvNew))
#define IRecordInfo_GetGuid(This, pguid) ((This)->lpVtbl->GetGuid(This, pguid))
#define IRecordInfo_GetName(This, pbstrName) ((This)->lpVtbl->GetName(This, pbstrName))
#define IRecordInfo_GetSize(This, pcbSize) ((This)->lpVtbl->GetSize(This, pcbSize))
#define IRecordInfo_GetTypeInfo(This, ppTypeInfo) \
	((This)->lpVtbl->GetTypeInfo(This, ppTypeInfo))
#define IRecordInfo_GetField(This, pvData, szFieldName, pvarField) \
	((This)->lpVtbl->GetField(This, pvData, szFieldName, pvarField))
#define IRecordInfo_GetFieldNoCopy(This, pvData, szFieldName, pvarField, \
		ppvDataCArray) \
	((This)->lpVtbl->GetFieldNoCopy(This, pvData, szFieldName, pvarField, \
		ppvDataCArray))
#define IRecordInfo_PutField(This, wFlags, pvData, szFieldName, pvarField) \
	((This)->lpVtbl->PutField(This, wFlags, pvData, szFieldName, pvarField))
#define IRecordInfo_PutFieldNoCopy(This, wFlags, pvData, szFieldName, pvarField) \
	((This)->lpVtbl->PutFieldNoCopy(This, wFlags, pvData, szFieldName, pvarField))
#define IRecordInfo_GetFieldNames(This, pcNames, rgBstrNames) \
	((This)->lpVtbl->GetFieldNames(This, pcNames, rgBstrNames))
#define IRecordInfo_IsMatchingType(This, pRecordInfo) \
	((This)->lpVtbl->IsMatchingType(This, pRecordInfo))
#define IRecordInfo_RecordCreate(This) ((This)->lpVtbl->RecordCreate(This))
#define IRecordInfo_RecordCreateCopy(This, pvSource, ppvDest) \
	((This)->lpVtbl->RecordCreateCopy(This, pvSource, ppvDest))
#define IRecordInfo_RecordDestroy(This, pvRecord) \
	((This)->lpVtbl->RecordDestroy(This, pvRecord))
#endif /* COBJMACROS */

#endif /* C interfaces */

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Well-known GUIDs: defined once, in libccw (runtime/compat/iids.c); on
 *      Windows uuid.lib provides them. ------------------------------------- */
CCW_API extern const GUID GUID_NULL;
CCW_API extern const IID IID_NULL;
CCW_API extern const CLSID CLSID_NULL;
CCW_API extern const IID IID_IUnknown;
CCW_API extern const IID IID_IClassFactory;
CCW_API extern const IID IID_IMalloc;
CCW_API extern const IID IID_IDispatch;
CCW_API extern const IID IID_IEnumVARIANT;
CCW_API extern const IID IID_IErrorInfo;
CCW_API extern const IID IID_ICreateErrorInfo;
CCW_API extern const IID IID_ISupportErrorInfo;
CCW_API extern const IID IID_ITypeInfo;
CCW_API extern const IID IID_ITypeLib;
CCW_API extern const IID IID_ITypeComp;
CCW_API extern const IID IID_IRecordInfo;

/* ---- The COM API subset libccw implements off Windows -------------------------
 * Signatures are Windows' own (objbase.h, combaseapi.h, oleauto.h), so that
 * code calling them compiles unchanged on both.
 */

/* GUIDs and their "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" form (compat/guid.c). */
CCW_API int STDAPICALLTYPE StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax);
CCW_API HRESULT STDAPICALLTYPE StringFromCLSID(REFCLSID rclsid, LPOLESTR *lplpsz);
CCW_API HRESULT STDAPICALLTYPE StringFromIID(REFIID rclsid, LPOLESTR *lplpsz);
CCW_API HRESULT STDAPICALLTYPE CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid);
CCW_API HRESULT STDAPICALLTYPE IIDFromString(LPCOLESTR lpsz, LPIID lpiid);
CCW_API HRESULT STDAPICALLTYPE CoCreateGuid(GUID *pguid);

/* Task memory: what crosses interfaces and is freed by the other side
 * (compat/memory.c). */
CCW_API LPVOID STDAPICALLTYPE CoTaskMemAlloc(SIZE_T cb);
CCW_API LPVOID STDAPICALLTYPE CoTaskMemRealloc(LPVOID pv, SIZE_T cb);
CCW_API void STDAPICALLTYPE CoTaskMemFree(LPVOID pv);
CCW_API HRESULT STDAPICALLTYPE CoGetMalloc(DWORD dwMemContext, LPMALLOC *ppMalloc);

/* BSTRs: length-prefixed UTF-16 strings (compat/bstr.c). */
CCW_API BSTR STDAPICALLTYPE SysAllocString(const OLECHAR *psz);
CCW_API BSTR STDAPICALLTYPE SysAllocStringLen(const OLECHAR *strIn, UINT ui);
CCW_API BSTR STDAPICALLTYPE SysAllocStringByteLen(LPCSTR psz, UINT len);
CCW_API INT STDAPICALLTYPE SysReAllocString(BSTR *pbstr, const OLECHAR *psz);
CCW_API INT STDAPICALLTYPE SysReAllocStringLen(BSTR *pbstr, const OLECHAR *psz,
	UINT len);
CCW_API void STDAPICALLTYPE SysFreeString(BSTR bstrString);
CCW_API UINT STDAPICALLTYPE SysStringLen(BSTR pbstr);
CCW_API UINT STDAPICALLTYPE SysStringByteLen(BSTR bstr);

/* VARIANTs (compat/variant.c, compat/variant_change.c). */
CCW_API void STDAPICALLTYPE VariantInit(VARIANTARG *pvarg);
CCW_API HRESULT STDAPICALLTYPE VariantClear(VARIANTARG *pvarg);
CCW_API HRESULT STDAPICALLTYPE VariantCopy(VARIANTARG *pvargDest,
	const VARIANTARG *pvargSrc);
CCW_API HRESULT STDAPICALLTYPE VariantCopyInd(VARIANT *pvarDest,
	const VARIANTARG *pvargSrc);
CCW_API HRESULT STDAPICALLTYPE VariantChangeType(VARIANTARG *pvargDest,
	const VARIANTARG *pvarSrc, USHORT wFlags, VARTYPE vt);
CCW_API HRESULT STDAPICALLTYPE VariantChangeTypeEx(VARIANTARG *pvargDest,
	const VARIANTARG *pvarSrc, LCID lcid, USHORT wFlags, VARTYPE vt);

/* SAFEARRAYs (compat/safearray.c). */
CCW_API SAFEARRAY *STDAPICALLTYPE SafeArrayCreateVector(VARTYPE vt, LONG lLbound,
	ULONG cElements);
CCW_API HRESULT STDAPICALLTYPE SafeArrayAccessData(SAFEARRAY *psa, void **ppvData);
CCW_API HRESULT STDAPICALLTYPE SafeArrayUnaccessData(SAFEARRAY *psa);
CCW_API HRESULT STDAPICALLTYPE SafeArrayGetLBound(SAFEARRAY *psa, UINT nDim,
	LONG *plLbound);
CCW_API HRESULT STDAPICALLTYPE SafeArrayGetUBound(SAFEARRAY *psa, UINT nDim,
	LONG *plUbound);
CCW_API UINT STDAPICALLTYPE SafeArrayGetDim(SAFEARRAY *psa);
CCW_API UINT STDAPICALLTYPE SafeArrayGetElemsize(SAFEARRAY *psa);
CCW_API HRESULT STDAPICALLTYPE SafeArrayGetVartype(SAFEARRAY *psa, VARTYPE *pvt);
CCW_API HRESULT STDAPICALLTYPE SafeArrayCopy(SAFEARRAY *psa, SAFEARRAY **ppsaOut);
CCW_API HRESULT STDAPICALLTYPE SafeArrayDestroy(SAFEARRAY *psa);

/* Per-thread error objects (compat/errorinfo.c). */
CCW_API HRESULT STDAPICALLTYPE SetErrorInfo(ULONG dwReserved, IErrorInfo *perrinfo);
CCW_API HRESULT STDAPICALLTYPE GetErrorInfo(ULONG dwReserved, IErrorInfo **pperrinfo);
CCW_API HRESULT STDAPICALLTYPE CreateErrorInfo(ICreateErrorInfo **pperrinfo);

/* Activation of in-process servers through the JSON registry, and the
 * per-thread initialization count (compat/activation.c; docs/activation.md). */
typedef HRESULT (STDAPICALLTYPE *LPFNGETCLASSOBJECT)(REFCLSID, REFIID, LPVOID *);
typedef HRESULT (STDAPICALLTYPE *LPFNCANUNLOADNOW)(void);
CCW_API HRESULT STDAPICALLTYPE CoInitialize(LPVOID pvReserved);
CCW_API HRESULT STDAPICALLTYPE CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit);
CCW_API void STDAPICALLTYPE CoUninitialize(void);
CCW_API HRESULT STDAPICALLTYPE CoGetClassObject(REFCLSID rclsid, DWORD dwClsContext,
	LPVOID pvReserved, REFIID riid, LPVOID *ppv);
CCW_API HRESULT STDAPICALLTYPE CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter,
	DWORD dwClsContext, REFIID riid, LPVOID *ppv);
CCW_API void STDAPICALLTYPE CoFreeUnusedLibraries(void);
CCW_API void STDAPICALLTYPE CoFreeUnusedLibrariesEx(DWORD dwUnloadDelay, DWORD dwReserved);
CCW_API HRESULT STDAPICALLTYPE CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid);
CCW_API HRESULT STDAPICALLTYPE ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *lplpszProgID);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ---- Layout checks: the sizes and offsets Windows gives these types, measured
 *      with mingw-w64's headers for x86-64 and i686. ------------------------- */
#define CCW_PTR_SIZE(p32, p64) (sizeof(void *) == 8 ? (p64) : (p32))

CCW_STATIC_ASSERT(sizeof(WCHAR) == 2, wchar_16_bits);
CCW_STATIC_ASSERT(sizeof(LONG) == 4 && sizeof(ULONG) == 4, long_32_bits);
CCW_STATIC_ASSERT(sizeof(GUID) == 16, guid_size);
CCW_STATIC_ASSERT(sizeof(CY) == 8, cy_size);
CCW_STATIC_ASSERT(sizeof(DECIMAL) == 16, decimal_size);
CCW_STATIC_ASSERT(offsetof(DECIMAL, scale) == 2, decimal_scale);
CCW_STATIC_ASSERT(offsetof(DECIMAL, sign) == 3, decimal_sign);
CCW_STATIC_ASSERT(offsetof(DECIMAL, Hi32) == 4, decimal_hi32);
CCW_STATIC_ASSERT(offsetof(DECIMAL, Lo32) == 8, decimal_lo32);
CCW_STATIC_ASSERT(offsetof(DECIMAL, Mid32) == 12, decimal_mid32);
CCW_STATIC_ASSERT(offsetof(DECIMAL, Lo64) == 8, decimal_lo64);
CCW_STATIC_ASSERT(sizeof(VARIANT) == CCW_PTR_SIZE(16, 24), variant_size);
CCW_STATIC_ASSERT(offsetof(VARIANT, vt) == 0, variant_vt);
CCW_STATIC_ASSERT(offsetof(VARIANT, wReserved1) == 2, variant_reserved1);
CCW_STATIC_ASSERT(offsetof(VARIANT, llVal) == 8, variant_union);
CCW_STATIC_ASSERT(offsetof(VARIANT, pvRecord) == 8, variant_pvrecord);
CCW_STATIC_ASSERT(offsetof(VARIANT, pRecInfo) == CCW_PTR_SIZE(12, 16),
	variant_precinfo);
CCW_STATIC_ASSERT(offsetof(VARIANT, decVal) == 0, variant_decval);
CCW_STATIC_ASSERT(sizeof(SAFEARRAYBOUND) == 8, safearraybound_size);
CCW_STATIC_ASSERT(sizeof(SAFEARRAY) == CCW_PTR_SIZE(24, 32), safearray_size);
CCW_STATIC_ASSERT(offsetof(SAFEARRAY, cLocks) == 8, safearray_clocks);
CCW_STATIC_ASSERT(offsetof(SAFEARRAY, pvData) == CCW_PTR_SIZE(12, 16),
	safearray_pvdata);
CCW_STATIC_ASSERT(offsetof(SAFEARRAY, rgsabound) == CCW_PTR_SIZE(16, 24),
	safearray_rgsabound);
CCW_STATIC_ASSERT(sizeof(DISPPARAMS) == CCW_PTR_SIZE(16, 24), dispparams_size);
CCW_STATIC_ASSERT(offsetof(DISPPARAMS, cArgs) == CCW_PTR_SIZE(8, 16),
	dispparams_cargs);
CCW_STATIC_ASSERT(sizeof(EXCEPINFO) == CCW_PTR_SIZE(32, 64), excepinfo_size);
CCW_STATIC_ASSERT(offsetof(EXCEPINFO, bstrSource) == CCW_PTR_SIZE(4, 8),
	excepinfo_bstrsource);
CCW_STATIC_ASSERT(offsetof(EXCEPINFO, dwHelpContext) == CCW_PTR_SIZE(16, 32),
	excepinfo_dwhelpcontext);
CCW_STATIC_ASSERT(offsetof(EXCEPINFO, pfnDeferredFillIn) == CCW_PTR_SIZE(24, 48),
	excepinfo_pfndeferredfillin);
CCW_STATIC_ASSERT(offsetof(EXCEPINFO, scode) == CCW_PTR_SIZE(28, 56), excepinfo_scode);
CCW_STATIC_ASSERT(sizeof(TYPEDESC) == CCW_PTR_SIZE(8, 16), typedesc_size);
CCW_STATIC_ASSERT(offsetof(TYPEDESC, vt) == CCW_PTR_SIZE(4, 8), typedesc_vt);
CCW_STATIC_ASSERT(sizeof(ARRAYDESC) == CCW_PTR_SIZE(20, 32), arraydesc_size);
CCW_STATIC_ASSERT(sizeof(PARAMDESCEX) == CCW_PTR_SIZE(24, 32), paramdescex_size);
CCW_STATIC_ASSERT(offsetof(PARAMDESCEX, varDefaultValue) == 8,
	paramdescex_vardefaultvalue);
CCW_STATIC_ASSERT(sizeof(PARAMDESC) == CCW_PTR_SIZE(8, 16), paramdesc_size);
CCW_STATIC_ASSERT(sizeof(IDLDESC) == CCW_PTR_SIZE(8, 16), idldesc_size);
CCW_STATIC_ASSERT(sizeof(ELEMDESC) == CCW_PTR_SIZE(16, 32), elemdesc_size);
CCW_STATIC_ASSERT(offsetof(ELEMDESC, paramdesc) == CCW_PTR_SIZE(8, 16),
	elemdesc_paramdesc);
CCW_STATIC_ASSERT(sizeof(TYPEATTR) == CCW_PTR_SIZE(76, 96), typeattr_size);
CCW_STATIC_ASSERT(offsetof(TYPEATTR, lpstrSchema) == CCW_PTR_SIZE(32, 32),
	typeattr_lpstrschema);
CCW_STATIC_ASSERT(offsetof(TYPEATTR, typekind) == CCW_PTR_SIZE(40, 44),
	typeattr_typekind);
CCW_STATIC_ASSERT(offsetof(TYPEATTR, wTypeFlags) == CCW_PTR_SIZE(54, 58),
	typeattr_wtypeflags);
CCW_STATIC_ASSERT(offsetof(TYPEATTR, tdescAlias) == CCW_PTR_SIZE(60, 64),
	typeattr_tdescalias);
CCW_STATIC_ASSERT(offsetof(TYPEATTR, idldescType) == CCW_PTR_SIZE(68, 80),
	typeattr_idldesctype);
CCW_STATIC_ASSERT(sizeof(FUNCDESC) == CCW_PTR_SIZE(52, 88), funcdesc_size);
CCW_STATIC_ASSERT(offsetof(FUNCDESC, funckind) == CCW_PTR_SIZE(12, 24),
	funcdesc_funckind);
CCW_STATIC_ASSERT(offsetof(FUNCDESC, cParams) == CCW_PTR_SIZE(24, 36),
	funcdesc_cparams);
CCW_STATIC_ASSERT(offsetof(FUNCDESC, oVft) == CCW_PTR_SIZE(28, 40), funcdesc_ovft);
CCW_STATIC_ASSERT(offsetof(FUNCDESC, elemdescFunc) == CCW_PTR_SIZE(32, 48),
	funcdesc_elemdescfunc);
CCW_STATIC_ASSERT(offsetof(FUNCDESC, wFuncFlags) == CCW_PTR_SIZE(48, 80),
	funcdesc_wfuncflags);
CCW_STATIC_ASSERT(sizeof(VARDESC) == CCW_PTR_SIZE(36, 64), vardesc_size);
CCW_STATIC_ASSERT(offsetof(VARDESC, oInst) == CCW_PTR_SIZE(8, 16), vardesc_oinst);
CCW_STATIC_ASSERT(offsetof(VARDESC, elemdescVar) == CCW_PTR_SIZE(12, 24),
	vardesc_elemdescvar);
CCW_STATIC_ASSERT(offsetof(VARDESC, wVarFlags) == CCW_PTR_SIZE(28, 56),
	vardesc_wvarflags);
CCW_STATIC_ASSERT(offsetof(VARDESC, varkind) == CCW_PTR_SIZE(32, 60), vardesc_varkind);
CCW_STATIC_ASSERT(sizeof(TLIBATTR) == 32, tlibattr_size);
CCW_STATIC_ASSERT(offsetof(TLIBATTR, syskind) == 20, tlibattr_syskind);
CCW_STATIC_ASSERT(offsetof(TLIBATTR, wLibFlags) == 28, tlibattr_wlibflags);

#endif /* !_WIN32 */

#endif /* CCW_COM_H */
