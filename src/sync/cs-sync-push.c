/* cs-sync-push.c: sending the local outbox to the server in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entry is an idempotent upsert (the row is written only when the sent version is
 * newer than the server's) or a delete (only of an older server row), so replaying an entry
 * that the server already has changes nothing. The upserts of each kind of row go in one
 * statement (a JSON array of the payloads): a push costs a few round trips whatever its size. First every row is locked and its server
 * version compared with the version our edit started from: when another computer moved it
 * on meanwhile, the whole scenario is a conflict, and none of its entries are sent (they
 * stay in the outbox until CsSync has kept the local version as a copy). The outbox entries
 * are deleted locally only after the COMMIT succeeded; a failure anywhere before leaves the
 * server unchanged (the transaction rolls back) and the outbox as it was.
 *
 * Pushes take no lock of their own: a pull finds rows by the transaction that wrote them,
 * not by the order of change_seq (cs-sync-pull.c), so pushes of different people never
 * wait for each other. Two pushes of the same rows (one person's two computers) lock them
 * in id order, so they wait for each other instead of deadlocking.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-store-sync.h"
#include "cs-sync-jobs.h"

typedef struct {
  const char *entity;
  const char *table;
  const char *upsert;  /* $1: the payload */
} Entity;

/* The columns of the local rows (resources/sql/local) that the server has too. The owner
 * and the deleting user are the logged-in user, never what the client says. */
#define SCENARIO_COLUMNS \
  "id, title, description, challenge, industry, student_role, category, difficulty, " \
  "estimated_duration, tags, learning_outcomes, status, published_version_id, draft_of_id, " \
  "is_public, allow_remixes, source_pdf_title, source_text, deleted_at, deletion_reason, " \
  "created_at, updated_at, version"
/* Links to other cases only when the server has them (a library that synced with another
 * server may know versions this one lacks). */
#define SCENARIO_VALUES \
  "r.id, r.title, r.description, r.challenge, r.industry, r.student_role, r.category, r.difficulty, " \
  "r.estimated_duration, r.tags, r.learning_outcomes, r.status, " \
  "(SELECT v.id FROM cs.scenarios v WHERE v.id = r.published_version_id), " \
  "(SELECT v.id FROM cs.scenarios v WHERE v.id = r.draft_of_id), " \
  "r.is_public, r.allow_remixes, r.source_pdf_title, r.source_text, r.deleted_at, r.deletion_reason, " \
  "r.created_at, r.updated_at, r.version"
#define SCENARIO_UPDATE \
  "title = EXCLUDED.title, description = EXCLUDED.description, challenge = EXCLUDED.challenge, " \
  "industry = EXCLUDED.industry, student_role = EXCLUDED.student_role, category = EXCLUDED.category, " \
  "difficulty = EXCLUDED.difficulty, estimated_duration = EXCLUDED.estimated_duration, " \
  "tags = EXCLUDED.tags, learning_outcomes = EXCLUDED.learning_outcomes, status = EXCLUDED.status, " \
  "published_version_id = EXCLUDED.published_version_id, draft_of_id = EXCLUDED.draft_of_id, " \
  "is_public = EXCLUDED.is_public, allow_remixes = EXCLUDED.allow_remixes, " \
  "source_pdf_title = EXCLUDED.source_pdf_title, source_text = EXCLUDED.source_text, " \
  "deleted_at = EXCLUDED.deleted_at, deleted_by = EXCLUDED.deleted_by, " \
  "deletion_reason = EXCLUDED.deletion_reason, created_at = EXCLUDED.created_at, " \
  "updated_at = EXCLUDED.updated_at, version = EXCLUDED.version"

#define PERSONA_COLUMNS \
  "id, scenario_id, position, name, role, background, correlation, primary_goals, traits, " \
  "avatar_color, avatar_image, is_main_character, created_at, updated_at, version"
#define PERSONA_VALUES \
  "r.id, r.scenario_id, r.position, r.name, r.role, r.background, r.correlation, r.primary_goals, " \
  "r.traits, r.avatar_color, r.avatar_image, r.is_main_character, r.created_at, r.updated_at, r.version"
