/*
 * emit_dispatch.h - the IDispatch half of every dual interface, written into
 * NAME_ccw.c by the C emitter (emit_c.c).
 *
 * The contract between the two emitters (names in the generated C):
 *   - the wrapper of class C is `struct <c_tag>_ccw { ccw_object header;
 *     const <IFace>Vtbl *<IFace>; ... }`, one field per interface, named as
 *     the interface;
 *   - every COM method of interface I has an early-bound thunk
 *     `static HRESULT STDMETHODCALLTYPE I_<Method>(I *This, ...)` with the
 *     COM signature of the model (`I_get_<Name>` / `I_put_<Name>` for
 *     properties), emitted by emit_c.c BEFORE emit_dispatch_interface is
 *     called, so Invoke calls the thunk and no conversion is written twice;
 *   - emit_dispatch_interface emits the tables and
 *     `static HRESULT STDMETHODCALLTYPE I_GetTypeInfoCount(I *This, UINT *)`,
 *     `I_GetTypeInfo`, `I_GetIDsOfNames` and `I_Invoke`, with IDispatch's
 *     signatures but `I *This`; emit_c.c puts them in slots 3-6 of I's vtable.
 */
#ifndef CCWGEN_EMIT_DISPATCH_H
#define CCWGEN_EMIT_DISPATCH_H

#include "model.h"
#include "output.h"

/* The tables and the four IDispatch slot functions of one dual interface. */
void emit_dispatch_interface(struct buffer *out, const struct model *model,
			     const struct model_interface *iface);

/* What the whole unit needs once, after every class (the type library that
 * ITypeInfo::GetContainingTypeLib returns). */
void emit_dispatch_library(struct buffer *out, const struct model *model);

#endif
