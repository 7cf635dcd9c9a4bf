/* cs-model-types.c: enum nicks, UUIDs and the model's private helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model-private.h"
#include "cs-model-types.h"

/* Enum classes of static types are never finalized: keep the first reference for good. */
static GEnumClass *
enum_class (GType enum_type)
{
  gpointer klass = g_type_class_peek (enum_type);

  return klass ? klass : g_type_class_ref (enum_type);
}

const char *
cs_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  enum_value = g_enum_get_value (enum_class (enum_type), value);
  return enum_value ? enum_value->value_nick : NULL;
}

gboolean
cs_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  enum_value = g_enum_get_value_by_nick (enum_class (enum_type), nick);
  if (enum_value == NULL)
    return FALSE;

  if (value != NULL)
    *value = enum_value->value;
  return TRUE;
}

char *
cs_uuid_new (void)
{
  return g_uuid_string_random ();
}

gboolean
cs_uuid_is_valid (const char *str)
{
  return str != NULL && g_uuid_string_is_valid (str);
}

gboolean
cs_set_string (char       **field,
               const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
cs_set_strv (char               ***field,
             const char * const   *value)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (*field != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

gboolean
cs_set_date_time (GDateTime **field,
                  GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value ? g_date_time_ref (value) : NULL;
  return TRUE;
}

gboolean
cs_set_variant (GVariant **field,
                GVariant  *value)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;

  if (*field == sunk || (*field != NULL && sunk != NULL && g_variant_equal (*field, sunk)))
    return FALSE;

  g_clear_pointer (field, g_variant_unref);
  *field = g_steal_pointer (&sunk);
  return TRUE;
}
