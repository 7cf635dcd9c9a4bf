/* cs-store.c: the embedded local library (SQLite)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection per CsStore, guarded by a mutex: every public call takes the mutex for
 * its whole transaction, so a CsStore may be used from several threads (the _async
 * variants run the same code on GTask threads). Writes use BEGIN IMMEDIATE and wait up to
 * CS_STORE_BUSY_TIMEOUT_MS for another program's write lock, then fail with
 * CS_STORE_ERROR_LOCKED.
 *
 * "scenario-changed" (id) is emitted after a commit that changed something: by the
 * synchronous calls on the thread that called them, and by the _async variants on the
 * thread-default main context of the caller, just before the callback runs. "run-saved"
 * (progress id) is emitted after cs_store_save_run() committed, on the calling thread.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "cs-core-resources.h"
#include "cs-store.h"
#include "cs-store-db.h"
#include "cs-store-private.h"
#include "cs-store-scenario.h"

#define SAMPLE_PATH "/org/casestudio/CaseStudio/core/samples/sample.casestudio"
#define SAMPLE_META "sample-installed"

struct _CsStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  CsStoreStatements *statements;  /* of db */
  int      schema_version;
  GMutex   mutex;
};

static void cs_store_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsStore, cs_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, cs_store_initable_init))

G_DEFINE_QUARK (cs-store-error-quark, cs_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  SCENARIO_CHANGED,
  RUN_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Locking and cancellation */

static int
progress_handler (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Takes the connection; a cancelled @cancellable interrupts the running statement. */
static void
store_lock (CsStore      *self,
            GCancellable *cancellable)
{
  g_mutex_lock (&self->mutex);
  if (cancellable)
    sqlite3_progress_handler (self->db, 1000, progress_handler, cancellable);
}

static void
store_unlock (CsStore *self)
{
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  g_mutex_unlock (&self->mutex);
}

sqlite3 *
cs_store_lock_db (CsStore *self)
{
  store_lock (self, NULL);
  return self->db;
}

void
cs_store_unlock_db (CsStore *self)
{
  store_unlock (self);
}

CsStoreStatements *
cs_store_get_statements (CsStore *self)
{
  return self->statements;
}

void
cs_store_emit_scenario_changed (CsStore    *self,
                                const char *id)
{
  g_signal_emit (self, signals[SCENARIO_CHANGED], 0, id);
}

void
cs_store_emit_run_saved (CsStore    *self,
                         const char *progress_id)
{
  g_signal_emit (self, signals[RUN_SAVED], 0, progress_id);
}

static gboolean
return_if_cancelled (GCancellable  *cancellable,
                     GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* GObject */

static gboolean
cs_store_initable_init_db (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  CsStore *self = CS_STORE (initable);

  if (!self->path)
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED,
                           _("No library file was given."));
      return FALSE;
    }

  self->db = cs_store_db_open (self->path, &self->schema_version, error);
  if (self->db == NULL)
    return FALSE;
  self->statements = cs_store_statements_new (self->db);
  return TRUE;
}

static void
cs_store_initable_init (GInitableIface *iface)
{
  iface->init = cs_store_initable_init_db;
}

static void
cs_store_finalize (GObject *object)
{
  CsStore *self = CS_STORE (object);

  g_clear_pointer (&self->statements, cs_store_statements_free);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cs_store_parent_class)->finalize (object);
}

static void
cs_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CsStore *self = CS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CsStore *self = CS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_store_class_init (CsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_store_finalize;
  object_class->get_property = cs_store_get_property;
  object_class->set_property = cs_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* See the comment at the top of this file for the thread it is emitted on. */
  signals[SCENARIO_CHANGED] =
    g_signal_new ("scenario-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* "run-saved" (progress id): cs_store_save_run() committed, on the thread that called it. */
  signals[RUN_SAVED] =
    g_signal_new ("run-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cs_store_init (CsStore *self)
{
  g_mutex_init (&self->mutex);
}

/* Public API */

char *
cs_store_dup_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "case-studio", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Cannot create the library folder %s: %s", dir, g_strerror (errno));

  return g_build_filename (dir, "library.db", NULL);
}

CsStore *
cs_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (CS_TYPE_STORE, NULL, error, "path", path, NULL);
}

const char *
cs_store_get_path (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  return self->path;
}

int
cs_store_get_schema_version (CsStore *self)
{
  g_return_val_if_fail (CS_IS_STORE (self), 0);

  return self->schema_version;
}

/* Writes @rows in one transaction; @changed tells whether a commit changed anything. */
static gboolean
store_write (CsStore         *self,
             CsScenarioRows  *rows,
             gboolean        *changed,
             GCancellable    *cancellable,
             GError         **error)
{
  gboolean ok;

  if (return_if_cancelled (cancellable, error))
    return FALSE;

  store_lock (self, cancellable);
  ok = cs_store_db_begin (self->db, error) &&
       cs_store_db_write_scenario (self->db, rows, changed, error) &&
       cs_store_db_commit (self->db, error);
  if (!ok)
    cs_store_db_rollback (self->db);
  store_unlock (self);

  return ok;
}

gboolean
cs_store_save_scenario (CsStore     *self,
                        CsScenario  *scenario,
                        GError     **error)
{
  g_autoptr(CsScenarioRows) rows = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(rows = cs_scenario_rows_new (scenario, error)) ||
      !store_write (self, rows, &changed, NULL, error))
    return FALSE;

  if (changed)
    g_signal_emit (self, signals[SCENARIO_CHANGED], 0, cs_scenario_rows_get_id (rows));
  return TRUE;
}

