/*
 * emit_json.h - NAME.typelib.json: the checked model as JSON, for tools and
 * other languages (schema: docs/typelib-json.md).
 */
#ifndef CCWGEN_EMIT_JSON_H
#define CCWGEN_EMIT_JSON_H

#include "model.h"
#include "output.h"

/* Appends the JSON document (2-space indentation, keys in a fixed order,
 * trailing newline) to `out`. */
void emit_json(const struct model *model, struct buffer *out);

#endif
