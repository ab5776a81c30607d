/*
 * hello: the portable COM API of libccw, used exactly as on Windows.
 *
 * Builds a BSTR from UTF-8, coerces VARIANTs the way a script host does, and
 * shows a failing conversion with its HRESULT. `make demo` runs it.
 */
#include <ccw/runtime.h>

#include <stdio.h>

static void show_variant(const char *label, VARIANT *v)
{
	VARIANT text;
	char *utf8 = NULL;

	VariantInit(&text);
	if (SUCCEEDED(VariantChangeType(&text, v, VARIANT_ALPHABOOL, VT_BSTR)) &&
	    SUCCEEDED(ccw_bstr_to_utf8(V_BSTR(&text), &utf8, NULL)))
		printf("  %-34s -> vt %2u, \"%s\"\n", label, V_VT(v), utf8);
	ccw_string_free(utf8);
	VariantClear(&text);
}

int main(void)
{
	VARIANT v, result;
	BSTR greeting = NULL;
	OLECHAR guid_text[39];
	char *guid_utf8 = NULL;
	HRESULT hr;

	printf("libccw: the COM API on Linux, under its standard names\n\n");

	hr = ccw_bstr_from_utf8("Grüße, 世界 😀", CCW_NUL_TERMINATED, &greeting);
	if (FAILED(hr))
		return 1;
	printf("BSTR from UTF-8: %u UTF-16 code units, %u bytes\n\n", SysStringLen(greeting),
	       SysStringByteLen(greeting));
	SysFreeString(greeting);

	printf("VariantChangeType, as a script host coerces arguments:\n");
	VariantInit(&v);
	V_VT(&v) = VT_BSTR;
	V_BSTR(&v) = SysAllocString(OLESTR("  41.5 "));
	VariantInit(&result);
	hr = VariantChangeType(&result, &v, 0, VT_I4);
	printf("  \"  41.5 \" to VT_I4                   -> hr 0x%08X, %d (banker's rounding)\n",
	       (unsigned)hr, (int)V_I4(&result));
	VariantClear(&v);

	V_VT(&v) = VT_BOOL;
	V_BOOL(&v) = VARIANT_TRUE;
	show_variant("VARIANT_TRUE to VT_BSTR", &v);
	hr = VariantChangeType(&result, &v, 0, VT_I2);
	printf("  VARIANT_TRUE to VT_I2              -> %d\n", V_I2(&result));

	V_VT(&v) = VT_I4;
	V_I4(&v) = 300;
	hr = VariantChangeType(&result, &v, 0, VT_UI1);
	printf("  300 to VT_UI1                      -> hr 0x%08X (DISP_E_OVERFLOW)\n",
	       (unsigned)hr);

	V_VT(&v) = VT_BSTR;
	V_BSTR(&v) = SysAllocString(OLESTR("forty-two"));
	hr = VariantChangeType(&result, &v, 0, VT_R8);
	printf("  \"forty-two\" to VT_R8               -> hr 0x%08X (DISP_E_TYPEMISMATCH)\n\n",
	       (unsigned)hr);
	VariantClear(&v);
	VariantClear(&result);

	StringFromGUID2(&IID_IDispatch, guid_text, 39);
	greeting = SysAllocString(guid_text);
	if (SUCCEEDED(ccw_bstr_to_utf8(greeting, &guid_utf8, NULL)))
		printf("IID_IDispatch = %s\n", guid_utf8);
	ccw_string_free(guid_utf8);
	SysFreeString(greeting);
	return 0;
}
