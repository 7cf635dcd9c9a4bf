/* cs-scenario-page.c: the page that shows one case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-report-view.h"
#include "cs-run-report.h"
#include "cs-scenario-page.h"
#include "cs-ui-util.h"
#include "cs-wrap-box.h"

struct _CsScenarioPage
{
  GtkWidget      parent_instance;

  CsScenario    *scenario;
  gboolean       title_visible;
  CsStore       *store;
  GCancellable  *looking;        /* the search for the latest completed run */
  CsRunReport   *latest_report;  /* its report, or NULL */
  GtkWindow     *report_window;  /* weak: the one window showing a report */
  CsRunReport   *window_report;  /* the report it shows */

  GtkScrolledWindow *scroller;
  GtkWidget     *clamp;
  GtkWidget     *test_play_button;
  GtkWidget     *view_report_button;
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  CsWrapBox     *tags_box;
  GtkLabel      *description_label;
  GtkWidget     *challenge_group;
  GtkLabel      *challenge_label;
  GtkWidget     *role_group;
  GtkLabel      *role_label;
  GtkWidget     *outcomes_group;
  GtkListBox    *outcomes_list;
  GtkListBox    *personas_list;
  GtkListBox    *scenes_list;
};

G_DEFINE_FINAL_TYPE (CsScenarioPage, cs_scenario_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_TITLE_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CsScenario *
cs_scenario_page_get_scenario (CsScenarioPage *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_PAGE (self), NULL);

  return self->scenario;
}

gboolean
cs_scenario_page_get_title_visible (CsScenarioPage *self)
{
  g_return_val_if_fail (CS_IS_SCENARIO_PAGE (self), FALSE);

  return self->title_visible;
}

/* The title counts as visible until its last line scrolls out of view. */
static void
update_title_visible (CsScenarioPage *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  int height = gtk_widget_get_height (GTK_WIDGET (self->title_label));
  graphene_point_t bottom;
  gboolean visible = TRUE;

  /* Before the first layout the title has no height: it will be at the top. */
  if (height > 0 &&
      gtk_widget_compute_point (GTK_WIDGET (self->title_label), self->clamp,
                                &GRAPHENE_POINT_INIT (0, height), &bottom))
    visible = gtk_adjustment_get_value (adj) < bottom.y;

  if (self->title_visible == visible)
    return;

  self->title_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_VISIBLE]);
}

/* Case text is plain text: "R&D <pilot>" must not be read as markup. */
static GtkWidget *
new_row (GType type)
{
  return g_object_new (type, "use-markup", FALSE, NULL);
}

static GtkWidget *
new_avatar (CsPersona *persona,
            int        size)
{
  GtkWidget *avatar = adw_avatar_new (size, cs_persona_get_name (persona), TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cs_persona_get_name (persona),
                                  -1);
  return avatar;
}

static GtkWidget *
new_text_row (const char *title,
              const char *text)
{
  GtkWidget *row = new_row (ADW_TYPE_ACTION_ROW);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_persona_row (gpointer item,
                    gpointer user_data)
{
  CsPersona *persona = item;
  GtkWidget *row = new_row (ADW_TYPE_EXPANDER_ROW);
  const char *correlation = cs_persona_get_correlation (persona);
  const char *background = cs_persona_get_background (persona);
  g_auto(GStrv) traits = cs_persona_dup_trait_names (persona);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_persona_get_name (persona));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), cs_persona_get_role (persona));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), new_avatar (persona, 40));
  if (cs_persona_get_is_main_character (persona))
    {
      GtkWidget *pill = gtk_label_new (_("Main character"));

      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "tag");
      gtk_widget_add_css_class (pill, "caption");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pill);
    }

  if (correlation && *correlation)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (_("Relation to You"), correlation));
  if (background && *background)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (_("Background"), background));
  if (traits && traits[0])
    {
      GtkWidget *traits_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (traits_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (traits_row), cs_ui_new_traits_grid (persona));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), traits_row);
    }

  return row;
}

