/* cs-dashboard-page.c: the dashboard of one cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matrix is a GtkColumnView over the students (filtered by the search entry, sorted
 * by the column headers): a name column, a completion column and one column per
 * assignment, rebuilt when the assignments change (not on every reload, so that the sort
 * stays). A cell is a flat button: status icon, progress or grade, and a late flag;
 * clicking it opens the student's run (CsRunView); its context menu (secondary click,
 * Shift+F10, Menu) opens the run or the override dialog. GTK 4.8's column headers take no
 * keyboard focus, so the Sort menu (Alt+S) offers the same sorting: its "sort.column" and
 * "sort.order" actions hold the column sorted by ("" when a header click chose another
 * order) and the direction. All server work goes through CsDashboard.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-dashboard-page.h"
#include "cs-matrix-cell.h"
#include "cs-override-dialog.h"
#include "cs-run-view.h"
#include "cs-completion-chart.h"
#include "cs-hint-list.h"
#include "cs-scene-chart.h"
#include "cs-score-histogram.h"
#include "cs-ui-util.h"

enum {
  FIGURE_STUDENTS,
  FIGURE_ACTIVE,
  FIGURE_NOT_STARTED,
  FIGURE_COMPLETION,
  FIGURE_SCORE,
  N_FIGURES
};

struct _CsDashboardPage
{
  GtkWidget            parent_instance;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *failed_page;
  GtkBox              *figures;
  GtkSearchEntry      *search_entry;
  GtkLabel            *shown_label;
  GtkColumnView       *matrix;
  GtkDropDown         *assignment_dropdown;
  GtkMenuButton       *sort_button;
  CsScoreHistogram    *histogram;
  CsCompletionChart   *completion_chart;
  CsSceneChart        *scene_chart;
  CsHintList          *hint_list;
  GtkStack            *scenes_stack;
  GtkLabel            *scenes_heading;

  GtkLabel            *figure_values[N_FIGURES];
  CsDashboard         *dashboard;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkCustomFilter     *filter;
  GPtrArray           *assignment_columns;
  char                *assignment_ids;   /* of the columns, to see whether they changed */
  GtkFileChooserNative *chooser;
  GtkWidget           *cell_menu;   /* the context menu of a cell, for menu_cell */
  CsDashboardCell     *menu_cell;
  GMenu               *sort_columns;   /* the Sort menu's first section */
  GSimpleActionGroup  *sort_actions;
  gboolean             sorting;        /* the sorter changes from here, not from a header */
};

G_DEFINE_FINAL_TYPE (CsDashboardPage, cs_dashboard_page, GTK_TYPE_WIDGET)

/* Figures */

static void
add_figure (CsDashboardPage *self,
            guint            figure,
            const char      *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (value, 12);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  /* Wrapped, not cut: "Median completion" does not fit a card at 700 px. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (self->figures, box);
  self->figure_values[figure] = GTK_LABEL (value);
}

static void
set_figure (CsDashboardPage *self,
            guint            figure,
            char            *text)
{
  gtk_label_set_label (self->figure_values[figure], text);
  g_free (text);
}

static void
update_figures (CsDashboardPage *self)
{
  set_figure (self, FIGURE_STUDENTS, g_strdup_printf ("%u", cs_dashboard_get_n_students (self->dashboard)));
  set_figure (self, FIGURE_ACTIVE, g_strdup_printf ("%u", cs_dashboard_get_n_active (self->dashboard)));
  set_figure (self, FIGURE_NOT_STARTED, g_strdup_printf ("%u", cs_dashboard_get_n_not_started (self->dashboard)));
  set_figure (self, FIGURE_COMPLETION, cs_ui_dup_percent (cs_dashboard_get_median_completion (self->dashboard)));
  set_figure (self, FIGURE_SCORE, cs_ui_dup_percent (cs_dashboard_get_average_score (self->dashboard)));
}

static void
update_shown (CsDashboardPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint all = self->dashboard ? cs_dashboard_get_n_students (self->dashboard) : 0;
  g_autofree char *text = NULL;

  if (shown != all)
    /* Translators: beside the filter: "3 of 40 students" */
    text = g_strdup_printf (ngettext ("%u of %u student", "%u of %u students", all), shown, all);
  gtk_label_set_label (self->shown_label, text ? text : "");
}

