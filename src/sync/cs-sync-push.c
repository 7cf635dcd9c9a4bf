/* cs-sync-push.c: sending the local outbox to the server in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entry is an idempotent upsert (the row is written only when the sent version is
 * newer than the server's) or a delete (only of an older server row), so replaying an entry
 * that the server already has changes nothing. First every row is locked and its server
 * version compared with the version our edit started from: when another computer moved it
 * on meanwhile, the whole scenario is a conflict, and none of its entries are sent (they
 * stay in the outbox until CsSync has kept the local version as a copy). The outbox entries
 * are deleted locally only after the COMMIT succeeded; a failure anywhere before leaves the
 * server unchanged (the transaction rolls back) and the outbox as it was.
 *
 * Pushes take a transaction-level advisory lock, so that the change_seq values they hand
 * out are committed in order and a pull never skips a row committed later with a smaller
 * change_seq.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-store-sync.h"
#include "cs-sync-jobs.h"

#define PUSH_LOCK "SELECT pg_advisory_xact_lock (7350013337)"

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
#define SCENARIO_VALUES \
  "r.id, r.title, r.description, r.challenge, r.industry, r.student_role, r.category, r.difficulty, " \
  "r.estimated_duration, r.tags, r.learning_outcomes, r.status, r.published_version_id, r.draft_of_id, " \
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

static const Entity entities[] = {
  { "scenario", "cs.scenarios",
    "INSERT INTO cs.scenarios AS t (" SCENARIO_COLUMNS ", owner_id, deleted_by) "
    "SELECT " SCENARIO_VALUES ", (SELECT cs.uid (current_user)), "
    "       CASE WHEN r.deleted_at IS NULL THEN NULL ELSE (SELECT cs.uid (current_user)) END "
    "  FROM jsonb_populate_record (NULL::cs.scenarios, $1::jsonb - 'owner_id' - 'deleted_by') r "
    "ON CONFLICT (id) DO UPDATE SET " SCENARIO_UPDATE " WHERE t.version < EXCLUDED.version" },
  { "persona", "cs.personas",
    "INSERT INTO cs.personas AS t (" PERSONA_COLUMNS ") "
    "SELECT " PERSONA_VALUES " FROM jsonb_populate_record (NULL::cs.personas, $1::jsonb) r "
    "ON CONFLICT (id) DO UPDATE SET " PERSONA_UPDATE " WHERE t.version < EXCLUDED.version" },
  { "scene", "cs.scenes",
    "INSERT INTO cs.scenes AS t (" SCENE_COLUMNS ") "
    "SELECT " SCENE_VALUES " FROM jsonb_populate_record (NULL::cs.scenes, $1::jsonb) r "
    "ON CONFLICT (id) DO UPDATE SET " SCENE_UPDATE " WHERE t.version < EXCLUDED.version" },
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

typedef struct {
  PGconn    *conn;
  CsPushJob *job;
  guint      n_statements;
} Push;

static PGresult *
push_query (Push                *push,
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

static gboolean
push_run (Push                *push,
          const char          *sql,
          int                  n_params,
          const char * const  *params,
          guint               *n_rows,
          GError             **error)
{
  PGresult *result = push_query (push, sql, n_params, params, error);

  if (!result)
    return FALSE;
  if (n_rows)
    *n_rows = (guint) g_ascii_strtoull (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return TRUE;
}

/* Locks the entry's server row; *version is 0 when the server has none. *same_edit tells
 * whether the server row is this very edit (same version and same update time), i.e. an
 * entry sent before whose local removal was lost: sending it again is no conflict. */
static gboolean
lock_row (Push           *push,
          const Entity   *entity,
          CsOutboxEntry  *entry,
          gint64         *version,
          gboolean       *same_edit,
          GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version, version = ($2::jsonb ->> 'version')::bigint AND "
                                          "updated_at IS NOT DISTINCT FROM ($2::jsonb ->> 'updated_at')::timestamptz "
                                          "FROM %s WHERE id = $1::uuid FOR UPDATE",
                                          entity->table);
  const char *params[] = { entry->entity_id, entry->payload };
  PGresult *result = push_query (push, sql, 2, params, error);

  if (!result)
    return FALSE;
  *version = PQntuples (result) ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  *same_edit = PQntuples (result) && g_str_equal (PQgetvalue (result, 0, 1), "t");
  PQclear (result);
  return TRUE;
}

