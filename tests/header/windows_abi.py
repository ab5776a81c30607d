#!/usr/bin/env python3
"""Check include/ccw/com.h against the real Windows headers.

Every integer constant com.h defines (found by reading com.h, so a new one is
checked as soon as it is added), the size and field offsets of every data
type, the slot offset of every interface method and the bytes of every IID are
compiled into one probe twice: once against com.h for the host, once against
mingw-w64's <windows.h>/<ole2.h>/<oleauto.h> for the Windows target with the
same pointer size.  The compilers fold each probe into a constant in the
assembly they emit; any value that differs is reported and fails the test.
The Windows probe also redeclares every API function com.h declares, so a
return or parameter type that differs from Windows' does not compile.

usage: windows_abi.py COM_H IIDS_C HOST_CC WINDOWS_CC [--m32]
  --m32   compare the i386 layout: HOST_CC gets -m32, WINDOWS_CC targets i686
"""
import os
import re
import subprocess
import sys
import tempfile

# Macros in com.h that are not integer constants.
NOT_VALUES = {
    'COBJMACROS', 'CONST_VTABLE', 'CONST_VTBL', 'BEGIN_INTERFACE', 'END_INTERFACE',
    'CCW_API', 'CCW_COM_H', 'CCW_STDCALL', 'CCW_ALIGN8', 'STDMETHODCALLTYPE',
    'STDMETHODVCALLTYPE', 'STDAPICALLTYPE', 'STDAPIVCALLTYPE', 'WINAPI', 'CALLBACK',
    'EXTERN_C', 'STDAPI', 'STDMETHODIMP', 'PURE', 'THIS_', 'THIS', 'REFGUID',
    'REFIID', 'REFCLSID', 'VARIANT_TRUE', 'VARIANT_FALSE',
}

# Windows defines VARIANT_TRUE/FALSE as casts of -1/0; checked through a
# variable of their own type instead.
EXPRESSIONS = {
    'VARIANT_TRUE': 'VARIANT_TRUE',
    'VARIANT_FALSE': 'VARIANT_FALSE',
    'HRESULT_FROM_WIN32_0': 'HRESULT_FROM_WIN32(0)',
    'HRESULT_FROM_WIN32_FILE_NOT_FOUND': 'HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)',
    'HRESULT_FROM_WIN32_NEGATIVE': 'HRESULT_FROM_WIN32(E_FAIL)',
    'HRESULT_FROM_WIN32_LARGE': 'HRESULT_FROM_WIN32(0x12345)',
    'MAKE_HRESULT_ITF': 'MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200 + 22)',
    'MAKE_SCODE_ITF': 'MAKE_SCODE(SEVERITY_ERROR, FACILITY_ITF, 0x201)',
    'HRESULT_CODE_E_INVALIDARG': 'HRESULT_CODE(E_INVALIDARG)',
    'HRESULT_FACILITY_E_INVALIDARG': 'HRESULT_FACILITY(E_INVALIDARG)',
    'HRESULT_SEVERITY_E_INVALIDARG': 'HRESULT_SEVERITY(E_INVALIDARG)',
    'SUCCEEDED_S_FALSE': 'SUCCEEDED(S_FALSE)',
    'FAILED_E_FAIL': 'FAILED(E_FAIL)',
    'MAKELCID_EN_US': 'MAKELCID(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), SORT_DEFAULT)',
    'PRIMARYLANGID_EN_US': 'PRIMARYLANGID(0x0409)',
    'SUBLANGID_EN_US': 'SUBLANGID(0x0409)',
}

TYPES = ['BYTE', 'WORD', 'DWORD', 'LONG', 'ULONG', 'INT', 'UINT', 'SHORT', 'USHORT',
         'CHAR', 'UCHAR', 'LONGLONG', 'ULONGLONG', 'LONG_PTR', 'ULONG_PTR', 'SIZE_T',
         'BOOL', 'FLOAT', 'DOUBLE', 'WCHAR', 'OLECHAR', 'BSTR', 'VARIANT_BOOL',
         'VARTYPE', 'SCODE', 'HRESULT', 'LCID', 'DISPID', 'MEMBERID', 'HREFTYPE', 'DATE',
         'TYPEKIND', 'FUNCKIND', 'INVOKEKIND', 'CALLCONV', 'VARKIND', 'DESCKIND',
         'SYSKIND', 'BINDPTR']