/* Charts */

static void
update_charts (CsDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->assignment_dropdown);
  g_autoptr(CsDashboardAssignment) assignment = NULL;
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) completed = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *students;

  if (!self->dashboard || selected == GTK_INVALID_LIST_POSITION ||
      !(assignment = g_list_model_get_item (cs_dashboard_get_assignments (self->dashboard), selected)))
    {
      cs_score_histogram_set_scores (self->histogram, NULL, 0);
      cs_completion_chart_set_data (self->completion_chart, 0, 0, g_get_real_time () / G_USEC_PER_SEC, NULL, 0);
      cs_scene_chart_set_assignment (self->scene_chart, NULL);
      cs_hint_list_set_assignment (self->hint_list, NULL);
      return;
    }

  students = cs_dashboard_get_students (self->dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (students, i);
      CsDashboardCell *cell = cs_dashboard_student_get_cell (student, selected);
      double score = cell ? cs_dashboard_cell_get_score (cell) : -1;
      gint64 done = cell && cs_dashboard_cell_get_status (cell) == CS_DASHBOARD_COMPLETED
                    ? cs_dashboard_cell_get_completed_at (cell) : 0;

      g_array_append_val (scores, score);
      g_array_append_val (completed, done);
    }
  cs_score_histogram_set_scores (self->histogram, (const double *) scores->data, scores->len);
  cs_completion_chart_set_data (self->completion_chart, cs_dashboard_assignment_get_assigned (assignment),
                                cs_dashboard_assignment_get_due (assignment), g_get_real_time () / G_USEC_PER_SEC,
                                (const gint64 *) completed->data, completed->len);
  cs_scene_chart_set_assignment (self->scene_chart, assignment);
  cs_hint_list_set_assignment (self->hint_list, assignment);
}

/* The card of the scenes shows their pass rates or the most used hints; its heading says
 * which (the switcher's buttons are icons, with the same words as tooltips). */
static void
on_scenes_page_changed (CsDashboardPage *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->scenes_stack);

  if (child)
    gtk_label_set_label (self->scenes_heading,
                         gtk_stack_page_get_title (gtk_stack_get_page (self->scenes_stack, child)));
}

static void
on_assignment_selected (CsDashboardPage *self)
{
  update_charts (self);
}

/* The matrix */

static void
setup_name (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  CsDashboardStudent *student = gtk_list_item_get_item (item);
  /* One label (name, then the user name dimmed): a view keeps ~200 rows of widgets. */
  g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"55%%\">%s</span>",
                                                     cs_dashboard_student_get_name (student),
                                                     cs_dashboard_student_get_login (student));

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static void
setup_completion (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_completion (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  g_autofree char *text = cs_ui_dup_percent (cs_dashboard_student_get_completion (gtk_list_item_get_item (item)));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
show_cell_menu (CsDashboardPage *self,
                CsMatrixCell    *widget,
                double           x,
                double           y)
{
  CsDashboardCell *cell = cs_matrix_cell_get_cell (widget);
  graphene_rect_t bounds;
  GdkRectangle at;

  if (!cell || !gtk_widget_compute_bounds (GTK_WIDGET (widget), GTK_WIDGET (self), &bounds))
    return;
  g_set_object (&self->menu_cell, cell);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.override", cs_dashboard_cell_get_progress_id (cell) != NULL);
  at.x = (int) (x >= 0 ? bounds.origin.x + x : bounds.origin.x + bounds.size.width / 2);
  at.y = (int) (y >= 0 ? bounds.origin.y + y : bounds.origin.y + bounds.size.height / 2);
  at.width = at.height = 1;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->cell_menu), &at);
  gtk_popover_popup (GTK_POPOVER (self->cell_menu));
}

static void
on_cell_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 CsDashboardPage *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_cell_menu (self, CS_MATRIX_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture))), x, y);
}

static gboolean
on_cell_menu_key (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  show_cell_menu (data, CS_MATRIX_CELL (widget), -1, -1);
  return TRUE;
}

