/* cs-scene-inspector.c: the fields of the scene selected on the board, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cs-criterion-row.h"
#include "cs-edit-field.h"
#include "cs-scene-image.h"
#include "cs-scene-inspector.h"
#include "cs-string-list-row.h"
#include "cs-text-row.h"
#include "cs-ui-util.h"

struct _CsSceneInspector
{
  GtkWidget      parent_instance;

  CsEditHistory *history;
  CsScene       *scene;
  CsStore       *store;
  GListModel    *problems;
  GtkStringList *triggers;
  GCancellable  *cancellable;
  char          *weights_text;

  GtkStack      *stack;
  AdwPreferencesGroup *problems_group;
  GtkListBox    *problems_list;
  AdwEntryRow   *title_row;
  CsTextRow     *description_row;
  CsTextRow     *goal_row;
  CsTextRow     *context_row;
  GtkListBox    *criteria_list;
  GtkLabel      *weights_label;
  AdwActionRow  *threshold_row;
  GtkScale      *threshold_scale;
  GtkSpinButton *timeout_spin;
  GtkSpinButton *attempts_spin;
  GtkListBox    *triggers_list;
  AdwPreferencesGroup *instructions_group;
  GtkListBox    *instructions_list;
  AdwActionRow  *image_row;
  GtkPicture    *image_picture;
  GtkWidget     *image_remove_button;
  GtkWidget     *image_choose_button;
};

G_DEFINE_FINAL_TYPE (CsSceneInspector, cs_scene_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_SCENE,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text fields and the scene property each one edits. */
static const struct {
  gsize       offset;
  const char *property;
} text_fields[] = {
  { G_STRUCT_OFFSET (CsSceneInspector, title_row), "title" },
  { G_STRUCT_OFFSET (CsSceneInspector, description_row), "description" },
  { G_STRUCT_OFFSET (CsSceneInspector, goal_row), "user-goal" },
  { G_STRUCT_OFFSET (CsSceneInspector, context_row), "scene-context" },
};

#define FIELD(self, i) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), text_fields[i].offset))

/* what the text fields edit */
static gpointer
get_edited (gpointer owner)
{
  return ((CsSceneInspector *) owner)->scene;
}

/* "scenes[2]." for the shown scene */
static char *
dup_scene_prefix (CsSceneInspector *self)
{
  return g_strdup_printf ("scenes[%u].", cs_scene_get_position (self->scene));
}

static char *
dup_path (CsSceneInspector *self,
          const char       *field)
{
  g_autofree char *prefix = dup_scene_prefix (self);

  return g_strconcat (prefix, field, NULL);
}

/* ---- problems ---------------------------------------------------------------------- */

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_problem_get_message (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "cs-path", g_strdup (cs_problem_get_path (item)), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
on_problem_activated (CsSceneInspector *self,
                      GtkListBoxRow    *row)
{
  cs_scene_inspector_focus_path (self, g_object_get_data (G_OBJECT (row), "cs-path"));
}

static void
update_problems (CsSceneInspector *self)
{
  g_autoptr(GListStore) mine = g_list_store_new (CS_TYPE_PROBLEM);
  g_autofree char *prefix = NULL;
  g_autofree char *threshold_path = NULL;
  GtkWidget *child;
  int i = 0;

  if (self->scene == NULL)
    {
      gtk_list_box_bind_model (self->problems_list, NULL, NULL, NULL, NULL);
      return;
    }

  prefix = dup_scene_prefix (self);
  for (guint k = 0; self->problems && k < g_list_model_get_n_items (self->problems); k++)
    {
      g_autoptr(CsProblem) problem = g_list_model_get_item (self->problems, k);

      if (g_str_has_prefix (cs_problem_get_path (problem), prefix))
        g_list_store_append (mine, problem);
    }
  gtk_list_box_bind_model (self->problems_list, G_LIST_MODEL (mine), create_problem_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          g_list_model_get_n_items (G_LIST_MODEL (mine)) > 0);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (CS_IS_CRITERION_ROW (child))
      {
        g_autofree char *field = g_strdup_printf ("goal_criteria[%d].text", i++);
        g_autofree char *path = dup_path (self, field);

        cs_criterion_row_set_problem (CS_CRITERION_ROW (child),
                                      cs_edit_field_find_problem (G_LIST_MODEL (mine), path));
      }

  threshold_path = dup_path (self, "success_threshold");
  cs_edit_field_set_problem (GTK_WIDGET (self->threshold_row),
                             cs_edit_field_find_problem (G_LIST_MODEL (mine), threshold_path));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->instructions_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *persona_id = g_object_get_data (G_OBJECT (child), "cs-persona-id");
      g_autofree char *field = NULL;
      g_autofree char *path = NULL;

      if (persona_id == NULL)
        continue;
      field = g_strconcat ("persona_instructions.", persona_id, NULL);
      path = dup_path (self, field);
      cs_edit_field_set_problem (child, cs_edit_field_find_problem (G_LIST_MODEL (mine), path));
    }
}

