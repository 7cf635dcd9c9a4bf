/* cs-persona.c: a person of the case, played by the AI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-model-private.h"
#include "cs-persona.h"

#define TRAITS_TYPE ((const GVariantType *) "a(si)")

struct _CsPersona
{
  CsRecord  parent_instance;

  char     *scenario_id;
  char     *name;
  char     *role;
  char     *background;
  char     *correlation;
  char    **primary_goals;
  GVariant *traits;
  char     *avatar_color;
  char     *avatar_image;
  gboolean  is_main_character;
};

G_DEFINE_FINAL_TYPE (CsPersona, cs_persona, CS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SCENARIO_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_BACKGROUND,
  PROP_CORRELATION,
  PROP_PRIMARY_GOALS,
  PROP_TRAITS,
  PROP_AVATAR_COLOR,
  PROP_AVATAR_IMAGE,
  PROP_IS_MAIN_CHARACTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CsPersona   *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (cs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* A copy of @traits without empty names, out-of-range values or repeated names (the
 * first wins), in the same order. When @name is given, its value becomes @value
 * (appended when new), or it is left out when @value is -1. */
static GVariant *
edit_traits (GVariant   *traits,
             const char *name,
             int         value)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  int key_value;
  gboolean found = FALSE;

  g_variant_builder_init (&builder, TRAITS_TYPE);
  g_variant_iter_init (&iter, traits);
  while (g_variant_iter_next (&iter, "(&si)", &key, &key_value))
    {
      if (*key == '\0' || key_value < CS_TRAIT_MIN || key_value > CS_TRAIT_MAX ||
          !g_hash_table_add (seen, (gpointer) key))
        continue;

      if (name != NULL && strcmp (key, name) == 0)
        {
          found = TRUE;
          if (value < 0)
            continue;
          key_value = value;
        }

      g_variant_builder_add (&builder, "(si)", key, key_value);
    }

  if (name != NULL && !found && value >= 0)
    g_variant_builder_add (&builder, "(si)", name, value);

  return g_variant_builder_end (&builder);
}

static void
update_traits (CsPersona *self,
               GVariant  *traits)
{
  if (cs_set_variant (&self->traits, traits))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAITS]);
}

static void
cs_persona_finalize (GObject *object)
{
  CsPersona *self = CS_PERSONA (object);

  g_clear_pointer (&self->scenario_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->background, g_free);
  g_clear_pointer (&self->correlation, g_free);
  g_clear_pointer (&self->primary_goals, g_strfreev);
  g_clear_pointer (&self->traits, g_variant_unref);
  g_clear_pointer (&self->avatar_color, g_free);
  g_clear_pointer (&self->avatar_image, g_free);

  G_OBJECT_CLASS (cs_persona_parent_class)->finalize (object);
}

static void
cs_persona_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsPersona *self = CS_PERSONA (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_ID:
      g_value_set_string (value, self->scenario_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_BACKGROUND:
      g_value_set_string (value, self->background);
      break;
    case PROP_CORRELATION:
      g_value_set_string (value, self->correlation);
      break;
    case PROP_PRIMARY_GOALS:
      g_value_set_boxed (value, self->primary_goals);
      break;
    case PROP_TRAITS:
      g_value_set_variant (value, self->traits);
      break;
    case PROP_AVATAR_COLOR:
      g_value_set_string (value, self->avatar_color);
      break;
    case PROP_AVATAR_IMAGE:
      g_value_set_string (value, self->avatar_image);
      break;
    case PROP_IS_MAIN_CHARACTER:
      g_value_set_boolean (value, self->is_main_character);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_persona_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsPersona *self = CS_PERSONA (object);

  switch (prop_id)
    {
    case PROP_SCENARIO_ID:
      cs_persona_set_scenario_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      cs_persona_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      cs_persona_set_role (self, g_value_get_string (value));
      break;
    case PROP_BACKGROUND:
      cs_persona_set_background (self, g_value_get_string (value));
      break;
    case PROP_CORRELATION:
      cs_persona_set_correlation (self, g_value_get_string (value));
      break;
    case PROP_PRIMARY_GOALS:
      cs_persona_set_primary_goals (self, g_value_get_boxed (value));
      break;
    case PROP_TRAITS:
      cs_persona_set_traits (self, g_value_get_variant (value));
      break;
    case PROP_AVATAR_COLOR:
      cs_persona_set_avatar_color (self, g_value_get_string (value));
      break;
    case PROP_AVATAR_IMAGE:
      cs_persona_set_avatar_image (self, g_value_get_string (value));
      break;
    case PROP_IS_MAIN_CHARACTER:
      cs_persona_set_is_main_character (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_persona_class_init (CsPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_persona_finalize;
  object_class->get_property = cs_persona_get_property;
  object_class->set_property = cs_persona_set_property;

  properties[PROP_SCENARIO_ID] = g_param_spec_string ("scenario-id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, "", flags);
  properties[PROP_BACKGROUND] = g_param_spec_string ("background", NULL, NULL, "", flags);
  properties[PROP_CORRELATION] = g_param_spec_string ("correlation", NULL, NULL, "", flags);
  properties[PROP_PRIMARY_GOALS] = g_param_spec_boxed ("primary-goals", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TRAITS] = g_param_spec_variant ("traits", NULL, NULL, TRAITS_TYPE, NULL, flags);
  properties[PROP_AVATAR_COLOR] = g_param_spec_string ("avatar-color", NULL, NULL, NULL, flags);
  properties[PROP_AVATAR_IMAGE] = g_param_spec_string ("avatar-image", NULL, NULL, NULL, flags);
  properties[PROP_IS_MAIN_CHARACTER] =
    g_param_spec_boolean ("is-main-character", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_persona_init (CsPersona *self)
{
  self->name = g_strdup ("");
  self->role = g_strdup ("");
  self->background = g_strdup ("");
  self->correlation = g_strdup ("");
  self->primary_goals = g_new0 (char *, 1);
  self->traits = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(si)"), NULL, 0));
}

CsPersona *
cs_persona_new (const char *id)
{
  return g_object_new (CS_TYPE_PERSONA, "id", id, NULL);
}

const char *
cs_persona_get_scenario_id (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->scenario_id;
}

void
cs_persona_set_scenario_id (CsPersona  *self,
                            const char *scenario_id)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->scenario_id, scenario_id, PROP_SCENARIO_ID);
}

const char *
cs_persona_get_name (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->name;
}

void
cs_persona_set_name (CsPersona  *self,
                     const char *name)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->name, name ? name : "", PROP_NAME);
}

const char *
cs_persona_get_role (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->role;
}

void
cs_persona_set_role (CsPersona  *self,
                     const char *role)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->role, role ? role : "", PROP_ROLE);
}

const char *
cs_persona_get_background (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->background;
}

void
cs_persona_set_background (CsPersona  *self,
                           const char *background)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->background, background ? background : "", PROP_BACKGROUND);
}