static void
on_cell_activated (CsMatrixCell    *widget,
                   CsDashboardPage *self)
{
  CsDashboardCell *cell = cs_matrix_cell_get_cell (widget);

  if (cell)
    cs_dashboard_page_open_cell (self, cell);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CsDashboardPage          *self)
{
  GtkWidget *cell = cs_matrix_cell_new ();

  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_signal_connect_object (cell, "activate", G_CALLBACK (on_cell_activated), self, 0);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_cell_pressed), self, 0);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_F10 : GDK_KEY_Menu, i == 0 ? GDK_SHIFT_MASK : 0),
                        gtk_callback_action_new (on_cell_menu_key, self, NULL)));
  gtk_widget_add_controller (cell, keys);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CsDashboardPage          *self)
{
  guint assignment = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "assignment"));

  cs_matrix_cell_set_cell (CS_MATRIX_CELL (gtk_list_item_get_child (item)),
                           cs_dashboard_student_get_cell (gtk_list_item_get_item (item), assignment));
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  guint assignment = GPOINTER_TO_UINT (data);
  CsDashboardCell *x = cs_dashboard_student_get_cell ((gpointer) a, assignment);
  CsDashboardCell *y = cs_dashboard_student_get_cell ((gpointer) b, assignment);
  double xs, ys, xp, yp;

  if (!x || !y)
    return (x != NULL) - (y != NULL);
  /* Graded before ungraded, then by grade, then by progress. */
  xs = cs_dashboard_cell_get_score (x);
  ys = cs_dashboard_cell_get_score (y);
  if (xs != ys)
    return xs < ys ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  xp = cs_dashboard_cell_get_progress (x);
  yp = cs_dashboard_cell_get_progress (y);
  return xp < yp ? GTK_ORDERING_SMALLER : xp > yp ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_completion (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  double x = cs_dashboard_student_get_completion ((gpointer) a);
  double y = cs_dashboard_student_get_completion ((gpointer) b);

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_column (CsDashboardPage    *self,
            const char         *title,
            GtkListItemFactory *factory,
            GtkSorter          *sorter)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->matrix, column);
  g_object_unref (sorter);
  g_object_unref (column);
  return column;  /* owned by the view */
}

static char *
assignment_title (CsDashboardAssignment *assignment)
{
  gint64 due = cs_dashboard_assignment_get_due (assignment);
  g_autoptr(GDateTime) when = due ? g_date_time_new_from_unix_local (due) : NULL;
  /* Translators: a due date in a column header, as in "due 12 Mar" (GDateTime format) */
  g_autofree char *date = when ? g_date_time_format (when, _("%-d %b")) : NULL;

  if (!date)
    return g_strdup (cs_dashboard_assignment_get_title (assignment));
  /* Translators: a column header: the case's title and its due date */
  return g_strdup_printf (_("%s (due %s)"), cs_dashboard_assignment_get_title (assignment), date);
}

/* The Sort menu */

static void
set_sort_state (CsDashboardPage *self,
                const char      *name,
                GVariant        *state)
{
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->sort_actions), name)),
                             state);
}

static GtkColumnViewColumn *
sort_column (CsDashboardPage *self)
{
  GVariant *state = g_action_group_get_action_state (G_ACTION_GROUP (self->sort_actions), "column");
  const char *index = g_variant_get_string (state, NULL);
  GtkColumnViewColumn *column = NULL;

  if (*index)
    column = g_list_model_get_item (gtk_column_view_get_columns (self->matrix), g_ascii_strtoull (index, NULL, 10));
  g_variant_unref (state);
  return column;
}

/* Lists the sortable columns; a column sorted by that is gone leaves the menu unchecked. */
static void
update_sort_menu (CsDashboardPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->matrix);
  g_autoptr(GtkColumnViewColumn) sorted = sort_column (self);

  g_menu_remove_all (self->sort_columns);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_column_view_column_get_sorter (column))
        continue;
      /* A menu label takes "_" as a mnemonic: a title's own underscores are doubled. */
      parts = g_strsplit (gtk_column_view_column_get_title (column), "_", -1);
      label = g_strjoinv ("__", parts);
      target = g_strdup_printf ("%u", i);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "sort.column", "s", target);
      g_menu_append_item (self->sort_columns, item);
    }
  if (!sorted || !gtk_column_view_column_get_column_view (sorted))
    set_sort_state (self, "column", g_variant_new_string (""));
}

