/* cs-case-editor.c: the case's own fields, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-case-editor.h"
#include "cs-edit-field.h"
#include "cs-string-list-row.h"
#include "cs-text-row.h"
#include "cs-ui-util.h"

struct _CsCaseEditor
{
  GtkWidget      parent_instance;

  CsEditHistory *history;
  CsScenario    *scenario;
  GtkStringList *outcomes;

  GtkStack      *stack;
  AdwEntryRow   *title_row;
  CsTextRow     *description_row;
  CsTextRow     *challenge_row;
  AdwEntryRow   *role_row;
  AdwEntryRow   *industry_row;
  AdwEntryRow   *category_row;
  AdwComboRow   *difficulty_row;
  GtkSpinButton *duration_spin;
  AdwEntryRow   *tags_row;
  GtkListBox    *outcomes_list;
};

G_DEFINE_FINAL_TYPE (CsCaseEditor, cs_case_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  gsize       offset;
  const char *property;
} text_fields[] = {
  { G_STRUCT_OFFSET (CsCaseEditor, title_row), "title" },
  { G_STRUCT_OFFSET (CsCaseEditor, description_row), "description" },
  { G_STRUCT_OFFSET (CsCaseEditor, challenge_row), "challenge" },
  { G_STRUCT_OFFSET (CsCaseEditor, role_row), "student-role" },
  { G_STRUCT_OFFSET (CsCaseEditor, industry_row), "industry" },
  { G_STRUCT_OFFSET (CsCaseEditor, category_row), "category" },
};

#define FIELD(self, i) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), text_fields[i].offset))

/* what the text fields edit */
static gpointer
get_edited (gpointer owner)
{
  return ((CsCaseEditor *) owner)->scenario;
}

/* "plant closure, change" → { "plant closure", "change" } (blank entries left out) */
static GStrv
parse_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
refresh (CsCaseEditor *self)
{
  const char * const *tags;
  g_autofree char *joined = NULL;

  if (self->scenario == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    cs_edit_field_show_string (FIELD (self, i), self->scenario);
  if (adw_combo_row_get_selected (self->difficulty_row) != (guint) cs_scenario_get_difficulty (self->scenario))
    adw_combo_row_set_selected (self->difficulty_row, cs_scenario_get_difficulty (self->scenario));
  if (gtk_spin_button_get_value_as_int (self->duration_spin) != cs_scenario_get_estimated_duration (self->scenario))
    gtk_spin_button_set_value (self->duration_spin, cs_scenario_get_estimated_duration (self->scenario));

  /* the tags row shows the list unless it holds an edit not yet applied */
  tags = cs_scenario_get_tags (self->scenario);
  joined = tags ? g_strjoinv (", ", (GStrv) tags) : g_strdup ("");
  {
    g_auto(GStrv) shown = parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
    g_autofree char *shown_joined = g_strjoinv (", ", shown);

    if (g_strcmp0 (shown_joined, joined) != 0)
      cs_edit_field_set_text (GTK_EDITABLE (self->tags_row), joined);
  }
  cs_edit_field_sync_string_list (self->outcomes, cs_scenario_get_learning_outcomes (self->scenario));
}

static void
on_difficulty_changed (CsCaseEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->difficulty_row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->scenario == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) cs_scenario_get_difficulty (self->scenario))
    return;
  g_value_init (&value, CS_TYPE_DIFFICULTY);
  g_value_set_enum (&value, selected);
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history, cs_edit_property_new (self->scenario, "difficulty", &value));
  cs_edit_history_seal (self->history);
}

static void
on_duration_changed (CsCaseEditor *self)
{
  int minutes = gtk_spin_button_get_value_as_int (self->duration_spin);

  if (self->scenario && minutes != cs_scenario_get_estimated_duration (self->scenario))
    cs_edit_history_apply (self->history,
                           cs_edit_property_new_int (self->scenario, "estimated-duration", minutes));
}

static void
on_tags_apply (CsCaseEditor *self)
{
  g_auto(GStrv) tags = parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  g_auto(GValue) value = G_VALUE_INIT;
  const char * const *old;

  if (self->scenario == NULL)
    return;
  old = cs_scenario_get_tags (self->scenario);
  if (old ? g_strv_equal (old, (const char * const *) tags) : tags[0] == NULL)
    return;
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, tags);
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history, cs_edit_property_new (self->scenario, "tags", &value));
  cs_edit_history_seal (self->history);
}