#define PERSONA_UPDATE \
  "scenario_id = EXCLUDED.scenario_id, position = EXCLUDED.position, name = EXCLUDED.name, " \
  "role = EXCLUDED.role, background = EXCLUDED.background, correlation = EXCLUDED.correlation, " \
  "primary_goals = EXCLUDED.primary_goals, traits = EXCLUDED.traits, " \
  "avatar_color = EXCLUDED.avatar_color, avatar_image = EXCLUDED.avatar_image, " \
  "is_main_character = EXCLUDED.is_main_character, created_at = EXCLUDED.created_at, " \
  "updated_at = EXCLUDED.updated_at, version = EXCLUDED.version"

#define SCENE_COLUMNS \
  "id, scenario_id, position, title, description, user_goal, scene_context, goal_criteria, " \
  "success_threshold, timeout_turns, max_attempts, estimated_duration, hint_triggers, " \
  "persona_instructions, image, created_at, updated_at, version"
#define SCENE_VALUES \
  "r.id, r.scenario_id, r.position, r.title, r.description, r.user_goal, r.scene_context, " \
  "r.goal_criteria, r.success_threshold, r.timeout_turns, r.max_attempts, r.estimated_duration, " \
  "r.hint_triggers, r.persona_instructions, r.image, r.created_at, r.updated_at, r.version"
#define SCENE_UPDATE \
  "scenario_id = EXCLUDED.scenario_id, position = EXCLUDED.position, title = EXCLUDED.title, " \
  "description = EXCLUDED.description, user_goal = EXCLUDED.user_goal, " \
  "scene_context = EXCLUDED.scene_context, goal_criteria = EXCLUDED.goal_criteria, " \
  "success_threshold = EXCLUDED.success_threshold, timeout_turns = EXCLUDED.timeout_turns, " \
  "max_attempts = EXCLUDED.max_attempts, estimated_duration = EXCLUDED.estimated_duration, " \
  "hint_triggers = EXCLUDED.hint_triggers, persona_instructions = EXCLUDED.persona_instructions, " \
  "image = EXCLUDED.image, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, " \
  "version = EXCLUDED.version"

/* $1: a JSON array of payloads, one per row. RETURNING: the rows written. */
static const Entity entities[] = {
  { "scenario", "cs.scenarios",
    "INSERT INTO cs.scenarios AS t (" SCENARIO_COLUMNS ", owner_id, deleted_by) "
    "SELECT " SCENARIO_VALUES ", (SELECT cs.uid (current_user)), "
    "       CASE WHEN r.deleted_at IS NULL THEN NULL ELSE (SELECT cs.uid (current_user)) END "
    "  FROM jsonb_array_elements ($1::jsonb) e, "
    "       jsonb_populate_record (NULL::cs.scenarios, e - 'owner_id' - 'deleted_by') r "
    "ON CONFLICT (id) DO UPDATE SET " SCENARIO_UPDATE " WHERE t.version < EXCLUDED.version "
    "RETURNING t.id::text" },
  { "persona", "cs.personas",
    "INSERT INTO cs.personas AS t (" PERSONA_COLUMNS ") "
    "SELECT " PERSONA_VALUES " FROM json_array_elements ($1::json) e, "
    "       json_populate_record (NULL::cs.personas, e) r "
    "ON CONFLICT (id) DO UPDATE SET " PERSONA_UPDATE " WHERE t.version < EXCLUDED.version "
    "RETURNING t.id::text" },
  { "scene", "cs.scenes",
    "INSERT INTO cs.scenes AS t (" SCENE_COLUMNS ") "
    "SELECT " SCENE_VALUES " FROM json_array_elements ($1::json) e, "
    "       json_populate_record (NULL::cs.scenes, e) r "
    "ON CONFLICT (id) DO UPDATE SET " SCENE_UPDATE " WHERE t.version < EXCLUDED.version "
    "RETURNING t.id::text" },
};

static const Entity *
find_entity (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i].entity, name))
      return &entities[i];
  return NULL;
}

void
cs_push_job_free (CsPushJob *job)
{
  g_clear_object (&job->store);
  g_free (job);
}

static void
push_conflict_free (CsPushConflict *conflict)
{
  g_free (conflict->scenario_id);
  g_free (conflict);
}

