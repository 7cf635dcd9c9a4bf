/* cs-dashboard-csv.c: a cohort's grades as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: CRLF line ends, a field in double quotes when it holds a comma, a quote, CR or
 * LF (quotes doubled inside). A text field that a spreadsheet would take for a formula
 * (starting with =, +, -, @, tab or CR) gets a leading apostrophe: display names are typed
 * by students. Numbers use a dot whatever the locale; scores and progress are percentages
 * with one decimal; times are ISO 8601 in UTC; an empty field means "none".
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-dashboard.h"

static void
add_field (GString    *out,
           const char *text,
           gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (!text || !*text)
    return;
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", text[0]))
    g_string_append_c (out, '\'');
  for (const char *c = text; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
add_percent (GString *out,
             double   fraction)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  if (fraction >= 0)
    g_string_append (out, g_ascii_formatd (number, sizeof number, "%.1f", fraction * 100));
}

static void
add_int (GString *out,
         gint64   value)
{
  g_string_append_printf (out, ",%" G_GINT64_FORMAT, value);
}

static void
add_time (GString *out,
          gint64   unix_seconds)
{
  g_autoptr(GDateTime) when = unix_seconds ? g_date_time_new_from_unix_utc (unix_seconds) : NULL;
  g_autofree char *text = when ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  add_field (out, text, FALSE);
}

static const char *
yes_no (gboolean yes)
{
  return yes ? _("yes") : _("no");
}

static const char *
status_text (CsDashboardStatus status)
{
  switch (status)
    {
    case CS_DASHBOARD_COMPLETED:
      return _("completed");
    case CS_DASHBOARD_IN_PROGRESS:
      return _("in progress");
    case CS_DASHBOARD_NOT_STARTED:
    default:
      return _("not started");
    }
}

char *
cs_dashboard_to_csv (CsDashboard *self)
{
  GListModel *students, *assignments;
  GString *out;
  guint n_scenes = 0;

  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  students = cs_dashboard_get_students (self);
  assignments = cs_dashboard_get_assignments (self);
  for (guint a = 0; a < g_list_model_get_n_items (assignments); a++)
    {
      g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, a);

      n_scenes = MAX (n_scenes, cs_dashboard_assignment_get_n_scenes (assignment));
    }

  out = g_string_new (NULL);
  add_field (out, _("Student"), TRUE);
  add_field (out, _("User name"), FALSE);
  add_field (out, _("Assignment"), FALSE);
  add_field (out, _("Due"), FALSE);
  add_field (out, _("Required"), FALSE);
  add_field (out, _("Status"), FALSE);
  add_field (out, _("Progress (%)"), FALSE);
  add_field (out, _("Score (%)"), FALSE);
  add_field (out, _("Computed score (%)"), FALSE);
  add_field (out, _("Overridden"), FALSE);
  add_field (out, _("Time spent (s)"), FALSE);
  add_field (out, _("Hints"), FALSE);
  add_field (out, _("Late"), FALSE);
  add_field (out, _("Completed"), FALSE);
  for (guint s = 0; s < n_scenes; s++)
    {
      /* Translators: a column of the grades CSV: the score of one scene of the case */
      g_autofree char *title = g_strdup_printf (_("Scene %u (%%)"), s + 1);

      add_field (out, title, FALSE);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (students, i);

      for (guint a = 0; a < g_list_model_get_n_items (assignments); a++)
        {
          g_autoptr(CsDashboardAssignment) assignment = g_list_model_get_item (assignments, a);
          CsDashboardCell *cell = cs_dashboard_student_get_cell (student, a);
          guint cell_scenes = cell ? cs_dashboard_cell_get_n_scenes (cell) : 0;

          if (!cell)
            continue;
          add_field (out, cs_dashboard_student_get_name (student), TRUE);
          add_field (out, cs_dashboard_student_get_login (student), FALSE);
          add_field (out, cs_dashboard_assignment_get_title (assignment), FALSE);
          add_time (out, cs_dashboard_assignment_get_due (assignment));
          add_field (out, yes_no (cs_dashboard_assignment_get_required (assignment)), FALSE);
          add_field (out, status_text (cs_dashboard_cell_get_status (cell)), FALSE);
          add_percent (out, cs_dashboard_cell_get_progress (cell));
          add_percent (out, cs_dashboard_cell_get_score (cell));
          add_percent (out, cs_dashboard_cell_get_computed_score (cell));
          add_field (out, yes_no (cs_dashboard_cell_get_overridden (cell)), FALSE);
          add_int (out, cs_dashboard_cell_get_time_spent (cell));
          add_int (out, cs_dashboard_cell_get_hints_used (cell));
          add_field (out, yes_no (cs_dashboard_cell_get_late (cell)), FALSE);
          add_time (out, cs_dashboard_cell_get_completed_at (cell));
          for (guint s = 0; s < n_scenes; s++)
            {
              if (s < cell_scenes)
                add_percent (out, cs_dashboard_cell_get_scene_score (cell, s));
              else
                g_string_append_c (out, ',');
            }
          g_string_append (out, "\r\n");
        }
    }
  return g_string_free (out, FALSE);
}

static void
replaced (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cs_dashboard_export_csv_async (CsDashboard         *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  char *csv;

  g_return_if_fail (CS_IS_DASHBOARD (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_dashboard_export_csv_async);
  csv = cs_dashboard_to_csv (self);
  g_task_set_task_data (task, csv, g_free);
  g_file_replace_contents_async (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                 cancellable, replaced, task);
}

gboolean
cs_dashboard_export_csv_finish (CsDashboard   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
