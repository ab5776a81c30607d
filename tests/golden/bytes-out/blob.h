/* Byte buffers the library allocates and hands out (CCW_SIZE_IS on an out
 * pointer with an out length), next to one the caller passes in. */
#ifndef BLOB_H
#define BLOB_H

#include <ccw/annotate.h>

#include <stddef.h>

struct CCW_CLASS("progid=Golden.Blob clsid=5B0C1D2E-3F40-4152-8364-758697A8B9C0")
	CCW_INTERFACE("IBlob iid=5B0C1D2E-3F40-4152-8364-758697A8B9C1 dual")
	blob;

CCW_CONSTRUCTOR struct blob *blob_new(void);
CCW_DESTRUCTOR void blob_free(struct blob *b);

/* A copy of the contents, malloc'd: transfer full (the default). */
CCW_METHOD() CCW_RESULT("errno")
int blob_read(const struct blob *b, CCW_RETVAL CCW_SIZE_IS("size") unsigned char **data,
	      CCW_OUT size_t *size);

/* The blob's own bytes, borrowed: transfer none (the default for const). */
CCW_METHOD() void blob_peek(const struct blob *b, CCW_OUT CCW_SIZE_IS("size") const void **data,
			    CCW_OUT unsigned *size);

/* Bytes in, bytes out. */
CCW_METHOD() CCW_RESULT("errno")
int blob_xor(const struct blob *b, CCW_SIZE_IS("src_size") const unsigned char *src, size_t src_size,
	     CCW_RETVAL CCW_SIZE_IS("dst_size") unsigned char **dst, CCW_OUT unsigned long *dst_size);

#endif
