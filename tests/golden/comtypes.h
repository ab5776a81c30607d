/* The COM names ccwgen passes through, declared minimally so the golden
 * inputs do not depend on <ccw/com.h>: ccwgen recognises them by name. */
#ifndef GOLDEN_COMTYPES_H
#define GOLDEN_COMTYPES_H
typedef unsigned short OLECHAR;
typedef OLECHAR *BSTR;
typedef long HRESULT;
typedef short VARIANT_BOOL;
typedef struct tagVARIANT { unsigned short vt; unsigned char pad[22]; } VARIANT;
typedef struct IUnknown IUnknown;
typedef struct IDispatch IDispatch;
#endif
