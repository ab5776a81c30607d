/*
 * A COM object written the way Windows C++ code writes one: a class that
 * overrides IDispatch's pure virtual methods.  It is called through
 * IUnknown * and IDispatch * here, and through the C lpVtbl declarations by
 * c_caller.c, which proves that the C++ declarations in <ccw/com.h> give the
 * same slots as the C ones.
 */
#include <ccw/com.h>

#include <cstdio>

extern "C" ULONG c_caller_addref_release(void *object, ULONG *after_addref);
extern "C" UINT c_caller_type_info_count(void *object);
extern "C" HRESULT c_caller_query(void *object, const IID *iid, void **out);

namespace {

int destroyed;

class Thing final : public IDispatch {
public:
	HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void **ppv) override
	{
		if (ppv == nullptr)
			return E_POINTER;
		if (riid == IID_IUnknown || IsEqualIID(riid, IID_IDispatch)) {
			*ppv = static_cast<IDispatch *>(this);
			AddRef();
			return S_OK;
		}
		*ppv = nullptr;
		return E_NOINTERFACE;
	}

	ULONG STDMETHODCALLTYPE AddRef() override
	{
		return ++refs;
	}

	ULONG STDMETHODCALLTYPE Release() override
	{
		ULONG left = --refs;
		if (left == 0) {
			destroyed++;
			delete this;
		}
		return left;
	}

	HRESULT STDMETHODCALLTYPE GetTypeInfoCount(UINT *pctinfo) override
	{
		*pctinfo = 42;
		return S_OK;
	}

	HRESULT STDMETHODCALLTYPE GetTypeInfo(UINT, LCID, ITypeInfo **ppTInfo) override
	{
		*ppTInfo = nullptr;
		return E_NOTIMPL;
	}

	HRESULT STDMETHODCALLTYPE GetIDsOfNames(REFIID, LPOLESTR *, UINT, LCID,
		DISPID *) override
	{
		return DISP_E_UNKNOWNNAME;
	}

	HRESULT STDMETHODCALLTYPE Invoke(DISPID, REFIID, LCID, WORD, DISPPARAMS *,
		VARIANT *, EXCEPINFO *, UINT *) override
	{
		return DISP_E_MEMBERNOTFOUND;
	}

private:
	ULONG refs = 1;
};

int failures;

void expect(bool ok, const char *what)
{
	if (!ok) {
		std::fprintf(stderr, "FAIL: %s\n", what);
		failures++;
	}
}

} // namespace

int main()
{
	IUnknown *unknown = new Thing();
	void *out = nullptr;
	static const OLECHAR name[] = OLESTR("T\u00e9");

	expect(sizeof(name) == 3 * sizeof(OLECHAR) && name[0] == 'T' && name[1] == 0xe9,
		"OLESTR is UTF-16");

	expect(unknown->AddRef() == 2, "AddRef through IUnknown * counts");
	expect(unknown->Release() == 1, "Release through IUnknown * counts");

	expect(unknown->QueryInterface(IID_IDispatch, &out) == S_OK, "QI for IDispatch");
	IDispatch *dispatch = static_cast<IDispatch *>(out);
	UINT count = 0;
	expect(dispatch->GetTypeInfoCount(&count) == S_OK && count == 42,
		"GetTypeInfoCount through IDispatch *");
	expect(dispatch->Release() == 1, "Release the QI reference");

	out = &out;
	expect(unknown->QueryInterface(IID_ITypeInfo, &out) == E_NOINTERFACE && out == nullptr,
		"QI for an unknown IID fails and clears the out pointer");

	ULONG after_addref = 0;
	expect(c_caller_addref_release(unknown, &after_addref) == 1 && after_addref == 2,
		"AddRef and Release through the C vtable");
	expect(c_caller_type_info_count(unknown) == 42, "slot 3 through the C vtable");
	expect(c_caller_query(unknown, &IID_IUnknown, &out) == S_OK && out == unknown,
		"QueryInterface through the C vtable");
	expect(unknown->Release() == 1, "Release the C QI reference");

	expect(unknown->Release() == 0 && destroyed == 1, "the last Release destroys");
	return failures == 0 ? 0 : 1;
}
