/* cs-json-schema.c: a small JSON Schema validator for the schemas the AI layer asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cs-ai-error.h"
#include "cs-json-schema.h"

static gboolean validate (JsonNode  *schema,
                          JsonNode  *instance,
                          GString   *path,
                          GError   **error);

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      GString     *path,
      const char  *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CS_AI_ERROR, CS_AI_ERROR_SCHEMA, "%s: %s",
               path->len > 0 ? path->str : "$", problem);
  return FALSE;
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The string at @index of @array, NULL when it is not a string. */
static const char *
get_string_element (JsonArray *array,
                    guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_number (JsonNode *node)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
has_type (JsonNode   *node,
          const char *type)
{
  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (node);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (node);
  if (g_str_equal (type, "null"))
    return JSON_NODE_HOLDS_NULL (node);
  if (g_str_equal (type, "number"))
    return is_number (node);
  if (g_str_equal (type, "integer"))
    {
      double value;

      if (!is_number (node))
        return FALSE;
      value = json_node_get_double (node);
      return isfinite (value) && floor (value) == value;
    }
  if (g_str_equal (type, "string"))
    return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
  if (g_str_equal (type, "boolean"))
    return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
  return TRUE; /* an unknown type name restricts nothing */
}

static gboolean
check_type (JsonObject  *schema,
            JsonNode    *instance,
            GString     *path,
            GError     **error)
{
  JsonNode *type = json_object_get_member (schema, "type");
  g_autoptr(GString) names = NULL;

  if (type == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    {
      if (has_type (instance, json_node_get_string (type)))
        return TRUE;
      return fail (error, path, _("must be of type %s"), json_node_get_string (type));
    }
  if (!JSON_NODE_HOLDS_ARRAY (type))
    return TRUE;

  names = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (type)); i++)
    {
      const char *name = get_string_element (json_node_get_array (type), i);

      if (name == NULL)
        continue;
      if (has_type (instance, name))
        return TRUE;
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
    }
  return fail (error, path, _("must be of type %s"), names->str);
}

static gboolean
check_enum (JsonObject  *schema,
            JsonNode    *instance,
            GString     *path,
            GError     **error)
{
  JsonArray *values;
  g_autoptr(GString) names = NULL;

  values = get_array_member (schema, "enum");
  if (values == NULL)
    return TRUE;

  names = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonNode *value = json_array_get_element (values, i);
      g_autofree char *text = NULL;

      if (json_node_equal (value, instance))
        return TRUE;
      text = json_to_string (value, FALSE);
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", text);
    }
  return fail (error, path, _("must be one of %s"), names->str);
}

/* Reads a number keyword; FALSE when the schema has no such number. */
static gboolean
get_number (JsonObject *schema,
            const char *keyword,
            double     *value)
{
  JsonNode *node = json_object_get_member (schema, keyword);

  if (node == NULL || !is_number (node))
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
check_number (JsonObject  *schema,
              JsonNode    *instance,
              GString     *path,
              GError     **error)
{
  double value = json_node_get_double (instance);
  double limit;

  if (get_number (schema, "minimum", &limit) && value < limit)
    return fail (error, path, _("must be ≥ %g"), limit);
  if (get_number (schema, "maximum", &limit) && value > limit)
    return fail (error, path, _("must be ≤ %g"), limit);
  return TRUE;
}

static gboolean
check_string (JsonObject  *schema,
              JsonNode    *instance,
              GString     *path,
              GError     **error)
{
  glong length = g_utf8_strlen (json_node_get_string (instance), -1);
  double limit;

  if (get_number (schema, "minLength", &limit) && length < limit)
    return fail (error, path, _("must be at least %g characters long"), limit);
  if (get_number (schema, "maxLength", &limit) && length > limit)
    return fail (error, path, _("must be at most %g characters long"), limit);
  return TRUE;
}

static gboolean
check_array (JsonObject  *schema,
             JsonNode    *instance,
             GString     *path,
             GError     **error)
{
  JsonArray *array = json_node_get_array (instance);
  guint length = json_array_get_length (array);
  JsonNode *items = json_object_get_member (schema, "items");
  double limit;

  if (get_number (schema, "minItems", &limit) && length < limit)
    return fail (error, path, _("must have at least %g items"), limit);
  if (get_number (schema, "maxItems", &limit) && length > limit)
    return fail (error, path, _("must have at most %g items"), limit);
  if (items == NULL)
    return TRUE;

  for (guint i = 0; i < length; i++)
    {
      gsize saved = path->len;

      g_string_append_printf (path, "[%u]", i);
      if (!validate (items, json_array_get_element (array, i), path, error))
        return FALSE;
      g_string_truncate (path, saved);
    }
  return TRUE;
}

static void
append_member (GString    *path,
               const char *name)
{
  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, name);
}

static gboolean
check_object (JsonObject  *schema,
              JsonNode    *instance,
              GString     *path,
              GError     **error)
{
  JsonObject *object = json_node_get_object (instance);
  JsonObject *properties = get_object_member (schema, "properties");
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  JsonArray *required = get_array_member (schema, "required");
  g_autoptr(GList) members = NULL;

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *name = get_string_element (required, i);

      if (name != NULL && !json_object_has_member (object, name))
        {
          append_member (path, name);
          return fail (error, path, _("is missing"));
        }
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *member_schema = NULL;
      gsize saved = path->len;

      if (properties != NULL)
        member_schema = json_object_get_member (properties, name);
      if (member_schema == NULL)
        member_schema = additional;
      append_member (path, name);
      if (member_schema != NULL && JSON_NODE_HOLDS_VALUE (member_schema) &&
          json_node_get_value_type (member_schema) == G_TYPE_BOOLEAN &&
          !json_node_get_boolean (member_schema))
        return fail (error, path, _("is not allowed here"));
      if (member_schema != NULL &&
          !validate (member_schema, json_object_get_member (object, name), path, error))
        return FALSE;
      g_string_truncate (path, saved);
    }
  return TRUE;
}

static gboolean
validate (JsonNode  *schema_node,
          JsonNode  *instance,
          GString   *path,
          GError   **error)
{
  JsonObject *schema;

  if (!JSON_NODE_HOLDS_OBJECT (schema_node))
    return TRUE; /* `true` and anything else that is not a schema object accepts all */
  schema = json_node_get_object (schema_node);

  if (!check_type (schema, instance, path, error) || !check_enum (schema, instance, path, error))
    return FALSE;
  if (is_number (instance))
    return check_number (schema, instance, path, error);
  if (JSON_NODE_HOLDS_VALUE (instance) && json_node_get_value_type (instance) == G_TYPE_STRING)
    return check_string (schema, instance, path, error);
  if (JSON_NODE_HOLDS_ARRAY (instance))
    return check_array (schema, instance, path, error);
  if (JSON_NODE_HOLDS_OBJECT (instance))
    return check_object (schema, instance, path, error);
  return TRUE;
}

gboolean
cs_json_schema_validate (JsonNode  *schema,
                         JsonNode  *instance,
                         GError   **error)
{
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (instance != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate (schema, instance, path, error);
}
