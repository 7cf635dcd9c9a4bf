/* cs-cohorts-window.c: the cohorts of the signed-in person, and the dashboard of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists the cohorts (an instructor's own, or those a student is in) through
 * the enrolment calls on the CsServer's worker; choosing one shows its CsDashboardPage,
 * live. The first cohort is chosen when the list arrives.
 *
 * An instructor (or a login of unknown kind) also gets the cohort's controls: new, edit,
 * assign a case, archive. A student gets none of them, nor the dashboard or the enrolment
 * views: only their own assignments in the cohort (CsStudentPage).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-assign-dialog.h"
#include "cs-cohort-admin.h"
#include "cs-cohort-dialog.h"
#include "cs-cohorts-window.h"
#include "cs-enrolment.h"
#include "cs-enrolment-page.h"
#include "cs-student-page.h"
#include "cs-ui-util.h"

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
  CsStudentPage   *student_page;
  GtkWidget       *new_button;
  GtkWidget       *cohort_menu_button;
  AdwViewStackPage *assignments_stack_page;
  AdwViewStackPage *dashboard_stack_page;
  AdwViewStackPage *enrolment_stack_page;
  AdwToastOverlay *toast_overlay;
  gboolean         student;

  CsServer        *server;
  char            *listen_conninfo;  /* LISTEN here (NULL: on the server's connection) */
  GPtrArray       *cohorts;
  char            *shown_id;
  char            *pending_id;  /* a cohort just saved: shown when the list arrives */
  GCancellable    *cancellable;

  /* What cs_cohorts_window_open() asked for, done once its cohort is shown (and, for a
   * run, once the dashboard has the run's cell). */
  char            *wanted_cohort;
  char            *wanted_view;
  char            *wanted_assignment;
  char            *wanted_student;
  CsDashboard     *waiting;     /* for its "loaded", to open the wanted run */
};

G_DEFINE_FINAL_TYPE (CsCohortsWindow, cs_cohorts_window, ADW_TYPE_WINDOW)

static void apply_wanted (CsCohortsWindow *self);

static GtkWidget *
cohort_row (const CsCohortInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: under a cohort in the sidebar: approved students and assignments */
  counts = g_strdup_printf (ngettext ("%d student · %d assigned", "%d students · %d assigned", info->n_approved),
                            info->n_approved, info->n_assigned);
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

/* The cohort shown, or NULL. */
static const CsCohortInfo *
shown (CsCohortsWindow *self)
{
  for (guint i = 0; self->cohorts && i < self->cohorts->len; i++)
    if (g_strcmp0 (((CsCohortInfo *) g_ptr_array_index (self->cohorts, i))->id, self->shown_id) == 0)
      return g_ptr_array_index (self->cohorts, i);
  return NULL;
}

static void
update_actions (CsCohortsWindow *self)
{
  const CsCohortInfo *info = shown (self);
  gboolean teach = !self->student;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.new", teach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.edit", teach && info);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.assign", teach && info && info->is_active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.archive", teach && info && info->is_active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohorts.restore", teach && info && !info->is_active);
  gtk_widget_set_visible (self->new_button, teach);
  gtk_widget_set_visible (self->cohort_menu_button, teach && info);
}

