/* cs-sync-pull.c: fetching what changed on the server since the last pull
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario syncs as a whole: any of its rows (itself, a persona, a scene, an involvement)
 * written since the cursor makes the pull fetch the scenario with all its children, in the
 * local column format, from one snapshot (REPEATABLE READ), and apply it to the local
 * library in one SQLite transaction that also moves the cursor. Rows the user may not see
 * are filtered by the server's row security.
 *
 * The cursor is the server's snapshot of the last pull (resources/sql/server/009): the
 * rows written since are those whose writer (change_xid) that snapshot did not see, i.e.
 * written at or after its xmax or by a transaction it listed as in progress. Rows of a
 * transaction still open when a pull runs are not visible to it and come with the next
 * pull after their COMMIT, however far change_seq has moved meanwhile; no push waits for
 * another to make this so. A library that pulled with an older Case Studio has a change_seq
 * for cursor: its first pull takes the rows above it and every row written by snapshot-era
 * transactions, then continues by snapshot.
 *
 * A case can become visible without changing: a student is approved, or a published
 * version is assigned to their cohort. Those rows (cohort_students, cohort_simulations)
 * name the cases to fetch too. A published version arrives with its own id as its
 * published_version_id, which is how the local library tells it from a draft; its owner
 * does not get it (their library has the draft it was made from).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-store-sync.h"
#include "cs-sync-jobs.h"

#define T(column) "to_char (" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"

#define CHANGED_SQL \
  "SELECT id::text FROM (" \
  "  SELECT t.id, t.change_seq AS seq FROM cs.scenarios t WHERE " CS_PULL_SINCE ("t") \
  "  UNION ALL SELECT t.scenario_id, t.change_seq FROM cs.personas t WHERE " CS_PULL_SINCE ("t") \
  "  UNION ALL SELECT t.scenario_id, t.change_seq FROM cs.scenes t WHERE " CS_PULL_SINCE ("t") \
  "  UNION ALL SELECT s.scenario_id, t.change_seq FROM cs.scene_personas t" \
  "              JOIN cs.scenes s ON s.id = t.scene_id WHERE " CS_PULL_SINCE ("t") \
  "  UNION ALL SELECT t.scenario_id, t.change_seq FROM cs.cohort_simulations t WHERE " CS_PULL_SINCE ("t") \
  "  UNION ALL SELECT a.scenario_id, t.change_seq FROM cs.cohort_students t" \
  "              JOIN cs.cohort_simulations a ON a.cohort_id = t.cohort_id WHERE " CS_PULL_SINCE ("t") \
  ") changed GROUP BY id ORDER BY max (seq)"

#define BUNDLE_SQL \
  "SELECT jsonb_build_object (" \
  "  'scenario', (SELECT to_jsonb (s) || jsonb_build_object ('created_at', " T ("s.created_at") "," \
  "                      'updated_at', " T ("s.updated_at") ", 'deleted_at', " T ("s.deleted_at") "," \
  "                      'published_version_id', CASE WHEN s.is_published THEN s.id" \
  "                                              ELSE s.published_version_id END)" \
  "                 FROM cs.scenarios s WHERE s.id = $1::uuid" \
  "                  AND NOT (s.is_published AND s.owner_id = (SELECT cs.uid (current_user))))," \
  "  'personas', (SELECT coalesce (jsonb_agg (to_jsonb (p) || jsonb_build_object (" \
  "                        'created_at', " T ("p.created_at") ", 'updated_at', " T ("p.updated_at") ")" \
  "                      ORDER BY p.position), '[]')" \
  "                 FROM cs.personas p WHERE p.scenario_id = $1::uuid)," \
  "  'scenes', (SELECT coalesce (jsonb_agg (to_jsonb (c) || jsonb_build_object (" \
  "                      'created_at', " T ("c.created_at") ", 'updated_at', " T ("c.updated_at") "," \
  "                      'involved', (SELECT coalesce (jsonb_agg (jsonb_build_object (" \
  "                                     'persona_id', i.persona_id, 'position', i.position," \
  "                                     'involvement', i.involvement) ORDER BY i.position), '[]')" \
  "                                     FROM cs.scene_personas i WHERE i.scene_id = c.id))" \
  "                    ORDER BY c.position), '[]')" \
  "               FROM cs.scenes c WHERE c.scenario_id = $1::uuid))::text"

void
cs_pull_job_free (CsPullJob *job)
{
  g_clear_object (&job->store);
  g_strfreev (job->force);
  g_free (job);
}

void
cs_pull_result_free (CsPullResult *result)
{
  g_free (result->server);
  g_free (result->snapshot);
  g_clear_pointer (&result->applied, g_ptr_array_unref);
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  g_free (result);
}

static JsonObject *
fetch_bundle (PGconn      *conn,
              const char  *id,
              GError     **error)
{
  const char *params[] = { id };
  PGresult *result = cs_server_query (conn, BUNDLE_SQL, 1, params, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *bundle = NULL;
  gboolean ok;

  if (!result)
    return NULL;
  ok = json_parser_load_from_data (parser, PQgetvalue (result, 0, 0), -1, error);
  PQclear (result);
  if (!ok)
    return NULL;

  bundle = json_node_get_object (json_parser_get_root (parser));
  /* Not visible (any more) to this user: nothing to apply. */
  if (!json_object_get_object_member (bundle, "scenario"))
    return NULL;
  return json_object_ref (bundle);
}

