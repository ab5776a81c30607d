#include <ccw/annotate.h>
/* Properties whose getter and setter both give the DISPID, and a method that
 * takes one of their numbers: one clash, reported once. */
struct CCW_CLASS("noncreatable clsid=6A1B2C3D-4E5F-4A6B-8C7D-8E9FA0B1C2D3")
	CCW_INTERFACE("IDial iid=6A1B2C3D-4E5F-4A6B-8C7D-8E9FA0B1C2D4") dial;
CCW_PROPGET("dispid=1") int dial_get_a(const struct dial *d);
CCW_PROPPUT("dispid=1") void dial_set_a(struct dial *d, int v);
CCW_PROPGET("dispid=2") int dial_get_b(const struct dial *d);
CCW_PROPPUT("dispid=2") void dial_set_b(struct dial *d, int v);
CCW_PROPGET("dispid=3") int dial_get_c(const struct dial *d);
CCW_PROPPUT("dispid=3") void dial_set_c(struct dial *d, int v);
CCW_METHOD("dispid=2") int dial_spin(struct dial *d);
// expect: dispid-clash-properties.h:12:13: error: DISPID 2 of Spin is already used by B in interface IDial
