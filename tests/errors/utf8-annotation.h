#include <ccw/annotate.h>
struct CCW_CLASS("noncreatable clsid=0D3C7A52-5C1E-4B8B-9A59-2B1D6C3E7F01") gadget;
CCW_METHOD("help=\"café\"") int gadget_spin(struct gadget *g);
// expect: utf8-annotation.h:3:23: error: CCW_METHOD text is not valid UTF-8 (byte 0xe9); save the header as UTF-8
