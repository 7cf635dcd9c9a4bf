/* cs-review-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-review-page.h"
#include "cs-ui-util.h"

struct _CsReviewPage
{
  GtkWidget          parent_instance;

  CsExtraction      *extraction;
  char              *sources_path;
  GPtrArray         *groups;       /* the AdwPreferencesGroups added to the page */

  GtkWidget         *box;
  AdwPreferencesPage *page;
  GtkLabel          *sources_title;
  GtkLabel          *sources_hint;
  GtkListBox        *sources_list;
};

G_DEFINE_FINAL_TYPE (CsReviewPage, cs_review_page, GTK_TYPE_WIDGET)

enum {
  SHOW_SOURCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- the passages pane -------------------------------------------------------------- */

static void
on_source_activated (CsReviewPage  *self,
                     GtkListBoxRow *row)
{
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "page"));
  const char *passage = g_object_get_data (G_OBJECT (row), "passage");

  g_signal_emit (self, signals[SHOW_SOURCE], 0, page, passage);
}

void
cs_review_page_show_sources (CsReviewPage *self,
                             const char   *path,
                             const char   *heading)
{
  GPtrArray *refs;
  GtkWidget *child;

  g_return_if_fail (CS_IS_REVIEW_PAGE (self));
  g_return_if_fail (path != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))))
    gtk_list_box_remove (self->sources_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), FALSE);

  g_free (self->sources_path);
  self->sources_path = g_strdup (path);
  gtk_label_set_text (self->sources_title, heading);

  refs = self->extraction ? cs_extraction_get_sources (self->extraction, path) : NULL;
  if (refs == NULL || refs->len == 0)
    {
      gtk_label_set_text (self->sources_hint,
                          _("Nothing in the PDF was found for this: it is a suggestion. Check it."));
      return;
    }

  {
    g_autofree char *hint = g_strdup_printf (ngettext ("Found in %u place. Activate a passage to see its page.",
                                                       "Found in %u places. Activate a passage to see its page.",
                                                       refs->len), refs->len);
    gtk_label_set_text (self->sources_hint, hint);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), TRUE);
  for (guint i = 0; i < refs->len; i++)
    {
      const CsSourceRef *ref = g_ptr_array_index (refs, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      g_autofree char *page_text = g_strdup_printf (_("Page %u"), ref->page + 1);
      GtkWidget *page_label = gtk_label_new (page_text);
      GtkWidget *passage = gtk_label_new (ref->passage);
      g_autofree char *a11y = g_strdup_printf (_("Page %u: %s"), ref->page + 1, ref->passage);

      gtk_widget_set_margin_top (vbox, 9);
      gtk_widget_set_margin_bottom (vbox, 9);
      gtk_widget_set_margin_start (vbox, 12);
      gtk_widget_set_margin_end (vbox, 12);
      gtk_label_set_xalign (GTK_LABEL (page_label), 0);
      gtk_widget_add_css_class (page_label, "caption-heading");
      gtk_widget_add_css_class (page_label, "accent");
      gtk_label_set_xalign (GTK_LABEL (passage), 0);
      gtk_label_set_wrap (GTK_LABEL (passage), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (passage), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (passage), 6);
      gtk_label_set_ellipsize (GTK_LABEL (passage), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (vbox), page_label);
      gtk_box_append (GTK_BOX (vbox), passage);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), vbox);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data (G_OBJECT (row), "page", GUINT_TO_POINTER (ref->page));
      g_object_set_data_full (G_OBJECT (row), "passage", g_strdup (ref->passage), g_free);
      gtk_list_box_append (self->sources_list, row);
    }
}

const char *
cs_review_page_get_sources_path (CsReviewPage *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_PAGE (self), NULL);

  return self->sources_path;
}

guint
cs_review_page_get_n_sources (CsReviewPage *self)
{
  guint n = 0;

  g_return_val_if_fail (CS_IS_REVIEW_PAGE (self), 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list)); c;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* --- rows ------------------------------------------------------------------------------ */

typedef struct {
  CsReviewPage *self;
  char         *path;
  char         *heading;
} SourceLink;

