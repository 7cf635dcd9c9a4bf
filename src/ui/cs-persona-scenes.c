/* cs-persona-scenes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-persona-scenes.h"

/* The choices, in the order of the rows' lists. */
enum {
  CHOICE_NONE,
  CHOICE_KEY,
  CHOICE_PARTICIPANT,
  CHOICE_MENTIONED,
};

struct _CsPersonaScenes
{
  AdwPreferencesGroup  parent_instance;

  CsEditHistory       *history;
  CsPersona           *persona;
  GPtrArray           *rows;       /* AdwComboRow, one per scene */
  gboolean             updating;   /* the rows are being set from the model */
};

G_DEFINE_FINAL_TYPE (CsPersonaScenes, cs_persona_scenes, ADW_TYPE_PREFERENCES_GROUP)

static guint
choice_of (CsScene   *scene,
           CsPersona *persona)
{
  CsInvolvement involvement;

  if (!cs_scene_get_involvement (scene, cs_record_get_id (CS_RECORD (persona)), &involvement))
    return CHOICE_NONE;
  switch (involvement)
    {
    case CS_INVOLVEMENT_KEY:
      return CHOICE_KEY;
    case CS_INVOLVEMENT_PARTICIPANT:
      return CHOICE_PARTICIPANT;
    case CS_INVOLVEMENT_MENTIONED:
    default:
      return CHOICE_MENTIONED;
    }
}

static void
on_selected (AdwComboRow     *row,
             GParamSpec      *pspec,
             CsPersonaScenes *self)
{
  CsScenario *scenario;
  g_autoptr(CsScene) scene = NULL;
  const char *persona_id;
  guint choice;

  if (self->updating || !self->history || !self->persona)
    return;
  scenario = cs_edit_history_get_scenario (self->history);
  scene = g_list_model_get_item (cs_scenario_get_scenes (scenario),
                                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cs-position")));
  if (!scene)
    return;
  choice = adw_combo_row_get_selected (row);
  if (choice == choice_of (scene, self->persona))
    return;
  persona_id = cs_record_get_id (CS_RECORD (self->persona));
  cs_edit_history_seal (self->history);
  switch (choice)
    {
    case CHOICE_KEY:
      cs_edit_history_apply (self->history, cs_edit_involvement_new_set (scene, persona_id, CS_INVOLVEMENT_KEY));
      break;
    case CHOICE_PARTICIPANT:
      cs_edit_history_apply (self->history,
                             cs_edit_involvement_new_set (scene, persona_id, CS_INVOLVEMENT_PARTICIPANT));
      break;
    case CHOICE_MENTIONED:
      cs_edit_history_apply (self->history,
                             cs_edit_involvement_new_set (scene, persona_id, CS_INVOLVEMENT_MENTIONED));
      break;
    case CHOICE_NONE:
    default:
      cs_edit_history_apply (self->history, cs_edit_involvement_new_remove (scene, persona_id));
      break;
    }
}

static void
clear_rows (CsPersonaScenes *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/* The rows again when the scenes changed in number or order, else only their values. */
static void
refresh (CsPersonaScenes *self)
{
  CsScenario *scenario = self->history ? cs_edit_history_get_scenario (self->history) : NULL;
  GListModel *scenes = scenario ? cs_scenario_get_scenes (scenario) : NULL;
  guint n = scenes && self->persona ? g_list_model_get_n_items (scenes) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  if (n != self->rows->len)
    {
      const char *choices[] = { N_("Not in This Scene"), N_("Key Persona"), N_("Participant"),
                                N_("Mentioned Only"), NULL };

      clear_rows (self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
          GtkWidget *row = adw_combo_row_new ();

          for (guint c = 0; choices[c]; c++)
            gtk_string_list_append (list, _(choices[c]));
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
          g_object_set_data (G_OBJECT (row), "cs-position", GUINT_TO_POINTER (i));
          g_signal_connect (row, "notify::selected", G_CALLBACK (on_selected), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
          g_ptr_array_add (self->rows, row);
        }
    }

  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      AdwComboRow *row = g_ptr_array_index (self->rows, i);
      const char *title = cs_scene_get_title (scene);
      g_autofree char *label = g_strdup_printf ("%u. %s", i + 1, title && *title ? title : _("Untitled Scene"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_combo_row_set_selected (row, choice_of (scene, self->persona));
    }
  self->updating = FALSE;
}

static void
cs_persona_scenes_dispose (GObject *object)
{
  CsPersonaScenes *self = CS_PERSONA_SCENES (object);

  if (self->history)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->persona);

  G_OBJECT_CLASS (cs_persona_scenes_parent_class)->dispose (object);
}

static void
cs_persona_scenes_finalize (GObject *object)
{
  CsPersonaScenes *self = CS_PERSONA_SCENES (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cs_persona_scenes_parent_class)->finalize (object);
}

static void
cs_persona_scenes_class_init (CsPersonaScenesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_persona_scenes_dispose;
  object_class->finalize = cs_persona_scenes_finalize;
}

static void
cs_persona_scenes_init (CsPersonaScenes *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Appears In"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("How this person takes part in each scene. Dropping them "
                                           "on a scene card does the same."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cs_persona_scenes_new (void)
{
  return g_object_new (CS_TYPE_PERSONA_SCENES, NULL);
}

void
cs_persona_scenes_set_history (CsPersonaScenes *self,
                               CsEditHistory   *history)
{
  g_return_if_fail (CS_IS_PERSONA_SCENES (self));

  if (self->history == history)
    return;
  if (self->history)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history)
    g_signal_connect_object (history, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  clear_rows (self);
  refresh (self);
}

void
cs_persona_scenes_set_persona (CsPersonaScenes *self,
                               CsPersona       *persona)
{
  g_return_if_fail (CS_IS_PERSONA_SCENES (self));

  if (g_set_object (&self->persona, persona))
    refresh (self);
}

AdwComboRow *
cs_persona_scenes_get_row (CsPersonaScenes *self,
                           guint            position)
{
  g_return_val_if_fail (CS_IS_PERSONA_SCENES (self), NULL);

  return position < self->rows->len ? g_ptr_array_index (self->rows, position) : NULL;
}
