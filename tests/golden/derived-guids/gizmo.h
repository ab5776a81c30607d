/* No clsid= and no iid=: ccwgen derives them (UUID v5, docs/typelib-json.md)
 * and warns about each one, in source order. */
#include <ccw/annotate.h>

struct CCW_CLASS("progid=Acme.Gizmo")
	CCW_INTERFACE("IGizmo")
	CCW_INTERFACE("IGizmoAdmin custom")
	gizmo;

/* Without a progid the coclass name seeds the GUIDs. */
struct CCW_CLASS("noncreatable") part;

CCW_CONSTRUCTOR struct gizmo *gizmo_new(void);
CCW_METHOD() int gizmo_spin(struct gizmo *g, int turns);
CCW_METHOD("iface=IGizmoAdmin") void gizmo_reset(struct gizmo *g);
CCW_METHOD() int part_weight(const struct part *p);