void
cs_push_result_free (CsPushResult *result)
{
  g_free (result->server);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

struct _CsPush {
  PGconn    *conn;
  CsPushJob *job;
  guint      n_statements;
};
typedef CsPush Push;

PGresult *
cs_push_query (CsPush              *push,
               const char          *sql,
               int                  n_params,
               const char * const  *params,
               GError             **error)
{
  PGresult *result = cs_server_query (push->conn, sql, n_params, params, error);

  push->n_statements++;
  if (result && push->job->hook)
    push->job->hook (push->conn, push->n_statements, push->job->hook_data);
  return result;
}

gboolean
cs_push_pipeline (CsPush                 *push,
                  guint                   n,
                  const CsPushStatement  *statements,
                  PGresult              **results,
                  GError                **error)
{
  PGconn *conn = push->conn;
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func ((GDestroyNotify) PQclear);
  gboolean ok = TRUE;

  if (!PQenterPipelineMode (conn))
    return cs_server_check (conn, NULL, error);
  for (guint i = 0; ok && i < n; i++)
    ok = PQsendQueryParams (conn, statements[i].sql, statements[i].n_params, NULL,
                            statements[i].params, NULL, NULL, 0);
  if (!ok || !PQpipelineSync (conn))
    {
      cs_server_check (conn, NULL, error);
      PQexitPipelineMode (conn);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      PGresult *result = PQgetResult (conn);
      PGresult *rest;

      if (result == NULL)
        {
          /* the connection broke: nothing more comes */
          if (ok)
            cs_server_check (conn, NULL, error);
          ok = FALSE;
          break;
        }
      /* each statement's results end with a NULL */
      while ((rest = PQgetResult (conn)))
        PQclear (rest);
      if (ok && cs_server_check (conn, result, error))
        {
          g_ptr_array_add (got, result);
          push->n_statements++;
          if (push->job->hook)
            push->job->hook (conn, push->n_statements, push->job->hook_data);
          continue;
        }
      ok = FALSE;
      PQclear (result);
    }
  if (PQstatus (conn) == CONNECTION_OK)
    {
      PGresult *sync = PQgetResult (conn);

      if (ok && PQresultStatus (sync) != PGRES_PIPELINE_SYNC)
        ok = cs_server_check (conn, sync, error);
      PQclear (sync);
    }
  PQexitPipelineMode (conn);
  if (!ok)
    return FALSE;
  for (guint i = 0; i < n; i++)
    results[i] = g_steal_pointer (&got->pdata[i]);
  return TRUE;
}

static gboolean
push_run (Push                *push,
          const char          *sql,
          int                  n_params,
          const char * const  *params,
          guint               *n_rows,
          GError             **error)
{
  PGresult *result = cs_push_query (push, sql, n_params, params, error);

  if (!result)
    return FALSE;
  if (n_rows)
    *n_rows = (guint) g_ascii_strtoull (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return TRUE;
}

/* "[payload, payload, …]" of @entries. */
static char *
payload_array (GPtrArray *entries)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < entries->len; i++)
    {
      CsOutboxEntry *entry = g_ptr_array_index (entries, i);

      if (i)
        g_string_append_c (json, ',');
      g_string_append (json, entry->payload);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

typedef struct {
  gint64   version;
  gboolean same_edit;
} ServerRow;

/* "{id,id,…}": the ids of @entries as a uuid[] literal. */
static char *
id_array (GPtrArray *entries)
{
  GString *ids = g_string_sized_new (entries->len * 37 + 2);

  g_string_append_c (ids, '{');
  for (guint i = 0; i < entries->len; i++)
    {
      if (i)
        g_string_append_c (ids, ',');
      g_string_append (ids, ((CsOutboxEntry *) g_ptr_array_index (entries, i))->entity_id);
    }
  g_string_append_c (ids, '}');
  return g_string_free (ids, FALSE);
}

/* Locks the server rows of @entries (all of @entity) and notes their versions in @rows
 * (id → ServerRow; rows the server lacks are absent). same_edit: the server row is this
 * very edit (same version and update time), i.e. an entry sent before whose local removal
 * was lost; sending it again is no conflict. The rows are found by id alone (parsing every
 * payload on the server made this pass as slow as writing them); only the rows that moved
 * on from the base version, the ones same_edit decides about, are compared by payload. */
static gboolean
lock_rows (Push          *push,
           const Entity  *entity,
           GPtrArray     *entries,
           GHashTable    *rows,
           GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.id::text, t.version FROM %s t "
                                          " WHERE t.id = ANY ($1::uuid[]) "
                                          " ORDER BY t.id FOR UPDATE OF t", entity->table);
  g_autofree char *same_sql = g_strdup_printf ("SELECT t.id::text "
                                               "  FROM jsonb_array_elements ($1::jsonb) e "
                                               "  JOIN %s t ON t.id = (e ->> 'id')::uuid "
                                               " WHERE t.version = (e ->> 'version')::bigint "
                                               "   AND t.updated_at IS NOT DISTINCT FROM (e ->> 'updated_at')::timestamptz",
                                               entity->table);
  g_autofree char *ids = id_array (entries);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  const char *params[] = { ids };
  PGresult *result = cs_push_query (push, sql, 1, params, error);

  if (!result)
    return FALSE;
  for (int r = 0; r < PQntuples (result); r++)
    {
      ServerRow *row = g_new0 (ServerRow, 1);

      row->version = g_ascii_strtoll (PQgetvalue (result, r, 1), NULL, 10);
      g_hash_table_insert (rows, g_strdup (PQgetvalue (result, r, 0)), row);
    }
  PQclear (result);
  if (g_hash_table_size (rows) == 0)
    return TRUE;

  for (guint i = 0; i < entries->len; i++)
    {
      CsOutboxEntry *entry = g_ptr_array_index (entries, i);
      ServerRow *row = g_hash_table_lookup (rows, entry->entity_id);

      if (row && row->version != entry->base_version)
        g_ptr_array_add (candidates, entry);
    }
  if (candidates->len > 0)
    {
      g_autofree char *payloads = payload_array (candidates);
      const char *same_params[] = { payloads };

      if (!(result = cs_server_query (push->conn, same_sql, 1, same_params, error)))
        return FALSE;
      for (int r = 0; r < PQntuples (result); r++)
        ((ServerRow *) g_hash_table_lookup (rows, PQgetvalue (result, r, 0)))->same_edit = TRUE;
      PQclear (result);
    }
  return TRUE;
}

/* Upserts @entries (all of @entity) in one statement; the scenes written go to @written. */
static gboolean
send_upserts (Push          *push,
              const Entity  *entity,
              GPtrArray     *entries,
              guint         *n_applied,
              GHashTable    *written,
              GError       **error)
{
  g_autofree char *payloads = payload_array (entries);
  const char *params[] = { payloads };
  PGresult *result = cs_push_query (push, entity->upsert, 1, params, error);

  if (!result)
    return FALSE;
  *n_applied += (guint) PQntuples (result);
  for (int r = 0; r < PQntuples (result); r++)
    g_hash_table_add (written, g_strdup (PQgetvalue (result, r, 0)));
  PQclear (result);
  return TRUE;
}

static gboolean
send_delete (Push           *push,
             const Entity   *entity,
             CsOutboxEntry  *entry,
             guint          *n_applied,
             GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = $1::uuid AND version < $2::bigint",
                                          entity->table);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, entry->version);
  const char *params[] = { entry->entity_id, version };
  const char *parent[] = { entry->scenario_id };
  guint n = 0;

  /* The scenario's change_seq moves on, so that a pull sees that a child went away. */
  if (!push_run (push, sql, 2, params, &n, error) ||
      (n && !push_run (push, "UPDATE cs.scenarios SET version = version WHERE id = $1::uuid",
                       1, parent, NULL, error)))
    return FALSE;
  *n_applied += n;
  return TRUE;
}

