/* cs-store-scenario.c: writing scenarios, personas and scenes to the local library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving has two steps so that model objects are only touched on their own thread:
 * cs_scenario_rows_new() copies the scenario into rows (JSON objects keyed by column
 * name, lists and maps as JSON arrays and objects), and cs_store_db_write_scenario()
 * writes those rows on any thread. A row is written only when its version differs from
 * the stored one; each written or deleted row gets an outbox entry whose payload is the
 * stored row as JSON (a scene's payload also holds its criteria and involvements).
 *
 * A new entry supersedes the pending entries of the same row: push sends the newest state
 * as an idempotent upsert anyway, and the outbox stays as large as the set of changed
 * rows instead of growing with every save (a scenario carries its source text, which can
 * be megabytes). The superseded entries are deleted and the new one appended, so a push
 * that removes the entries it sent (seq <= the last one sent) never drops a newer one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-store.h"
#include "cs-store-db.h"
#include "cs-store-scenario.h"
#include "cs-store-tables.h"

struct _CsScenarioRows {
  char       *id;
  JsonObject *scenario;
  GPtrArray  *personas;   /* JsonObject */
  GPtrArray  *scenes;     /* JsonObject, with "goal_criteria" and "involved" arrays */
};

/* Making rows */

static void
put_text (JsonObject *row,
          const char *name,
          const char *value)
{
  if (value)
    json_object_set_string_member (row, name, value);
  else
    json_object_set_null_member (row, name);
}

static void
put_time (JsonObject *row,
          const char *name,
          GDateTime  *when)
{
  g_autofree char *text = cs_store_time_to_text (when);

  put_text (row, name, text);
}

static void
put_strv (JsonObject         *row,
          const char         *name,
          const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv && strv[i]; i++)
    json_array_add_string_element (array, strv[i]);
  json_object_set_array_member (row, name, array);
}

static void
put_enum (JsonObject *row,
          const char *name,
          GType       type,
          int         value)
{
  json_object_set_string_member (row, name, cs_enum_to_nick (type, value));
}

/* id first, created_at, updated_at and version last: the order of the tables. */
static JsonObject *
record_row_new (CsRecord *record)
{
  JsonObject *row = json_object_new ();

  json_object_set_string_member (row, "id", cs_record_get_id (record));
  return row;
}

static void
put_bookkeeping (JsonObject *row,
                 CsRecord   *record)
{
  GDateTime *created = cs_record_get_created_at (record);
  GDateTime *updated = cs_record_get_updated_at (record);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  put_time (row, "created_at", created ? created : now);
  put_time (row, "updated_at", updated ? updated : (created ? created : now));
  json_object_set_int_member (row, "version", cs_record_get_version (record));
}

static JsonObject *
persona_row (CsPersona  *persona,
             const char *scenario_id,
             guint       position)
{
  JsonObject *row = record_row_new (CS_RECORD (persona));
  JsonObject *traits = json_object_new ();
  GVariant *variant = cs_persona_get_traits (persona);

  if (variant)
    {
      GVariantIter iter;
      const char *name;
      gint32 value;

      g_variant_iter_init (&iter, variant);
      while (g_variant_iter_next (&iter, "(&si)", &name, &value))
        json_object_set_int_member (traits, name, value);
    }

  json_object_set_string_member (row, "scenario_id", scenario_id);
  json_object_set_int_member (row, "position", position);
  json_object_set_string_member (row, "name", cs_persona_get_name (persona) ?: "");
  json_object_set_string_member (row, "role", cs_persona_get_role (persona) ?: "");
  json_object_set_string_member (row, "background", cs_persona_get_background (persona) ?: "");
  json_object_set_string_member (row, "correlation", cs_persona_get_correlation (persona) ?: "");
  put_strv (row, "primary_goals", cs_persona_get_primary_goals (persona));
  json_object_set_object_member (row, "traits", traits);
  put_text (row, "avatar_color", cs_persona_get_avatar_color (persona));
  put_text (row, "avatar_image", cs_persona_get_avatar_image (persona));
  json_object_set_boolean_member (row, "is_main_character",
                                  cs_persona_get_is_main_character (persona));
  put_bookkeeping (row, CS_RECORD (persona));
  return row;
}

