/*
 * client: an early-bound C client of Example.Counter, written as on Windows.
 *
 * It knows the component only by its generated header (CLSIDs, IIDs and the
 * ICounter/INamed vtables); CoCreateInstance finds the component through the
 * registry (`ccw register counter.so` on Linux, `regsvr32` on Windows).
 * INITGUID makes the header's DEFINE_GUIDs define the GUIDs in this file, as
 * in any Windows client.
 */
#define INITGUID
#include "counter_ccw.h"

#include <ccw/runtime.h>

#include <stdio.h>

static void print_bstr(const char *label, BSTR text)
{
	char *utf8 = NULL;

	if (SUCCEEDED(ccw_bstr_to_utf8(text, &utf8, NULL)))
		printf("  %-28s \"%s\"\n", label, utf8);
	ccw_string_free(utf8);
}

/* The description of the error the last failing call raised. */
static void print_error_info(HRESULT hr)
{
	IErrorInfo *info = NULL;
	BSTR source = NULL, description = NULL;

	printf("  failed with HRESULT 0x%08X\n", (unsigned)hr);
	if (GetErrorInfo(0, &info) != S_OK)
		return;
	if (SUCCEEDED(IErrorInfo_GetSource(info, &source)))
		print_bstr("IErrorInfo source:", source);
	if (SUCCEEDED(IErrorInfo_GetDescription(info, &description)))
		print_bstr("IErrorInfo description:", description);
	SysFreeString(source);
	SysFreeString(description);
	IErrorInfo_Release(info);
}

int main(void)
{
	ICounter *counter = NULL;
	INamed *named = NULL;
	BSTR name = NULL, text = NULL;
	LONG value = 0;
	HRESULT hr;

	hr = CoCreateInstance(&CLSID_Counter, NULL, CLSCTX_INPROC_SERVER, &IID_ICounter,
			      (void **)&counter);
	if (FAILED(hr)) {
		fprintf(stderr, "CoCreateInstance(CLSID_Counter): 0x%08X\n", (unsigned)hr);
		return 1;
	}
	printf("CoCreateInstance(CLSID_Counter, IID_ICounter)  -> S_OK\n");

	ICounter_Add(counter, 40);
	ICounter_Add(counter, 2);
	ICounter_get_Value(counter, &value);
	printf("  Add(40); Add(2); Value      -> %d\n", (int)value);

	ICounter_QueryInterface(counter, &IID_INamed, (void **)&named);
	name = SysAllocString(OLESTR("answer"));
	INamed_put_Name(named, name);
	INamed_Describe(named, &text);
	print_bstr("Name = \"answer\"; Describe() ->", text);

	printf("Add(2147483647) overflows: the C function returns -ERANGE\n");
	hr = ICounter_Add(counter, 2147483647);
	print_error_info(hr);

	SysFreeString(name);
	SysFreeString(text);
	INamed_Release(named);
	ICounter_Release(counter);
	return 0;
}
