/*
 * The C side of cxx_object.cpp: calls a C++ object through the lpVtbl
 * structs and COBJMACROS call macros of <ccw/com.h>.
 */
#include <ccw/com.h>

ULONG c_caller_addref_release(void *object, ULONG *after_addref);
UINT c_caller_type_info_count(void *object);
HRESULT c_caller_query(void *object, const IID *iid, void **out);

ULONG c_caller_addref_release(void *object, ULONG *after_addref)
{
	IUnknown *unknown = object;

	*after_addref = IUnknown_AddRef(unknown);
	return IUnknown_Release(unknown);
}

UINT c_caller_type_info_count(void *object)
{
	IDispatch *dispatch = object;
	UINT count = 0;

	if (FAILED(IDispatch_GetTypeInfoCount(dispatch, &count)))
		return 0;
	return count;
}

HRESULT c_caller_query(void *object, const IID *iid, void **out)
{
	return IUnknown_QueryInterface((IUnknown *)object, iid, out);
}