static JsonArray *
criteria_rows (CsScene *scene)
{
  GListModel *criteria = cs_scene_get_goal_criteria (scene);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "id", cs_goal_criterion_get_id (criterion));
      json_object_set_string_member (row, "scene_id", cs_record_get_id (CS_RECORD (scene)));
      json_object_set_int_member (row, "position", i);
      json_object_set_string_member (row, "text", cs_goal_criterion_get_text (criterion) ?: "");
      json_object_set_double_member (row, "weight", cs_goal_criterion_get_weight (criterion));
      json_array_add_object_element (array, row);
    }

  return array;
}

static JsonArray *
involvement_rows (CsScene *scene)
{
  GListModel *involved = cs_scene_get_involved (scene);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (involved); i++)
    {
      g_autoptr(CsScenePersona) part = g_list_model_get_item (involved, i);
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "scene_id", cs_record_get_id (CS_RECORD (scene)));
      json_object_set_string_member (row, "persona_id", cs_scene_persona_get_persona_id (part));
      json_object_set_int_member (row, "position", i);
      put_enum (row, "involvement", CS_TYPE_INVOLVEMENT, cs_scene_persona_get_involvement (part));
      json_array_add_object_element (array, row);
    }

  return array;
}

static JsonObject *
scene_row (CsScene    *scene,
           const char *scenario_id,
           guint       position)
{
  JsonObject *row = record_row_new (CS_RECORD (scene));
  JsonObject *instructions = json_object_new ();
  GVariant *variant = cs_scene_get_persona_instructions (scene);

  if (variant)
    {
      GVariantIter iter;
      const char *persona_id;
      const char *text;

      g_variant_iter_init (&iter, variant);
      while (g_variant_iter_next (&iter, "{&s&s}", &persona_id, &text))
        json_object_set_string_member (instructions, persona_id, text);
    }

  json_object_set_string_member (row, "scenario_id", scenario_id);
  json_object_set_int_member (row, "position", position);
  json_object_set_string_member (row, "title", cs_scene_get_title (scene) ?: "");
  json_object_set_string_member (row, "description", cs_scene_get_description (scene) ?: "");
  json_object_set_string_member (row, "user_goal", cs_scene_get_user_goal (scene) ?: "");
  json_object_set_string_member (row, "scene_context", cs_scene_get_scene_context (scene) ?: "");
  json_object_set_double_member (row, "success_threshold", cs_scene_get_success_threshold (scene));
  json_object_set_int_member (row, "timeout_turns", cs_scene_get_timeout_turns (scene));
  json_object_set_int_member (row, "max_attempts", cs_scene_get_max_attempts (scene));
  json_object_set_int_member (row, "estimated_duration", cs_scene_get_estimated_duration (scene));
  put_strv (row, "hint_triggers", cs_scene_get_hint_triggers (scene));
  json_object_set_object_member (row, "persona_instructions", instructions);
  put_text (row, "image", cs_scene_get_image (scene));
  put_bookkeeping (row, CS_RECORD (scene));
  json_object_set_array_member (row, "goal_criteria", criteria_rows (scene));
  json_object_set_array_member (row, "involved", involvement_rows (scene));
  return row;
}

static JsonObject *
scenario_row (CsScenario *scenario)
{
  JsonObject *row = record_row_new (CS_RECORD (scenario));

  json_object_set_string_member (row, "title", cs_scenario_get_title (scenario) ?: "");
  json_object_set_string_member (row, "description", cs_scenario_get_description (scenario) ?: "");
  json_object_set_string_member (row, "challenge", cs_scenario_get_challenge (scenario) ?: "");
  json_object_set_string_member (row, "industry", cs_scenario_get_industry (scenario) ?: "");
  json_object_set_string_member (row, "student_role", cs_scenario_get_student_role (scenario) ?: "");
  json_object_set_string_member (row, "category", cs_scenario_get_category (scenario) ?: "");
  put_enum (row, "difficulty", CS_TYPE_DIFFICULTY, cs_scenario_get_difficulty (scenario));
  json_object_set_int_member (row, "estimated_duration", cs_scenario_get_estimated_duration (scenario));
  put_strv (row, "tags", cs_scenario_get_tags (scenario));
  put_strv (row, "learning_outcomes", cs_scenario_get_learning_outcomes (scenario));
  put_enum (row, "status", CS_TYPE_SCENARIO_STATUS, cs_scenario_get_status (scenario));
  put_text (row, "published_version_id", cs_scenario_get_published_version_id (scenario));
  put_text (row, "draft_of_id", cs_scenario_get_draft_of_id (scenario));
  put_text (row, "owner_id", cs_scenario_get_owner_id (scenario));
  json_object_set_boolean_member (row, "is_public", cs_scenario_get_is_public (scenario));
  json_object_set_boolean_member (row, "allow_remixes", cs_scenario_get_allow_remixes (scenario));
  put_text (row, "source_pdf_title", cs_scenario_get_source_pdf_title (scenario));
  put_text (row, "source_text", cs_scenario_get_source_text (scenario));
  put_time (row, "deleted_at", cs_scenario_get_deleted_at (scenario));
  put_text (row, "deleted_by", cs_scenario_get_deleted_by (scenario));
  put_text (row, "deletion_reason", cs_scenario_get_deletion_reason (scenario));
  put_bookkeeping (row, CS_RECORD (scenario));
  return row;
}