static GtkSortType
sort_order (CsDashboardPage *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self->sort_actions), "order");

  return g_str_equal (g_variant_get_string (state, NULL), "descending") ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
}

static void
on_sort_column (GSimpleAction *action,
                GVariant      *value,
                gpointer       data)
{
  CsDashboardPage *self = data;
  guint64 index = g_ascii_strtoull (g_variant_get_string (value, NULL), NULL, 10);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (self->matrix), index);

  if (column && gtk_column_view_column_get_sorter (column))
    cs_dashboard_page_sort_by (self, column, sort_order (self));
}

/* A direction alone sorts the column chosen before, or the names. */
static void
on_sort_order (GSimpleAction *action,
               GVariant      *value,
               gpointer       data)
{
  CsDashboardPage *self = data;
  g_autoptr(GtkColumnViewColumn) column = sort_column (self);

  g_simple_action_set_state (action, value);
  if (!column)
    column = g_list_model_get_item (gtk_column_view_get_columns (self->matrix), 0);
  cs_dashboard_page_sort_by (self, column, sort_order (self));
}

/* A click on a header: the menu can no longer tell which column the rows follow. */
static void
on_sorter_changed (CsDashboardPage *self)
{
  if (self->sorting || !self->sort_actions)
    return;
  set_sort_state (self, "column", g_variant_new_string (""));
}

/* Rebuilds the assignment columns if the assignments changed; returns whether it did. The
 * rows are taken off the view meanwhile: a column added to 500 bound rows costs a second. */
static gboolean
rebuild_columns (CsDashboardPage *self)
{
  GListModel *assignments = cs_dashboard_get_assignments (self->dashboard);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->assignment_dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, i);

      g_string_append_printf (ids, "%s:%" G_GINT64_FORMAT ";", cs_dashboard_assignment_get_id (assignment),
                              cs_dashboard_assignment_get_due (assignment));
    }
  if (g_strcmp0 (ids->str, self->assignment_ids) == 0)
    return FALSE;
  g_free (self->assignment_ids);
  self->assignment_ids = g_strdup (ids->str);
  gtk_filter_list_model_set_model (self->filtered, NULL);

  self->sorting = TRUE;
  for (guint i = 0; i < self->assignment_columns->len; i++)
    gtk_column_view_remove_column (self->matrix, g_ptr_array_index (self->assignment_columns, i));
  g_ptr_array_set_size (self->assignment_columns, 0);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, i);
      g_autofree char *title = assignment_title (assignment);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "assignment", GUINT_TO_POINTER (i));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
      column = add_column (self, title, factory,
                           GTK_SORTER (gtk_custom_sorter_new (compare_cells, GUINT_TO_POINTER (i), NULL)));
      g_ptr_array_add (self->assignment_columns, g_object_ref (column));
      gtk_string_list_append (titles, cs_dashboard_assignment_get_title (assignment));
    }

  self->sorting = FALSE;
  update_sort_menu (self);

  gtk_drop_down_set_model (self->assignment_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->assignment_dropdown,
                              selected < g_list_model_get_n_items (assignments) ? selected : 0);
  gtk_filter_list_model_set_model (self->filtered, cs_dashboard_get_students (self->dashboard));
  return TRUE;
}

static gboolean
match_student (gpointer item,
               gpointer data)
{
  CsDashboardPage *self = data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (!*query)
    return TRUE;
  needle = g_utf8_casefold (query, -1);
  name = g_utf8_casefold (cs_dashboard_student_get_name (item), -1);
  return strstr (name, needle) || strstr (cs_dashboard_student_get_login (item), query);
}