static GtkWidget *
new_people_row (CsScene    *scene,
                CsScenario *scenario)
{
  GListModel *involved = cs_scene_get_involved (scene);
  GtkWidget *row = new_row (ADW_TYPE_ACTION_ROW);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr(CsScenePersona) sp = g_list_model_get_item (involved, i);
      CsPersona *persona = cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (sp));
      GtkWidget *avatar;
      g_autofree char *tooltip = NULL;

      if (!persona)
        continue;
      avatar = new_avatar (persona, 24);
      tooltip = g_strdup_printf ("%s — %s", cs_persona_get_name (persona),
                                 cs_ui_involvement_label (cs_scene_persona_get_involvement (sp)));
      gtk_widget_set_tooltip_text (avatar, tooltip);
      gtk_box_append (GTK_BOX (box), avatar);
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, tooltip);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("People"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), names->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), box);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_scene_row (gpointer item,
                  gpointer user_data)
{
  CsScenarioPage *self = user_data;
  CsScene *scene = item;
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  GtkWidget *row = new_row (ADW_TYPE_EXPANDER_ROW);
  GtkWidget *number = NULL;
  g_autofree char *number_text = g_strdup_printf ("%u", cs_scene_get_position (scene) + 1);
  g_autofree char *limit = NULL;
  g_autofree char *pass = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_scene_get_title (scene));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), cs_scene_get_user_goal (scene));

  number = gtk_label_new (number_text);
  gtk_widget_add_css_class (number, "scene-number");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), number);

  limit = g_strdup_printf (ngettext ("%d turn", "%d turns", cs_scene_get_timeout_turns (scene)),
                           cs_scene_get_timeout_turns (scene));
  {
    GtkWidget *limit_label = gtk_label_new (limit);
    gtk_widget_add_css_class (limit_label, "dim-label");
    gtk_widget_add_css_class (limit_label, "caption");
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), limit_label);
  }

  if (*cs_scene_get_description (scene))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (_("Situation"), cs_scene_get_description (scene)));

  /* Translators: the pass mark of a scene, e.g. "Reach 70% of the criteria’s weight within 12 turns" */
  pass = g_strdup_printf (ngettext ("Reach %.0f%% of the criteria’s weight within %d turn",
                                    "Reach %.0f%% of the criteria’s weight within %d turns",
                                    cs_scene_get_timeout_turns (scene)),
                          cs_scene_get_success_threshold (scene) * 100.0,
                          cs_scene_get_timeout_turns (scene));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_text_row (_("Success Criteria"), pass));

  /* Each criterion with its share of the scene goal. */
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      double total = cs_scene_get_total_weight (scene);
      double share = total > 0 ? cs_goal_criterion_get_weight (criterion) / total : 0;
      /* Translators: the weight of a goal criterion, as a percentage */
      g_autofree char *weight = g_strdup_printf (_("%.0f%%"), share * 100.0);
      GtkWidget *crow = new_row (ADW_TYPE_ACTION_ROW);
      GtkWidget *wlabel = gtk_label_new (weight);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (crow), cs_goal_criterion_get_text (criterion));
      gtk_widget_add_css_class (wlabel, "numeric");
      gtk_widget_add_css_class (wlabel, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (crow), wlabel);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (crow), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), crow);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), new_people_row (scene, self->scenario));

  return row;
}

static GtkWidget *
create_outcome_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = new_row (ADW_TYPE_ACTION_ROW);
  GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_string_object_get_string (item));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "accent");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
set_optional_text (GtkWidget  *group,
                   GtkLabel   *label,
                   const char *text)
{
  gtk_widget_set_visible (group, text && *text);
  gtk_label_set_label (label, text ? text : "");
}

/* ---- the report of the latest completed run ------------------------------------------- */

static void
set_latest_report (CsScenarioPage *self,
                   CsRunReport    *report)
{
  g_set_object (&self->latest_report, report);
  gtk_widget_set_visible (self->view_report_button, report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.view-report", report != NULL);
}

static void
on_latest_report (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CsScenarioPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRunReport) report = cs_run_report_load_latest_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->looking);
  if (error != NULL)
    g_debug ("No report for the case page: %s", error->message);
  set_latest_report (self, report);
}

/* Looks for the student's latest completed run of the case shown, off the main thread. */
static void
look_for_report (CsScenarioPage *self)
{
  if (self->looking != NULL)
    g_cancellable_cancel (self->looking);
  g_clear_object (&self->looking);
  set_latest_report (self, NULL);
  if (self->store == NULL || self->scenario == NULL)
    return;
  self->looking = g_cancellable_new ();
  cs_run_report_load_latest_async (self->store, self->scenario, self->looking,
                                   on_latest_report, g_object_ref (self));
}

static gboolean
run_saved_idle (gpointer data)
{
  look_for_report (data);
  return G_SOURCE_REMOVE;
}

/* "run-saved" comes on the thread that saved (a run's writer thread, often). */
static void
on_run_saved (CsScenarioPage *self,
              const char     *progress_id,
              CsStore        *store)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_saved_idle, g_object_ref (self), g_object_unref);
}

static void
view_report_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  CsScenarioPage *self = CS_SCENARIO_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->latest_report == NULL)
    return;
  /* a newer run completed since: its report replaces the old one */
  if (self->report_window != NULL && self->window_report != self->latest_report)
    {
      GtkWindow *old = self->report_window;

      g_object_remove_weak_pointer (G_OBJECT (old), (gpointer *) &self->report_window);
      self->report_window = NULL;
      gtk_window_destroy (old);
    }
  if (self->report_window == NULL)
    {
      g_set_object (&self->window_report, self->latest_report);
      self->report_window = cs_report_view_new_window (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       self->latest_report);
      g_object_add_weak_pointer (G_OBJECT (self->report_window), (gpointer *) &self->report_window);
    }
  gtk_window_present (self->report_window);
}