/* The three parameters of CS_PULL_SINCE for a cursor: the xmax and in-progress list of
 * @snapshot ("xmin:xmax:xip,…"), or, without a (well-formed) snapshot, every row written
 * since snapshots were recorded and those above @change_seq. */
static void
since_params (const char  *snapshot,
              gint64       change_seq,
              char       **params)
{
  g_auto(GStrv) parts = snapshot ? g_strsplit (snapshot, ":", -1) : NULL;

  if (parts && g_strv_length (parts) == 3 && parts[1][0] &&
      strspn (parts[1], "0123456789") == strlen (parts[1]) &&
      strspn (parts[2], "0123456789,") == strlen (parts[2]))
    {
      params[0] = g_strdup (parts[1]);
      params[1] = g_strdup_printf ("{%s}", parts[2]);
      params[2] = NULL;
      return;
    }
  params[0] = g_strdup ("1");
  params[1] = g_strdup ("{}");
  params[2] = g_strdup_printf ("%" G_GINT64_FORMAT, change_seq);
}

gboolean
cs_sync_pull_job (PGconn        *conn,
                  gpointer       data,
                  gpointer      *result,
                  GCancellable  *cancellable,
                  GError       **error)
{
  CsPullJob *job = data;
  g_autofree char *server = cs_server_dup_identity (conn);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *cursor = NULL;
  g_autofree char *snapshot = NULL;
  g_auto(GStrv) runs = g_new0 (char *, 4);  /* filled in order: freed up to the first NULL */
  char *since[3] = { NULL, NULL, NULL };
  PGresult *changed;
  CsPullResult *out;
  gint64 change_seq;
  gboolean ok = FALSE;

  if (!cs_store_get_sync_cursor (job->store, server, &cursor, &change_seq, error))
    return FALSE;
  since_params (cursor, change_seq, since);

  /* The snapshot of the whole pull, taken by its first statement. */
  if (!cs_server_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      !(changed = cs_server_query (conn, "SELECT pg_current_snapshot ()::text", 0, NULL, error)))
    goto done;
  snapshot = g_strdup (PQgetvalue (changed, 0, 0));
  PQclear (changed);

  if (!(changed = cs_server_query (conn, CHANGED_SQL, 3, (const char * const *) since, error)))
    goto done;
  for (int r = 0; r < PQntuples (changed); r++)
    g_ptr_array_add (ids, g_strdup (PQgetvalue (changed, r, 0)));
  PQclear (changed);
  for (guint i = 0; job->force && job->force[i]; i++)
    if (!g_ptr_array_find_with_equal_func (ids, job->force[i], g_str_equal, NULL))
      g_ptr_array_add (ids, g_strdup (job->force[i]));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      JsonObject *bundle;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto done;
      if ((bundle = fetch_bundle (conn, g_ptr_array_index (ids, i), &local_error)))
        g_ptr_array_add (bundles, bundle);
      else if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto done;
        }
    }
  if (!cs_pull_runs (conn, (const char * const *) since, runs, error) ||
      !cs_server_exec (conn, "COMMIT", error))
    goto done;

  out = g_new0 (CsPullResult, 1);
  out->server = g_steal_pointer (&server);
  out->applied = g_ptr_array_new_with_free_func (g_free);
  out->skipped = g_ptr_array_new_with_free_func (g_free);
  out->snapshot = g_steal_pointer (&snapshot);
  if (!cs_store_apply_pulled (job->store, out->server, bundles, (const char * const *) runs, out->snapshot,
                              (const char * const *) job->force, out->applied, out->skipped, error))
    {
      cs_pull_result_free (out);
      goto done;
    }

  *result = out;
  ok = TRUE;
done:
  for (guint i = 0; i < G_N_ELEMENTS (since); i++)
    g_free (since[i]);
  return ok;
}
