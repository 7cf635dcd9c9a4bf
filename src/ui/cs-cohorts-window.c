/* cs-cohorts-window.c: the cohorts of the signed-in person, and the dashboard of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists the cohorts (an instructor's own, or those a student is in) through
 * the enrolment calls on the CsServer's worker; choosing one shows its CsDashboardPage,
 * live. The first cohort is chosen when the list arrives.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cohorts-window.h"
#include "cs-enrolment.h"
#include "cs-enrolment-page.h"

struct _CsCohortsWindow
{
  AdwWindow        parent_instance;

  AdwLeaflet      *leaflet;
  GtkStack        *sidebar_stack;
  AdwStatusPage   *sidebar_status;
  GtkListBox      *cohort_list;
  GtkWidget       *content;
  AdwViewSwitcherTitle *content_title;
  AdwViewStack    *view_stack;
  CsDashboardPage *page;
  CsEnrolmentPage *enrolment_page;

  CsServer        *server;
  GPtrArray       *cohorts;
  char            *shown_id;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (CsCohortsWindow, cs_cohorts_window, ADW_TYPE_WINDOW)

static GtkWidget *
cohort_row (const CsCohortInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: under a cohort in the sidebar: approved students and assignments */
  counts = g_strdup_printf (_("%d students · %d assigned"), info->n_approved, info->n_assigned);
  if (info->course_code && *info->course_code)
    subtitle = g_strdup_printf ("%s · %s", info->course_code, counts);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : counts);
  if (info->n_pending > 0)
    {
      g_autofree char *pending = g_strdup_printf ("%d", info->n_pending);
      GtkWidget *badge = gtk_label_new (pending);
      g_autofree char *tip = g_strdup_printf (ngettext ("%d request to join", "%d requests to join",
                                                        info->n_pending), info->n_pending);

      gtk_widget_add_css_class (badge, "accent");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, tip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  if (!info->is_active)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
on_row_selected (CsCohortsWindow *self,
                 GtkListBoxRow   *row)
{
  g_autoptr(CsDashboard) dashboard = NULL;
  const CsCohortInfo *info;
  int index;

  if (!row || !self->cohorts || (index = gtk_list_box_row_get_index (row)) < 0 ||
      (guint) index >= self->cohorts->len)
    return;
  info = g_ptr_array_index (self->cohorts, index);
  if (g_strcmp0 (info->id, self->shown_id) == 0)
    return;  /* the list was reloaded */
  g_free (self->shown_id);
  self->shown_id = g_strdup (info->id);
  dashboard = cs_dashboard_new (self->server, info->id);
  cs_dashboard_watch (dashboard, NULL);
  cs_dashboard_page_set_dashboard (self->page, dashboard);
  cs_enrolment_page_set_cohort (self->enrolment_page, self->server, info->id);
  adw_view_switcher_title_set_title (self->content_title, info->title);
  adw_view_switcher_title_set_subtitle (self->content_title, info->course_code ? info->course_code : "");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(CsCohortsWindow) self = data;
  g_autoptr(GError) error = NULL;
  GPtrArray *cohorts = cs_enrolment_list_cohorts_finish (CS_SERVER (source), result, &error);

  if (!cohorts && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->cohort_list)));)
    gtk_list_box_remove (self->cohort_list, child);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  if (!cohorts)
    {
      adw_status_page_set_title (self->sidebar_status, _("Cohorts Could Not Be Loaded"));
      adw_status_page_set_description (self->sidebar_status, error->message);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
      return;
    }
  self->cohorts = cohorts;
  for (guint i = 0; i < cohorts->len; i++)
    gtk_list_box_append (self->cohort_list, cohort_row (g_ptr_array_index (cohorts, i)));
  if (cohorts->len == 0)
    {
      adw_status_page_set_title (self->sidebar_status, _("No Cohorts"));
      adw_status_page_set_description (self->sidebar_status,
                                       _("Cohorts you teach or have joined appear here"));
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, cohorts->len ? "list" : "empty");
  /* The cohort shown stays selected; the first one is shown otherwise. */
  for (guint i = 0; i < cohorts->len; i++)
    if (g_strcmp0 (((CsCohortInfo *) g_ptr_array_index (cohorts, i))->id, self->shown_id) == 0)
      {
        gtk_list_box_select_row (self->cohort_list, gtk_list_box_get_row_at_index (self->cohort_list, (int) i));
        return;
      }
  if (cohorts->len)
    gtk_list_box_select_row (self->cohort_list, gtk_list_box_get_row_at_index (self->cohort_list, 0));
}

static void
refresh (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  CsCohortsWindow *self = CS_COHORTS_WINDOW (widget);

  cs_enrolment_list_cohorts_async (self->server, self->cancellable, listed, g_object_ref (self));
}

static void
back (GtkWidget  *widget,
      const char *action,
      GVariant   *parameter)
{
  adw_leaflet_navigate (CS_COHORTS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cs_cohorts_window_dispose (GObject *object)
{
  CsCohortsWindow *self = CS_COHORTS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->server);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->shown_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_COHORTS_WINDOW);

  G_OBJECT_CLASS (cs_cohorts_window_parent_class)->dispose (object);
}

static void
cs_cohorts_window_class_init (CsCohortsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cs_cohorts_window_dispose;

  g_type_ensure (CS_TYPE_DASHBOARD_PAGE);
  g_type_ensure (CS_TYPE_ENROLMENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-cohorts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, sidebar_status);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, cohort_list);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, page);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, enrolment_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "cohorts.refresh", NULL, refresh);
  gtk_widget_class_install_action (widget_class, "cohorts.back", NULL, back);
}

static void
on_enrolment_changed (CsCohortsWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
}

static void
cs_cohorts_window_init (CsCohortsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->enrolment_page, "changed", G_CALLBACK (on_enrolment_changed), self,
                           G_CONNECT_SWAPPED);
}

CsCohortsWindow *
cs_cohorts_window_new (GtkWindow *parent,
                       CsServer  *server)
{
  CsCohortsWindow *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  self = g_object_new (CS_TYPE_COHORTS_WINDOW, "transient-for", parent, NULL);
  self->server = g_object_ref (server);
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
  return self;
}

CsEnrolmentPage *
cs_cohorts_window_get_enrolment_page (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return self->enrolment_page;
}

CsDashboardPage *
cs_cohorts_window_get_page (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return self->page;
}

GPtrArray *
cs_cohorts_window_get_cohorts (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return self->cohorts;
}

void
cs_cohorts_window_show_view (CsCohortsWindow *self,
                             const char      *name)
{
  g_return_if_fail (CS_IS_COHORTS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