CsScenarioRows *
cs_scenario_rows_new (CsScenario  *scenario,
                      GError     **error)
{
  g_autoptr(CsScenarioRows) rows = g_new0 (CsScenarioRows, 1);
  GListModel *personas = cs_scenario_get_personas (scenario);
  GListModel *scenes = cs_scenario_get_scenes (scenario);

  if (g_object_get_data (G_OBJECT (scenario), CS_STORE_SUMMARY_KEY))
    {
      g_set_error_literal (error, CS_STORE_ERROR, CS_STORE_ERROR_FAILED,
                           _("This case comes from the library list, which holds no personas, "
                             "scenes or source text. Open the case and save it from there."));
      return NULL;
    }

  rows->id = g_strdup (cs_record_get_id (CS_RECORD (scenario)));
  rows->scenario = scenario_row (scenario);
  rows->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  rows->scenes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);

      g_ptr_array_add (rows->personas, persona_row (persona, rows->id, i));
    }

  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);

      g_ptr_array_add (rows->scenes, scene_row (scene, rows->id, i));
    }

  return g_steal_pointer (&rows);
}

const char *
cs_scenario_rows_get_id (CsScenarioRows *rows)
{
  return rows->id;
}

void
cs_scenario_rows_free (CsScenarioRows *rows)
{
  if (!rows)
    return;

  g_free (rows->id);
  g_clear_pointer (&rows->scenario, json_object_unref);
  g_clear_pointer (&rows->personas, g_ptr_array_unref);
  g_clear_pointer (&rows->scenes, g_ptr_array_unref);
  g_free (rows);
}

/* Writing rows */

static char *
insert_sql (const CsTable *table,
            gboolean       upsert)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table->name);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", table->columns[i].name);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");

  if (upsert)
    {
      g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET ");
      for (guint i = 1; i < table->n_columns; i++)
        g_string_append_printf (sql, "%s%s = excluded.%s", i > 1 ? ", " : "",
                                table->columns[i].name, table->columns[i].name);
    }

  return g_string_free (sql, FALSE);
}

/* "'name', name, …" for json_object(), with JSON columns and booleans as JSON values. */
static void
append_payload_members (GString       *sql,
                        const CsTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const CsColumn *column = &table->columns[i];

      g_string_append_printf (sql, "%s'%s', ", i ? ", " : "", column->name);
      switch (column->kind)
        {
        case CS_COLUMN_BOOL:
          g_string_append_printf (sql, "json (CASE WHEN %s THEN 'true' ELSE 'false' END)", column->name);
          break;
        case CS_COLUMN_JSON:
          g_string_append_printf (sql, "json (%s)", column->name);
          break;
        case CS_COLUMN_TEXT:
        case CS_COLUMN_INT:
        case CS_COLUMN_REAL:
        default:
          g_string_append (sql, column->name);
          break;
        }
    }
}

/* Appends an "upsert" outbox entry with the stored row: ?1 id, ?2 now. */
static char *
outbox_upsert_sql (const CsTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql,
                          "INSERT INTO outbox (entity, entity_id, op, version, payload, created_at) "
                          "SELECT '%s', id, 'upsert', version, json_object (",
                          table->entity);
  append_payload_members (sql, table);

  if (table == &cs_scenes_table)
    {
      g_string_append (sql,
                       ", 'goal_criteria', json ((SELECT json_group_array (json_object ("
                       "'id', id, 'position', position, 'text', text, 'weight', weight)) "
                       "FROM (SELECT * FROM goal_criteria c WHERE c.scene_id = scenes.id "
                       "ORDER BY c.position)))"
                       ", 'involved', json ((SELECT json_group_array (json_object ("
                       "'persona_id', persona_id, 'position', position, 'involvement', involvement)) "
                       "FROM (SELECT * FROM scene_personas p WHERE p.scene_id = scenes.id "
                       "ORDER BY p.position)))");
    }

  g_string_append_printf (sql, "), ?2 FROM %s WHERE id = ?1", table->name);
  return g_string_free (sql, FALSE);
}

