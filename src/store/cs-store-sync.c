/* cs-store-sync.c: the local library's side of sync (outbox, cursors, pulled rows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-store-db.h"
#include "cs-store-private.h"
#include "cs-store-scenario.h"
#include "cs-store-sync.h"
#include "cs-store-tables.h"

/* Only the case's own rows: a run of the case (progress, messages) is no edit of it. */
#define PENDING_OF_SCENARIO \
  "SELECT count(*) FROM outbox WHERE entity IN ('scenario', 'persona', 'scene') AND " \
  "(entity_id = ?1 OR json_extract (payload, '$.scenario_id') = ?1)"

void
cs_outbox_entry_free (CsOutboxEntry *entry)
{
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->scenario_id);
  g_free (entry->run_id);
  g_free (entry->created_at);
  g_free (entry->op);
  g_free (entry->payload);
  g_free (entry);
}

/* Runs @stmt to its end, with @error on failure. */
static gboolean
step_all (sqlite3_stmt  *stmt,
          GError       **error)
{
  return cs_store_db_run (stmt, error);
}

static gboolean
exec_text (sqlite3     *db,
           const char  *sql,
           const char  *a,
           const char  *b,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, sql, error);

  if (!stmt)
    return FALSE;
  cs_store_bind_text (stmt, 1, a);
  if (b)
    cs_store_bind_text (stmt, 2, b);
  return step_all (stmt, error);
}

GPtrArray *
cs_store_list_outbox (CsStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cs_outbox_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  db = cs_store_lock_db (self);
  stmt = cs_store_db_prepare (db,
                              "SELECT o.seq, o.entity, o.entity_id, "
                              "       CASE o.entity WHEN 'scenario' THEN o.entity_id "
                              "       ELSE json_extract (o.payload, '$.scenario_id') END, "
                              "       o.op, o.version, coalesce (b.version, 0), o.payload, "
                              "       CASE o.entity WHEN 'progress' THEN o.entity_id "
                              "       WHEN 'scene_progress' THEN json_extract (o.payload, '$.progress_id') "
                              "       WHEN 'message' THEN json_extract (o.payload, '$.progress_id') END, "
                              "       CASE o.entity WHEN 'message' THEN json_extract (o.payload, '$.created_at') END "
                              "  FROM outbox o LEFT JOIN sync_base b "
                              "    ON b.entity = o.entity AND b.entity_id = o.entity_id "
                              " ORDER BY o.seq",
                              error);
  while (stmt && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CsOutboxEntry *entry = g_new0 (CsOutboxEntry, 1);

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->entity = g_strdup (cs_store_column_text (stmt, 1));
      entry->entity_id = g_strdup (cs_store_column_text (stmt, 2));
      entry->scenario_id = g_strdup (cs_store_column_text (stmt, 3));
      entry->op = g_strdup (cs_store_column_text (stmt, 4));
      entry->version = sqlite3_column_int64 (stmt, 5);
      entry->base_version = sqlite3_column_int64 (stmt, 6);
      entry->payload = g_strdup (cs_store_column_text (stmt, 7));
      entry->run_id = g_strdup (cs_store_column_text (stmt, 8));
      entry->created_at = g_strdup (cs_store_column_text (stmt, 9));
      g_ptr_array_add (entries, entry);
    }
  if (stmt && rc != SQLITE_DONE)
    cs_store_db_fail (db, rc, error);
  cs_store_unlock_db (self);

  if (!stmt || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&entries);
}

static gboolean
is_run_entity (const char *entity)
{
  return g_str_equal (entity, "progress") || g_str_equal (entity, "scene_progress") ||
         g_str_equal (entity, "message");
}

static gboolean
touch_sync_state (sqlite3     *db,
                  const char  *server,
                  GError     **error)
{
  g_autofree char *now = cs_store_now_text ();

  return exec_text (db,
                    "INSERT INTO sync_state (server, last_sync_at) VALUES (?1, ?2) "
                    "ON CONFLICT (server) DO UPDATE SET last_sync_at = excluded.last_sync_at",
                    server, now, error);
}