/* The involvements of the scenes written (their payloads in @scenes) are replaced. */
static gboolean
send_involvements (Push       *push,
                   GPtrArray  *scenes,
                   GError    **error)
{
  g_autofree char *payloads = payload_array (scenes);
  const char *params[] = { payloads };

  return push_run (push,
                   "DELETE FROM cs.scene_personas WHERE scene_id IN "
                   "(SELECT (s ->> 'id')::uuid FROM jsonb_array_elements ($1::jsonb) s)",
                   1, params, NULL, error) &&
         push_run (push,
                   "INSERT INTO cs.scene_personas (scene_id, persona_id, position, involvement) "
                   "SELECT (s ->> 'id')::uuid, (e ->> 'persona_id')::uuid, (e ->> 'position')::integer, "
                   "       e ->> 'involvement' "
                   "  FROM jsonb_array_elements ($1::jsonb) s, "
                   "       jsonb_array_elements (coalesce (s -> 'involved', '[]')) e",
                   1, params, NULL, error);
}

/* Parents before children for writes, children before parents for deletes: a later save
 * can move a scenario's entry behind those of its personas. */
static int
entry_rank (const CsOutboxEntry *entry)
{
  static const char *order[] = { "scenario", "persona", "scene" };
  gboolean delete = g_str_equal (entry->op, "delete");

  for (int i = 0; i < (int) G_N_ELEMENTS (order); i++)
    if (g_str_equal (entry->entity, order[i]))
      return delete ? 10 - i : i;
  return 20;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return entry_rank (*(CsOutboxEntry **) a) - entry_rank (*(CsOutboxEntry **) b);
}