static void
bind_row (sqlite3_stmt  *stmt,
          const CsTable *table,
          JsonObject    *row)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const CsColumn *column = &table->columns[i];
      JsonNode *node = json_object_get_member (row, column->name);
      int index = (int) i + 1;

      if (!node || JSON_NODE_HOLDS_NULL (node))
        {
          sqlite3_bind_null (stmt, index);
          continue;
        }

      switch (column->kind)
        {
        case CS_COLUMN_TEXT:
          /* The row outlives the statement's step: no copy of a large source text. */
          sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_STATIC);
          break;
        case CS_COLUMN_INT:
          sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
          break;
        case CS_COLUMN_REAL:
          sqlite3_bind_double (stmt, index, json_node_get_double (node));
          break;
        case CS_COLUMN_BOOL:
          sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
          break;
        case CS_COLUMN_JSON:
        default:
          sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
          break;
        }
    }
}

/* The statements of one table, prepared on first use. */
typedef struct {
  const CsTable *table;
  sqlite3_stmt  *insert;
  sqlite3_stmt  *supersede;
  sqlite3_stmt  *outbox;
  sqlite3_stmt  *delete_parts;   /* scene parts only: all rows of one scene */
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_pointer (&writer->insert, sqlite3_finalize);
  g_clear_pointer (&writer->supersede, sqlite3_finalize);
  g_clear_pointer (&writer->outbox, sqlite3_finalize);
  g_clear_pointer (&writer->delete_parts, sqlite3_finalize);
}

/* Drops the pending outbox entries of a row before a new one is appended. */
static gboolean
writer_supersede (sqlite3     *db,
                  Writer      *writer,
                  const char  *id,
                  GError     **error)
{
  if (!writer->supersede &&
      !(writer->supersede = cs_store_db_prepare (db, "DELETE FROM outbox WHERE entity = ?1 AND entity_id = ?2",
                                                 error)))
    return FALSE;

  cs_store_bind_text (writer->supersede, 1, writer->table->entity);
  cs_store_bind_text (writer->supersede, 2, id);
  return cs_store_db_run (writer->supersede, error);
}

static gboolean
writer_insert (sqlite3     *db,
               Writer      *writer,
               gboolean     upsert,
               JsonObject  *row,
               GError     **error)
{
  if (!writer->insert)
    {
      g_autofree char *sql = insert_sql (writer->table, upsert);

      if (!(writer->insert = cs_store_db_prepare (db, sql, error)))
        return FALSE;
    }

  bind_row (writer->insert, writer->table, row);
  return cs_store_db_run (writer->insert, error);
}

static gboolean
writer_outbox (sqlite3     *db,
               Writer      *writer,
               const char  *id,
               const char  *now,
               GError     **error)
{
  if (!writer_supersede (db, writer, id, error))
    return FALSE;

  if (!writer->outbox)
    {
      g_autofree char *sql = outbox_upsert_sql (writer->table);

      if (!(writer->outbox = cs_store_db_prepare (db, sql, error)))
        return FALSE;
    }

  cs_store_bind_text (writer->outbox, 1, id);
  cs_store_bind_text (writer->outbox, 2, now);
  return cs_store_db_run (writer->outbox, error);
}

gboolean
cs_store_db_upsert_row (sqlite3        *db,
                        const CsTable  *table,
                        JsonObject     *row,
                        GError        **error)
{
  g_autofree char *sql = insert_sql (table, g_str_equal (table->columns[0].name, "id"));
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, sql, error);

  if (!stmt)
    return FALSE;
  bind_row (stmt, table, row);
  return cs_store_db_run (stmt, error);
}