static void
on_search_changed (CsDashboardPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Loading */

static void
show_state (CsDashboardPage *self)
{
  const char *page;

  if (!self->dashboard)
    page = "empty";
  else if (cs_dashboard_get_n_students (self->dashboard) > 0)
    page = "dashboard";
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading") &&
           cs_dashboard_get_loading (self->dashboard))
    page = "loading";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
}

static void
on_loaded (CsDashboardPage *self)
{
  rebuild_columns (self);
  update_figures (self);
  update_charts (self);
  update_shown (self);
  show_state (self);
}

static void
on_failed (CsDashboardPage *self,
           const GError    *error)
{
  cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(CsDashboardPage) self = data;
  g_autoptr(GError) error = NULL;

  if (cs_dashboard_load_finish (CS_DASHBOARD (source), result, &error) || CS_DASHBOARD (source) != self->dashboard)
    return;
  adw_status_page_set_description (self->failed_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  gtk_spinner_set_spinning (self->spinner, FALSE);
}

static void
reload (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (widget);

  if (!self->dashboard)
    return;
  if (cs_dashboard_get_n_students (self->dashboard) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->spinner, TRUE);
    }
  cs_dashboard_load_async (self->dashboard, NULL, loaded, g_object_ref (self));
}

/* Opening a cell: its run, read-only; the context menu also overrides the grade */

GtkWidget *
cs_dashboard_page_open_cell (CsDashboardPage *self,
                             CsDashboardCell *cell)
{
  GtkWidget *view;

  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (cell), NULL);

  if (!self->dashboard)
    return NULL;
  view = cs_run_view_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->dashboard, cell);
  gtk_window_present (GTK_WINDOW (view));
  return view;
}

GtkWidget *
cs_dashboard_page_override_cell (CsDashboardPage *self,
                                 CsDashboardCell *cell)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (cell), NULL);

  if (!self->dashboard)
    return NULL;
  return cs_override_dialog_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->dashboard,
                                     cell, self->toast_overlay);
}

static void
cell_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (widget);
  g_autoptr(CsDashboardCell) cell = g_steal_pointer (&self->menu_cell);

  if (!cell)
    return;
  if (g_str_equal (action, "cell.open"))
    cs_dashboard_page_open_cell (self, cell);
  else
    cs_dashboard_page_override_cell (self, cell);
}

/* Export */

typedef struct {
  CsDashboardPage *page;
  GFile           *file;
  gboolean         pdf;
} Export;

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Export *export = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!(export->pdf ? cs_dashboard_export_pdf_finish : cs_dashboard_export_csv_finish) (CS_DASHBOARD (source),
                                                                                         result, &error))
    /* Translators: the export of grades failed; the reason follows */
    message = g_strdup_printf (_("The grades could not be saved: %s"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (export->file);

      message = export->pdf ? g_strdup_printf (_("Cohort report saved as “%s”"), name)
                            : g_strdup_printf (_("Grades saved as “%s”"), name);
    }
  cs_ui_overlay_add_toast (export->page->toast_overlay, adw_toast_new (message));
  g_object_unref (export->page);
  g_object_unref (export->file);
  g_free (export);
}

static void
export_to (CsDashboardPage *self,
           GFile           *file,
           gboolean         pdf)
{
  Export *export;

  g_return_if_fail (CS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!self->dashboard)
    return;
  export = g_new0 (Export, 1);
  export->page = g_object_ref (self);
  export->file = g_object_ref (file);
  export->pdf = pdf;
  (pdf ? cs_dashboard_export_pdf_async : cs_dashboard_export_csv_async) (self->dashboard, file, NULL, exported, export);
}

void
cs_dashboard_page_export_to (CsDashboardPage *self,
                             GFile           *file)
{
  export_to (self, file, FALSE);
}

void
cs_dashboard_page_export_pdf_to (CsDashboardPage *self,
                                 GFile           *file)
{
  export_to (self, file, TRUE);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CsDashboardPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    export_to (self, file, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "pdf")));
  g_clear_object (&self->chooser);
}