/* ---- showing the scene ------------------------------------------------------------ */

static void
update_weights (CsSceneInspector *self)
{
  double total = cs_scene_get_total_weight (self->scene);
  gboolean whole = fabs (total - 1.0) < 0.005;

  g_free (self->weights_text);
  /* TRANSLATORS: %.0f is a percentage */
  self->weights_text = whole ? g_strdup (_("Weights add up to 100%"))
                             : g_strdup_printf (_("Weights add up to %.0f%%, not 100%%"), total * 100);
  gtk_label_set_label (self->weights_label, self->weights_text);
  if (whole)
    gtk_widget_remove_css_class (GTK_WIDGET (self->weights_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->weights_label), "warning");
}

static void
update_image (CsSceneInspector *self)
{
  const char *name = cs_scene_get_image (self->scene);
  g_autoptr(GFile) file = self->store ? cs_scene_image_get_file (self->store, name) : NULL;

  gtk_picture_set_file (self->image_picture, file);
  gtk_widget_set_visible (GTK_WIDGET (self->image_picture), file != NULL);
  gtk_widget_set_visible (self->image_remove_button, name != NULL && *name != '\0');
  gtk_widget_set_sensitive (self->image_choose_button, self->store != NULL);
  adw_action_row_set_subtitle (self->image_row,
                               name && *name ? _("Shown at the top of the scene")
                               : self->store ? _("Choose a picture or drop one here")
                               : _("The library is not open, so no image can be added"));
}

static void
update_instructions (CsSceneInspector *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->instructions_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *persona_id = g_object_get_data (G_OBJECT (child), "cs-persona-id");

      if (persona_id)
        cs_text_row_set_text (CS_TEXT_ROW (child), cs_scene_get_persona_instruction (self->scene, persona_id));
    }
}

static void
refresh (CsSceneInspector *self)
{
  if (self->scene == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    cs_edit_field_show_string (FIELD (self, i), self->scene);
  if (fabs (gtk_range_get_value (GTK_RANGE (self->threshold_scale)) -
            cs_scene_get_success_threshold (self->scene) * 100) > 0.01)
    gtk_range_set_value (GTK_RANGE (self->threshold_scale),
                         cs_scene_get_success_threshold (self->scene) * 100);
  if (gtk_spin_button_get_value_as_int (self->timeout_spin) != cs_scene_get_timeout_turns (self->scene))
    gtk_spin_button_set_value (self->timeout_spin, cs_scene_get_timeout_turns (self->scene));
  if (gtk_spin_button_get_value_as_int (self->attempts_spin) != cs_scene_get_max_attempts (self->scene))
    gtk_spin_button_set_value (self->attempts_spin, cs_scene_get_max_attempts (self->scene));
  cs_edit_field_sync_string_list (self->triggers, cs_scene_get_hint_triggers (self->scene));
  update_weights (self);
  update_image (self);
  update_instructions (self);
}

static GtkWidget *
create_criterion_row (gpointer item,
                      gpointer user_data)
{
  CsSceneInspector *self = user_data;

  return cs_criterion_row_new (self->history, self->scene, item);
}

static GtkWidget *
create_trigger_row (gpointer item,
                    gpointer user_data)
{
  CsSceneInspector *self = user_data;
  GtkWidget *row = cs_string_list_row_new (self->history, self->scene, "hint-triggers", FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("When"));
  return row;
}

static void
on_instruction_changed (CsTextRow        *row,
                        CsSceneInspector *self)
{
  const char *persona_id = g_object_get_data (G_OBJECT (row), "cs-persona-id");
  g_autofree char *text = cs_text_row_dup_text (row);
  const char *old = cs_scene_get_persona_instruction (self->scene, persona_id);

  if (g_strcmp0 (old ? old : "", text) != 0)
    cs_edit_history_apply (self->history, cs_edit_instruction_new (self->scene, persona_id, text));
}

static GtkWidget *
create_instruction_row (gpointer item,
                        gpointer user_data)
{
  CsSceneInspector *self = user_data;
  CsScenario *scenario = cs_edit_history_get_scenario (self->history);
  const char *persona_id = cs_scene_persona_get_persona_id (item);
  CsPersona *persona = cs_scenario_find_persona (scenario, persona_id);
  GtkWidget *row = cs_text_row_new ();
  g_autofree char *title = NULL;

  /* TRANSLATORS: a persona's name and how it takes part, e.g. "Ana Ruiz (Key)" */
  title = g_strdup_printf (_("%s (%s)"), persona ? cs_persona_get_name (persona) : _("Deleted persona"),
                           cs_ui_involvement_label (cs_scene_persona_get_involvement (item)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "cs-persona-id", g_strdup (persona_id), g_free);
  cs_text_row_set_text (CS_TEXT_ROW (row), cs_scene_get_persona_instruction (self->scene, persona_id));
  cs_edit_field_prepare (row, G_OBJECT (self));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_instruction_changed), self, 0);
  return row;
}

