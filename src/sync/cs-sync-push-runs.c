/* cs-sync-push-runs.c: the runs of the outbox (progress, scene progress, messages) in the
 * push transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run belongs to the person signed in: the server sets user_id to the logged-in user,
 * whatever the client says, and the row policies refuse anybody else's run. Progress and
 * scene progress are idempotent upserts (written only when the sent version is newer);
 * messages are append-only inserts that ignore a message the server already has (its id
 * and creation time are the key), into the month partition of their creation time, made
 * first when missing. One statement per kind of row, whatever the number of rows, the
 * three sent at once (libpq's pipeline mode): one round trip.
 *
 * A run can only go to the server with its case: entries of a run whose case the server
 * does not show this user (a case of the local library only) are held back, left in the
 * outbox, rather than failing the whole push.
 */

#include "config.h"

#include "cs-store-sync.h"
#include "cs-sync-jobs.h"

#define PROGRESS_COLUMNS \
  "id, scenario_id, current_scene_id, attempt, status, scenes_completed, total_attempts, " \
  "hints_used, forced_progressions, session_count, total_time_spent, completion_percentage, " \
  "final_score, orchestrator_state, started_at, completed_at, last_activity, archived_at, " \
  "archived_reason, created_at, updated_at, version"

#define SCENE_PROGRESS_COLUMNS \
  "id, progress_id, scene_id, status, attempts, hints_used, messages_sent, ai_responses, " \
  "time_spent, goal_achieved, forced_progression, score, interaction_quality, feedback, " \
  "criteria_results, started_at, completed_at, created_at, updated_at, version"

#define MESSAGE_COLUMNS \
  "id, progress_id, scene_id, kind, sender_name, persona_id, content, position, " \
  "attempt_number, model, processing_time, is_complete, created_at, updated_at, version"

/* "r.a, r.b, …" and "a = EXCLUDED.a, …" of a column list, made once. */
static char *
prefixed (const char *columns,
          gboolean    update)
{
  g_auto(GStrv) names = g_strsplit (columns, ", ", -1);
  GString *sql = g_string_new (NULL);

  for (guint i = 0; names[i]; i++)
    {
      if (update && g_str_equal (names[i], "id"))
        continue;
      if (sql->len)
        g_string_append (sql, ", ");
      if (update)
        g_string_append_printf (sql, "%s = EXCLUDED.%s", names[i], names[i]);
      else
        g_string_append_printf (sql, "r.%s", names[i]);
    }
  return g_string_free (sql, FALSE);
}

/* The upsert of the rows in the JSON array parameter @param. */
static char *
upsert_sql (const char *table,
            const char *columns,
            gboolean    owned,
            guint       param)
{
  g_autofree char *values = prefixed (columns, FALSE);
  g_autofree char *update = prefixed (columns, TRUE);

  return g_strdup_printf ("INSERT INTO %s AS t (%s%s) "
                          "SELECT %s%s FROM jsonb_array_elements ($%u::jsonb) e, "
                          "     jsonb_populate_record (NULL::%s, e) r "
                          "ON CONFLICT (id) DO UPDATE SET %s WHERE t.version < EXCLUDED.version",
                          table, columns, owned ? ", user_id" : "",
                          values, owned ? ", (SELECT cs.uid (current_user))" : "",
                          param, table, update);
}

/* json_populate_recordset() reads the array as text once; parsing it into jsonb first and
 * then taking each element apart costs the server about 15 % more for 10,000 messages. */
static char *
insert_messages_sql (guint param)
{
  g_autofree char *values = prefixed (MESSAGE_COLUMNS, FALSE);

  return g_strdup_printf ("INSERT INTO cs.conversation_logs (" MESSAGE_COLUMNS ") "
                          "SELECT %s FROM json_populate_recordset (NULL::cs.conversation_logs, $%u::json) r "
                          "ON CONFLICT (id, created_at) DO NOTHING", values, param);
}

typedef struct {
  CsOutboxEntry *entry;
  const char    *run;       /* the progress id: the entry's own id, or its progress_id */
  const char    *scenario;  /* progress entries: their case */
  const char    *created;   /* messages: their creation time, which picks the partition */
} RunEntry;