/* Somebody asked to join (or the dashboard reconnected): the requests again. */
static void
on_dashboard_changed (CsCohortsWindow *self,
                      const char      *table)
{
  if (!table || g_str_equal (table, "cohort_students"))
    cs_enrolment_page_reload_requests (self->enrolment_page);
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
  g_signal_connect_object (dashboard, "changed", G_CALLBACK (on_dashboard_changed), self, G_CONNECT_SWAPPED);
  cs_dashboard_watch (dashboard, self->listen_conninfo);
  cs_dashboard_page_set_dashboard (self->page, dashboard);
  cs_enrolment_page_set_cohort (self->enrolment_page, self->server, info->id);
  adw_view_switcher_title_set_title (self->content_title, info->title);
  adw_view_switcher_title_set_subtitle (self->content_title, info->course_code ? info->course_code : "");
  cs_student_page_set_dashboard (self->student_page, dashboard);
  update_actions (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  apply_wanted (self);
}

/* Opening what a notification points at */

static void
clear_wanted (CsCohortsWindow *self)
{
  if (self->waiting)
    g_signal_handlers_disconnect_by_data (self->waiting, self);
  g_clear_object (&self->waiting);
  g_clear_pointer (&self->wanted_cohort, g_free);
  g_clear_pointer (&self->wanted_view, g_free);
  g_clear_pointer (&self->wanted_assignment, g_free);
  g_clear_pointer (&self->wanted_student, g_free);
}

/* The cell of the wanted student and assignment in @dashboard, or NULL. */
static CsDashboardCell *
wanted_cell (CsCohortsWindow *self,
             CsDashboard     *dashboard)
{
  GListModel *assignments = cs_dashboard_get_assignments (dashboard);
  GListModel *cells = cs_dashboard_get_cells (dashboard);
  guint index = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (assignments) && index == G_MAXUINT; i++)
    {
      g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, i);

      if (g_strcmp0 (cs_dashboard_assignment_get_id (assignment), self->wanted_assignment) == 0)
        index = i;
    }
  for (guint c = 0; index != G_MAXUINT && c < g_list_model_get_n_items (cells); c++)
    {
      g_autoptr(CsDashboardCell) cell = g_list_model_get_item (cells, c);

      if (cs_dashboard_cell_get_assignment (cell) == index &&
          g_strcmp0 (cs_dashboard_cell_get_student_id (cell), self->wanted_student) == 0)
        return g_steal_pointer (&cell);
    }
  return NULL;
}

static void
on_wanted_loaded (CsCohortsWindow *self)
{
  g_autoptr(CsDashboardCell) cell = self->waiting ? wanted_cell (self, self->waiting) : NULL;

  if (cell)
    cs_dashboard_page_open_cell (self->page, cell);
  else
    cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (_("This run is no longer on the dashboard")));
  clear_wanted (self);
}

static void
apply_wanted (CsCohortsWindow *self)
{
  CsDashboard *dashboard;

  if (!self->wanted_cohort || g_strcmp0 (self->wanted_cohort, self->shown_id) != 0)
    return;
  if (self->wanted_view)
    adw_view_stack_set_visible_child_name (self->view_stack, self->wanted_view);
  if (self->wanted_assignment && self->student)
    cs_student_page_show_assignment (self->student_page, self->wanted_assignment);
  if (!self->wanted_assignment || !self->wanted_student || self->student)
    {
      clear_wanted (self);
      return;
    }
  /* A run: once the dashboard has loaded (it may be loading right now). */
  dashboard = cs_dashboard_page_get_dashboard (self->page);
  if (!dashboard)
    {
      clear_wanted (self);
      return;
    }
  if (self->waiting)
    g_signal_handlers_disconnect_by_data (self->waiting, self);
  g_set_object (&self->waiting, dashboard);
  if (!cs_dashboard_get_loading (dashboard) && g_list_model_get_n_items (cs_dashboard_get_cells (dashboard)) > 0)
    on_wanted_loaded (self);
  else
    g_signal_connect_object (dashboard, "loaded", G_CALLBACK (on_wanted_loaded), self, G_CONNECT_SWAPPED);
}