/* id → stored version of the children of @scenario_id in @table. */
static GHashTable *
stored_versions (sqlite3        *db,
                 const CsTable  *table,
                 const char     *scenario_id,
                 GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, version FROM %s WHERE scenario_id = ?1",
                                          table->name);
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, sql, error);
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  if (!stmt)
    return NULL;

  cs_store_bind_text (stmt, 1, scenario_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (versions,
                         g_strdup (cs_store_column_text (stmt, 0)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));

  if (rc != SQLITE_DONE)
    {
      cs_store_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

static gboolean
row_changed (GHashTable *versions,
             JsonObject *row)
{
  const gint64 *stored = g_hash_table_lookup (versions, json_object_get_string_member (row, "id"));

  return !stored || *stored != json_object_get_int_member (row, "version");
}

/* Deletes the stored children that @rows no longer has, each with a "delete" entry. */
static gboolean
delete_missing (sqlite3        *db,
                const CsTable  *table,
                GHashTable     *versions,
                GPtrArray      *rows,
                const char     *scenario_id,
                const char     *now,
                gboolean       *changed,
                GError        **error)
{
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table->name);
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  Writer writer = { .table = table };
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = TRUE;

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (keep, (gpointer) json_object_get_string_member (g_ptr_array_index (rows, i), "id"));

  g_hash_table_iter_init (&iter, versions);
  while (ok && g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (keep, key))
        continue;

      if (!writer.outbox &&
          (!(writer.outbox = cs_store_db_prepare (db,
                                                  "INSERT INTO outbox (entity, entity_id, op, version, payload, created_at) "
                                                  "VALUES (?1, ?2, 'delete', ?3, json_object ('id', ?2, 'scenario_id', ?4), ?5)",
                                                  error)) ||
           !(delete = cs_store_db_prepare (db, delete_sql, error))))
        {
          ok = FALSE;
          break;
        }

      cs_store_bind_text (writer.outbox, 1, table->entity);
      cs_store_bind_text (writer.outbox, 2, key);
      sqlite3_bind_int64 (writer.outbox, 3, *(gint64 *) value + 1);
      cs_store_bind_text (writer.outbox, 4, scenario_id);
      cs_store_bind_text (writer.outbox, 5, now);
      cs_store_bind_text (delete, 1, key);
      ok = writer_supersede (db, &writer, key, error) &&
           cs_store_db_run (writer.outbox, error) &&
           cs_store_db_run (delete, error);
      *changed = TRUE;
    }

  writer_clear (&writer);
  return ok;
}