gboolean
cs_push_is_run_entity (const char *entity)
{
  return g_str_equal (entity, "progress") || g_str_equal (entity, "scene_progress") ||
         g_str_equal (entity, "message");
}

/* "{a,b,…}" of the keys of @set (all valid UUIDs). */
static char *
uuid_array (GHashTable *set)
{
  GString *text = g_string_new ("{");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (text->len > 1)
        g_string_append_c (text, ',');
      g_string_append (text, key);
    }
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

/* The runs that may go: progress ids whose case the server shows us (from @cases), or
 * that are ours on the server already (from @known). */
static GHashTable *
find_sendable (CsPush      *push,
               GPtrArray   *runs,
               GError     **error)
{
  g_autoptr(GHashTable) cases = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) visible = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *sendable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *case_ids = NULL;
  g_autofree char *run_ids = NULL;
  const char *params[2];
  PGresult *result;

  for (guint i = 0; i < runs->len; i++)
    {
      RunEntry *run = g_ptr_array_index (runs, i);

      if (run->scenario)
        g_hash_table_add (cases, (gpointer) run->scenario);
      else
        g_hash_table_add (known, (gpointer) run->run);
    }

  case_ids = uuid_array (cases);
  run_ids = uuid_array (known);
  params[0] = case_ids;
  params[1] = run_ids;
  result = cs_push_query (push,
                          "SELECT 's', id::text FROM cs.scenarios WHERE id = ANY ($1::uuid[]) "
                          "UNION ALL "
                          "SELECT 'p', id::text FROM cs.user_progress WHERE id = ANY ($2::uuid[]) "
                          "   AND user_id = (SELECT cs.uid (current_user))",
                          2, params, error);
  if (!result)
    {
      g_hash_table_unref (sendable);
      return NULL;
    }
  for (int r = 0; r < PQntuples (result); r++)
    {
      if (PQgetvalue (result, r, 0)[0] == 's')
        g_hash_table_add (visible, g_strdup (PQgetvalue (result, r, 1)));
      else
        g_hash_table_add (sendable, g_strdup (PQgetvalue (result, r, 1)));
    }
  PQclear (result);

  for (guint i = 0; i < runs->len; i++)
    {
      RunEntry *run = g_ptr_array_index (runs, i);

      if (run->scenario && g_hash_table_contains (visible, run->scenario))
        g_hash_table_add (sendable, g_strdup (run->run));
    }
  return sendable;
}

/* Makes the month partitions of the messages' creation times. */
static gboolean
prepare_partitions (CsPush     *push,
                    GPtrArray  *messages,
                    GError    **error)
{
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *list = g_string_new ("{");
  g_autofree char *text = NULL;
  const char *params[1];
  PGresult *result;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < messages->len; i++)
    {
      RunEntry *run = g_ptr_array_index (messages, i);

      /* "YYYY-MM-…": the month is the first seven characters, in UTC */
      if (run->created && strlen (run->created) >= 7)
        g_hash_table_add (months, g_strdup_printf ("%.7s-01", run->created));
    }
  g_hash_table_iter_init (&iter, months);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (list->len > 1)
        g_string_append_c (list, ',');
      g_string_append (list, key);
    }
  g_string_append_c (list, '}');
  text = g_string_free (list, FALSE);
  params[0] = text;
  if (!(result = cs_push_query (push, "SELECT cs.cs_prepare_log_partitions ($1::date[])", 1, params,
                                error)))
    return FALSE;
  PQclear (result);
  return TRUE;
}