static gboolean
send_entry (Push           *push,
            const Entity   *entity,
            CsOutboxEntry  *entry,
            guint          *n_applied,
            GPtrArray      *involvements,
            GError        **error)
{
  guint n = 0;

  if (g_str_equal (entry->op, "delete"))
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = $1::uuid AND version < $2::bigint",
                                              entity->table);
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, entry->version);
      const char *params[] = { entry->entity_id, version };
      const char *parent[] = { entry->scenario_id };

      /* The scenario's change_seq moves on, so that a pull sees that a child went away. */
      if (!push_run (push, sql, 2, params, &n, error) ||
          (n && !push_run (push, "UPDATE cs.scenarios SET version = version WHERE id = $1::uuid",
                           1, parent, NULL, error)))
        return FALSE;
    }
  else
    {
      const char *params[] = { entry->payload };

      if (!push_run (push, entity->upsert, 1, params, &n, error))
        return FALSE;
      if (n && g_str_equal (entry->entity, "scene"))
        g_ptr_array_add (involvements, entry);
    }

  *n_applied += n;
  return TRUE;
}

/* A scene's involvements follow it: replaced whenever the scene was written. */
static gboolean
send_involvements (Push           *push,
                   CsOutboxEntry  *scene,
                   GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *involved = NULL;
  JsonObject *row;
  const char *params[2] = { scene->entity_id, NULL };

  if (!json_parser_load_from_data (parser, scene->payload, -1, error))
    return FALSE;
  row = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (row, "involved"))
    return TRUE;
  json_generator_set_root (generator, json_object_get_member (row, "involved"));
  involved = json_generator_to_data (generator, NULL);
  params[1] = involved;

  return push_run (push, "DELETE FROM cs.scene_personas WHERE scene_id = $1::uuid", 1, params, NULL, error) &&
         push_run (push,
                   "INSERT INTO cs.scene_personas (scene_id, persona_id, position, involvement) "
                   "SELECT $1::uuid, (e->>'persona_id')::uuid, (e->>'position')::integer, e->>'involvement' "
                   "  FROM jsonb_array_elements ($2::jsonb) e",
                   2, params, NULL, error);
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
  g_autoptr(GError) local_error = NULL;
  CsPushResult *out;
  guint n_applied = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (!(entries = cs_store_list_outbox (push.job->store, error)))
    return FALSE;

  /* Stable: the order of the outbox within each rank. */
  g_ptr_array_sort (entries, compare_entries);

  if (entries->len > 0)
    {
      if (!cs_server_exec (conn, "BEGIN", error) ||
          !push_run (&push, PUSH_LOCK, 0, NULL, NULL, error))
        return FALSE;

      /* Lock every row and look for rows that another computer changed meanwhile. */
      for (guint i = 0; i < entries->len; i++)
        {
          CsOutboxEntry *entry = g_ptr_array_index (entries, i);
          const Entity *entity = find_entity (entry->entity);
          gint64 version = 0;
          gboolean same_edit = FALSE;

          if (!entity || !entry->scenario_id)
            continue;
          if (!lock_row (&push, entity, entry, &version, &same_edit, error))
            return FALSE;
          if (version != 0 && version != entry->base_version && !same_edit &&
              !g_hash_table_contains (conflicts, entry->scenario_id))
            g_hash_table_insert (conflicts, g_strdup (entry->scenario_id), g_memdup2 (&version, sizeof version));
        }

      for (guint i = 0; i < entries->len; i++)
        {
          CsOutboxEntry *entry = g_ptr_array_index (entries, i);
          const Entity *entity = find_entity (entry->entity);

          if (!entity || !entry->scenario_id || g_hash_table_contains (conflicts, entry->scenario_id))
            continue;
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !send_entry (&push, entity, entry, &n_applied, involvements, error))
            return FALSE;
          g_ptr_array_add (sent, entry);
        }

      for (guint i = 0; i < involvements->len; i++)
        if (!send_involvements (&push, g_ptr_array_index (involvements, i), error))
          return FALSE;

      if (!cs_server_exec (conn, "COMMIT", error))
        return FALSE;
    }

  out = g_new0 (CsPushResult, 1);
  out->server = cs_server_dup_identity (conn);
  out->n_sent = sent->len;
  out->n_applied = n_applied;
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
