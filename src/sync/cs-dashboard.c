/* cs-dashboard.c: the dashboard of one cohort, loaded on the CsServer's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "cs-dashboard.h"
#include "cs-pg.h"
#include "cs-reloader.h"

#define CHANNEL "cs_dashboard"
#define EPOCH(column) "coalesce (floor (extract (epoch FROM " column "))::bigint, 0)"

struct _CsDashboard
{
  GObject       parent_instance;

  CsServer     *server;
  char         *cohort_id;
  char         *title;
  char         *course_code;
  GListStore   *students;
  GListStore   *assignments;
  GListStore   *cells;
  CsReloader   *reloader;      /* the reloads the dashboard starts itself, and LISTEN */
  guint         loading;       /* loads under way */
};

G_DEFINE_FINAL_TYPE (CsDashboard, cs_dashboard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_WATCHING,
  N_PROPS
};

enum {
  LOADED,
  FAILED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What one load read, made on the worker and handed to the main thread. */
typedef struct {
  char      *title;
  char      *course_code;
  GPtrArray *students;
  GPtrArray *assignments;
  GPtrArray *cells;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->title);
  g_free (snapshot->course_code);
  g_clear_pointer (&snapshot->students, g_ptr_array_unref);
  g_clear_pointer (&snapshot->assignments, g_ptr_array_unref);
  g_clear_pointer (&snapshot->cells, g_ptr_array_unref);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static gint64
int_at (PGresult *result,
        int       row,
        int       column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

static double
double_at (PGresult *result,
           int       row,
           int       column)
{
  return g_ascii_strtod (PQgetvalue (result, row, column), NULL);
}

static gboolean
bool_at (PGresult *result,
         int       row,
         int       column)
{
  return PQgetvalue (result, row, column)[0] == 't';
}

static const char *
text_at (PGresult *result,
         int       row,
         int       column)
{
  return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

static CsDashboardStatus
status_from_nick (const char *nick)
{
  if (g_str_equal (nick, "completed"))
    return CS_DASHBOARD_COMPLETED;
  if (g_str_equal (nick, "in_progress"))
    return CS_DASHBOARD_IN_PROGRESS;
  return CS_DASHBOARD_NOT_STARTED;
}

/* A float8[] in text form ("{0.8,NULL,0.6}", NULL when not started) as the cell's scene
 * scores, negative for none; a cell has one score per scene of its case. */
static void
add_scene_scores (CsDashboardCell *cell,
                  const char      *array,
                  guint            n_scenes)
{
  const char *c = array && *array == '{' ? array + 1 : NULL;
  guint n = 0;

  while (c && *c && *c != '}')
    {
      char *end = NULL;
      double score = -1;

      if (g_str_has_prefix (c, "NULL"))
        end = (char *) c + 4;
      else
        score = g_ascii_strtod (c, &end);

      if (!end || end == c)
        break;
      cs_dashboard_cell_add_scene_score (cell, score);
      n++;
      c = *end == ',' ? end + 1 : end;
    }
  for (; n < n_scenes; n++)
    cs_dashboard_cell_add_scene_score (cell, -1);
}

static gboolean
read_assignments (PGconn      *conn,
                  const char  *cohort,
                  Snapshot    *snapshot,
                  GHashTable  *index,
                  GError     **error)
{
  g_autoptr(PGresult) rows = NULL;
  g_autoptr(PGresult) scenes = NULL;
  g_autoptr(PGresult) hints = NULL;

  rows = cs_server_query (conn,
    "SELECT a.id::text, a.scenario_id::text, s.title, " EPOCH ("a.due_date") ", a.is_required, " EPOCH ("a.assigned_at") " "
    "FROM cs.cohort_simulations a JOIN cs.scenarios s ON s.id = a.scenario_id "
    "WHERE a.cohort_id = $1::uuid ORDER BY a.due_date NULLS LAST, s.title, a.id",
    1, (const char *[]) { cohort }, error);
  if (!rows)
    return FALSE;
  for (int r = 0; r < PQntuples (rows); r++)
    {
      CsDashboardAssignment *assignment =
        cs_dashboard_assignment_new (PQgetvalue (rows, r, 0), PQgetvalue (rows, r, 1),
                                     PQgetvalue (rows, r, 2), int_at (rows, r, 3), bool_at (rows, r, 4));

      cs_dashboard_assignment_set_assigned (assignment, int_at (rows, r, 5));

      g_hash_table_insert (index, g_strdup (PQgetvalue (rows, r, 0)), GUINT_TO_POINTER (r));
      g_ptr_array_add (snapshot->assignments, assignment);
    }

  scenes = cs_server_query (conn,
    "SELECT assignment_id::text, scene_title, started, passed, forced, coalesce (pass_rate, -1), "
    "       coalesce (average_turns, 0), coalesce (hints_used, 0) "
    "FROM cs.cs_cohort_scene_stats ($1::uuid) ORDER BY assignment_id, scene_number",
    1, (const char *[]) { cohort }, error);
  if (!scenes)
    return FALSE;
  for (int r = 0; r < PQntuples (scenes); r++)
    {
      gpointer position;
      CsDashboardScene scene = {
        .title = PQgetvalue (scenes, r, 1),
        .started = (int) int_at (scenes, r, 2),
        .passed = (int) int_at (scenes, r, 3),
        .forced = (int) int_at (scenes, r, 4),
        .pass_rate = double_at (scenes, r, 5),
        .average_turns = double_at (scenes, r, 6),
        .hints_used = (int) int_at (scenes, r, 7),
      };

      if (g_hash_table_lookup_extended (index, PQgetvalue (scenes, r, 0), NULL, &position))
        cs_dashboard_assignment_add_scene (g_ptr_array_index (snapshot->assignments, GPOINTER_TO_UINT (position)),
                                           &scene);
    }

  hints = cs_server_query (conn,
    "SELECT assignment_id::text, hint, scene_number, scene_title, uses, students "
    "FROM cs.cs_cohort_top_hints ($1::uuid)",
    1, (const char *[]) { cohort }, error);
  if (!hints)
    return FALSE;
  for (int r = 0; r < PQntuples (hints); r++)
    {
      gpointer position;
      CsDashboardHint hint = {
        .text = PQgetvalue (hints, r, 1),
        .scene_number = (int) int_at (hints, r, 2),
        .scene_title = PQgetvalue (hints, r, 3),
        .uses = (int) int_at (hints, r, 4),
        .students = (int) int_at (hints, r, 5),
      };

      if (g_hash_table_lookup_extended (index, PQgetvalue (hints, r, 0), NULL, &position))
        cs_dashboard_assignment_add_hint (g_ptr_array_index (snapshot->assignments, GPOINTER_TO_UINT (position)),
                                          &hint);
    }
  return TRUE;
}

/* The grid's free function: a slot is empty until its cell is read. */
static void
unref_cell (gpointer cell)
{
  if (cell)
    g_object_unref (cell);
}

static gboolean
read_cells (PGconn      *conn,
            const char  *cohort,
            Snapshot    *snapshot,
            GHashTable  *assignment_index,
            GError     **error)
{
  g_autoptr(PGresult) people = NULL;
  g_autoptr(PGresult) rows = NULL;
  g_autoptr(GHashTable) student_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_assignments = snapshot->assignments->len;
  g_autoptr(GPtrArray) grid = g_ptr_array_new_with_free_func (unref_cell);

  people = cs_server_query (conn,
    "SELECT u.id::text, u.display_name, u.role_name "
    "FROM cs.cohort_students e JOIN cs.users u ON u.id = e.student_id "
    "WHERE e.cohort_id = $1::uuid AND e.status = 'approved' ORDER BY lower (u.display_name), u.id",
    1, (const char *[]) { cohort }, error);
  if (!people)
    return FALSE;
  for (int r = 0; r < PQntuples (people); r++)
    {
      g_hash_table_insert (student_index, g_strdup (PQgetvalue (people, r, 0)), GUINT_TO_POINTER (r));
      g_ptr_array_add (snapshot->students,
                       cs_dashboard_student_new (PQgetvalue (people, r, 0), PQgetvalue (people, r, 1),
                                                 PQgetvalue (people, r, 2)));
    }
  g_ptr_array_set_size (grid, snapshot->students->len * n_assignments);

  rows = cs_server_query (conn,
    "SELECT student_id::text, assignment_id::text, progress_id::text, status, progress, "
    "       coalesce (computed_score, -1), coalesce (score, -1), overridden, time_spent, hints_used, "
    "       is_late, " EPOCH ("last_activity") ", " EPOCH ("completed_at") ", scene_scores, "
    "       coalesce ((extract (epoch FROM last_activity) * 1000000)::bigint, 0) "
    "FROM cs.cs_cohort_matrix ($1::uuid)",
    1, (const char *[]) { cohort }, error);
  if (!rows)
    return FALSE;
  for (int r = 0; r < PQntuples (rows); r++)
    {
      gpointer student, assignment;
      CsDashboardCell *cell;
      guint at;

      if (!g_hash_table_lookup_extended (student_index, PQgetvalue (rows, r, 0), NULL, &student) ||
          !g_hash_table_lookup_extended (assignment_index, PQgetvalue (rows, r, 1), NULL, &assignment))
        continue;
      at = GPOINTER_TO_UINT (student) * n_assignments + GPOINTER_TO_UINT (assignment);
      if (g_ptr_array_index (grid, at))
        continue;
      cell = cs_dashboard_cell_new (PQgetvalue (rows, r, 0), GPOINTER_TO_UINT (assignment), text_at (rows, r, 2),
                                    status_from_nick (PQgetvalue (rows, r, 3)), double_at (rows, r, 4),
                                    double_at (rows, r, 5), double_at (rows, r, 6), bool_at (rows, r, 7),
                                    (int) int_at (rows, r, 8), (int) int_at (rows, r, 9), bool_at (rows, r, 10),
                                    int_at (rows, r, 11), int_at (rows, r, 12));
      cs_dashboard_cell_set_activity_us (cell, int_at (rows, r, 14));
      g_ptr_array_index (grid, at) = cell;
      add_scene_scores (cell, text_at (rows, r, 13),
                        cs_dashboard_assignment_get_n_scenes (g_ptr_array_index (snapshot->assignments,
                                                                                 GPOINTER_TO_UINT (assignment))));
    }

  /* Every student has a cell for every assignment, in order. */
  for (guint s = 0; s < snapshot->students->len; s++)
    for (guint a = 0; a < n_assignments; a++)
      {
        CsDashboardStudent *student = g_ptr_array_index (snapshot->students, s);
        CsDashboardCell *cell = g_ptr_array_index (grid, s * n_assignments + a);

        if (!cell)
          cell = g_ptr_array_index (grid, s * n_assignments + a) =
            cs_dashboard_cell_new (cs_dashboard_student_get_id (student), a, NULL, CS_DASHBOARD_NOT_STARTED,
                                   0, -1, -1, FALSE, 0, 0, FALSE, 0, 0);
        if (!cs_dashboard_cell_get_n_scenes (cell))
          add_scene_scores (cell, NULL,
                            cs_dashboard_assignment_get_n_scenes (g_ptr_array_index (snapshot->assignments, a)));
        cs_dashboard_student_add_cell (student, cell);
        g_ptr_array_add (snapshot->cells, g_object_ref (cell));
      }
  return TRUE;
}

static gboolean
load_job (PGconn        *conn,
          gpointer       data,
          gpointer      *result,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *cohort = data;
  g_autoptr(Snapshot) snapshot = g_new0 (Snapshot, 1);
  g_autoptr(GHashTable) assignment_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) head = NULL;

  snapshot->students = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->assignments = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->cells = g_ptr_array_new_with_free_func (g_object_unref);

  if (!cs_server_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  head = cs_server_query (conn, "SELECT title, coalesce (course_code, '') FROM cs.cohorts WHERE id = $1::uuid",
                          1, (const char *[]) { cohort }, error);
  if (!head)
    return FALSE;
  if (PQntuples (head) == 0)
    {
      g_set_error_literal (error, CS_SYNC_ERROR, CS_SYNC_ERROR_DENIED,
                           _("This cohort is not on the server, or it is not one of yours."));
      return FALSE;
    }
  snapshot->title = g_strdup (PQgetvalue (head, 0, 0));
  snapshot->course_code = g_strdup (PQgetvalue (head, 0, 1));

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_assignments (conn, cohort, snapshot, assignment_index, error) ||
      !read_cells (conn, cohort, snapshot, assignment_index, error) ||
      !cs_server_exec (conn, "COMMIT", error))
    return FALSE;

  *result = g_steal_pointer (&snapshot);
  return TRUE;
}

static void
splice_all (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
apply (CsDashboard *self,
       Snapshot    *snapshot)
{
  g_free (self->title);
  self->title = g_strdup (snapshot->title);
  g_free (self->course_code);
  self->course_code = g_strdup (snapshot->course_code);
  /* Columns first: a view builds its columns before it binds the rows. */
  splice_all (self->assignments, snapshot->assignments);
  splice_all (self->cells, snapshot->cells);
  splice_all (self->students, snapshot->students);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
set_loading (CsDashboard *self,
             gboolean     more)
{
  gboolean was = self->loading > 0;

  self->loading += more ? 1 : -1;
  if (was != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsDashboard *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = NULL;

  set_loading (self, FALSE);
  if (!cs_server_run_finish (CS_SERVER (source), result, (gpointer *) &snapshot, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  apply (self, snapshot);
  snapshot_free (snapshot);
  g_task_return_boolean (task, TRUE);
}

void
cs_dashboard_load_async (CsDashboard         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CS_IS_DASHBOARD (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_dashboard_load_async);
  set_loading (self, TRUE);
  cs_server_run_async (self->server, load_job, g_strdup (self->cohort_id), g_free,
                       (GDestroyNotify) snapshot_free, cancellable, load_done, task);
}

gboolean
cs_dashboard_load_finish (CsDashboard   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reloads of its own (CsReloader): one at a time, one more if asked during it. */

static void
reload (CsDashboard *self)
{
  cs_reloader_reload (self->reloader);
}

static gboolean
names_cohort (gpointer    owner,
              JsonObject *payload)
{
  CsDashboard *self = owner;

  return payload && g_strcmp0 (json_object_get_string_member_with_default (payload, "cohort", NULL),
                               self->cohort_id) == 0;
}

static void
reload_failed_cb (CsDashboard *self,
                  GError      *error)
{
  g_signal_emit (self, signals[FAILED], 0, error);
}

static void
notified_cb (CsDashboard *self,
             JsonObject  *payload)
{
  g_signal_emit (self, signals[CHANGED], 0,
                 payload ? json_object_get_string_member_with_default (payload, "t", NULL) : NULL);
}

static void
watching_cb (CsDashboard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHING]);
}

void
cs_dashboard_watch (CsDashboard *self,
                    const char  *conninfo)
{
  g_return_if_fail (CS_IS_DASHBOARD (self));

  cs_reloader_watch (self->reloader, conninfo ? conninfo : cs_server_get_conninfo (self->server), CHANNEL,
                     names_cohort);
}

void
cs_dashboard_unwatch (CsDashboard *self)
{
  g_return_if_fail (CS_IS_DASHBOARD (self));

  cs_reloader_unwatch (self->reloader);
}

gboolean
cs_dashboard_get_watching (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), FALSE);

  return cs_reloader_get_watching (self->reloader);
}

/* Overriding a grade */

typedef struct {
  char   *progress_id;
  char   *score;
  char   *reason;
} Override;

static void
override_free (Override *override)
{
  g_free (override->progress_id);
  g_free (override->score);
  g_free (override->reason);
  g_free (override);
}

static gboolean
override_job (PGconn        *conn,
              gpointer       data,
              gpointer      *result,
              GCancellable  *cancellable,
              GError       **error)
{
  Override *override = data;
  g_autoptr(PGresult) rows = NULL;

  rows = cs_server_query (conn, "SELECT cs.cs_override_grade ($1::uuid, $2::double precision, $3)", 3,
                          (const char *[]) { override->progress_id, override->score, override->reason }, error);
  return rows != NULL;
}

static void
override_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  CsDashboard *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!cs_server_run_finish (CS_SERVER (source), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  reload (self);
  g_task_return_boolean (task, TRUE);
}

void
cs_dashboard_override_grade_async (CsDashboard         *self,
                                   const char          *progress_id,
                                   double               score,
                                   const char          *reason,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  Override *override;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (CS_IS_DASHBOARD (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_dashboard_override_grade_async);
  if (!progress_id || !g_uuid_string_is_valid (progress_id))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("This student has not started the case: there is no grade to change."));
      return;
    }
  if (!(score >= 0 && score <= 1))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("A grade is between 0 and 100%%."));
      return;
    }
  if (!*trimmed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Say why the grade changes: the student sees the reason."));
      return;
    }

  override = g_new0 (Override, 1);
  override->progress_id = g_strdup (progress_id);
  override->score = g_strdup (g_ascii_dtostr (number, sizeof number, score));
  override->reason = g_steal_pointer (&trimmed);
  cs_server_run_async (self->server, override_job, override, (GDestroyNotify) override_free, NULL,
                       cancellable, override_done, g_steal_pointer (&task));
}

gboolean
cs_dashboard_override_grade_finish (CsDashboard   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Header figures */

guint
cs_dashboard_get_n_students (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->students));
}