STRUCTS = {
    'GUID': ['Data1', 'Data2', 'Data3', 'Data4'],
    'CY': ['Lo', 'Hi', 'int64'],
    'DECIMAL': ['wReserved', 'scale', 'sign', 'signscale', 'Hi32', 'Lo32', 'Mid32',
                'Lo64'],
    'VARIANT': ['vt', 'wReserved1', 'wReserved2', 'wReserved3', 'llVal', 'lVal',
                'bVal', 'iVal', 'fltVal', 'dblVal', 'boolVal', 'scode', 'cyVal',
                'date', 'bstrVal', 'punkVal', 'pdispVal', 'parray', 'pbVal', 'piVal',
                'plVal', 'pllVal', 'pfltVal', 'pdblVal', 'pboolVal', 'pscode',
                'pcyVal', 'pdate', 'pbstrVal', 'ppunkVal', 'ppdispVal', 'pparray',
                'pvarVal', 'byref', 'cVal', 'uiVal', 'ulVal', 'ullVal', 'intVal',
                'uintVal', 'pdecVal', 'pcVal', 'puiVal', 'pulVal', 'pullVal',
                'pintVal', 'puintVal', 'pvRecord', 'pRecInfo', 'decVal'],
    'SAFEARRAYBOUND': ['cElements', 'lLbound'],
    'SAFEARRAY': ['cDims', 'fFeatures', 'cbElements', 'cLocks', 'pvData', 'rgsabound'],
    'DISPPARAMS': ['rgvarg', 'rgdispidNamedArgs', 'cArgs', 'cNamedArgs'],
    'EXCEPINFO': ['wCode', 'wReserved', 'bstrSource', 'bstrDescription',
                  'bstrHelpFile', 'dwHelpContext', 'pvReserved', 'pfnDeferredFillIn',
                  'scode'],
    'TYPEDESC': ['lptdesc', 'lpadesc', 'hreftype', 'vt'],
    'ARRAYDESC': ['tdescElem', 'cDims', 'rgbounds'],
    'PARAMDESCEX': ['cBytes', 'varDefaultValue'],
    'PARAMDESC': ['pparamdescex', 'wParamFlags'],
    'IDLDESC': ['dwReserved', 'wIDLFlags'],
    'ELEMDESC': ['tdesc', 'idldesc', 'paramdesc'],
    'TYPEATTR': ['guid', 'lcid', 'dwReserved', 'memidConstructor', 'memidDestructor',
                 'lpstrSchema', 'cbSizeInstance', 'typekind', 'cFuncs', 'cVars',
                 'cImplTypes', 'cbSizeVft', 'cbAlignment', 'wTypeFlags',
                 'wMajorVerNum', 'wMinorVerNum', 'tdescAlias', 'idldescType'],
    'FUNCDESC': ['memid', 'lprgscode', 'lprgelemdescParam', 'funckind', 'invkind',
                 'callconv', 'cParams', 'cParamsOpt', 'oVft', 'cScodes',
                 'elemdescFunc', 'wFuncFlags'],
    'VARDESC': ['memid', 'lpstrSchema', 'oInst', 'lpvarValue', 'elemdescVar',
                'wVarFlags', 'varkind'],
    'TLIBATTR': ['guid', 'lcid', 'syskind', 'wMajorVerNum', 'wMinorVerNum',
                 'wLibFlags'],
}

