/* cs-edit-history.c: the undo and redo stacks of one scenario being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-edit-history.h"

struct _CsEditHistory
{
  GObject     parent_instance;

  CsScenario *scenario;
  GPtrArray  *undo;    /* of CsEdit, newest last */
  GPtrArray  *redo;    /* of CsEdit, next to redo last */
  gboolean    sealed;
};

G_DEFINE_FINAL_TYPE (CsEditHistory, cs_edit_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CsEdit *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static void
notify_state (CsEditHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
cs_edit_history_dispose (GObject *object)
{
  CsEditHistory *self = CS_EDIT_HISTORY (object);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cs_edit_history_parent_class)->dispose (object);
}

static void
cs_edit_history_finalize (GObject *object)
{
  CsEditHistory *self = CS_EDIT_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (cs_edit_history_parent_class)->finalize (object);
}

static void
cs_edit_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsEditHistory *self = CS_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cs_edit_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cs_edit_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, cs_edit_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, cs_edit_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_edit_history_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsEditHistory *self = CS_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_edit_history_class_init (CsEditHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cs_edit_history_dispose;
  object_class->finalize = cs_edit_history_finalize;
  object_class->get_property = cs_edit_history_get_property;
  object_class->set_property = cs_edit_history_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, read_only);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, read_only);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, read_only);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CS_TYPE_EDIT);
}

static void
cs_edit_history_init (CsEditHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  self->sealed = TRUE;
}

CsEditHistory *
cs_edit_history_new (CsScenario *scenario)
{
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);

  return g_object_new (CS_TYPE_EDIT_HISTORY, "scenario", scenario, NULL);
}

CsScenario *
cs_edit_history_get_scenario (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), NULL);

  return self->scenario;
}

void
cs_edit_history_apply (CsEditHistory *self,
                       CsEdit        *edit)
{
  g_autoptr(CsEdit) owned = edit;
  CsEdit *last;

  g_return_if_fail (CS_IS_EDIT_HISTORY (self));
  g_return_if_fail (CS_IS_EDIT (edit));

  cs_edit_apply (edit, self->scenario);

  last = top (self->undo);
  if (!self->sealed && self->redo->len == 0 && last != NULL && cs_edit_merge (last, edit))
    {
      g_signal_emit (self, signals[CHANGED], 0, last);
      return;
    }

  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, g_steal_pointer (&owned));
  self->sealed = FALSE;
  notify_state (self);
  g_signal_emit (self, signals[CHANGED], 0, edit);
}

gboolean
cs_edit_history_undo (CsEditHistory *self)
{
  g_autoptr(CsEdit) edit = NULL;

  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  cs_edit_revert (edit, self->scenario);
  g_ptr_array_add (self->redo, g_object_ref (edit));
  self->sealed = TRUE;
  notify_state (self);
  g_signal_emit (self, signals[CHANGED], 0, edit);
  return TRUE;
}

gboolean
cs_edit_history_redo (CsEditHistory *self)
{
  g_autoptr(CsEdit) edit = NULL;

  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  edit = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  cs_edit_apply (edit, self->scenario);
  g_ptr_array_add (self->undo, g_object_ref (edit));
  self->sealed = TRUE;
  notify_state (self);
  g_signal_emit (self, signals[CHANGED], 0, edit);
  return TRUE;
}

void
cs_edit_history_seal (CsEditHistory *self)
{
  g_return_if_fail (CS_IS_EDIT_HISTORY (self));

  self->sealed = TRUE;
}

gboolean
cs_edit_history_get_can_undo (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
cs_edit_history_get_can_redo (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
cs_edit_history_get_undo_label (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), NULL);

  return self->undo->len > 0 ? cs_edit_get_label (top (self->undo)) : NULL;
}

const char *
cs_edit_history_get_redo_label (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), NULL);

  return self->redo->len > 0 ? cs_edit_get_label (top (self->redo)) : NULL;
}

guint
cs_edit_history_get_n_undo (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), 0);

  return self->undo->len;
}

CsEdit *
cs_edit_history_get_undo_edit (CsEditHistory *self)
{
  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), NULL);

  return top (self->undo);
}

char *
cs_edit_history_dup_undo_text (CsEditHistory *self)
{
  const char *label;

  g_return_val_if_fail (CS_IS_EDIT_HISTORY (self), NULL);

  label = cs_edit_history_get_undo_label (self);
  if (label == NULL)
    return NULL;

  /* Translators: %s is what the edit did, e.g. "Delete Scene" */
  return g_strdup_printf (_("Undo %s"), label);
}