void
cs_cohorts_window_open (CsCohortsWindow *self,
                        const char      *cohort_id,
                        const char      *view,
                        const char      *assignment_id,
                        const char      *student_id)
{
  g_return_if_fail (CS_IS_COHORTS_WINDOW (self));
  g_return_if_fail (cohort_id != NULL);

  clear_wanted (self);
  self->wanted_cohort = g_strdup (cohort_id);
  self->wanted_view = g_strdup (view);
  self->wanted_assignment = g_strdup (assignment_id);
  self->wanted_student = g_strdup (student_id);
  if (g_strcmp0 (cohort_id, self->shown_id) == 0)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      apply_wanted (self);
      return;
    }
  /* Shown when the list arrives (again: the cohort may be new since it came). */
  g_free (self->pending_id);
  self->pending_id = g_strdup (cohort_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
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
                                       self->student ? _("Cohorts you have joined appear here")
                                                     : _("Create a cohort with the + button, then invite your students"));
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, cohorts->len ? "list" : "empty");
  update_actions (self);
  /* A cohort just created is shown; else the one shown stays selected; else the first. */
  if (self->pending_id)
    {
      g_free (self->shown_id);
      self->shown_id = NULL;
      for (guint i = 0; i < cohorts->len; i++)
        if (g_str_equal (((CsCohortInfo *) g_ptr_array_index (cohorts, i))->id, self->pending_id))
          {
            g_clear_pointer (&self->pending_id, g_free);
            gtk_list_box_select_row (self->cohort_list, gtk_list_box_get_row_at_index (self->cohort_list, (int) i));
            return;
          }
      g_clear_pointer (&self->pending_id, g_free);
    }
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
cohort_saved (CsCohortsWindow *self,
              const char      *id)
{
  cs_ui_add_toast (GTK_WIDGET (self->view_stack), adw_toast_new (_("Cohort saved")), self->toast_overlay);
  g_free (self->pending_id);
  self->pending_id = g_strdup (id);
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
}

static void
new_cohort (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  CsCohortsWindow *self = CS_COHORTS_WINDOW (widget);
  gboolean edit = g_str_equal (action, "cohorts.edit");
  CsCohortDialog *dialog;

  if (self->student || (edit && !shown (self)))
    return;
  dialog = cs_cohort_dialog_new (GTK_WINDOW (self), self->server, edit ? shown (self) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (cohort_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
case_assigned (CsCohortsWindow *self,
               const char      *title)
{
  /* Translators: a toast; %s is a case's title */
  g_autofree char *text = g_strdup_printf (_("“%s” assigned"), title);

  cs_ui_add_toast (GTK_WIDGET (self->view_stack), adw_toast_new (text), self->toast_overlay);
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
}

static void
assign_case (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  CsCohortsWindow *self = CS_COHORTS_WINDOW (widget);
  const CsCohortInfo *info = shown (self);
  CsAssignDialog *dialog;

  if (self->student || !info || !info->is_active)
    return;
  dialog = cs_assign_dialog_new (GTK_WINDOW (self), self->server, self->shown_id);
  g_signal_connect_object (dialog, "assigned", G_CALLBACK (case_assigned), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  CsCohortsWindow *self;
  char            *id;
  gboolean         active;
} Archiving;

static void
archiving_free (Archiving *archiving)
{
  g_object_unref (archiving->self);
  g_free (archiving->id);
  g_free (archiving);
}

static void set_active (CsCohortsWindow *self, const char *id, gboolean active);

static void
undo_archive (AdwToast  *toast,
              Archiving *archiving)
{
  set_active (archiving->self, archiving->id, !archiving->active);
}

static void
activated (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Archiving *archiving = data;
  CsCohortsWindow *self = archiving->self;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!cs_cohort_admin_set_active_finish (CS_SERVER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cs_ui_add_toast (GTK_WIDGET (self->view_stack), adw_toast_new (error->message), self->toast_overlay);
      archiving_free (archiving);
      return;
    }
  toast = adw_toast_new (archiving->active ? _("Cohort restored") : _("Cohort archived"));
  if (!archiving->active)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_archive), archiving,
                             (GClosureNotify) (void (*) (void)) archiving_free, 0);
    }
  else
    archiving_free (archiving);
  cs_ui_add_toast (GTK_WIDGET (self->view_stack), toast, self->toast_overlay);
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
}

static void
set_active (CsCohortsWindow *self,
            const char      *id,
            gboolean         active)
{
  Archiving *archiving = g_new0 (Archiving, 1);

  archiving->self = g_object_ref (self);
  archiving->id = g_strdup (id);
  archiving->active = active;
  cs_cohort_admin_set_active_async (self->server, id, active, self->cancellable, activated, archiving);
}

static void
archive (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  CsCohortsWindow *self = CS_COHORTS_WINDOW (widget);

  if (!self->student && shown (self))
    set_active (self, self->shown_id, g_str_equal (action, "cohorts.restore"));
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
  g_clear_pointer (&self->pending_id, g_free);
  g_clear_pointer (&self->listen_conninfo, g_free);
  clear_wanted (self);
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
  g_type_ensure (CS_TYPE_STUDENT_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, student_page);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, cohort_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, assignments_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, dashboard_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, enrolment_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CsCohortsWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "cohorts.refresh", NULL, refresh);
  gtk_widget_class_install_action (widget_class, "cohorts.back", NULL, back);
  gtk_widget_class_install_action (widget_class, "cohorts.new", NULL, new_cohort);
  gtk_widget_class_install_action (widget_class, "cohorts.edit", NULL, new_cohort);
  gtk_widget_class_install_action (widget_class, "cohorts.assign", NULL, assign_case);
  gtk_widget_class_install_action (widget_class, "cohorts.archive", NULL, archive);
  gtk_widget_class_install_action (widget_class, "cohorts.restore", NULL, archive);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "cohorts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "cohorts.edit", NULL);
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
  update_actions (self);
}