static gboolean
student_matches (CsDashboardStudent *student,
                 gboolean            active)
{
  gint64 since = g_get_real_time () / G_USEC_PER_SEC - CS_DASHBOARD_ACTIVE_SECONDS;

  for (guint i = 0; i < cs_dashboard_student_get_n_cells (student); i++)
    {
      CsDashboardCell *cell = cs_dashboard_student_get_cell (student, i);

      if (active && cs_dashboard_cell_get_status (cell) == CS_DASHBOARD_IN_PROGRESS &&
          cs_dashboard_cell_get_last_activity (cell) >= since)
        return TRUE;
      if (!active && cs_dashboard_cell_get_status (cell) != CS_DASHBOARD_NOT_STARTED)
        return FALSE;
    }
  return !active;
}

static guint
count_students (CsDashboard *self,
                gboolean     active)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->students)); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);

      n += student_matches (student, active);
    }
  return n;
}

guint
cs_dashboard_get_n_active (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), 0);

  return count_students (self, TRUE);
}

guint
cs_dashboard_get_n_not_started (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), 0);

  return count_students (self, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
cs_dashboard_get_median_completion (CsDashboard *self)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  g_return_val_if_fail (CS_IS_DASHBOARD (self), -1);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->assignments)) == 0)
    return -1;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->students)); i++)
    {
      g_autoptr(CsDashboardStudent) student = g_list_model_get_item (G_LIST_MODEL (self->students), i);
      double completion = cs_dashboard_student_get_completion (student);

      g_array_append_val (values, completion);
    }
  if ((n = values->len) == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (n % 2)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

double
cs_dashboard_get_average_score (CsDashboard *self)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (CS_IS_DASHBOARD (self), -1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cells)); i++)
    {
      g_autoptr(CsDashboardCell) cell = g_list_model_get_item (G_LIST_MODEL (self->cells), i);
      double score = cs_dashboard_cell_get_score (cell);

      if (score >= 0)
        {
          sum += score;
          n++;
        }
    }
  return n ? sum / n : -1;
}

