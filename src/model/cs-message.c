/* cs-message.c: one message of a run's conversation (append-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-message.h"
#include "cs-model-enums.h"
#include "cs-model-private.h"

struct _CsMessage
{
  CsRecord       parent_instance;

  char          *progress_id;
  char          *scene_id;
  CsMessageKind  kind;
  char          *sender_name;
  char          *persona_id;
  GString       *content;
  int            position;
  int            attempt_number;
  char          *model;
  double         processing_time;
  gboolean       is_complete;
};

G_DEFINE_FINAL_TYPE (CsMessage, cs_message, CS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PROGRESS_ID,
  PROP_SCENE_ID,
  PROP_KIND,
  PROP_SENDER_NAME,
  PROP_PERSONA_ID,
  PROP_CONTENT,
  PROP_POSITION,
  PROP_ATTEMPT_NUMBER,
  PROP_MODEL,
  PROP_PROCESSING_TIME,
  PROP_IS_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CsMessage   *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (cs_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (CsMessage *self,
         int       *field,
         int        value,
         guint      prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cs_message_finalize (GObject *object)
{
  CsMessage *self = CS_MESSAGE (object);

  g_clear_pointer (&self->progress_id, g_free);
  g_clear_pointer (&self->scene_id, g_free);
  g_clear_pointer (&self->sender_name, g_free);
  g_clear_pointer (&self->persona_id, g_free);
  g_string_free (self->content, TRUE);
  g_clear_pointer (&self->model, g_free);

  G_OBJECT_CLASS (cs_message_parent_class)->finalize (object);
}

static void
cs_message_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsMessage *self = CS_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_ID:
      g_value_set_string (value, self->progress_id);
      break;
    case PROP_SCENE_ID:
      g_value_set_string (value, self->scene_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SENDER_NAME:
      g_value_set_string (value, self->sender_name);
      break;
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;
    case PROP_CONTENT:
      g_value_set_string (value, self->content->str);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_ATTEMPT_NUMBER:
      g_value_set_int (value, self->attempt_number);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_PROCESSING_TIME:
      g_value_set_double (value, self->processing_time);
      break;
    case PROP_IS_COMPLETE:
      g_value_set_boolean (value, self->is_complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_message_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsMessage *self = CS_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_ID:
      cs_message_set_progress_id (self, g_value_get_string (value));
      break;
    case PROP_SCENE_ID:
      cs_message_set_scene_id (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      cs_message_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SENDER_NAME:
      cs_message_set_sender_name (self, g_value_get_string (value));
      break;
    case PROP_PERSONA_ID:
      cs_message_set_persona_id (self, g_value_get_string (value));
      break;
    case PROP_CONTENT:
      cs_message_set_content (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      cs_message_set_position (self, g_value_get_int (value));
      break;
    case PROP_ATTEMPT_NUMBER:
      cs_message_set_attempt_number (self, g_value_get_int (value));
      break;
    case PROP_MODEL:
      cs_message_set_model (self, g_value_get_string (value));
      break;
    case PROP_PROCESSING_TIME:
      cs_message_set_processing_time (self, g_value_get_double (value));
      break;
    case PROP_IS_COMPLETE:
      cs_message_set_is_complete (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_message_class_init (CsMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_message_finalize;
  object_class->get_property = cs_message_get_property;
  object_class->set_property = cs_message_set_property;

  properties[PROP_PROGRESS_ID] = g_param_spec_string ("progress-id", NULL, NULL, NULL, flags);
  properties[PROP_SCENE_ID] = g_param_spec_string ("scene-id", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CS_TYPE_MESSAGE_KIND, CS_MESSAGE_KIND_USER, flags);
  properties[PROP_SENDER_NAME] = g_param_spec_string ("sender-name", NULL, NULL, "", flags);
  properties[PROP_PERSONA_ID] = g_param_spec_string ("persona-id", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, "", flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_ATTEMPT_NUMBER] = g_param_spec_int ("attempt-number", NULL, NULL, 1, G_MAXINT, 1, flags);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, NULL, flags);
  properties[PROP_PROCESSING_TIME] =
    g_param_spec_double ("processing-time", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_IS_COMPLETE] = g_param_spec_boolean ("is-complete", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_message_init (CsMessage *self)
{
  self->kind = CS_MESSAGE_KIND_USER;
  self->sender_name = g_strdup ("");
  self->content = g_string_new (NULL);
  self->attempt_number = 1;
  self->is_complete = TRUE;
}

CsMessage *
cs_message_new (CsMessageKind  kind,
                const char    *sender_name,
                const char    *content)
{
  return g_object_new (CS_TYPE_MESSAGE,
                       "kind", kind,
                       "sender-name", sender_name,
                       "content", content,
                       NULL);
}

const char *
cs_message_get_progress_id (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), NULL);

  return self->progress_id;
}

void
cs_message_set_progress_id (CsMessage  *self,
                            const char *progress_id)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  set_string (self, &self->progress_id, progress_id, PROP_PROGRESS_ID);
}

const char *
cs_message_get_scene_id (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), NULL);

  return self->scene_id;
}

void
cs_message_set_scene_id (CsMessage  *self,
                         const char *scene_id)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  set_string (self, &self->scene_id, scene_id, PROP_SCENE_ID);
}

CsMessageKind
cs_message_get_kind (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), CS_MESSAGE_KIND_USER);

  return self->kind;
}

void
cs_message_set_kind (CsMessage     *self,
                     CsMessageKind  kind)
{
  g_return_if_fail (CS_IS_MESSAGE (self));
  g_return_if_fail (cs_enum_to_nick (CS_TYPE_MESSAGE_KIND, kind) != NULL);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
cs_message_get_sender_name (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), NULL);

  return self->sender_name;
}

void
cs_message_set_sender_name (CsMessage  *self,
                            const char *name)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  set_string (self, &self->sender_name, name ? name : "", PROP_SENDER_NAME);
}

const char *
cs_message_get_persona_id (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), NULL);

  return self->persona_id;
}

void
cs_message_set_persona_id (CsMessage  *self,
                           const char *persona_id)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  set_string (self, &self->persona_id, persona_id, PROP_PERSONA_ID);
}

const char *
cs_message_get_content (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), NULL);

  return self->content->str;
}

void
cs_message_set_content (CsMessage  *self,
                        const char *content)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  if (content == NULL)
    content = "";
  if (g_strcmp0 (self->content->str, content) == 0)
    return;

  g_string_assign (self->content, content);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

void
cs_message_append_content (CsMessage  *self,
                           const char *delta)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  if (delta == NULL || *delta == '\0')
    return;

  /* A streamed reply grows by many small pieces: append, do not copy it each time. */
  g_string_append (self->content, delta);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