/* What a find button or an opened row shows: the passages of @path under @heading. */
static SourceLink *
source_link_new (CsReviewPage *self,
                 const char   *path,
                 const char   *heading)
{
  SourceLink *link = g_new0 (SourceLink, 1);

  link->self = self;
  link->path = g_strdup (path);
  link->heading = g_strdup (heading);
  return link;
}

static void
source_link_free (gpointer data, GClosure *closure)
{
  SourceLink *link = data;

  g_free (link->path);
  g_free (link->heading);
  g_free (link);
}

static void
on_find_clicked (GtkButton  *button,
                 SourceLink *link)
{
  cs_review_page_show_sources (link->self, link->path, link->heading);
}

/* A button that shows the passages of @path, or NULL when there are none. */
static GtkWidget *
find_button (CsReviewPage *self,
             const char   *path,
             const char   *heading)
{
  GPtrArray *refs = cs_extraction_get_sources (self->extraction, path);
  GtkWidget *button;
  SourceLink *link;
  g_autofree char *tooltip = NULL;

  if (refs == NULL || refs->len == 0)
    return NULL;
  button = gtk_button_new_from_icon_name ("find-location-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  tooltip = g_strdup_printf (_("Show where “%s” comes from"), heading);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  link = source_link_new (self, path, heading);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_find_clicked), link, source_link_free, 0);
  return button;
}

static GtkWidget *
entry_row (CsReviewPage *self,
           const char   *title,
           gpointer      object,
           const char   *property,
           const char   *path)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *find = path ? find_button (self, path, title) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property (object, property, row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (find)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), find);
  return row;
}

/* A row with a caption and a multi-line text bound to @property. */
static GtkWidget *
text_row (CsReviewPage *self,
          const char   *title,
          gpointer      object,
          const char   *property,
          const char   *path)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *find = path ? find_button (self, path, title) : NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_margin_top (vbox, 8);
  gtk_widget_set_margin_bottom (vbox, 10);
  gtk_widget_set_margin_start (vbox, 12);
  gtk_widget_set_margin_end (vbox, 6);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_set_hexpand (caption, TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (header), caption);
  if (find)
    gtk_box_append (GTK_BOX (header), find);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_margin_end (view, 6);
  gtk_widget_add_css_class (view, "inline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_bind_property (object, property, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (vbox), header);
  gtk_box_append (GTK_BOX (vbox), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), vbox);
  return row;
}

static AdwPreferencesGroup *
add_group (CsReviewPage *self,
           const char   *title,
           const char   *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* --- learning outcomes: one entry per item of a string array ----------------------------- */

static void
on_outcome_changed (GtkEditable *editable,
                    CsScenario  *scenario)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "index"));
  g_auto(GStrv) outcomes = g_strdupv ((char **) cs_scenario_get_learning_outcomes (scenario));

  if (outcomes == NULL || index >= g_strv_length (outcomes))
    return;
  if (g_strcmp0 (outcomes[index], gtk_editable_get_text (editable)) == 0)
    return;
  g_free (outcomes[index]);
  outcomes[index] = g_strdup (gtk_editable_get_text (editable));
  cs_scenario_set_learning_outcomes (scenario, (const char * const *) outcomes);
}

/* --- people and scenes --------------------------------------------------------------- */

static void
on_expanded (AdwExpanderRow *row,
             GParamSpec     *pspec,
             SourceLink     *link)
{
  if (adw_expander_row_get_expanded (row))
    cs_review_page_show_sources (link->self, link->path, link->heading);
}

static void
link_expander (CsReviewPage *self,
               GtkWidget    *row,
               const char   *path,
               const char   *heading)
{
  SourceLink *link = source_link_new (self, path, heading);

  g_signal_connect_data (row, "notify::expanded", G_CALLBACK (on_expanded), link, source_link_free, 0);
}

static char *
traits_summary (CsPersona *persona)
{
  g_auto(GStrv) names = cs_persona_dup_trait_names (persona);
  GString *out = g_string_new (NULL);

  for (guint i = 0; names && names[i]; i++)
    {
      g_autofree char *label = cs_ui_dup_trait_label (names[i]);

      if (out->len)
        g_string_append (out, " · ");
      g_string_append_printf (out, "%s %d", label, cs_persona_get_trait (persona, names[i]));
    }
  return g_string_free (out, FALSE);
}

