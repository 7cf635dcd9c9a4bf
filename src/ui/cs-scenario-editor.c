/* cs-scenario-editor.c: the editor page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cs-cast-panel.h"
#include "cs-scenario-editor.h"

struct _CsScenarioEditor
{
  GtkWidget         parent_instance;

  GListStore       *problems;
  CsEditHistory    *history;  /* the board's, followed */

  AdwViewStack     *view_stack;
  AdwFlap          *flap;
  CsSceneBoard     *board;
  CsSceneInspector *inspector;
  CsCaseEditor     *case_editor;
  CsCastPanel      *cast_panel;
  GtkMenuButton    *problems_button;
  GtkPopover       *problems_popover;
  GtkListBox       *problems_list;
  GtkWidget        *test_play_button;
  GtkWidget        *inspector_button;
};

G_DEFINE_FINAL_TYPE (CsScenarioEditor, cs_scenario_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_STORE,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Scene 2 · criterion 1" for a problem's path */
static char *
dup_place (CsScenarioEditor *self,
           const char       *path)
{
  CsScenario *scenario = cs_scene_board_get_scenario (self->board);
  guint scene, index;

  if (scenario && sscanf (path, "scenes[%u].goal_criteria[%u]", &scene, &index) == 2)
    /* TRANSLATORS: where a problem is: the scene's number and the criterion's */
    return g_strdup_printf (_("Scene %u · criterion %u"), scene + 1, index + 1);
  if (scenario && sscanf (path, "scenes[%u]", &scene) == 1)
    {
      g_autoptr(CsScene) item = g_list_model_get_item (cs_scenario_get_scenes (scenario), scene);

      /* TRANSLATORS: where a problem is: the scene's number and title */
      return g_strdup_printf (_("Scene %u · %s"), scene + 1, item ? cs_scene_get_title (item) : "");
    }
  if (g_str_has_prefix (path, "personas"))
    return g_strdup (_("Cast"));
  return g_strdup (_("Case"));
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  CsScenarioEditor *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *place = dup_place (self, cs_problem_get_path (item));

  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_problem_get_message (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "cs-path", g_strdup (cs_problem_get_path (item)), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
on_problem_activated (CsScenarioEditor *self,
                      GtkListBoxRow    *row)
{
  gtk_popover_popdown (self->problems_popover);
  cs_scenario_editor_show_problem (self, g_object_get_data (G_OBJECT (row), "cs-path"));
}

static void
update_problems (CsScenarioEditor *self)
{
  CsScenario *scenario = cs_scene_board_get_scenario (self->board);
  g_autoptr(GListModel) found = scenario ? cs_scenario_check (scenario) : NULL;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  guint n = found ? g_list_model_get_n_items (found) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));
  g_list_store_splice (self->problems, 0, old_n, items->pdata, items->len);

  /* TRANSLATORS: the button that lists the problems that block publishing */
  label = g_strdup_printf (ngettext ("%u Problem", "%u Problems", n), n);
  gtk_menu_button_set_label (self->problems_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), n > 0);
  cs_scene_inspector_set_problems (self->inspector, G_LIST_MODEL (self->problems));
  /* also when the number stays: the problems may be others (the publish button reads them) */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

static void
on_history_changed (CsScenarioEditor *self)
{
  update_problems (self);
}

static void
on_selected_scene (CsScenarioEditor *self)
{
  g_autoptr(CsScene) scene = NULL;

  g_object_get (self->board, "selected-scene", &scene, NULL);
  cs_scene_inspector_set_scene (self->inspector, scene);
}

static void
on_board_history (CsScenarioEditor *self)
{
  CsEditHistory *history = cs_scene_board_get_history (self->board);
  CsScenario *scenario = cs_scene_board_get_scenario (self->board);

  if (self->history)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history)
    g_signal_connect_object (history, "changed", G_CALLBACK (on_history_changed), self,
                             G_CONNECT_SWAPPED);

  cs_scene_inspector_set_scene (self->inspector, NULL);
  cs_scene_inspector_set_history (self->inspector, history);
  cs_case_editor_set_history (self->case_editor, history);
  cs_cast_panel_set_history (self->cast_panel, history);
  on_selected_scene (self);
  if (scenario)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->test_play_button), "s",
                                      cs_record_get_id (CS_RECORD (scenario)));
  gtk_widget_set_sensitive (self->test_play_button, scenario != NULL);
  update_problems (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

/* The inspector's button only where the inspector is. */
static void
on_page_changed (CsScenarioEditor *self)
{
  gtk_widget_set_visible (self->inspector_button,
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "scenes") == 0);
}