/* Replaces the rows of @writer's part table (criteria or involvements) of one scene. */
static gboolean
write_scene_parts (sqlite3     *db,
                   Writer      *writer,
                   const char  *scene_id,
                   JsonArray   *parts,
                   gboolean     upsert,
                   GError     **error)
{
  if (!writer->delete_parts)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE scene_id = ?1", writer->table->name);

      if (!(writer->delete_parts = cs_store_db_prepare (db, sql, error)))
        return FALSE;
    }

  cs_store_bind_text (writer->delete_parts, 1, scene_id);
  if (!cs_store_db_run (writer->delete_parts, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (parts); i++)
    if (!writer_insert (db, writer, upsert, json_array_get_object_element (parts, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
write_children (sqlite3         *db,
                CsScenarioRows  *rows,
                const char      *now,
                gboolean        *changed,
                GError         **error)
{
  g_autoptr(GHashTable) personas = NULL;
  g_autoptr(GHashTable) scenes = NULL;
  Writer persona_writer = { .table = &cs_personas_table };
  Writer scene_writer = { .table = &cs_scenes_table };
  Writer criteria_writer = { .table = &cs_goal_criteria_table };
  Writer involvement_writer = { .table = &cs_scene_personas_table };
  gboolean ok = FALSE;

  if (!(personas = stored_versions (db, &cs_personas_table, rows->id, error)) ||
      !(scenes = stored_versions (db, &cs_scenes_table, rows->id, error)))
    return FALSE;

  /* Scenes first: their involvements refer to personas. */
  if (!delete_missing (db, &cs_scenes_table, scenes, rows->scenes, rows->id, now, changed, error) ||
      !delete_missing (db, &cs_personas_table, personas, rows->personas, rows->id, now, changed, error))
    return FALSE;

  for (guint i = 0; i < rows->personas->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows->personas, i);

      if (!row_changed (personas, row))
        continue;
      if (!writer_insert (db, &persona_writer, TRUE, row, error) ||
          !writer_outbox (db, &persona_writer, json_object_get_string_member (row, "id"), now, error))
        goto out;
      *changed = TRUE;
    }

  for (guint i = 0; i < rows->scenes->len; i++)
    {
      JsonObject *row = g_ptr_array_index (rows->scenes, i);
      const char *id = json_object_get_string_member (row, "id");

      if (!row_changed (scenes, row))
        continue;
      /* A criterion moved here from another scene of this save is taken over by the
       * upsert; involvements are keyed by (scene, persona) and simply inserted. */
      if (!writer_insert (db, &scene_writer, TRUE, row, error) ||
          !write_scene_parts (db, &criteria_writer, id,
                              json_object_get_array_member (row, "goal_criteria"), TRUE, error) ||
          !write_scene_parts (db, &involvement_writer, id,
                              json_object_get_array_member (row, "involved"), FALSE, error) ||
          !writer_outbox (db, &scene_writer, id, now, error))
        goto out;
      *changed = TRUE;
    }

  ok = TRUE;

out:
  writer_clear (&persona_writer);
  writer_clear (&scene_writer);
  writer_clear (&criteria_writer);
  writer_clear (&involvement_writer);
  return ok;
}

/* The stored version of a scenario, 0 when there is none. */
static gboolean
get_stored_version (sqlite3     *db,
                    const char  *id,
                    gint64      *version,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, "SELECT version FROM scenarios WHERE id = ?1", error);
  int rc;

  if (!stmt)
    return FALSE;

  cs_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cs_store_db_fail (db, rc, error);

  *version = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
cs_store_db_write_scenario (sqlite3         *db,
                            CsScenarioRows  *rows,
                            gboolean        *changed,
                            GError         **error)
{
  g_autofree char *now = cs_store_now_text ();
  Writer writer = { .table = &cs_scenarios_table };
  gint64 stored = 0;
  gboolean ok = TRUE;

  *changed = FALSE;

  if (!get_stored_version (db, rows->id, &stored, error))
    return FALSE;

  /* The scenario row goes first (children refer to it), its outbox entry too. */
  if (stored != json_object_get_int_member (rows->scenario, "version"))
    {
      ok = writer_insert (db, &writer, TRUE, rows->scenario, error) &&
           writer_outbox (db, &writer, rows->id, now, error);
      *changed = TRUE;
    }
  writer_clear (&writer);

  return ok && write_children (db, rows, now, changed, error);
}

gboolean
cs_store_db_scenario_exists (sqlite3     *db,
                             const char  *id,
                             gboolean    *exists,
                             GError     **error)
{
  gint64 version;

  if (!get_stored_version (db, id, &version, error))
    return FALSE;

  *exists = version > 0;
  return TRUE;
}

gboolean
cs_store_db_set_deleted (sqlite3     *db,
                         const char  *id,
                         gboolean     deleted,
                         const char  *deleted_by,
                         const char  *reason,
                         gboolean    *changed,
                         GError     **error)
{
  g_autofree char *now = cs_store_now_text ();
  g_autoptr(sqlite3_stmt) query = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  Writer writer = { .table = &cs_scenarios_table };
  gboolean ok;
  int rc;

  *changed = FALSE;

  if (!(query = cs_store_db_prepare (db, "SELECT deleted_at IS NOT NULL FROM scenarios WHERE id = ?1", error)))
    return FALSE;
  cs_store_bind_text (query, 1, id);
  rc = sqlite3_step (query);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                   _("There is no case with id “%s” in the library. It may have been removed "
                     "by another Case Studio program; reload the list."), id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return cs_store_db_fail (db, rc, error);
  if (!sqlite3_column_int (query, 0) == !deleted)
    return TRUE;

  update = cs_store_db_prepare (db,
                                "UPDATE scenarios SET deleted_at = ?2, deleted_by = ?3, deletion_reason = ?4, "
                                "version = version + 1, updated_at = ?5 WHERE id = ?1",
                                error);
  if (!update)
    return FALSE;

  cs_store_bind_text (update, 1, id);
  cs_store_bind_text (update, 2, deleted ? now : NULL);
  cs_store_bind_text (update, 3, deleted ? deleted_by : NULL);
  cs_store_bind_text (update, 4, deleted ? reason : NULL);
  cs_store_bind_text (update, 5, now);

  ok = cs_store_db_run (update, error) &&
       writer_outbox (db, &writer, id, now, error);
  writer_clear (&writer);
  *changed = ok;
  return ok;
}