static void
export_grades (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (widget);
  gboolean pdf = g_str_equal (action, "dashboard.export-pdf");
  const char *code;
  g_autofree char *name = NULL;

  if (!self->dashboard || self->chooser)
    return;
  code = cs_dashboard_get_course_code (self->dashboard);
  /* Translators: the suggested file names of the grades CSV and the cohort report; %s is
   * the course code or cohort */
  name = g_strdup_printf (pdf ? _("%s report.pdf") : _("%s grades.csv"),
                          *code ? code : cs_dashboard_get_title (self->dashboard));
  g_strdelimit (name, "/\\:", '-');
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export Cohort Report") : _("Export Grades"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_object_set_data (G_OBJECT (self->chooser), "pdf", GINT_TO_POINTER (pdf));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
focus_search (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (CS_DASHBOARD_PAGE (widget)->search_entry));
}

/* GObject */

static void
cs_dashboard_page_dispose (GObject *object)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (object);

  cs_dashboard_page_set_dashboard (self, NULL);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->cell_menu, gtk_widget_unparent);
  g_clear_object (&self->menu_cell);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->sort_columns);
  g_clear_object (&self->sort_actions);

  G_OBJECT_CLASS (cs_dashboard_page_parent_class)->dispose (object);
}

static void
cs_dashboard_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (cs_dashboard_page_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->cell_menu)
    gtk_popover_present (GTK_POPOVER (self->cell_menu));
}

static void
cs_dashboard_page_finalize (GObject *object)
{
  CsDashboardPage *self = CS_DASHBOARD_PAGE (object);

  g_ptr_array_unref (self->assignment_columns);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_free (self->assignment_ids);

  G_OBJECT_CLASS (cs_dashboard_page_parent_class)->finalize (object);
}

static void
cs_dashboard_page_class_init (CsDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_dashboard_page_dispose;
  object_class->finalize = cs_dashboard_page_finalize;
  widget_class->size_allocate = cs_dashboard_page_size_allocate;

  g_type_ensure (CS_TYPE_SCORE_HISTOGRAM);
  g_type_ensure (CS_TYPE_COMPLETION_CHART);
  g_type_ensure (CS_TYPE_SCENE_CHART);
  g_type_ensure (CS_TYPE_HINT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, failed_page);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, figures);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, matrix);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, assignment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, histogram);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, completion_chart);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, scene_chart);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, hint_list);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, scenes_stack);
  gtk_widget_class_bind_template_child (widget_class, CsDashboardPage, scenes_heading);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_assignment_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_scenes_page_changed);

  gtk_widget_class_install_action (widget_class, "dashboard.reload", NULL, reload);
  gtk_widget_class_install_action (widget_class, "cell.open", NULL, cell_action);
  gtk_widget_class_install_action (widget_class, "cell.override", NULL, cell_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-csv", NULL, export_grades);
  gtk_widget_class_install_action (widget_class, "dashboard.export-pdf", NULL, export_grades);
  gtk_widget_class_install_action (widget_class, "dashboard.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "dashboard.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "dashboard.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dashboard.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cs_dashboard_page_init (CsDashboardPage *self)
{
  GtkListItemFactory *factory;
  GtkExpression *name;

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("_Open Run"), "cell.open");
    g_menu_append (menu, _("_Override Grade…"), "cell.override");
    self->cell_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
    gtk_popover_set_has_arrow (GTK_POPOVER (self->cell_menu), FALSE);
    gtk_widget_set_halign (self->cell_menu, GTK_ALIGN_START);
    gtk_widget_set_parent (self->cell_menu, GTK_WIDGET (self));
  }
  {
    static const GActionEntry sort_entries[] = {
      { .name = "column", .parameter_type = "s", .state = "''", .change_state = on_sort_column },
      { .name = "order", .parameter_type = "s", .state = "'ascending'", .change_state = on_sort_order },
    };
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) orders = g_menu_new ();

    self->sort_actions = g_simple_action_group_new ();
    g_action_map_add_action_entries (G_ACTION_MAP (self->sort_actions), sort_entries,
                                     G_N_ELEMENTS (sort_entries), self);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "sort", G_ACTION_GROUP (self->sort_actions));
    self->sort_columns = g_menu_new ();
    g_menu_append_section (menu, NULL, G_MENU_MODEL (self->sort_columns));
    g_menu_append (orders, _("_Ascending"), "sort.order::ascending");
    g_menu_append (orders, _("_Descending"), "sort.order::descending");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (orders));
    gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (menu));
  }
  self->assignment_columns = g_ptr_array_new_with_free_func (g_object_unref);

  add_figure (self, FIGURE_STUDENTS, _("Students"));
  add_figure (self, FIGURE_ACTIVE, _("Active now"));
  add_figure (self, FIGURE_NOT_STARTED, _("Not started"));
  add_figure (self, FIGURE_COMPLETION, _("Median completion"));
  add_figure (self, FIGURE_SCORE, _("Average grade"));

  self->filter = gtk_custom_filter_new (match_student, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->matrix)));
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));

    gtk_column_view_set_model (self->matrix, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_shown), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_name), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name), NULL);
  name = gtk_property_expression_new (CS_TYPE_DASHBOARD_STUDENT, NULL, "name");
  gtk_column_view_column_set_fixed_width (add_column (self, _("Student"), factory,
                                                      GTK_SORTER (gtk_string_sorter_new (name))), 220);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_completion), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_completion), NULL);
  add_column (self, _("Completion"), factory, GTK_SORTER (gtk_custom_sorter_new (compare_completion, NULL, NULL)));
  update_sort_menu (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->matrix), "changed", G_CALLBACK (on_sorter_changed),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