void
cs_cohorts_window_set_kind (CsCohortsWindow *self,
                            const char      *kind)
{
  g_return_if_fail (CS_IS_COHORTS_WINDOW (self));

  self->student = g_strcmp0 (kind, "student") == 0;
  adw_view_stack_page_set_visible (self->assignments_stack_page, self->student);
  adw_view_stack_page_set_visible (self->dashboard_stack_page, !self->student);
  adw_view_stack_page_set_visible (self->enrolment_stack_page, !self->student);
  adw_view_stack_set_visible_child_name (self->view_stack, self->student ? "assignments" : "dashboard");
  update_actions (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
}

CsStudentPage *
cs_cohorts_window_get_student_page (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return self->student_page;
}

CsCohortsWindow *
cs_cohorts_window_new (GtkWindow *parent,
                       CsServer  *server)
{
  CsCohortsWindow *self;
  GtkApplication *app;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  self = g_object_new (CS_TYPE_COHORTS_WINDOW, "transient-for", parent, NULL);
  self->server = g_object_ref (server);
  app = parent ? gtk_window_get_application (parent) : NULL;
  if (CS_IS_APPLICATION (app))
    cs_student_page_set_store (self->student_page, cs_application_get_store (CS_APPLICATION (app)));
  gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.refresh", NULL);
  return self;
}

void
cs_cohorts_window_set_listen_conninfo (CsCohortsWindow *self,
                                       const char      *conninfo)
{
  CsDashboard *dashboard;

  g_return_if_fail (CS_IS_COHORTS_WINDOW (self));

  if (conninfo && !*conninfo)
    conninfo = NULL;
  if (g_strcmp0 (self->listen_conninfo, conninfo) == 0)
    return;
  g_free (self->listen_conninfo);
  self->listen_conninfo = g_strdup (conninfo);
  /* the dashboard shown listens there from now on */
  if ((dashboard = cs_dashboard_page_get_dashboard (self->page)))
    cs_dashboard_watch (dashboard, self->listen_conninfo);
}

const char *
cs_cohorts_window_get_listen_conninfo (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return self->listen_conninfo;
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

const char *
cs_cohorts_window_get_cohort_id (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return self->shown_id;
}

const char *
cs_cohorts_window_get_view (CsCohortsWindow *self)
{
  g_return_val_if_fail (CS_IS_COHORTS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}