static void
add_people (CsReviewPage *self,
            CsScenario   *scenario)
{
  GListModel *personas = cs_scenario_get_personas (scenario);
  guint n = g_list_model_get_n_items (personas);
  AdwPreferencesGroup *group;

  group = add_group (self, _("People"),
                     n ? _("Open a person to correct them and see where the PDF mentions them.")
                       : _("No named people were found. Add them in the editor after saving."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);
      const char *id = cs_record_get_id (CS_RECORD (persona));
      g_autofree char *path = g_strdup_printf ("persona:%s", id);
      g_autofree char *role_path = g_strdup_printf ("persona:%s/role", id);
      g_autofree char *traits = traits_summary (persona);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *avatar = adw_avatar_new (32, cs_persona_get_name (persona), TRUE);
      GtkWidget *traits_row = adw_action_row_new ();

      g_object_bind_property (persona, "name", row, "title", G_BINDING_SYNC_CREATE);
      g_object_bind_property (persona, "role", row, "subtitle", G_BINDING_SYNC_CREATE);
      g_object_bind_property (persona, "name", avatar, "text", G_BINDING_SYNC_CREATE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), avatar);
      if (cs_persona_get_is_main_character (persona))
        {
          GtkWidget *tag = gtk_label_new (_("Main character"));

          gtk_widget_add_css_class (tag, "tag");
          gtk_widget_add_css_class (tag, "caption");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, _("Name"), persona, "name", NULL));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, _("Role"), persona, "role", role_path));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (self, _("Background"), persona, "background", NULL));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (self, _("Relation to the Student"), persona, "correlation", NULL));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (traits_row), _("Personality (first guess)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (traits_row), traits);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (traits_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), traits_row);
      link_expander (self, row, path, cs_persona_get_name (persona));
      adw_preferences_group_add (group, row);
    }
}

static char *
involved_summary (CsScenario *scenario,
                  CsScene    *scene)
{
  GListModel *involved = cs_scene_get_involved (scene);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr(CsScenePersona) sp = g_list_model_get_item (involved, i);
      CsPersona *persona = cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (sp));

      if (persona == NULL)
        continue;
      if (out->len)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s (%s)", cs_persona_get_name (persona),
                              cs_ui_involvement_label (cs_scene_persona_get_involvement (sp)));
    }
  if (out->len == 0)
    g_string_append (out, _("Nobody yet"));
  return g_string_free (out, FALSE);
}

static void
add_scenes (CsReviewPage *self,
            CsScenario   *scenario)
{
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  AdwPreferencesGroup *group = add_group (self, _("Scenes"),
                                          _("The scenes follow the case’s sections. Reorder and "
                                            "refine them in the editor after saving."));

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      g_autofree char *path = g_strdup_printf ("scene:%s", cs_record_get_id (CS_RECORD (scene)));
      g_autofree char *who = involved_summary (scenario, scene);
      g_autofree char *turns = g_strdup_printf (ngettext ("%d turn", "%d turns",
                                                          cs_scene_get_timeout_turns (scene)),
                                                cs_scene_get_timeout_turns (scene));
      GListModel *criteria = cs_scene_get_goal_criteria (scene);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *number = gtk_label_new (NULL);
      GtkWidget *who_row = adw_action_row_new ();
      GtkWidget *turns_row = adw_action_row_new ();
      g_autofree char *number_text = g_strdup_printf ("%u", i + 1);

      gtk_label_set_text (GTK_LABEL (number), number_text);
      gtk_widget_add_css_class (number, "scene-number");
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), number);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_object_bind_property (scene, "title", row, "title", G_BINDING_SYNC_CREATE);
      g_object_bind_property (scene, "user-goal", row, "subtitle", G_BINDING_SYNC_CREATE);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, _("Title"), scene, "title", NULL));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (self, _("Student’s Goal"), scene, "user-goal", NULL));
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, c);
          g_autofree char *title = g_strdup_printf (_("Criterion %u · %.0f%%"), c + 1,
                                                    cs_goal_criterion_get_weight (criterion) * 100);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row (self, title, criterion, "text", NULL));
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (who_row), _("People in the Scene"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (who_row), who);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (who_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), who_row);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (turns_row), _("Turn Limit"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (turns_row), turns);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), turns_row);
      link_expander (self, row, path, cs_scene_get_title (scene));
      adw_preferences_group_add (group, row);
    }
}

