/* cs-scene-card.c: one scene on the scene board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-scenario-check.h"
#include "cs-scene-card.h"
#include "cs-ui-util.h"

struct _CsSceneCard
{
  GtkWidget   parent_instance;

  CsScenario *scenario;
  CsScene    *scene;
  gulong      notify_id;

  GtkLabel   *number_label;
  GtkLabel   *title_label;
  GtkLabel   *goal_label;
  GtkBox     *avatars_box;
  GtkLabel   *turns_label;
  GtkImage   *problem_icon;
};

G_DEFINE_FINAL_TYPE (CsSceneCard, cs_scene_card, GTK_TYPE_WIDGET)

static GtkWidget *
new_avatar (CsScenario    *scenario,
            const char    *persona_id,
            CsInvolvement  involvement)
{
  CsPersona *persona = scenario ? cs_scenario_find_persona (scenario, persona_id) : NULL;
  const char *name = persona ? cs_persona_get_name (persona) : _("Deleted persona");
  g_autofree char *tooltip = NULL;
  GtkWidget *avatar;

  avatar = adw_avatar_new (involvement == CS_INVOLVEMENT_KEY ? 32 : 24, name, persona != NULL);
  if (involvement == CS_INVOLVEMENT_MENTIONED)
    gtk_widget_set_opacity (avatar, 0.55);

  /* Translators: a persona's name and how it takes part in a scene, e.g. "Ana Ruiz (Key)" */
  tooltip = g_strdup_printf (_("%s (%s)"), name, cs_ui_involvement_label (involvement));
  gtk_widget_set_tooltip_text (avatar, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  return avatar;
}

/* A warning mark with the first of the scene's problems (they block publishing). */
static void
refresh_problems (CsSceneCard *self)
{
  g_autoptr(GListModel) problems = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->scene && self->scenario)
    {
      problems = cs_scenario_check (self->scenario);
      prefix = g_strdup_printf ("scenes[%u].", cs_scene_get_position (self->scene));
      for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
        {
          g_autoptr(CsProblem) problem = g_list_model_get_item (problems, i);

          if (g_str_has_prefix (cs_problem_get_path (problem), prefix))
            g_string_append_printf (text, "%s%s", text->len ? "\n" : "", cs_problem_get_message (problem));
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_icon), text->len > 0);
  /* a tooltip change makes GTK query tooltips under the pointer: only when it changes */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->problem_icon)), text->len ? text->str : NULL) != 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->problem_icon), text->len ? text->str : NULL);
      if (text->len)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        text->str, -1);
    }
}

gboolean
cs_scene_card_get_has_problems (CsSceneCard *self)
{
  g_return_val_if_fail (CS_IS_SCENE_CARD (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->problem_icon));
}

static void
refresh (CsSceneCard *self)
{
  g_autofree char *number = NULL;
  g_autofree char *turns = NULL;
  GtkWidget *child;
  GListModel *involved;
  const char *goal;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->avatars_box))))
    gtk_box_remove (self->avatars_box, child);

  refresh_problems (self);
  if (self->scene == NULL)
    return;

  number = g_strdup_printf ("%u", cs_scene_get_position (self->scene) + 1);
  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, cs_scene_get_title (self->scene));
  goal = cs_scene_get_user_goal (self->scene);
  gtk_label_set_label (self->goal_label, goal && *goal ? goal : _("No goal yet"));

  turns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d turn", "%d turns",
                                        cs_scene_get_timeout_turns (self->scene)),
                           cs_scene_get_timeout_turns (self->scene));
  gtk_label_set_label (self->turns_label, turns);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->turns_label), _("Turn limit"));

  involved = cs_scene_get_involved (self->scene);
  for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr(CsScenePersona) item = g_list_model_get_item (involved, i);

      gtk_box_append (self->avatars_box,
                      new_avatar (self->scenario, cs_scene_persona_get_persona_id (item),
                                  cs_scene_persona_get_involvement (item)));
    }
}

static void
on_scene_notify (CsSceneCard *self)
{
  refresh (self);
}

void
cs_scene_card_set_scene (CsSceneCard *self,
                         CsScenario  *scenario,
                         CsScene     *scene)
{
  g_return_if_fail (CS_IS_SCENE_CARD (self));

  if (self->scene != NULL)
    g_clear_signal_handler (&self->notify_id, self->scene);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->scene, scene);
  /* The scene's version moves on every change: one notify covers all its fields. */
  if (self->scene != NULL)
    self->notify_id = g_signal_connect_object (self->scene, "notify::version",
                                               G_CALLBACK (on_scene_notify), self,
                                               G_CONNECT_SWAPPED);
  refresh (self);
}

CsScene *
cs_scene_card_get_scene (CsSceneCard *self)
{
  g_return_val_if_fail (CS_IS_SCENE_CARD (self), NULL);

  return self->scene;
}

GtkWidget *
cs_scene_card_new (void)
{
  return g_object_new (CS_TYPE_SCENE_CARD, NULL);
}

static void
cs_scene_card_dispose (GObject *object)
{
  CsSceneCard *self = CS_SCENE_CARD (object);

  if (self->scene != NULL)
    g_clear_signal_handler (&self->notify_id, self->scene);
  g_clear_object (&self->scene);
  g_clear_object (&self->scenario);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SCENE_CARD);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (cs_scene_card_parent_class)->dispose (object);
}

static void
cs_scene_card_class_init (CsSceneCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_scene_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-scene-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSceneCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, CsSceneCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsSceneCard, goal_label);
  gtk_widget_class_bind_template_child (widget_class, CsSceneCard, avatars_box);
  gtk_widget_class_bind_template_child (widget_class, CsSceneCard, turns_label);
  gtk_widget_class_bind_template_child (widget_class, CsSceneCard, problem_icon);
}

static void
cs_scene_card_init (CsSceneCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