CsScenario *
cs_store_import_scenario (CsStore     *self,
                          CsScenario  *scenario,
                          gboolean    *copied,
                          GError     **error)
{
  g_autoptr(CsScenario) existing = NULL;
  g_autoptr(CsScenario) result = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  existing = cs_store_load_scenario (self, cs_record_get_id (CS_RECORD (scenario)), &local_error);
  if (existing)
    result = cs_scenario_format_copy (scenario, TRUE);
  else if (g_error_matches (local_error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND))
    result = g_object_ref (scenario);
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!cs_store_save_scenario (self, result, error))
    return NULL;

  if (copied)
    *copied = existing != NULL;
  return g_steal_pointer (&result);
}

static CsScenario *
store_load (CsStore       *self,
            const char    *id,
            GCancellable  *cancellable,
            GError       **error)
{
  CsScenario *scenario;

  if (return_if_cancelled (cancellable, error))
    return NULL;

  store_lock (self, cancellable);
  scenario = cs_store_db_load_scenario (self->db, id, error);
  store_unlock (self);

  return scenario;
}

CsScenario *
cs_store_load_scenario (CsStore     *self,
                        const char  *id,
                        GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_load (self, id, NULL, error);
}

GListModel *
cs_store_list_scenarios (CsStore  *self,
                         GError  **error)
{
  GListModel *list;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store_lock (self, NULL);
  list = cs_store_db_list_scenarios (self->db, FALSE, error);
  store_unlock (self);

  return list;
}

GListModel *
cs_store_list_deleted (CsStore  *self,
                       GError  **error)
{
  GListModel *list;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store_lock (self, NULL);
  list = cs_store_db_list_scenarios (self->db, TRUE, error);
  store_unlock (self);

  return list;
}

static GListModel *
store_search (CsStore       *self,
              const char    *query,
              GCancellable  *cancellable,
              GError       **error)
{
  GListModel *list;

  if (return_if_cancelled (cancellable, error))
    return NULL;

  store_lock (self, cancellable);
  list = cs_store_db_search_scenarios (self->db, query, error);
  store_unlock (self);

  return list;
}

GListModel *
cs_store_search_scenarios (CsStore     *self,
                           const char  *query,
                           GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_search (self, query, NULL, error);
}

static gboolean
set_deleted (CsStore     *self,
             const char  *id,
             gboolean     deleted,
             const char  *deleted_by,
             const char  *reason,
             GError     **error)
{
  gboolean changed = FALSE;
  gboolean ok;

  store_lock (self, NULL);
  ok = cs_store_db_begin (self->db, error) &&
       cs_store_db_set_deleted (self->db, id, deleted, deleted_by, reason, &changed, error) &&
       cs_store_db_commit (self->db, error);
  if (!ok)
    cs_store_db_rollback (self->db);
  store_unlock (self);

  if (ok && changed)
    g_signal_emit (self, signals[SCENARIO_CHANGED], 0, id);
  return ok;
}

gboolean
cs_store_delete_scenario (CsStore     *self,
                          const char  *id,
                          const char  *deleted_by,
                          const char  *reason,
                          GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_deleted (self, id, TRUE, deleted_by, reason, error);
}

gboolean
cs_store_restore_scenario (CsStore     *self,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_deleted (self, id, FALSE, NULL, NULL, error);
}

gint64
cs_store_count_outbox (CsStore  *self,
                       GError  **error)
{
  gint64 count = -1;

  g_return_val_if_fail (CS_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  store_lock (self, NULL);
  if (!cs_store_db_get_int64 (self->db, "SELECT count(*) FROM outbox", 0, &count, error))
    count = -1;
  store_unlock (self);

  return count;
}

/* Meta */

static gboolean
db_get_meta (sqlite3     *db,
             const char  *key,
             char       **value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, "SELECT value FROM meta WHERE key = ?1", error);
  int rc;

  if (!stmt)
    return FALSE;

  cs_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cs_store_db_fail (db, rc, error);

  *value = rc == SQLITE_ROW ? g_strdup (cs_store_column_text (stmt, 0)) : NULL;
  return TRUE;
}