/* The entries of one entity, in outbox order. */
static GPtrArray *
entries_of (GPtrArray    *entries,
            const Entity *entity)
{
  GPtrArray *of = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      CsOutboxEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->entity, entity->entity) && entry->scenario_id)
        g_ptr_array_add (of, entry);
    }
  return of;
}

static gboolean
find_conflicts (Push        *push,
                GPtrArray   *entries,
                GHashTable  *conflicts,
                GError     **error)
{
  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    {
      g_autoptr(GPtrArray) of = entries_of (entries, &entities[e]);
      g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      if (of->len == 0)
        continue;
      if (!lock_rows (push, &entities[e], of, rows, error))
        return FALSE;
      for (guint i = 0; i < of->len; i++)
        {
          CsOutboxEntry *entry = g_ptr_array_index (of, i);
          ServerRow *row = g_hash_table_lookup (rows, entry->entity_id);

          gint64 version = row ? row->version : 0;
          /* Changed by someone else, or (for an edit of a row we had) deleted meanwhile. */
          gboolean moved_on = row ? row->version != entry->base_version && !row->same_edit
                                  : entry->base_version > 0 && !g_str_equal (entry->op, "delete");

          if (moved_on && !g_hash_table_contains (conflicts, entry->scenario_id))
            g_hash_table_insert (conflicts, g_strdup (entry->scenario_id),
                                 g_memdup2 (&version, sizeof version));
        }
    }
  return TRUE;
}

/* TRUE for the outbox entry of a published version's own row (its published_version_id
 * is its id): a copy of what the server has, never to be written back. Payloads are
 * SQLite's compact json_object(), so the member can be looked for as it is written. */
static gboolean
is_published_version (CsOutboxEntry *entry)
{
  g_autofree char *member = NULL;

  if (!g_str_equal (entry->entity, "scenario"))
    return FALSE;
  member = g_strdup_printf ("\"published_version_id\":\"%s\"", entry->entity_id);
  return strstr (entry->payload, member) != NULL;
}

/* Entries the server would refuse wait in the outbox instead of failing the whole push:
 * any case of a login that cannot write cases (a student's own drafts, the sample), and
 * the rows of published versions (read-only copies). */
static gboolean
hold_back_entries (PGconn     *conn,
                   GPtrArray  *entries,
                   GError    **error)
{
  g_autoptr(GHashTable) frozen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PGresult *result;
  gboolean writable = TRUE;
  gboolean any = FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      CsOutboxEntry *entry = g_ptr_array_index (entries, i);

      any = any || find_entity (entry->entity) != NULL;
      if (is_published_version (entry))
        g_hash_table_add (frozen, g_strdup (entry->entity_id));
    }
  if (!any)
    return TRUE;

  if (!(result = cs_server_query (conn, "SELECT has_table_privilege ('cs.scenarios', 'INSERT')",
                                  0, NULL, error)))
    return FALSE;
  writable = g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);

  for (guint i = entries->len; i > 0; i--)
    {
      CsOutboxEntry *entry = g_ptr_array_index (entries, i - 1);

      if (find_entity (entry->entity) &&
          (!writable || (entry->scenario_id && g_hash_table_contains (frozen, entry->scenario_id))))
        g_ptr_array_remove_index (entries, i - 1);
    }
  return TRUE;
}