static GtkWidget *
create_outcome_row (gpointer item,
                    gpointer user_data)
{
  CsCaseEditor *self = user_data;
  GtkWidget *row = cs_string_list_row_new (self->history, self->scenario, "learning-outcomes", TRUE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The student learns to"));
  return row;
}

static void
add_outcome_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  CsCaseEditor *self = CS_CASE_EDITOR (widget);
  const char * const *outcomes;
  GtkWidget *last;

  if (self->scenario == NULL)
    return;
  outcomes = cs_scenario_get_learning_outcomes (self->scenario);
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history,
                         cs_edit_string_list_new_insert (self->scenario, "learning-outcomes",
                                                         outcomes ? g_strv_length ((GStrv) outcomes) : 0,
                                                         ""));
  cs_edit_history_seal (self->history);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->outcomes_list));
  if (GTK_IS_LIST_BOX_ROW (last))
    gtk_widget_grab_focus (last);
}

static void
on_scenario_notify (CsCaseEditor *self)
{
  refresh (self);
}

GtkWidget *
cs_case_editor_new (void)
{
  return g_object_new (CS_TYPE_CASE_EDITOR, NULL);
}

CsEditHistory *
cs_case_editor_get_history (CsCaseEditor *self)
{
  g_return_val_if_fail (CS_IS_CASE_EDITOR (self), NULL);

  return self->history;
}

void
cs_case_editor_set_history (CsCaseEditor  *self,
                            CsEditHistory *history)
{
  g_return_if_fail (CS_IS_CASE_EDITOR (self));
  g_return_if_fail (!history || CS_IS_EDIT_HISTORY (history));

  if (history == self->history)
    return;

  if (self->scenario)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  g_set_object (&self->history, history);
  g_clear_object (&self->scenario);
  if (history)
    self->scenario = g_object_ref (cs_edit_history_get_scenario (history));
  gtk_string_list_splice (self->outcomes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->outcomes)),
                          NULL);
  gtk_list_box_bind_model (self->outcomes_list, self->scenario ? G_LIST_MODEL (self->outcomes) : NULL,
                           create_outcome_row, self, NULL);
  if (self->scenario)
    {
      g_signal_connect_object (self->scenario, "notify", G_CALLBACK (on_scenario_notify), self,
                               G_CONNECT_SWAPPED);
      gtk_editable_set_text (GTK_EDITABLE (self->tags_row), "");
      refresh (self);
    }
  gtk_stack_set_visible_child_name (self->stack, self->scenario ? "case" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

static void
cs_case_editor_dispose (GObject *object)
{
  CsCaseEditor *self = CS_CASE_EDITOR (object);

  cs_case_editor_set_history (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CASE_EDITOR);
  g_clear_object (&self->outcomes);

  G_OBJECT_CLASS (cs_case_editor_parent_class)->dispose (object);
}

static void
cs_case_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsCaseEditor *self = CS_CASE_EDITOR (object);

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
cs_case_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsCaseEditor *self = CS_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      cs_case_editor_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_case_editor_class_init (CsCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_case_editor_dispose;
  object_class->get_property = cs_case_editor_get_property;
  object_class->set_property = cs_case_editor_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "case.add-outcome", NULL, add_outcome_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, challenge_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, industry_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, difficulty_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CsCaseEditor, outcomes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_difficulty_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_apply);
}

static void
cs_case_editor_init (CsCaseEditor *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  g_type_ensure (CS_TYPE_TEXT_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->outcomes = gtk_string_list_new (NULL);
  for (int d = CS_DIFFICULTY_BEGINNER; d <= CS_DIFFICULTY_ADVANCED; d++)
    gtk_string_list_append (levels, cs_ui_difficulty_label (d));
  adw_combo_row_set_model (self->difficulty_row, G_LIST_MODEL (levels));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    cs_edit_field_bind_string (FIELD (self, i), G_OBJECT (self), get_edited, text_fields[i].property);
  cs_edit_field_prepare (GTK_WIDGET (self->duration_spin), G_OBJECT (self));
  cs_edit_field_prepare (GTK_WIDGET (self->tags_row), G_OBJECT (self));
}