static void
on_involved_changed (CsSceneInspector *self)
{
  GListModel *involved = cs_scene_get_involved (self->scene);

  gtk_widget_set_visible (GTK_WIDGET (self->instructions_group),
                          g_list_model_get_n_items (involved) > 0);
}

static void
on_scene_notify (CsSceneInspector *self)
{
  refresh (self);
}

static void
bind_scene (CsSceneInspector *self)
{
  gboolean shown = self->scene != NULL && self->history != NULL;

  gtk_stack_set_visible_child_name (self->stack, shown ? "scene" : "empty");
  gtk_list_box_bind_model (self->criteria_list, shown ? cs_scene_get_goal_criteria (self->scene) : NULL,
                           create_criterion_row, self, NULL);
  gtk_list_box_bind_model (self->instructions_list, shown ? cs_scene_get_involved (self->scene) : NULL,
                           create_instruction_row, self, NULL);
  gtk_string_list_splice (self->triggers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->triggers)),
                          NULL);
  gtk_list_box_bind_model (self->triggers_list, shown ? G_LIST_MODEL (self->triggers) : NULL,
                           create_trigger_row, self, NULL);
  if (!shown)
    return;
  refresh (self);
  on_involved_changed (self);
  update_problems (self);
}

/* ---- edits ----------------------------------------------------------------------------- */

static void
on_threshold_changed (CsSceneInspector *self)
{
  double value = round (gtk_range_get_value (GTK_RANGE (self->threshold_scale))) / 100;

  if (self->scene && self->history &&
      fabs (value - cs_scene_get_success_threshold (self->scene)) > 1e-6)
    cs_edit_history_apply (self->history,
                           cs_edit_property_new_double (self->scene, "success-threshold", value));
}

static void
on_int_changed (GtkSpinButton    *spin,
                CsSceneInspector *self)
{
  const char *property = spin == self->timeout_spin ? "timeout-turns" : "max-attempts";
  int old = 0;

  if (self->scene == NULL || self->history == NULL)
    return;
  g_object_get (self->scene, property, &old, NULL);
  if (gtk_spin_button_get_value_as_int (spin) != old)
    cs_edit_history_apply (self->history,
                           cs_edit_property_new_int (self->scene, property,
                                                     gtk_spin_button_get_value_as_int (spin)));
}

static char *
format_percent (GtkScale *scale,
                double    value,
                gpointer  user_data)
{
  /* TRANSLATORS: a percentage */
  return g_strdup_printf (_("%.0f%%"), value);
}

static void
focus_last_row (GtkListBox *list)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (list));

  if (GTK_IS_LIST_BOX_ROW (last))
    gtk_widget_grab_focus (last);
}

static void
add_criterion_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (widget);
  g_autoptr(CsGoalCriterion) criterion = NULL;
  guint n;

  if (self->scene == NULL)
    return;
  n = g_list_model_get_n_items (cs_scene_get_goal_criteria (self->scene));
  /* the new criterion takes what is left of 100 % */
  criterion = cs_goal_criterion_new ("", CLAMP (round ((1.0 - cs_scene_get_total_weight (self->scene)) * 100) / 100, 0, 1));
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history, cs_edit_criterion_new_add (self->scene, n, criterion));
  cs_edit_history_seal (self->history);
  focus_last_row (self->criteria_list);
}