gboolean
cs_sync_push_job (PGconn        *conn,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Push push = { .conn = conn, .job = data };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sent = g_ptr_array_new ();
  g_autoptr(GPtrArray) involvements = g_ptr_array_new ();
  g_autoptr(GHashTable) conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  CsPushResult *out;
  guint n_applied = 0;
  GHashTableIter iter;
  gpointer key, value;

  guint n_listed;

  if (!(entries = cs_store_list_outbox (push.job->store, error)))
    return FALSE;
  n_listed = entries->len;
  if (!hold_back_entries (conn, entries, error))
    return FALSE;
  /* Stable: the outbox order within each rank. */
  g_ptr_array_sort (entries, compare_entries);

  if (entries->len > 0)
    {
      if (!cs_server_exec (conn, "BEGIN", error) ||
          !find_conflicts (&push, entries, conflicts, error))
        return FALSE;

      /* Consecutive upserts of one entity go in one statement; deletes one by one. */
      for (guint i = 0; i < entries->len;)
        {
          CsOutboxEntry *entry = g_ptr_array_index (entries, i);
          const Entity *entity = find_entity (entry->entity);
          g_autoptr(GPtrArray) batch = g_ptr_array_new ();
          g_autoptr(GHashTable) in_batch = g_hash_table_new (g_str_hash, g_str_equal);
          guint j = i;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          for (; j < entries->len && entry_rank (g_ptr_array_index (entries, j)) == entry_rank (entry); j++)
            {
              CsOutboxEntry *next = g_ptr_array_index (entries, j);

              if (!entity || !next->scenario_id || g_hash_table_contains (conflicts, next->scenario_id))
                continue;
              g_ptr_array_add (sent, next);
              if (g_str_equal (next->op, "delete"))
                {
                  if (!send_delete (&push, entity, next, &n_applied, error))
                    return FALSE;
                }
              else if (g_hash_table_contains (in_batch, next->entity_id))
                {
                  /* One statement cannot write a row twice: the newer entry replaces it. */
                  guint at = GPOINTER_TO_UINT (g_hash_table_lookup (in_batch, next->entity_id));

                  batch->pdata[at] = next;
                }
              else
                {
                  g_hash_table_insert (in_batch, next->entity_id, GUINT_TO_POINTER (batch->len));
                  g_ptr_array_add (batch, next);
                }
            }
          i = j;

          if (batch->len > 0 && !send_upserts (&push, entity, batch, &n_applied, written, error))
            return FALSE;
          if (batch->len > 0 && g_str_equal (entity->entity, "scene"))
            for (guint k = 0; k < batch->len; k++)
              if (g_hash_table_contains (written, ((CsOutboxEntry *) g_ptr_array_index (batch, k))->entity_id))
                g_ptr_array_add (involvements, g_ptr_array_index (batch, k));
        }

      if (involvements->len > 0 && !send_involvements (&push, involvements, error))
        return FALSE;

      /* Runs after the cases they are runs of. */
      if (!cs_push_runs (&push, entries, sent, &n_applied, error))
        return FALSE;

      if (!cs_server_exec (conn, "COMMIT", error))
        return FALSE;
    }

  out = g_new0 (CsPushResult, 1);
  out->server = cs_server_dup_identity (conn);
  out->n_sent = sent->len;
  out->n_applied = n_applied;
  out->n_listed = n_listed;
  out->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) push_conflict_free);
  g_hash_table_iter_init (&iter, conflicts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CsPushConflict *conflict = g_new0 (CsPushConflict, 1);

      conflict->scenario_id = g_strdup (key);
      conflict->server_version = *(gint64 *) value;
      g_ptr_array_add (out->conflicts, conflict);
    }

  /* The server has them: a failure here only means they are sent again, changing nothing. */
  if (!cs_store_finish_push (push.job->store, out->server, sent, &local_error))
    {
      cs_push_result_free (out);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *result = out;
  return TRUE;
}