/* GObject */

static void
cs_dashboard_dispose (GObject *object)
{
  CsDashboard *self = CS_DASHBOARD (object);

  if (self->reloader)
    g_signal_handlers_disconnect_by_data (self->reloader, self);
  g_clear_object (&self->reloader);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cs_dashboard_parent_class)->dispose (object);
}

static void
cs_dashboard_finalize (GObject *object)
{
  CsDashboard *self = CS_DASHBOARD (object);

  g_clear_object (&self->students);
  g_clear_object (&self->assignments);
  g_clear_object (&self->cells);
  g_free (self->cohort_id);
  g_free (self->title);
  g_free (self->course_code);

  G_OBJECT_CLASS (cs_dashboard_parent_class)->finalize (object);
}

static void
cs_dashboard_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsDashboard *self = CS_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, cs_dashboard_get_loading (self));
      break;
    case PROP_WATCHING:
      g_value_set_boolean (value, cs_dashboard_get_watching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_dashboard_class_init (CsDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_dashboard_dispose;
  object_class->finalize = cs_dashboard_finalize;
  object_class->get_property = cs_dashboard_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WATCHING] =
    g_param_spec_boolean ("watching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each load, the models and figures are those of the server. */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A reload the dashboard started itself failed (a GError). */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* Watching: the server said the cohort changed (the table, as "cohort_students" for
   * enrolments), or NULL after a (re)connection, when anything may have; a reload follows. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cs_dashboard_init (CsDashboard *self)
{
  self->title = g_strdup ("");
  self->course_code = g_strdup ("");
  self->students = g_list_store_new (CS_TYPE_DASHBOARD_STUDENT);
  self->assignments = g_list_store_new (CS_TYPE_DASHBOARD_ASSIGNMENT);
  self->cells = g_list_store_new (CS_TYPE_DASHBOARD_CELL);
  self->reloader = cs_reloader_new (self, (CsReloaderLoad) cs_dashboard_load_async,
                                    (CsReloaderFinish) cs_dashboard_load_finish, "the dashboard");
  g_signal_connect_swapped (self->reloader, "failed", G_CALLBACK (reload_failed_cb), self);
  g_signal_connect_swapped (self->reloader, "notify::watching", G_CALLBACK (watching_cb), self);
  g_signal_connect_swapped (self->reloader, "notified", G_CALLBACK (notified_cb), self);
}

CsDashboard *
cs_dashboard_new (CsServer   *server,
                  const char *cohort_id)
{
  CsDashboard *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);
  g_return_val_if_fail (cohort_id != NULL, NULL);

  self = g_object_new (CS_TYPE_DASHBOARD, NULL);
  self->server = g_object_ref (server);
  self->cohort_id = g_strdup (cohort_id);
  return self;
}

CsServer *
cs_dashboard_get_server (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return self->server;
}

const char *
cs_dashboard_get_cohort_id (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return self->cohort_id;
}

const char *
cs_dashboard_get_title (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return self->title;
}

const char *
cs_dashboard_get_course_code (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return self->course_code;
}

gboolean
cs_dashboard_get_loading (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), FALSE);

  return self->loading > 0;
}

GListModel *
cs_dashboard_get_students (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return G_LIST_MODEL (self->students);
}

GListModel *
cs_dashboard_get_assignments (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return G_LIST_MODEL (self->assignments);
}

GListModel *
cs_dashboard_get_cells (CsDashboard *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD (self), NULL);

  return G_LIST_MODEL (self->cells);
}