static void
add_trigger_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (widget);
  const char * const *triggers;

  if (self->scene == NULL)
    return;
  triggers = cs_scene_get_hint_triggers (self->scene);
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history,
                         cs_edit_string_list_new_insert (self->scene, "hint-triggers",
                                                         triggers ? g_strv_length ((GStrv) triggers) : 0,
                                                         ""));
  cs_edit_history_seal (self->history);
  focus_last_row (self->triggers_list);
}

/* ---- the image --------------------------------------------------------------------- */

typedef struct {
  CsSceneInspector *self;
  CsScene          *scene;
} ImageImport;

static void
on_image_imported (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ImageImport *import = data;
  g_autoptr(CsSceneInspector) self = import->self;
  g_autoptr(CsScene) scene = import->scene;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = cs_scene_image_import_finish (result, &error);
  CsScenario *scenario;

  g_free (import);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (name == NULL)
    {
      cs_edit_field_toast (GTK_WIDGET (self), error->message);
      return;
    }
  scenario = self->history ? cs_edit_history_get_scenario (self->history) : NULL;
  /* the scene may have been deleted meanwhile */
  if (scenario == NULL || cs_scenario_find_scene (scenario, cs_record_get_id (CS_RECORD (scene))) != scene)
    return;
  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history, cs_edit_property_new_string (scene, "image", name));
  cs_edit_history_seal (self->history);
}

void
cs_scene_inspector_set_image_file (CsSceneInspector *self,
                                   GFile            *file)
{
  ImageImport *import;

  g_return_if_fail (CS_IS_SCENE_INSPECTOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->scene == NULL || self->store == NULL)
    return;
  import = g_new0 (ImageImport, 1);
  import->self = g_object_ref (self);
  import->scene = g_object_ref (self->scene);
  cs_scene_image_import_async (self->store, file, self->cancellable, on_image_imported, import);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     CsSceneInspector *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file)
        cs_scene_inspector_set_image_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_image_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Scene Image"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_image_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (widget);

  /* the file stays in the library, so that undo can show it again */
  if (self->scene && cs_scene_get_image (self->scene))
    {
      cs_edit_history_seal (self->history);
      cs_edit_history_apply (self->history, cs_edit_property_new_string (self->scene, "image", NULL));
      cs_edit_history_seal (self->history);
    }
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         CsSceneInspector *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->scene == NULL || self->store == NULL)
    return FALSE;
  cs_scene_inspector_set_image_file (self, g_value_get_object (value));
  return TRUE;
}

/* ---- public ------------------------------------------------------------------------ */

GtkWidget *
cs_scene_inspector_new (void)
{
  return g_object_new (CS_TYPE_SCENE_INSPECTOR, NULL);
}

CsScene *
cs_scene_inspector_get_scene (CsSceneInspector *self)
{
  g_return_val_if_fail (CS_IS_SCENE_INSPECTOR (self), NULL);

  return self->scene;
}

void
cs_scene_inspector_set_scene (CsSceneInspector *self,
                              CsScene          *scene)
{
  g_return_if_fail (CS_IS_SCENE_INSPECTOR (self));
  g_return_if_fail (!scene || CS_IS_SCENE (scene));

  if (scene == self->scene)
    return;

  if (self->scene)
    {
      g_signal_handlers_disconnect_by_data (self->scene, self);
      g_signal_handlers_disconnect_by_data (cs_scene_get_involved (self->scene), self);
    }
  if (self->history)
    cs_edit_history_seal (self->history);
  g_set_object (&self->scene, scene);
  if (scene)
    {
      g_signal_connect_object (scene, "notify", G_CALLBACK (on_scene_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cs_scene_get_involved (scene), "items-changed",
                               G_CALLBACK (on_involved_changed), self, G_CONNECT_SWAPPED);
    }
  bind_scene (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENE]);
}

CsEditHistory *
cs_scene_inspector_get_history (CsSceneInspector *self)
{
  g_return_val_if_fail (CS_IS_SCENE_INSPECTOR (self), NULL);

  return self->history;
}

