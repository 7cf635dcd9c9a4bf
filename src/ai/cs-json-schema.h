/* cs-json-schema.h: a small JSON Schema validator for the schemas the AI layer asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Validates @instance against @schema. The supported keywords: type (object, array, string,
 * number, integer, boolean, null, or an array of these), properties, required,
 * additionalProperties (false or a schema), items, enum, minimum, maximum, minItems,
 * maxItems, minLength, maxLength; other keywords are ignored. An integer is a number without
 * a fractional part, whether written 3 or 3.0.
 *
 * On failure sets CS_AI_ERROR_SCHEMA with a message that names the path of the first bad
 * value, "personas[2].traits.empathy: must be ≤ 10" ("$" is the whole value). */
gboolean cs_json_schema_validate (JsonNode  *schema,
                                  JsonNode  *instance,
                                  GError   **error);

G_END_DECLS