gboolean
cs_store_finish_push (CsStore     *self,
                      const char  *server,
                      GPtrArray   *sent,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) drop = NULL;
  g_autoptr(sqlite3_stmt) base = NULL;
  g_autoptr(sqlite3_stmt) unbase = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  db = cs_store_lock_db (self);
  ok = cs_store_db_begin (db, error) &&
       (drop = cs_store_db_prepare (db, "DELETE FROM outbox WHERE seq = ?1", error)) &&
       (base = cs_store_db_prepare (db, "INSERT OR REPLACE INTO sync_base (entity, entity_id, version) "
                                        "VALUES (?1, ?2, ?3)", error)) &&
       (unbase = cs_store_db_prepare (db, "DELETE FROM sync_base WHERE entity = ?1 AND entity_id = ?2",
                                      error));
  for (guint i = 0; ok && i < sent->len; i++)
    {
      CsOutboxEntry *entry = g_ptr_array_index (sent, i);
      sqlite3_stmt *record = g_str_equal (entry->op, "delete") ? unbase : base;

      sqlite3_bind_int64 (drop, 1, entry->seq);
      ok = cs_store_db_run (drop, error);
      /* Runs have no conflict copies, so no base version: the newest version wins. */
      if (!ok || is_run_entity (entry->entity))
        continue;
      cs_store_bind_text (record, 1, entry->entity);
      cs_store_bind_text (record, 2, entry->entity_id);
      if (record == base)
        sqlite3_bind_int64 (record, 3, entry->version);
      ok = cs_store_db_run (record, error);
    }
  ok = ok && touch_sync_state (db, server, error) && cs_store_db_commit (db, error);
  if (!ok)
    cs_store_db_rollback (db);
  cs_store_unlock_db (self);

  return ok;
}

gboolean
cs_store_get_sync_cursor (CsStore     *self,
                          const char  *server,
                          char       **snapshot,
                          gint64      *change_seq,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  *snapshot = NULL;
  *change_seq = 0;
  db = cs_store_lock_db (self);
  if ((stmt = cs_store_db_prepare (db, "SELECT pull_snapshot, last_change_seq FROM sync_state WHERE server = ?1",
                                   error)))
    {
      cs_store_bind_text (stmt, 1, server);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *snapshot = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *change_seq = sqlite3_column_int64 (stmt, 1);
          ok = TRUE;
        }
      else if (rc == SQLITE_DONE)
        ok = TRUE;
      else
        cs_store_db_fail (db, rc, error);
    }
  cs_store_unlock_db (self);

  return ok;
}

GDateTime *
cs_store_get_last_sync (CsStore    *self,
                        const char *server)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDateTime *when = NULL;
  sqlite3 *db;

  g_return_val_if_fail (CS_IS_STORE (self), NULL);

  db = cs_store_lock_db (self);
  if ((stmt = cs_store_db_prepare (db, "SELECT last_sync_at FROM sync_state WHERE server = ?1", NULL)))
    {
      cs_store_bind_text (stmt, 1, server);
      if (sqlite3_step (stmt) == SQLITE_ROW && cs_store_column_text (stmt, 0))
        when = cs_store_time_from_text (cs_store_column_text (stmt, 0));
    }
  cs_store_unlock_db (self);

  return when;
}

/* Pulled rows */

static gboolean
set_base (sqlite3     *db,
          const char  *entity,
          JsonObject  *row,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db,
                                                      "INSERT OR REPLACE INTO sync_base (entity, entity_id, version) "
                                                      "VALUES (?1, ?2, ?3)", error);

  if (!stmt)
    return FALSE;
  cs_store_bind_text (stmt, 1, entity);
  cs_store_bind_text (stmt, 2, json_object_get_string_member (row, "id"));
  sqlite3_bind_int64 (stmt, 3, json_object_get_int_member (row, "version"));
  return cs_store_db_run (stmt, error);
}

/* Deletes the children of @scenario_id in @table whose ids are not in @rows. */
static gboolean
delete_others (sqlite3     *db,
               const char  *table,
               const char  *scenario_id,
               JsonArray   *rows,
               GError     **error)
{
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE scenario_id = ?1 AND id NOT IN "
                                          "(SELECT value FROM json_each (?2))", table);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    json_array_add_string_element (ids, json_object_get_string_member (json_array_get_object_element (rows, i), "id"));
  json_node_set_array (node, ids);
  text = json_to_string (node, FALSE);
  return exec_text (db, sql, scenario_id, text, error);
}