int
cs_message_get_position (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), 0);

  return self->position;
}

void
cs_message_set_position (CsMessage *self,
                         int        position)
{
  g_return_if_fail (CS_IS_MESSAGE (self));
  g_return_if_fail (position >= 0);

  set_int (self, &self->position, position, PROP_POSITION);
}

int
cs_message_get_attempt_number (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), 1);

  return self->attempt_number;
}

void
cs_message_set_attempt_number (CsMessage *self,
                               int        attempt)
{
  g_return_if_fail (CS_IS_MESSAGE (self));
  g_return_if_fail (attempt >= 1);

  set_int (self, &self->attempt_number, attempt, PROP_ATTEMPT_NUMBER);
}

const char *
cs_message_get_model (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), NULL);

  return self->model;
}

void
cs_message_set_model (CsMessage  *self,
                      const char *model)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  set_string (self, &self->model, model, PROP_MODEL);
}

double
cs_message_get_processing_time (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), 0.0);

  return self->processing_time;
}

void
cs_message_set_processing_time (CsMessage *self,
                                double     seconds)
{
  g_return_if_fail (CS_IS_MESSAGE (self));
  g_return_if_fail (seconds >= 0.0);

  if (self->processing_time == seconds)
    return;

  self->processing_time = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCESSING_TIME]);
}

gboolean
cs_message_get_is_complete (CsMessage *self)
{
  g_return_val_if_fail (CS_IS_MESSAGE (self), TRUE);

  return self->is_complete;
}

void
cs_message_set_is_complete (CsMessage *self,
                            gboolean   complete)
{
  g_return_if_fail (CS_IS_MESSAGE (self));

  complete = !!complete;
  if (self->is_complete == complete)
    return;

  self->is_complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_COMPLETE]);
}