UNKNOWN = ['QueryInterface', 'AddRef', 'Release']
DISPATCH = UNKNOWN + ['GetTypeInfoCount', 'GetTypeInfo', 'GetIDsOfNames', 'Invoke']
VTABLES = {
    'IUnknown': UNKNOWN,
    'IClassFactory': UNKNOWN + ['CreateInstance', 'LockServer'],
    'IMalloc': UNKNOWN + ['Alloc', 'Realloc', 'Free', 'GetSize', 'DidAlloc',
                          'HeapMinimize'],
    'IDispatch': DISPATCH,
    'IEnumVARIANT': UNKNOWN + ['Next', 'Skip', 'Reset', 'Clone'],
    'IErrorInfo': UNKNOWN + ['GetGUID', 'GetSource', 'GetDescription', 'GetHelpFile',
                             'GetHelpContext'],
    'ICreateErrorInfo': UNKNOWN + ['SetGUID', 'SetSource', 'SetDescription',
                                   'SetHelpFile', 'SetHelpContext'],
    'ISupportErrorInfo': UNKNOWN + ['InterfaceSupportsErrorInfo'],
    'ITypeComp': UNKNOWN + ['Bind', 'BindType'],
    'ITypeInfo': UNKNOWN + ['GetTypeAttr', 'GetTypeComp', 'GetFuncDesc', 'GetVarDesc',
                            'GetNames', 'GetRefTypeOfImplType', 'GetImplTypeFlags',
                            'GetIDsOfNames', 'Invoke', 'GetDocumentation',
                            'GetDllEntry', 'GetRefTypeInfo', 'AddressOfMember',
                            'CreateInstance', 'GetMops', 'GetContainingTypeLib',
                            'ReleaseTypeAttr', 'ReleaseFuncDesc', 'ReleaseVarDesc'],
    'ITypeLib': UNKNOWN + ['GetTypeInfoCount', 'GetTypeInfo', 'GetTypeInfoType',
                           'GetTypeInfoOfGuid', 'GetLibAttr', 'GetTypeComp',
                           'GetDocumentation', 'IsName', 'FindName',
                           'ReleaseTLibAttr'],
    'IRecordInfo': UNKNOWN + ['RecordInit', 'RecordClear', 'RecordCopy', 'GetGuid',
                              'GetName', 'GetSize', 'GetTypeInfo', 'GetField',
                              'GetFieldNoCopy', 'PutField', 'PutFieldNoCopy',
                              'GetFieldNames', 'IsMatchingType', 'RecordCreate',
                              'RecordCreateCopy', 'RecordDestroy'],
}

# Newer than mingw-w64 10's winerror.h: the values Microsoft documents
# ("COM Error Codes (Generic)"), used only where the Windows headers lack them.
NOT_IN_MINGW = {
    'E_BOUNDS': '((HRESULT)0x8000000BL)',
    'E_CHANGED_STATE': '((HRESULT)0x8000000CL)',
    'E_ILLEGAL_STATE_CHANGE': '((HRESULT)0x8000000DL)',
    'E_ILLEGAL_METHOD_CALL': '((HRESULT)0x8000000EL)',
}

# Current Windows SDKs declare the source VARIANT of these const; mingw-w64 10
# does not.  The parameters are compared with that const removed.
CONST_SOURCE_IN_NEWER_SDK = {'VariantCopy', 'VariantCopyInd', 'VariantChangeType',
                             'VariantChangeTypeEx'}

# GUID_NULL, IID_NULL and CLSID_NULL are not initialised in Windows' headers.
IIDS = ['IID_' + name for name in VTABLES]


def constants_of(com_h):
    """Object-like macros and enumerators with an integer value in com.h."""
    text = open(com_h, encoding='utf-8').read()
    names = re.findall(r'^#\s*define\s+([A-Z][A-Z0-9_]*)[ \t]+\S', text, re.M)
    names += re.findall(r'^\t([A-Z][A-Z0-9_]*)(?: = [^,\n]+)?,?$', text, re.M)
    seen = []
    for name in names:
        if name in NOT_VALUES or name.startswith('CCW_') or name in seen:
            continue
        seen.append(name)
    return seen


def prototypes_of(com_h):
    """Redeclarations of com.h's API functions, which fail to compile against
    the Windows headers if a return or parameter type differs."""
    text = open(com_h, encoding='utf-8').read()
    found = re.findall(r'^CCW_API ([^;]*?)\bSTDAPICALLTYPE (\w+)\(([^;]*?)\);', text,
                       re.M | re.S)
    functions = re.findall(r'^CCW_API (?!extern)[^;]*\(', text, re.M)
    if len(functions) != len(found):
        sys.exit('%s: %d of its %d API functions lack STDAPICALLTYPE' %
                 (com_h, len(functions) - len(found), len(functions)))
    lines = []
    for result, name, params in found:
        params = ' '.join(params.split())
        if name in CONST_SOURCE_IN_NEWER_SDK:
            params = params.replace('const VARIANTARG', 'VARIANTARG')
        lines.append('EXTERN_C %s STDAPICALLTYPE %s(%s);' % (result.strip(), name, params))
    return lines