void
cs_scenario_page_set_store (CsScenarioPage *self,
                            CsStore        *store)
{
  g_return_if_fail (CS_IS_SCENARIO_PAGE (self));
  g_return_if_fail (store == NULL || CS_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "run-saved", G_CALLBACK (on_run_saved), self, G_CONNECT_SWAPPED);
  look_for_report (self);
}

/* ---- showing the case ----------------------------------------------------------------- */

static void
update (CsScenarioPage *self)
{
  g_autofree char *meta = NULL;
  g_autoptr(GtkStringList) outcomes = NULL;
  const char * const *tags;

  if (!self->scenario)
    {
      gtk_list_box_bind_model (self->personas_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->scenes_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->outcomes_list, NULL, NULL, NULL, NULL);
      return;
    }

  meta = cs_ui_dup_scenario_meta (self->scenario, TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->test_play_button), "s",
                                    cs_record_get_id (CS_RECORD (self->scenario)));
  gtk_label_set_label (self->title_label, cs_scenario_get_title (self->scenario));
  gtk_label_set_label (self->meta_label, meta);
  gtk_label_set_label (self->description_label, cs_scenario_get_description (self->scenario));
  set_optional_text (self->challenge_group, self->challenge_label, cs_scenario_get_challenge (self->scenario));
  set_optional_text (self->role_group, self->role_label, cs_scenario_get_student_role (self->scenario));

  cs_wrap_box_remove_all (self->tags_box);
  tags = cs_scenario_get_tags (self->scenario);
  for (guint i = 0; tags && tags[i]; i++)
    {
      GtkWidget *tag = gtk_label_new (tags[i]);
      gtk_widget_add_css_class (tag, "tag");
      gtk_widget_add_css_class (tag, "caption");
      cs_wrap_box_append (self->tags_box, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags && tags[0]);

  outcomes = gtk_string_list_new (cs_scenario_get_learning_outcomes (self->scenario));
  gtk_widget_set_visible (self->outcomes_group, g_list_model_get_n_items (G_LIST_MODEL (outcomes)) > 0);
  gtk_list_box_bind_model (self->outcomes_list, G_LIST_MODEL (outcomes), create_outcome_row, NULL, NULL);
  gtk_list_box_bind_model (self->personas_list, cs_scenario_get_personas (self->scenario),
                           create_persona_row, self, NULL);
  gtk_list_box_bind_model (self->scenes_list, cs_scenario_get_scenes (self->scenario),
                           create_scene_row, self, NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_title_visible (self);
}

void
cs_scenario_page_set_scenario (CsScenarioPage *self,
                               CsScenario     *scenario)
{
  g_return_if_fail (CS_IS_SCENARIO_PAGE (self));

  if (g_set_object (&self->scenario, scenario))
    {
      update (self);
      look_for_report (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
    }
}

guint
cs_scenario_page_count_rows (CsScenarioPage *self,
                             const char     *which)
{
  GtkWidget *list;
  guint n = 0;

  if (g_str_equal (which, "personas"))
    list = GTK_WIDGET (self->personas_list);
  else if (g_str_equal (which, "scenes"))
    list = GTK_WIDGET (self->scenes_list);
  else
    list = GTK_WIDGET (self->outcomes_list);

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      n++;
  return n;
}

static void
cs_scenario_page_dispose (GObject *object)
{
  CsScenarioPage *self = CS_SCENARIO_PAGE (object);

  if (self->looking != NULL)
    g_cancellable_cancel (self->looking);
  g_clear_object (&self->looking);
  if (self->report_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->report_window), (gpointer *) &self->report_window);
  self->report_window = NULL;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->latest_report);
  g_clear_object (&self->window_report);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SCENARIO_PAGE);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cs_scenario_page_parent_class)->dispose (object);
}

static void
cs_scenario_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsScenarioPage *self = CS_SCENARIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_TITLE_VISIBLE:
      g_value_set_boolean (value, self->title_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsScenarioPage *self = CS_SCENARIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      cs_scenario_page_set_scenario (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scenario_page_class_init (CsScenarioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_scenario_page_dispose;
  object_class->get_property = cs_scenario_page_get_property;
  object_class->set_property = cs_scenario_page_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the case title at the top of the page is scrolled into view (the window shows
   * it in the header bar otherwise). */
  properties[PROP_TITLE_VISIBLE] =
    g_param_spec_boolean ("title-visible", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-scenario-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, test_play_button);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, view_report_button);
  gtk_widget_class_install_action (widget_class, "page.view-report", NULL, view_report_action);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, challenge_group);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, challenge_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, role_group);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, outcomes_group);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, outcomes_list);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, personas_list);
  gtk_widget_class_bind_template_child (widget_class, CsScenarioPage, scenes_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (CS_TYPE_WRAP_BOX);
}

static void
cs_scenario_page_init (CsScenarioPage *self)
{
  self->title_visible = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.view-report", FALSE);
  /* "changed" comes after a new layout (the title may wrap to more lines). */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (update_title_visible), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (update_title_visible), self, G_CONNECT_SWAPPED);
}