cs_dashboard_page_new (void)
{
  return g_object_new (CS_TYPE_DASHBOARD_PAGE, NULL);
}

void
cs_dashboard_page_set_dashboard (CsDashboardPage *self,
                                 CsDashboard     *dashboard)
{
  g_return_if_fail (CS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (!dashboard || CS_IS_DASHBOARD (dashboard));

  if (self->dashboard == dashboard)
    return;
  if (self->dashboard)
    g_signal_handlers_disconnect_by_data (self->dashboard, self);
  g_set_object (&self->dashboard, dashboard);
  g_clear_pointer (&self->assignment_ids, g_free);
  /* The rows go on once the columns are built (on_loaded). */
  gtk_filter_list_model_set_model (self->filtered, NULL);
  if (!dashboard)
    {
      show_state (self);
      return;
    }
  g_signal_connect_object (dashboard, "loaded", G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dashboard, "failed", G_CALLBACK (on_failed), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.reload", NULL);
}

CsDashboard *
cs_dashboard_page_get_dashboard (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return self->dashboard;
}

GListModel *
cs_dashboard_page_get_rows (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkColumnView *
cs_dashboard_page_get_matrix (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return self->matrix;
}

GtkEditable *
cs_dashboard_page_get_search (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
cs_dashboard_page_sort_by (CsDashboardPage     *self,
                           GtkColumnViewColumn *column,
                           GtkSortType          order)
{
  GListModel *columns;

  g_return_if_fail (CS_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  self->sorting = TRUE;
  gtk_column_view_sort_by_column (self->matrix, column, order);

  /* GTK 4.8's gtk_column_view_sort_by_column() drops every sort column but tells only
   * @column's header, so the header sorted before keeps its arrow (a click on a header
   * does tell the previous one). Setting a sorter again makes a header look anew; the
   * others are no longer sort columns, so this changes nothing else. */
  columns = gtk_column_view_get_columns (self->matrix);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);
      g_autoptr(GtkSorter) sorter = NULL;

      if (other == column || !gtk_column_view_column_get_sorter (other))
        continue;
      sorter = g_object_ref (gtk_column_view_column_get_sorter (other));
      gtk_column_view_column_set_sorter (other, NULL);
      gtk_column_view_column_set_sorter (other, sorter);
    }
  self->sorting = FALSE;

  /* The Sort menu shows it too. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (other == column)
        {
          set_sort_state (self, "column", g_variant_new_take_string (g_strdup_printf ("%u", i)));
          break;
        }
    }
  set_sort_state (self, "order", g_variant_new_string (order == GTK_SORT_DESCENDING ? "descending" : "ascending"));
}

GtkMenuButton *
cs_dashboard_page_get_sort_button (CsDashboardPage *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_PAGE (self), NULL);

  return self->sort_button;
}