static gboolean
write_parts (sqlite3        *db,
             const CsTable  *table,
             const char     *scene_id,
             JsonArray      *parts,
             GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE scene_id = ?1", table->name);

  if (!exec_text (db, sql, scene_id, NULL, error))
    return FALSE;
  for (guint i = 0; parts && i < json_array_get_length (parts); i++)
    {
      JsonObject *part = json_array_get_object_element (parts, i);

      json_object_set_string_member (part, "scene_id", scene_id);
      if (!cs_store_db_upsert_row (db, table, part, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_bundle (sqlite3     *db,
              JsonObject  *bundle,
              GError     **error)
{
  JsonObject *scenario = json_object_get_object_member (bundle, "scenario");
  JsonArray *personas = json_object_get_array_member (bundle, "personas");
  JsonArray *scenes = json_object_get_array_member (bundle, "scenes");
  const char *id = json_object_get_string_member (scenario, "id");

  if (!cs_store_db_upsert_row (db, &cs_scenarios_table, scenario, error) ||
      !set_base (db, "scenario", scenario, error) ||
      !delete_others (db, "scenes", id, scenes, error) ||
      !delete_others (db, "personas", id, personas, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (personas); i++)
    {
      JsonObject *row = json_array_get_object_element (personas, i);

      if (!cs_store_db_upsert_row (db, &cs_personas_table, row, error) ||
          !set_base (db, "persona", row, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (scenes); i++)
    {
      JsonObject *row = json_array_get_object_element (scenes, i);
      const char *scene_id = json_object_get_string_member (row, "id");

      if (!cs_store_db_upsert_row (db, &cs_scenes_table, row, error) ||
          !write_parts (db, &cs_goal_criteria_table, scene_id,
                        json_object_get_array_member (row, "goal_criteria"), error) ||
          !write_parts (db, &cs_scene_personas_table, scene_id,
                        json_object_get_array_member (row, "involved"), error) ||
          !set_base (db, "scene", row, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_pending (sqlite3     *db,
             const char  *scenario_id,
             gboolean    *pending,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, PENDING_OF_SCENARIO, error);
  int rc;

  if (!stmt)
    return FALSE;
  cs_store_bind_text (stmt, 1, scenario_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return cs_store_db_fail (db, rc, error);
  *pending = sqlite3_column_int64 (stmt, 0) > 0;
  return TRUE;
}

gboolean
cs_store_apply_pulled (CsStore            *self,
                       const char         *server,
                       GPtrArray          *bundles,
                       const char * const *runs,
                       const char         *snapshot,
                       const char * const *force,
                       GPtrArray          *applied,
                       GPtrArray          *skipped,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) move = NULL;
  g_autofree char *now = cs_store_now_text ();
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  db = cs_store_lock_db (self);
  ok = cs_store_db_begin (db, error);
  for (guint i = 0; ok && i < bundles->len; i++)
    {
      JsonObject *bundle = g_ptr_array_index (bundles, i);
      const char *id = json_object_get_string_member (json_object_get_object_member (bundle, "scenario"), "id");
      gboolean pending = FALSE;

      if (!(ok = has_pending (db, id, &pending, error)))
        break;
      if (pending && !(force && g_strv_contains (force, id)))
        {
          if (skipped)
            g_ptr_array_add (skipped, g_strdup (id));
          continue;
        }
      if ((ok = apply_bundle (db, bundle, error)) && applied)
        g_ptr_array_add (applied, g_strdup (id));
    }

  ok = ok && (!runs || cs_store_db_merge_runs (db, runs, error));
  ok = ok &&
       (move = cs_store_db_prepare (db,
                                    "INSERT INTO sync_state (server, pull_snapshot, last_sync_at) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT (server) DO UPDATE SET "
                                    "pull_snapshot = excluded.pull_snapshot, "
                                    "last_sync_at = excluded.last_sync_at", error));
  if (ok)
    {
      cs_store_bind_text (move, 1, server);
      cs_store_bind_text (move, 2, snapshot);
      cs_store_bind_text (move, 3, now);
      ok = cs_store_db_run (move, error) && cs_store_db_commit (db, error);
    }
  if (!ok)
    {
      cs_store_db_rollback (db);
      if (applied)
        g_ptr_array_set_size (applied, 0);
    }
  cs_store_unlock_db (self);

  return ok;
}

gboolean
cs_store_resolve_conflict (CsStore     *self,
                           const char  *original_id,
                           const char  *copy_id,
                           const char  *description,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) record = NULL;
  g_autofree char *now = cs_store_now_text ();
  const char *drop = ("DELETE FROM outbox WHERE entity_id = ?1 OR "
                                           "json_extract (payload, '$.scenario_id') = ?1");
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CS_IS_STORE (self), FALSE);

  db = cs_store_lock_db (self);
  ok = cs_store_db_begin (db, error) &&
       exec_text (db, drop, original_id, NULL, error) &&
       (record = cs_store_db_prepare (db, "INSERT OR REPLACE INTO sync_conflicts "
                                          "(copy_id, original_id, description, created_at) "
                                          "VALUES (?1, ?2, ?3, ?4)", error));
  if (ok)
    {
      cs_store_bind_text (record, 1, copy_id);
      cs_store_bind_text (record, 2, original_id);
      cs_store_bind_text (record, 3, description);
      cs_store_bind_text (record, 4, now);
      ok = cs_store_db_run (record, error) && cs_store_db_commit (db, error);
    }
  if (!ok)
    cs_store_db_rollback (db);
  cs_store_unlock_db (self);

  return ok;
}

gint64
cs_store_count_conflicts (CsStore  *self,
                          GError  **error)
{
  gint64 count = -1;
  sqlite3 *db;

  g_return_val_if_fail (CS_IS_STORE (self), -1);

  db = cs_store_lock_db (self);
  if (!cs_store_db_get_int64 (db, "SELECT count(*) FROM sync_conflicts", 0, &count, error))
    count = -1;
  cs_store_unlock_db (self);

  return count;
}
