/* cs-chat-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-chat-sidebar.h"
#include "cs-ui-util.h"

struct _CsChatSidebar
{
  GtkWidget   parent_instance;

  GtkWidget  *heading;
  GtkListBox *list;

  CsScenario *scenario;
  CsScene    *scene;
  GListStore *people;   /* CsPersona */
};

G_DEFINE_FINAL_TYPE (CsChatSidebar, cs_chat_sidebar, GTK_TYPE_WIDGET)

enum {
  ADDRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_address_clicked (GtkButton     *button,
                    CsChatSidebar *self)
{
  CsPersona *persona = g_object_get_data (G_OBJECT (button), "persona");

  g_signal_emit (self, signals[ADDRESS], 0, persona);
}

/* Case text is plain text: "R&D <pilot>" must not be read as markup. */
static GtkWidget *
new_text_row (const char *title,
              const char *text)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW, "use-markup", FALSE, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  CsChatSidebar *self = data;
  CsPersona *persona = item;
  const char *name = cs_persona_get_name (persona);
  const char *role = cs_persona_get_role (persona);
  const char *correlation = cs_persona_get_correlation (persona);
  const char *background = cs_persona_get_background (persona);
  const char * const *goals = cs_persona_get_primary_goals (persona);
  g_auto(GStrv) traits = cs_persona_dup_trait_names (persona);
  CsInvolvement involvement = CS_INVOLVEMENT_PARTICIPANT;
  gboolean involved = self->scene != NULL &&
                      cs_scene_get_involvement (self->scene,
                                                cs_record_get_id (CS_RECORD (persona)),
                                                &involvement);
  GtkWidget *row = g_object_new (ADW_TYPE_EXPANDER_ROW, "use-markup", FALSE, NULL);
  GtkWidget *avatar = adw_avatar_new (32, name, TRUE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), role != NULL ? role : "");
  /* participants are the usual case; the lead and those only mentioned are marked */
  if (involved && involvement != CS_INVOLVEMENT_PARTICIPANT)
    {
      GtkWidget *pill = gtk_label_new (cs_ui_involvement_label (involvement));
      g_autofree char *description =
        g_strdup_printf (_("Involvement in the scene: %s"), cs_ui_involvement_label (involvement));

      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "tag");
      gtk_widget_add_css_class (pill, "caption");
      gtk_widget_set_tooltip_text (pill, description);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pill);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), avatar);

  /* Only the key person and participants answer; someone only mentioned cannot. */
  if (self->scene != NULL && involvement != CS_INVOLVEMENT_MENTIONED)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("mail-reply-sender-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Write to %s"), name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_object_set_data_full (G_OBJECT (button), "persona", g_object_ref (persona),
                              g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_address_clicked), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }

  if (correlation != NULL && *correlation != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              new_text_row (_("Relation to You"), correlation));
  if (background != NULL && *background != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (_("Background"), background));
  if (goals != NULL && goals[0] != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; goals[i] != NULL; i++)
        g_string_append_printf (list, "%s• %s", i > 0 ? "\n" : "", goals[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (_("Goals"), list->str));
    }
  if (traits != NULL && traits[0] != NULL)
    {
      GtkWidget *traits_row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (traits_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (traits_row), cs_ui_new_traits_grid (persona));
      gtk_accessible_update_property (GTK_ACCESSIBLE (traits_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Personality traits"), -1);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), traits_row);
    }
  return row;
}

GtkWidget *
cs_chat_sidebar_new (void)
{
  return g_object_new (CS_TYPE_CHAT_SIDEBAR, NULL);
}

void
cs_chat_sidebar_set_scene (CsChatSidebar *self,
                           CsScenario    *scenario,
                           CsScene       *scene)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CS_IS_CHAT_SIDEBAR (self));
  g_return_if_fail (CS_IS_SCENARIO (scenario));
  g_return_if_fail (scene == NULL || CS_IS_SCENE (scene));

  g_set_object (&self->scenario, scenario);
  g_set_object (&self->scene, scene);
  if (scene != NULL)
    {
      GListModel *involved = cs_scene_get_involved (scene);

      for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
        {
          g_autoptr(CsScenePersona) part = g_list_model_get_item (involved, i);
          CsPersona *persona =
            cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (part));

          if (persona != NULL)
            g_ptr_array_add (people, g_object_ref (persona));
        }
    }
  else
    {
      GListModel *all = cs_scenario_get_personas (scenario);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (people, g_list_model_get_item (all, i));
    }
  gtk_label_set_text (GTK_LABEL (self->heading),
                      scene != NULL ? _("In This Scene") : _("People of the Case"));
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);
}

GListModel *
cs_chat_sidebar_get_people (CsChatSidebar *self)
{
  g_return_val_if_fail (CS_IS_CHAT_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->people);
}

static void
cs_chat_sidebar_dispose (GObject *object)
{
  CsChatSidebar *self = CS_CHAT_SIDEBAR (object);
  GtkWidget *child;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CHAT_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->people);
  g_clear_object (&self->scene);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cs_chat_sidebar_parent_class)->dispose (object);
}

static void
cs_chat_sidebar_class_init (CsChatSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_chat_sidebar_dispose;

  signals[ADDRESS] =
    g_signal_new ("address",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CS_TYPE_PERSONA);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casestudio/CaseStudio/ui/cs-chat-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CsChatSidebar, heading);
  gtk_widget_class_bind_template_child (widget_class, CsChatSidebar, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cs_chat_sidebar_init (CsChatSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->people = g_list_store_new (CS_TYPE_PERSONA);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->people), create_row, self, NULL);
}
