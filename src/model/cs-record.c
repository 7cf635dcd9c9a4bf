/* cs-record.c: base class of every row that syncs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-model-private.h"
#include "cs-model-types.h"
#include "cs-record.h"

typedef struct
{
  char      *id;
  GDateTime *created_at;
  GDateTime *updated_at;
  gint64     version;
  guint      freeze_count;
  gboolean   constructing;
} CsRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CsRecord, cs_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An edit is a change of a writable property of a subclass. Read-only properties
 * (child lists, counts) are derived state; the record's own properties are bookkeeping. */
static gboolean
is_edit (GParamSpec *pspec)
{
  for (guint i = 1; i < N_PROPS; i++)
    if (pspec == properties[i])
      return FALSE;

  return (pspec->flags & G_PARAM_WRITABLE) != 0;
}

static void
bump (CsRecordPrivate *priv)
{
  priv->version++;
  g_clear_pointer (&priv->updated_at, g_date_time_unref);
  priv->updated_at = g_date_time_new_now_utc ();
}

static void
cs_record_dispatch_properties_changed (GObject     *object,
                                       guint        n_pspecs,
                                       GParamSpec **pspecs)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (CS_RECORD (object));
  gboolean edited = FALSE;
  GParamSpec **all;
  guint n = 0;

  if (priv->constructing)
    {
      /* The batch g_object_new() queued: the object was made, not edited. */
      priv->constructing = FALSE;
      priv->freeze_count--;
    }
  else if (priv->freeze_count == 0)
    {
      for (guint i = 0; i < n_pspecs && !edited; i++)
        edited = is_edit (pspecs[i]);
    }

  if (!edited)
    {
      G_OBJECT_CLASS (cs_record_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
      return;
    }

  bump (priv);

  all = g_newa (GParamSpec *, n_pspecs + 2);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i] != properties[PROP_VERSION] && pspecs[i] != properties[PROP_UPDATED_AT])
      all[n++] = pspecs[i];
  all[n++] = properties[PROP_VERSION];
  all[n++] = properties[PROP_UPDATED_AT];

  G_OBJECT_CLASS (cs_record_parent_class)->dispatch_properties_changed (object, n, all);
}

static void
cs_record_constructed (GObject *object)
{
  G_OBJECT_CLASS (cs_record_parent_class)->constructed (object);

  /* g_object_new() sets the remaining properties after this and then dispatches every
   * queued notification at once. This one joins that batch, so the batch always exists
   * and marks the end of construction (see dispatch_properties_changed). */
  g_object_notify_by_pspec (object, properties[PROP_VERSION]);
}

static void
cs_record_finalize (GObject *object)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (CS_RECORD (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (cs_record_parent_class)->finalize (object);
}

static void
cs_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsRecord *self = CS_RECORD (object);
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CsRecord *self = CS_RECORD (object);
  CsRecordPrivate *priv = cs_record_get_instance_private (self);
  const char *id;

  switch (prop_id)
    {
    case PROP_ID:
      id = g_value_get_string (value);
      priv->id = (id != NULL && *id != '\0') ? g_strdup (id) : cs_uuid_new ();
      break;
    case PROP_CREATED_AT:
      cs_record_set_created_at (self, g_value_get_boxed (value));
      break;
    case PROP_UPDATED_AT:
      cs_record_set_updated_at (self, g_value_get_boxed (value));
      break;
    case PROP_VERSION:
      cs_record_set_version (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_record_class_init (CsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cs_record_constructed;
  object_class->dispatch_properties_changed = cs_record_dispatch_properties_changed;
  object_class->finalize = cs_record_finalize;
  object_class->get_property = cs_record_get_property;
  object_class->set_property = cs_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 1, G_MAXINT64, 1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_record_init (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  priv->created_at = g_date_time_new_now_utc ();
  priv->updated_at = g_date_time_ref (priv->created_at);
  priv->version = 1;
  /* Setting properties while the object is made is not an edit. */
  priv->freeze_count = 1;
  priv->constructing = TRUE;
}

const char *
cs_record_get_id (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_val_if_fail (CS_IS_RECORD (self), NULL);

  return priv->id;
}

GDateTime *
cs_record_get_created_at (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_val_if_fail (CS_IS_RECORD (self), NULL);

  return priv->created_at;
}

void
cs_record_set_created_at (CsRecord  *self,
                          GDateTime *created_at)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));
  g_return_if_fail (created_at != NULL);

  if (cs_set_date_time (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

GDateTime *
cs_record_get_updated_at (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_val_if_fail (CS_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
cs_record_set_updated_at (CsRecord  *self,
                          GDateTime *updated_at)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));
  g_return_if_fail (updated_at != NULL);

  if (cs_set_date_time (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gint64
cs_record_get_version (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_val_if_fail (CS_IS_RECORD (self), 0);

  return priv->version;
}

void
cs_record_set_version (CsRecord *self,
                       gint64    version)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));
  g_return_if_fail (version >= 1);

  if (priv->version == version)
    return;

  priv->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

void
cs_record_touch (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));

  if (priv->freeze_count > 0)
    return;

  bump (priv);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cs_record_freeze_tracking (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));

  priv->freeze_count++;
}

void
cs_record_thaw_tracking (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_if_fail (CS_IS_RECORD (self));
  g_return_if_fail (priv->freeze_count > 0);

  priv->freeze_count--;
}

gboolean
cs_record_is_tracking (CsRecord *self)
{
  CsRecordPrivate *priv = cs_record_get_instance_private (self);

  g_return_val_if_fail (CS_IS_RECORD (self), FALSE);

  return priv->freeze_count == 0;
}