/* "[payload, …]" of @runs. */
static char *
payloads_of (GPtrArray *runs)
{
  GString *json = g_string_sized_new (runs->len * 512);

  g_string_append_c (json, '[');
  for (guint i = 0; i < runs->len; i++)
    {
      RunEntry *run = g_ptr_array_index (runs, i);

      if (i)
        g_string_append_c (json, ',');
      g_string_append (json, run->entry->payload);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The three writes go to the server at once. */
static gboolean
write_runs (CsPush     *push,
            GPtrArray  *progress,
            GPtrArray  *scenes,
            GPtrArray  *messages,
            guint      *n_applied,
            GError    **error)
{
  g_autofree char *progress_sql = upsert_sql ("cs.user_progress", PROGRESS_COLUMNS, TRUE, 1);
  g_autofree char *scenes_sql = upsert_sql ("cs.scene_progress", SCENE_PROGRESS_COLUMNS, FALSE, 1);
  g_autofree char *messages_sql = insert_messages_sql (1);
  g_autofree char *progress_json = payloads_of (progress);
  g_autofree char *scenes_json = payloads_of (scenes);
  g_autofree char *messages_json = payloads_of (messages);
  const char *progress_params[] = { progress_json };
  const char *scenes_params[] = { scenes_json };
  const char *messages_params[] = { messages_json };
  CsPushStatement statements[3];
  PGresult *results[3];
  guint n = 0;

  if (progress->len > 0)
    statements[n++] = (CsPushStatement) { progress_sql, 1, progress_params };
  if (scenes->len > 0)
    statements[n++] = (CsPushStatement) { scenes_sql, 1, scenes_params };
  if (messages->len > 0)
    statements[n++] = (CsPushStatement) { messages_sql, 1, messages_params };
  if (!cs_push_pipeline (push, n, statements, results, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      *n_applied += (guint) g_ascii_strtoull (PQcmdTuples (results[i]), NULL, 10);
      PQclear (results[i]);
    }
  return TRUE;
}

gboolean
cs_push_runs (CsPush     *push,
              GPtrArray  *entries,
              GPtrArray  *sent,
              guint      *n_applied,
              GError    **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) progress = g_ptr_array_new ();
  g_autoptr(GPtrArray) scenes = g_ptr_array_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();
  g_autoptr(GHashTable) sendable = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Newest entry of each row first, so that an older one of the same row is dropped. */
  for (guint i = entries->len; i-- > 0;)
    {
      CsOutboxEntry *entry = g_ptr_array_index (entries, i);
      RunEntry *run;

      if (!cs_push_is_run_entity (entry->entity) || !g_str_equal (entry->op, "upsert") ||
          !g_uuid_string_is_valid (entry->entity_id))
        continue;
      /* What the push needs of the payload comes with the entry, read by SQLite's JSON
       * functions: parsing 10,000 payloads here took longer than their insert. */
      run = g_new0 (RunEntry, 1);
      run->entry = entry;
      run->run = entry->run_id;
      run->created = entry->created_at;
      if (g_str_equal (entry->entity, "progress") && entry->scenario_id &&
          g_uuid_string_is_valid (entry->scenario_id))
        run->scenario = entry->scenario_id;
      if (!run->run || !g_uuid_string_is_valid (run->run) ||
          (g_str_equal (entry->entity, "progress") && !run->scenario))
        {
          g_free (run);
          continue;
        }
      g_ptr_array_add (all, run);
    }
  if (all->len == 0)
    return TRUE;

  if (!(sendable = find_sendable (push, all, error)))
    return FALSE;

  /* Each row once, its newest entry (they come newest first); every entry is sent. */
  for (guint i = 0; i < all->len; i++)
    {
      RunEntry *run = g_ptr_array_index (all, i);
      char *key = g_strconcat (run->entry->entity, ":", run->entry->entity_id, NULL);

      if (!g_hash_table_contains (sendable, run->run))
        {
          g_free (key);
          continue;
        }
      g_ptr_array_add (sent, run->entry);
      if (!g_hash_table_add (seen, key))
        continue;
      if (g_str_equal (run->entry->entity, "progress"))
        g_ptr_array_add (progress, run);
      else if (g_str_equal (run->entry->entity, "scene_progress"))
        g_ptr_array_add (scenes, run);
      else
        g_ptr_array_add (messages, run);
    }

  if (progress->len == 0 && scenes->len == 0 && messages->len == 0)
    return TRUE;
  return (messages->len == 0 || prepare_partitions (push, messages, error)) &&
         write_runs (push, progress, scenes, messages, n_applied, error);
}