void
cs_scene_inspector_set_history (CsSceneInspector *self,
                                CsEditHistory    *history)
{
  g_return_if_fail (CS_IS_SCENE_INSPECTOR (self));
  g_return_if_fail (!history || CS_IS_EDIT_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  bind_scene (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
cs_scene_inspector_set_store (CsSceneInspector *self,
                              CsStore          *store)
{
  g_return_if_fail (CS_IS_SCENE_INSPECTOR (self));
  g_return_if_fail (!store || CS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (self->scene)
    update_image (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
cs_scene_inspector_set_problems (CsSceneInspector *self,
                                 GListModel       *problems)
{
  g_return_if_fail (CS_IS_SCENE_INSPECTOR (self));

  g_set_object (&self->problems, problems);
  update_problems (self);
}

const char *
cs_scene_inspector_get_weights_text (CsSceneInspector *self)
{
  g_return_val_if_fail (CS_IS_SCENE_INSPECTOR (self), NULL);

  return self->weights_text;
}

void
cs_scene_inspector_focus_path (CsSceneInspector *self,
                               const char       *path)
{
  g_autofree char *prefix = NULL;
  const char *field;
  guint index;

  g_return_if_fail (CS_IS_SCENE_INSPECTOR (self));

  if (self->scene == NULL || path == NULL)
    return;
  prefix = dup_scene_prefix (self);
  if (!g_str_has_prefix (path, prefix))
    return;
  field = path + strlen (prefix);

  if (sscanf (field, "goal_criteria[%u]", &index) == 1)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->criteria_list, index);

      if (row)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else if (g_str_has_prefix (field, "success_threshold"))
    gtk_widget_grab_focus (GTK_WIDGET (self->threshold_scale));
  else if (g_str_has_prefix (field, "persona_instructions."))
    {
      const char *persona_id = field + strlen ("persona_instructions.");

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->instructions_list)); child;
           child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "cs-persona-id"), persona_id) == 0)
          {
            gtk_widget_grab_focus (child);
            return;
          }
    }
  else
    {
      /* what has no field here (no persona in the scene): its line in the list on top */
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->problems_list, 0);

      if (row)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
cs_scene_inspector_dispose (GObject *object)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (object);

  g_cancellable_cancel (self->cancellable);
  cs_scene_inspector_set_scene (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SCENE_INSPECTOR);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->problems);
  g_clear_object (&self->triggers);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cs_scene_inspector_parent_class)->dispose (object);
}

static void
cs_scene_inspector_finalize (GObject *object)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (object);

  g_free (self->weights_text);

  G_OBJECT_CLASS (cs_scene_inspector_parent_class)->finalize (object);
}

static void
cs_scene_inspector_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SCENE:
      g_value_set_object (value, self->scene);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_inspector_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsSceneInspector *self = CS_SCENE_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      cs_scene_inspector_set_history (self, g_value_get_object (value));
      break;
    case PROP_SCENE:
      cs_scene_inspector_set_scene (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      cs_scene_inspector_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_inspector_class_init (CsSceneInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_scene_inspector_dispose;
  object_class->finalize = cs_scene_inspector_finalize;
  object_class->get_property = cs_scene_inspector_get_property;
  object_class->set_property = cs_scene_inspector_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENE] =
    g_param_spec_object ("scene", NULL, NULL, CS_TYPE_SCENE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "inspector.add-criterion", NULL, add_criterion_action);
  gtk_widget_class_install_action (widget_class, "inspector.add-trigger", NULL, add_trigger_action);
  gtk_widget_class_install_action (widget_class, "inspector.choose-image", NULL, choose_image_action);
  gtk_widget_class_install_action (widget_class, "inspector.remove-image", NULL, remove_image_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-scene-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, problems_group);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, title_row);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, description_row);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, goal_row);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, context_row);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, weights_label);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, threshold_scale);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, attempts_spin);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, triggers_list);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, instructions_group);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, instructions_list);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, image_row);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, image_picture);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, image_remove_button);
  gtk_widget_class_bind_template_child (widget_class, CsSceneInspector, image_choose_button);
  gtk_widget_class_bind_template_callback (widget_class, on_threshold_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_int_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
}

static void
cs_scene_inspector_init (CsSceneInspector *self)
{
  GtkDropTarget *drop;

  g_type_ensure (CS_TYPE_TEXT_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->triggers = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    cs_edit_field_bind_string (FIELD (self, i), G_OBJECT (self), get_edited, text_fields[i].property);
  cs_edit_field_prepare (GTK_WIDGET (self->threshold_scale), G_OBJECT (self));
  cs_edit_field_prepare (GTK_WIDGET (self->timeout_spin), G_OBJECT (self));
  cs_edit_field_prepare (GTK_WIDGET (self->attempts_spin), G_OBJECT (self));
  gtk_scale_set_format_value_func (self->threshold_scale, format_percent, NULL, NULL);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->image_row), GTK_EVENT_CONTROLLER (drop));
  bind_scene (self);
}