static void
rebuild (CsReviewPage *self)
{
  CsScenario *scenario;
  AdwPreferencesGroup *group;
  const char * const *warnings;
  const char * const *outcomes;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  if (self->extraction == NULL)
    return;
  scenario = cs_extraction_get_scenario (self->extraction);

  warnings = cs_extraction_get_warnings (self->extraction);
  if (warnings[0])
    {
      group = add_group (self, _("Check These"), NULL);
      for (guint i = 0; warnings[i]; i++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warnings[i]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_group_add (group, row);
        }
    }

  group = add_group (self, _("The Case"), _("Found offline from the document’s structure. Correct anything before saving."));
  adw_preferences_group_add (group, entry_row (self, _("Title"), scenario, "title", "title"));
  adw_preferences_group_add (group, text_row (self, _("Situation"), scenario, "description", "description"));
  adw_preferences_group_add (group, text_row (self, _("Decision to Make"), scenario, "challenge", "challenge"));
  adw_preferences_group_add (group, entry_row (self, _("Student’s Role"), scenario, "student-role", "student_role"));
  adw_preferences_group_add (group, entry_row (self, _("Industry"), scenario, "industry", NULL));
  adw_preferences_group_add (group, entry_row (self, _("Category"), scenario, "category", NULL));

  outcomes = cs_scenario_get_learning_outcomes (scenario);
  group = add_group (self, _("Learning Outcomes"), NULL);
  for (guint i = 0; outcomes && outcomes[i]; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = g_strdup_printf (_("Outcome %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), outcomes[i]);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "changed", G_CALLBACK (on_outcome_changed), scenario, 0);
      adw_preferences_group_add (group, row);
    }

  add_people (self, scenario);
  add_scenes (self, scenario);
}

void
cs_review_page_set_extraction (CsReviewPage *self,
                               CsExtraction *extraction)
{
  g_return_if_fail (CS_IS_REVIEW_PAGE (self));
  g_return_if_fail (extraction == NULL || CS_IS_EXTRACTION (extraction));

  if (!g_set_object (&self->extraction, extraction))
    return;
  rebuild (self);
}

CsExtraction *
cs_review_page_get_extraction (CsReviewPage *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_PAGE (self), NULL);

  return self->extraction;
}

static void
cs_review_page_dispose (GObject *object)
{
  CsReviewPage *self = CS_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_REVIEW_PAGE);
  g_clear_object (&self->extraction);

  G_OBJECT_CLASS (cs_review_page_parent_class)->dispose (object);
}

static void
cs_review_page_finalize (GObject *object)
{
  CsReviewPage *self = CS_REVIEW_PAGE (object);

  g_clear_pointer (&self->sources_path, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_review_page_parent_class)->finalize (object);
}

static void
cs_review_page_class_init (CsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_review_page_dispose;
  object_class->finalize = cs_review_page_finalize;

  /**
   * CsReviewPage::show-source:
   * @page: 0-based page of the PDF
   * @passage: the passage, as it reads in the PDF
   */
  signals[SHOW_SOURCE] = g_signal_new ("show-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsReviewPage, box);
  gtk_widget_class_bind_template_child (widget_class, CsReviewPage, page);
  gtk_widget_class_bind_template_child (widget_class, CsReviewPage, sources_title);
  gtk_widget_class_bind_template_child (widget_class, CsReviewPage, sources_hint);
  gtk_widget_class_bind_template_child (widget_class, CsReviewPage, sources_list);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated);
}

static void
cs_review_page_init (CsReviewPage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cs_review_page_new (void)
{
  return g_object_new (CS_TYPE_REVIEW_PAGE, NULL);
}
