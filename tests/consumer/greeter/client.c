/* Creates Consumer.Greeter and calls one method through its vtable. */
#include "greeter_ccw.h"

#include <stdio.h>

int main(void)
{
	IGreeter *greeter = NULL;
	LONG result = 0;
	HRESULT hr = greeter_ccw_create(NULL, &IID_IGreeter, (void **)&greeter);

	if (FAILED(hr)) {
		fprintf(stderr, "greeter_ccw_create: 0x%08lX\n", (unsigned long)hr);
		return 1;
	}
	hr = IGreeter_Times(greeter, 21, &result);
	IGreeter_Release(greeter);
	if (FAILED(hr) || result != 42) {
		fprintf(stderr, "IGreeter::Times(21): 0x%08lX, %ld\n", (unsigned long)hr, (long)result);
		return 1;
	}
	if (greeter_ccw_can_unload_now() != S_OK) {
		fprintf(stderr, "an object is still alive after the last Release\n");
		return 1;
	}
	printf("IGreeter::Times(21) = %ld\n", (long)result);
	return 0;
}