const char *
cs_persona_get_correlation (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->correlation;
}

void
cs_persona_set_correlation (CsPersona  *self,
                            const char *correlation)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->correlation, correlation ? correlation : "", PROP_CORRELATION);
}

const char * const *
cs_persona_get_primary_goals (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return (const char * const *) self->primary_goals;
}

void
cs_persona_set_primary_goals (CsPersona          *self,
                              const char * const *goals)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  if (cs_set_strv (&self->primary_goals, goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_GOALS]);
}

GStrv
cs_persona_dup_trait_names (CsPersona *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  GVariantIter iter;
  const char *name;

  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  builder = g_strv_builder_new ();
  g_variant_iter_init (&iter, self->traits);
  while (g_variant_iter_next (&iter, "(&si)", &name, NULL))
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

int
cs_persona_get_trait (CsPersona  *self,
                      const char *name)
{
  GVariantIter iter;
  const char *key;
  int value;

  g_return_val_if_fail (CS_IS_PERSONA (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  g_variant_iter_init (&iter, self->traits);
  while (g_variant_iter_next (&iter, "(&si)", &key, &value))
    if (strcmp (key, name) == 0)
      return value;

  return -1;
}

gboolean
cs_persona_set_trait (CsPersona  *self,
                      const char *name,
                      int         value)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), FALSE);

  if (name == NULL || *name == '\0' || value < CS_TRAIT_MIN || value > CS_TRAIT_MAX)
    return FALSE;

  update_traits (self, edit_traits (self->traits, name, value));
  return TRUE;
}

gboolean
cs_persona_remove_trait (CsPersona  *self,
                         const char *name)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (cs_persona_get_trait (self, name) < 0)
    return FALSE;

  update_traits (self, edit_traits (self->traits, name, -1));
  return TRUE;
}

GVariant *
cs_persona_get_traits (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->traits;
}

void
cs_persona_set_traits (CsPersona *self,
                       GVariant  *traits)
{
  g_autoptr(GVariant) sunk = NULL;

  g_return_if_fail (CS_IS_PERSONA (self));
  g_return_if_fail (traits == NULL || g_variant_is_of_type (traits, TRAITS_TYPE));

  if (traits == NULL)
    sunk = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(si)"), NULL, 0));
  else
    sunk = g_variant_ref_sink (traits);

  update_traits (self, edit_traits (sunk, NULL, -1));
}

const char *
cs_persona_get_avatar_color (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->avatar_color;
}

void
cs_persona_set_avatar_color (CsPersona  *self,
                             const char *color)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->avatar_color, color, PROP_AVATAR_COLOR);
}

const char *
cs_persona_get_avatar_image (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  return self->avatar_image;
}

void
cs_persona_set_avatar_image (CsPersona  *self,
                             const char *image)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  set_string (self, &self->avatar_image, image, PROP_AVATAR_IMAGE);
}

gboolean
cs_persona_get_is_main_character (CsPersona *self)
{
  g_return_val_if_fail (CS_IS_PERSONA (self), FALSE);

  return self->is_main_character;
}

void
cs_persona_set_is_main_character (CsPersona *self,
                                  gboolean   is_main)
{
  g_return_if_fail (CS_IS_PERSONA (self));

  is_main = !!is_main;
  if (self->is_main_character == is_main)
    return;

  self->is_main_character = is_main;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_MAIN_CHARACTER]);
}

char *
cs_persona_dup_initials (CsPersona *self)
{
  g_autofree char *name = NULL;
  gunichar first = 0;
  gunichar last = 0;
  gboolean in_word = FALSE;
  gboolean want_initial = FALSE;
  GString *initials;

  g_return_val_if_fail (CS_IS_PERSONA (self), NULL);

  /* Composed form, so that "O" + combining acute is one letter. */
  name = g_utf8_normalize (self->name, -1, G_NORMALIZE_NFC);

  /* The first letter or digit of the first and of the last word that has one. */
  for (const char *p = name ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        in_word = want_initial = TRUE;
      if (want_initial && g_unichar_isalnum (c))
        {
          want_initial = FALSE;
          if (first == 0)
            first = g_unichar_toupper (c);
          else
            last = g_unichar_toupper (c);
        }
    }

  initials = g_string_new (NULL);
  if (first != 0)
    g_string_append_unichar (initials, first);
  if (last != 0)
    g_string_append_unichar (initials, last);
  if (initials->len == 0)
    g_string_append_c (initials, '?');

  return g_string_free (initials, FALSE);
}