def probe_source(com_h, with_iids):
    values = {name: name for name in constants_of(com_h)}
    values.update(EXPRESSIONS)
    for name in TYPES:
        values['sizeof_' + name] = 'sizeof(%s)' % name
    for struct, fields in STRUCTS.items():
        values['sizeof_' + struct] = 'sizeof(%s)' % struct
        for field in fields:
            values['offsetof_%s_%s' % (struct, field)] = \
                'offsetof(%s, %s)' % (struct, field)
    for iface, methods in VTABLES.items():
        values['sizeof_%sVtbl' % iface] = 'sizeof(%sVtbl)' % iface
        for method in methods:
            values['slot_%s_%s' % (iface, method)] = \
                'offsetof(%sVtbl, %s) / sizeof(void *)' % (iface, method)
    if with_iids:
        for iid in IIDS:
            values[iid + '_Data1'] = '%s.Data1' % iid
            values[iid + '_Data2'] = '%s.Data2' % iid
            values[iid + '_Data3'] = '%s.Data3' % iid
            for i in range(8):
                values['%s_Data4_%d' % (iid, i)] = '%s.Data4[%d]' % (iid, i)
    lines = [
        '#ifdef PROBE_WINDOWS',
        '#define INITGUID',
        '#include <windows.h>',
        '#include <ole2.h>',
        '#include <oleauto.h>',
        '#include <olectl.h>',
    ]
    for name, value in NOT_IN_MINGW.items():
        lines += ['#ifndef ' + name, '#define %s %s' % (name, value), '#endif']
    lines += prototypes_of(com_h)
    lines += [
        '#else',
        '#include <ccw/com.h>',
        '#include "iids.c"' if with_iids else '',
        '#endif',
        '#include <stddef.h>',
    ]
    for name, expr in values.items():
        lines.append('const long long probe_%s = (long long)(%s);' % (name, expr))
    return '\n'.join(lines) + '\n'


def probe_values(command, source, workdir, label):
    path = os.path.join(workdir, label + '.c')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(source)
    result = subprocess.run(command + ['-O0', '-S', '-o', '-', path],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit('%s: compiling the probe failed:\n%s%s' %
                 (label, result.stdout, result.stderr))
    # 64-bit values appear as ".quad N", as ".long LOW" + ".long HIGH" (gcc for
    # i386), or for zero as ".zero 8" (ELF) or ".space 8" (PE).
    found = re.findall(r'^_?probe_(\w+):\s*\n\s*\.(?:quad\s+(-?\d+)|(?:zero|space)\s+8'
                       r'|long\s+(-?\d+)\s*\n\s*\.long\s+(-?\d+))', result.stdout, re.M)
    values = {}
    for name, quad, low, high in found:
        if quad:
            values[name] = int(quad)
        elif low:
            values[name] = (int(high) << 32) | (int(low) & 0xffffffff)
        else:
            values[name] = 0
    return values


def main():
    args = [a for a in sys.argv[1:] if a != '--m32']
    m32 = '--m32' in sys.argv[1:]
    if len(args) != 4:
        sys.exit(__doc__)
    com_h, iids_c, host_cc, windows_cc = args
    include = os.path.dirname(os.path.dirname(os.path.abspath(com_h)))
    host = host_cc.split() + ['-std=c11', '-I', include,
                              '-I', os.path.dirname(os.path.abspath(iids_c))]
    windows = windows_cc.split() + ['-std=c11', '-DPROBE_WINDOWS']
    if m32:
        host.append('-m32')
    # clang does not fold reads of const GUID objects into constants; gcc does.
    with_iids = not m32
    source = probe_source(com_h, with_iids)
    expected_count = source.count('const long long probe_')
    with tempfile.TemporaryDirectory() as workdir:
        ours = probe_values(host, source, workdir, 'ccw')
        theirs = probe_values(windows, source, workdir, 'windows')
    failures = []
    for label, values in (('ccw', ours), ('windows', theirs)):
        if len(values) != expected_count:
            failures.append('%s: read %d of %d probes from the assembly' %
                            (label, len(values), expected_count))
    for name in sorted(set(ours) & set(theirs)):
        if ours[name] != theirs[name]:
            failures.append('%s: com.h %d, Windows %d' % (name, ours[name], theirs[name]))
    for line in failures:
        print(line)
    print('%d probes compared, %d differ' % (len(set(ours) & set(theirs)), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
