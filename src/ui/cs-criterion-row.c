/* cs-criterion-row.c: one goal criterion of a scene in the inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cs-criterion-row.h"
#include "cs-edit-field.h"

struct _CsCriterionRow
{
  AdwPreferencesRow parent_instance;

  CsEditHistory   *history;
  CsScene         *scene;
  CsGoalCriterion *criterion;

  GtkTextView     *text_view;
  GtkSpinButton   *weight;
  GtkWidget       *problem_icon;
};

G_DEFINE_FINAL_TYPE (CsCriterionRow, cs_criterion_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
refresh (CsCriterionRow *self)
{
  cs_edit_field_set_view_text (self->text_view, cs_goal_criterion_get_text (self->criterion));
  if (fabs (gtk_spin_button_get_value (self->weight) -
            cs_goal_criterion_get_weight (self->criterion) * 100) > 0.01)
    gtk_spin_button_set_value (self->weight, cs_goal_criterion_get_weight (self->criterion) * 100);
}

static void
on_changed (CsCriterionRow *self)
{
  g_autofree char *text = cs_edit_field_dup_view_text (self->text_view);

  if (self->criterion && !cs_edit_field_is_updating (self->text_view) &&
      g_strcmp0 (text, cs_goal_criterion_get_text (self->criterion)) != 0)
    cs_edit_history_apply (self->history,
                           cs_edit_property_new_string (self->criterion, "text", text));
}

static void
on_weight_changed (CsCriterionRow *self)
{
  double weight = gtk_spin_button_get_value (self->weight) / 100;

  if (self->criterion && fabs (weight - cs_goal_criterion_get_weight (self->criterion)) > 1e-6)
    cs_edit_history_apply (self->history,
                           cs_edit_property_new_double (self->criterion, "weight", weight));
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  CsCriterionRow *self = CS_CRITERION_ROW (widget);
  GListModel *criteria = cs_scene_get_goal_criteria (self->scene);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) item = g_list_model_get_item (criteria, i);

      if (item == self->criterion)
        {
          cs_edit_history_seal (self->history);
          cs_edit_history_apply (self->history, cs_edit_criterion_new_remove (self->scene, i));
          cs_edit_history_seal (self->history);
          return;
        }
    }
}

CsGoalCriterion *
cs_criterion_row_get_criterion (CsCriterionRow *self)
{
  g_return_val_if_fail (CS_IS_CRITERION_ROW (self), NULL);

  return self->criterion;
}

GtkTextView *
cs_criterion_row_get_text_view (CsCriterionRow *self)
{
  g_return_val_if_fail (CS_IS_CRITERION_ROW (self), NULL);

  return self->text_view;
}

GtkSpinButton *
cs_criterion_row_get_weight (CsCriterionRow *self)
{
  g_return_val_if_fail (CS_IS_CRITERION_ROW (self), NULL);

  return self->weight;
}

void
cs_criterion_row_set_problem (CsCriterionRow *self,
                              const char     *message)
{
  g_return_if_fail (CS_IS_CRITERION_ROW (self));

  cs_edit_field_set_problem (GTK_WIDGET (self), message);
  gtk_widget_set_visible (self->problem_icon, message != NULL);
}

GtkWidget *
cs_criterion_row_new (CsEditHistory   *history,
                      CsScene         *scene,
                      CsGoalCriterion *criterion)
{
  CsCriterionRow *self;

  g_return_val_if_fail (CS_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (CS_IS_SCENE (scene), NULL);
  g_return_val_if_fail (CS_IS_GOAL_CRITERION (criterion), NULL);

  self = g_object_new (CS_TYPE_CRITERION_ROW, "history", history, NULL);
  self->scene = g_object_ref (scene);
  self->criterion = g_object_ref (criterion);
  g_signal_connect_object (criterion, "notify", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

static gboolean
grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CS_CRITERION_ROW (widget)->text_view));
}

static void
cs_criterion_row_dispose (GObject *object)
{
  CsCriterionRow *self = CS_CRITERION_ROW (object);

  g_clear_object (&self->criterion);
  g_clear_object (&self->scene);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CRITERION_ROW);

  G_OBJECT_CLASS (cs_criterion_row_parent_class)->dispose (object);
}

static void
cs_criterion_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsCriterionRow *self = CS_CRITERION_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_criterion_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsCriterionRow *self = CS_CRITERION_ROW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_set_object (&self->history, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_criterion_row_class_init (CsCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_criterion_row_dispose;
  object_class->get_property = cs_criterion_row_get_property;
  object_class->set_property = cs_criterion_row_set_property;
  widget_class->grab_focus = grab_focus;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "criterion.remove", NULL, remove_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCriterionRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, CsCriterionRow, weight);
  gtk_widget_class_bind_template_child (widget_class, CsCriterionRow, problem_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed);
}

static void
cs_criterion_row_init (CsCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  cs_edit_field_prepare (GTK_WIDGET (self->text_view), G_OBJECT (self));
  cs_edit_field_prepare (GTK_WIDGET (self->weight), G_OBJECT (self));
}