static gboolean
db_set_meta (sqlite3     *db,
             const char  *key,
             const char  *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (value)
    stmt = cs_store_db_prepare (db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  else
    stmt = cs_store_db_prepare (db, "DELETE FROM meta WHERE key = ?1", error);
  if (!stmt)
    return FALSE;

  cs_store_bind_text (stmt, 1, key);
  if (value)
    cs_store_bind_text (stmt, 2, value);
  return cs_store_db_run (stmt, error);
}

char *
cs_store_dup_meta (CsStore    *self,
                   const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  store_lock (self, NULL);
  if (!db_get_meta (self->db, key, &value, &error))
    g_warning ("Cannot read “%s” from the library: %s", key, error->message);
  store_unlock (self);

  return value;
}

/* A NULL @value removes the key. */
gboolean
cs_store_set_meta (CsStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store_lock (self, NULL);
  ok = db_set_meta (self->db, key, value, error);
  store_unlock (self);

  return ok;
}

/* The sample */

gboolean
cs_store_ensure_sample (CsStore  *self,
                        GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CsScenario) sample = NULL;
  g_autoptr(CsScenarioRows) rows = NULL;
  g_autofree char *installed = NULL;
  g_autofree char *now = NULL;
  gboolean exists = FALSE;
  gboolean changed = FALSE;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((installed = cs_store_dup_meta (self, SAMPLE_META)))
    return TRUE;

  bytes = g_resource_lookup_data (cs_core_get_resource (), SAMPLE_PATH, 0, error);
  if (!bytes)
    return FALSE;
  sample = cs_scenario_format_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (!sample || !(rows = cs_scenario_rows_new (sample, error)))
    {
      g_prefix_error (error, _("The bundled sample case cannot be read: "));
      return FALSE;
    }

  now = cs_store_now_text ();

  /* Checked again under the write lock: another program may have installed it just now.
   * A library that already has the sample's id (the user imported it) is left as it is. */
  store_lock (self, NULL);
  ok = cs_store_db_begin (self->db, error) &&
       db_get_meta (self->db, SAMPLE_META, &installed, error);
  if (ok && !installed)
    ok = cs_store_db_scenario_exists (self->db, cs_scenario_rows_get_id (rows), &exists, error) &&
         (exists || cs_store_db_write_scenario (self->db, rows, &changed, error)) &&
         db_set_meta (self->db, SAMPLE_META, now, error);
  ok = ok && cs_store_db_commit (self->db, error);
  if (!ok)
    cs_store_db_rollback (self->db);
  store_unlock (self);

  if (ok && changed)
    g_signal_emit (self, signals[SCENARIO_CHANGED], 0, cs_scenario_rows_get_id (rows));
  return ok;
}

/* Async: the work runs on a GTask thread; the result is returned, and the signal
 * emitted, on the caller's main context. A cancellation that comes after the commit does
 * not undo the save: the call then reports success. */

typedef struct {
  CsScenarioRows *rows;
  char           *id;
  char           *query;
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *async = data;

  g_clear_pointer (&async->rows, cs_scenario_rows_free);
  g_free (async->id);
  g_free (async->query);
  g_free (async);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncData *async = task_data;
  GError *error = NULL;
  gboolean changed = FALSE;

  if (!store_write (source, async->rows, &changed, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, changed);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AsyncData *async = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gssize changed = g_task_propagate_int (G_TASK (result), &error);

  if (error)
    {
      g_task_return_error (outer, error);
      return;
    }

  if (changed)
    g_signal_emit (source, signals[SCENARIO_CHANGED], 0, cs_scenario_rows_get_id (async->rows));
  g_task_return_boolean (outer, TRUE);
}

void
cs_store_save_scenario_async (CsStore             *self,
                              CsScenario          *scenario,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  AsyncData *async;

  g_return_if_fail (CS_IS_STORE (self));
  g_return_if_fail (CS_IS_SCENARIO (scenario));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cs_store_save_scenario_async);
  g_task_set_check_cancellable (outer, FALSE);

  /* The model is read here, on its own thread; the worker only sees plain rows. */
  async = g_new0 (AsyncData, 1);
  if (!(async->rows = cs_scenario_rows_new (scenario, &error)))
    {
      async_data_free (async);
      g_task_return_error (outer, error);
      return;
    }

  inner = g_task_new (self, cancellable, save_done, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, cs_store_save_scenario_async);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, async, async_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
cs_store_save_scenario_finish (CsStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_store_save_scenario_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AsyncData *async = task_data;
  GError *error = NULL;
  CsScenario *scenario = store_load (source, async->id, cancellable, &error);

  if (scenario)
    g_task_return_pointer (task, scenario, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
cs_store_load_scenario_async (CsStore             *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *async;

  g_return_if_fail (CS_IS_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  async = g_new0 (AsyncData, 1);
  async->id = g_strdup (id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_store_load_scenario_async);
  g_task_set_task_data (task, async, async_data_free);
  g_task_run_in_thread (task, load_thread);
}

CsScenario *
cs_store_load_scenario_finish (CsStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_store_load_scenario_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncData *async = task_data;
  GError *error = NULL;
  GListModel *list = store_search (source, async->query, cancellable, &error);

  if (list)
    g_task_return_pointer (task, list, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
cs_store_search_scenarios_async (CsStore             *self,
                                 const char          *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *async;

  g_return_if_fail (CS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  async = g_new0 (AsyncData, 1);
  async->query = g_strdup (query);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_store_search_scenarios_async);
  g_task_set_task_data (task, async, async_data_free);
  g_task_run_in_thread (task, search_thread);
}

GListModel *
cs_store_search_scenarios_finish (CsStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_store_search_scenarios_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
