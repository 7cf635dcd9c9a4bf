/* cs-notification.c: one notification of the signed-in person's inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cs-notification.h"

struct _CsNotification
{
  GObject     parent_instance;

  char       *id;
  char       *kind;
  char       *title;
  char       *message;
  GHashTable *data;  /* string members of the data */
  gint64      created_at;
  gboolean    read;
};

G_DEFINE_FINAL_TYPE (CsNotification, cs_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MESSAGE,
  PROP_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_notification_finalize (GObject *object)
{
  CsNotification *self = CS_NOTIFICATION (object);

  g_free (self->id);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->message);
  g_hash_table_unref (self->data);

  G_OBJECT_CLASS (cs_notification_parent_class)->finalize (object);
}

static void
cs_notification_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsNotification *self = CS_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_notification_class_init (CsNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_notification_finalize;
  object_class->get_property = cs_notification_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "",
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, "",
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ] = g_param_spec_boolean ("read", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_notification_init (CsNotification *self)
{
  self->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
read_data (CsNotification *self,
           const char     *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!data || !json_parser_load_from_data (parser, data, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &member))
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (!JSON_NODE_HOLDS_VALUE (member))
        continue;
      if (json_node_get_value_type (member) == G_TYPE_STRING)
        g_hash_table_insert (self->data, g_strdup (name), g_strdup (json_node_get_string (member)));
      else if (json_node_get_value_type (member) == G_TYPE_INT64 ||
               json_node_get_value_type (member) == G_TYPE_DOUBLE)
        g_hash_table_insert (self->data, g_strdup (name),
                             g_strdup (g_ascii_dtostr (number, sizeof number, json_node_get_double (member))));
      else if (json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        g_hash_table_insert (self->data, g_strdup (name), g_strdup (json_node_get_boolean (member) ? "true" : "false"));
    }
}

CsNotification *
cs_notification_new (const char *id,
                     const char *type,
                     const char *title,
                     const char *message,
                     const char *data,
                     gint64      created_at,
                     gboolean    read)
{
  CsNotification *self = g_object_new (CS_TYPE_NOTIFICATION, NULL);

  self->id = g_strdup (id);
  self->kind = g_strdup (type);
  self->title = g_strdup (title ? title : "");
  self->message = g_strdup (message ? message : "");
  self->created_at = created_at;
  self->read = read;
  read_data (self, data);
  return self;
}

const char *
cs_notification_get_id (CsNotification *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), NULL);
  return self->id;
}

const char *
cs_notification_get_kind (CsNotification *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), NULL);
  return self->kind;
}

const char *
cs_notification_get_title (CsNotification *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), NULL);
  return self->title;
}

const char *
cs_notification_get_message (CsNotification *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), NULL);
  return self->message;
}

gint64
cs_notification_get_created_at (CsNotification *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), 0);
  return self->created_at;
}

gboolean
cs_notification_get_read (CsNotification *self)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), FALSE);
  return self->read;
}

void
cs_notification_set_read (CsNotification *self,
                          gboolean        read)
{
  g_return_if_fail (CS_IS_NOTIFICATION (self));

  if (self->read == !!read)
    return;
  self->read = !!read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

const char *
cs_notification_get_data_id (CsNotification *self,
                             const char     *key)
{
  g_return_val_if_fail (CS_IS_NOTIFICATION (self), NULL);
  return g_hash_table_lookup (self->data, key);
}

gboolean
cs_notification_get_action (CsNotification  *self,
                            const char     **action_name,
                            GVariant       **target)
{
  const char *kind;
  const char *thread;
  const char *cohort;
  const char *assignment;
  const char *student;
  const char *name = NULL;
  GVariant *value = NULL;

  g_return_val_if_fail (CS_IS_NOTIFICATION (self), FALSE);

  kind = self->kind ? self->kind : "";
  thread = cs_notification_get_data_id (self, "thread_id");
  cohort = cs_notification_get_data_id (self, "cohort_id");
  assignment = cs_notification_get_data_id (self, "assignment_id");
  student = cs_notification_get_data_id (self, "student_id");

  if (g_str_equal (kind, "message") && thread)
    name = "app.open-thread", value = g_variant_new_string (thread);
  else if ((g_str_equal (kind, "assignment") || g_str_equal (kind, "due_soon") || g_str_equal (kind, "grade")) &&
           cohort && assignment)
    name = "app.open-assignment", value = g_variant_new ("(ss)", cohort, assignment);
  else if (g_str_equal (kind, "run_completed") && cohort && assignment && student)
    name = "app.open-run", value = g_variant_new ("(sss)", cohort, assignment, student);
  else if (g_str_equal (kind, "enrollment") && cohort && student)
    name = "app.open-enrolment", value = g_variant_new_string (cohort);  /* to the instructor */
  else if (g_str_equal (kind, "enrollment") && cohort &&
           g_strcmp0 (cs_notification_get_data_id (self, "status"), "approved") == 0)
    name = "app.open-cohort", value = g_variant_new_string (cohort);

  if (action_name)
    *action_name = name;
  if (target)
    *target = value ? g_variant_ref_sink (value) : NULL;
  else if (value)
    g_variant_unref (g_variant_ref_sink (value));
  return name != NULL;
}