/* ---- actions ------------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CsScenarioEditor *self = CS_SCENARIO_EDITOR (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->board), "board.undo", NULL);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CsScenarioEditor *self = CS_SCENARIO_EDITOR (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->board), "board.redo", NULL);
}

/* ---- public ------------------------------------------------------------------------ */

CsScenario *
cs_scenario_editor_get_scenario (CsScenarioEditor *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_EDITOR (self), NULL);

  return cs_scene_board_get_scenario (self->board);
}

void
cs_scenario_editor_set_scenario (CsScenarioEditor *self,
                                 CsScenario       *scenario)
{
  g_return_if_fail (CS_IS_SCENARIO_EDITOR (self));

  cs_scene_board_set_scenario (self->board, scenario);
  if (scenario)
    adw_view_stack_set_visible_child_name (self->view_stack, "scenes");
}

void
cs_scenario_editor_set_store (CsScenarioEditor *self,
                              CsStore          *store)
{
  g_return_if_fail (CS_IS_SCENARIO_EDITOR (self));

  cs_scene_board_set_store (self->board, store);
  cs_scene_inspector_set_store (self->inspector, store);
  cs_cast_panel_set_store (self->cast_panel, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

CsSceneBoard *
cs_scenario_editor_get_board (CsScenarioEditor *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_EDITOR (self), NULL);

  return self->board;
}

CsSceneInspector *
cs_scenario_editor_get_inspector (CsScenarioEditor *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_EDITOR (self), NULL);

  return self->inspector;
}

CsCaseEditor *
cs_scenario_editor_get_case_editor (CsScenarioEditor *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_EDITOR (self), NULL);

  return self->case_editor;
}

GListModel *
cs_scenario_editor_get_problems (CsScenarioEditor *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_EDITOR (self), NULL);

  return G_LIST_MODEL (self->problems);
}

guint
cs_scenario_editor_get_n_problems (CsScenarioEditor *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_EDITOR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->problems));
}

void
cs_scenario_editor_show_page (CsScenarioEditor *self,
                              const char       *name)
{
  g_return_if_fail (CS_IS_SCENARIO_EDITOR (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
cs_scenario_editor_show_problem (CsScenarioEditor *self,
                                 const char       *path)
{
  guint scene, persona;

  g_return_if_fail (CS_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (path != NULL);

  if (sscanf (path, "scenes[%u]", &scene) == 1)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "scenes");
      adw_flap_set_reveal_flap (self->flap, TRUE);
      cs_scene_board_select (self->board, scene);
      cs_scene_inspector_focus_path (self->inspector, path);
    }
  else if (sscanf (path, "personas[%u]", &persona) == 1)
    {
      /* a duplicate name: the person, in the cast */
      adw_view_stack_set_visible_child_name (self->view_stack, "cast");
      cs_cast_panel_select (self->cast_panel, persona);
    }
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
cs_scenario_editor_dispose (GObject *object)
{
  CsScenarioEditor *self = CS_SCENARIO_EDITOR (object);

  if (self->history)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SCENARIO_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (cs_scenario_editor_parent_class)->dispose (object);
}

static void
cs_scenario_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsScenarioEditor *self = CS_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, cs_scene_board_get_scenario (self->board));
      break;
    case PROP_STORE:
      {
        g_autoptr(CsStore) store = NULL;

        g_object_get (self->board, "store", &store, NULL);
        g_value_set_object (value, store);
      }
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, cs_scenario_editor_get_n_problems (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CsScenarioEditor *self = CS_SCENARIO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      cs_scenario_editor_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      cs_scenario_editor_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_editor_class_init (CsScenarioEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_scenario_editor_dispose;
  object_class->get_property = cs_scenario_editor_get_property;
  object_class->set_property = cs_scenario_editor_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-scenario-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, board);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, inspector);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, case_editor);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, cast_panel);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, problems_button);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, problems_popover);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, test_play_button);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioEditor, inspector_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_board_history);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_scene);
}

static void
cs_scenario_editor_init (CsScenarioEditor *self)
{
  g_type_ensure (CS_TYPE_SCENE_BOARD);
  g_type_ensure (CS_TYPE_SCENE_INSPECTOR);
  g_type_ensure (CS_TYPE_CASE_EDITOR);
  g_type_ensure (CS_TYPE_CAST_PANEL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->problems = g_list_store_new (CS_TYPE_PROBLEM);
  gtk_list_box_bind_model (self->problems_list, G_LIST_MODEL (self->problems), create_problem_row,
                           self, NULL);
  gtk_widget_set_sensitive (self->test_play_button, FALSE);
}
