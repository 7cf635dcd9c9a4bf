/* cs-store-scenario-read.c: loading, listing and searching scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Objects are filled with version tracking frozen, so a loaded scenario has exactly the
 * stored versions and times. List summaries carry no children and no source text (it
 * can be megabytes); they are marked so that saving one by mistake is refused instead of
 * deleting the children (see cs_scenario_rows_new()).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-store.h"
#include "cs-store-db.h"
#include "cs-store-scenario.h"
#include "cs-store-tables.h"

/* Ranks title matches above tag matches above description matches. */
#define BM25_WEIGHTS "10.0, 2.0, 5.0"

static const char *
text_or_empty (sqlite3_stmt *stmt,
               int           index)
{
  const char *text = cs_store_column_text (stmt, index);

  return text ? text : "";
}

static JsonNode *
json_column (sqlite3_stmt *stmt,
             int           index,
             JsonNodeType  type)
{
  const char *text = cs_store_column_text (stmt, index);
  JsonNode *node = text ? json_from_string (text, NULL) : NULL;

  if (node && JSON_NODE_TYPE (node) != type)
    g_clear_pointer (&node, json_node_unref);
  return node;
}

static GStrv
strv_column (sqlite3_stmt *stmt,
             int           index)
{
  g_autoptr(JsonNode) node = json_column (stmt, index, JSON_NODE_ARRAY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = node ? json_node_get_array (node) : NULL;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      const char *item = json_array_get_string_element (array, i);

      if (item)
        g_strv_builder_add (builder, item);
    }

  return g_strv_builder_end (builder);
}

/* @type_string "a(si)" for traits, "a{ss}" for instructions; members in stored order. */
static GVariant *
map_column (sqlite3_stmt *stmt,
            int           index,
            gboolean      int_values)
{
  g_autoptr(JsonNode) node = json_column (stmt, index, JSON_NODE_OBJECT);
  JsonObject *object = node ? json_node_get_object (node) : NULL;
  g_autoptr(GList) names = object ? json_object_get_members (object) : NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (int_values ? "a(si)" : "a{ss}"));
  for (GList *l = names; l; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_VALUE (member))
        continue;
      if (int_values)
        g_variant_builder_add (&builder, "(si)", l->data, (gint32) json_node_get_int (member));
      else
        g_variant_builder_add (&builder, "{ss}", l->data, json_node_get_string (member) ?: "");
    }

  return g_variant_builder_end (&builder);
}

static int
enum_column (sqlite3_stmt *stmt,
             int           index,
             GType         type,
             int           fallback)
{
  int value;

  if (!cs_enum_from_nick (type, cs_store_column_text (stmt, index), &value))
    return fallback;
  return value;
}

static GDateTime *
time_column (sqlite3_stmt *stmt,
             int           index)
{
  return cs_store_time_from_text (cs_store_column_text (stmt, index));
}

/* Freezes tracking: the caller thaws once the object and its children are complete. */
static void
begin_record (CsRecord     *record,
              sqlite3_stmt *stmt,
              int           created_at)
{
  g_autoptr(GDateTime) created = time_column (stmt, created_at);
  g_autoptr(GDateTime) updated = time_column (stmt, created_at + 1);

  cs_record_freeze_tracking (record);
  cs_record_set_created_at (record, created);
  cs_record_set_updated_at (record, updated);
  cs_record_set_version (record, sqlite3_column_int64 (stmt, created_at + 2));
}

static CsScenario *
scenario_from_stmt (sqlite3_stmt *stmt)
{
  CsScenario *scenario = cs_scenario_new (cs_store_column_text (stmt, SC_ID));
  g_auto(GStrv) tags = strv_column (stmt, SC_TAGS);
  g_auto(GStrv) outcomes = strv_column (stmt, SC_LEARNING_OUTCOMES);
  g_autoptr(GDateTime) deleted_at = time_column (stmt, SC_DELETED_AT);

  begin_record (CS_RECORD (scenario), stmt, SC_CREATED_AT);
  cs_scenario_set_title (scenario, text_or_empty (stmt, SC_TITLE));
  cs_scenario_set_description (scenario, text_or_empty (stmt, SC_DESCRIPTION));
  cs_scenario_set_challenge (scenario, text_or_empty (stmt, SC_CHALLENGE));
  cs_scenario_set_industry (scenario, text_or_empty (stmt, SC_INDUSTRY));
  cs_scenario_set_student_role (scenario, text_or_empty (stmt, SC_STUDENT_ROLE));
  cs_scenario_set_category (scenario, text_or_empty (stmt, SC_CATEGORY));
  cs_scenario_set_difficulty (scenario, enum_column (stmt, SC_DIFFICULTY, CS_TYPE_DIFFICULTY,
                                                     CS_DIFFICULTY_INTERMEDIATE));
  cs_scenario_set_estimated_duration (scenario, sqlite3_column_int (stmt, SC_ESTIMATED_DURATION));
  cs_scenario_set_tags (scenario, (const char * const *) tags);
  cs_scenario_set_learning_outcomes (scenario, (const char * const *) outcomes);
  cs_scenario_set_status (scenario, enum_column (stmt, SC_STATUS, CS_TYPE_SCENARIO_STATUS,
                                                 CS_SCENARIO_STATUS_DRAFT));
  cs_scenario_set_published_version_id (scenario, cs_store_column_text (stmt, SC_PUBLISHED_VERSION_ID));
  cs_scenario_set_draft_of_id (scenario, cs_store_column_text (stmt, SC_DRAFT_OF_ID));
  cs_scenario_set_owner_id (scenario, cs_store_column_text (stmt, SC_OWNER_ID));
  cs_scenario_set_is_public (scenario, sqlite3_column_int (stmt, SC_IS_PUBLIC) != 0);
  cs_scenario_set_allow_remixes (scenario, sqlite3_column_int (stmt, SC_ALLOW_REMIXES) != 0);
  cs_scenario_set_source_pdf_title (scenario, cs_store_column_text (stmt, SC_SOURCE_PDF_TITLE));
  cs_scenario_set_source_text (scenario, cs_store_column_text (stmt, SC_SOURCE_TEXT));
  cs_scenario_set_deleted (scenario, deleted_at,
                           cs_store_column_text (stmt, SC_DELETED_BY),
                           cs_store_column_text (stmt, SC_DELETION_REASON));
  return scenario;
}

static CsPersona *
persona_from_stmt (sqlite3_stmt *stmt)
{
  CsPersona *persona = cs_persona_new (cs_store_column_text (stmt, PE_ID));
  g_auto(GStrv) goals = strv_column (stmt, PE_PRIMARY_GOALS);

  begin_record (CS_RECORD (persona), stmt, PE_CREATED_AT);
  cs_persona_set_name (persona, text_or_empty (stmt, PE_NAME));
  cs_persona_set_role (persona, text_or_empty (stmt, PE_ROLE));
  cs_persona_set_background (persona, text_or_empty (stmt, PE_BACKGROUND));
  cs_persona_set_correlation (persona, text_or_empty (stmt, PE_CORRELATION));
  cs_persona_set_primary_goals (persona, (const char * const *) goals);
  cs_persona_set_traits (persona, map_column (stmt, PE_TRAITS, TRUE));
  cs_persona_set_avatar_color (persona, cs_store_column_text (stmt, PE_AVATAR_COLOR));
  cs_persona_set_avatar_image (persona, cs_store_column_text (stmt, PE_AVATAR_IMAGE));
  cs_persona_set_is_main_character (persona, sqlite3_column_int (stmt, PE_IS_MAIN_CHARACTER) != 0);
  return persona;
}

static CsScene *
scene_from_stmt (sqlite3_stmt *stmt)
{
  CsScene *scene = cs_scene_new (cs_store_column_text (stmt, SN_ID));
  g_auto(GStrv) triggers = strv_column (stmt, SN_HINT_TRIGGERS);

  begin_record (CS_RECORD (scene), stmt, SN_CREATED_AT);
  cs_scene_set_title (scene, text_or_empty (stmt, SN_TITLE));
  cs_scene_set_description (scene, text_or_empty (stmt, SN_DESCRIPTION));
  cs_scene_set_user_goal (scene, text_or_empty (stmt, SN_USER_GOAL));
  cs_scene_set_scene_context (scene, text_or_empty (stmt, SN_SCENE_CONTEXT));
  cs_scene_set_success_threshold (scene, sqlite3_column_double (stmt, SN_SUCCESS_THRESHOLD));
  cs_scene_set_timeout_turns (scene, sqlite3_column_int (stmt, SN_TIMEOUT_TURNS));
  cs_scene_set_max_attempts (scene, sqlite3_column_int (stmt, SN_MAX_ATTEMPTS));
  cs_scene_set_estimated_duration (scene, sqlite3_column_int (stmt, SN_ESTIMATED_DURATION));
  cs_scene_set_hint_triggers (scene, (const char * const *) triggers);
  cs_scene_set_persona_instructions (scene, map_column (stmt, SN_PERSONA_INSTRUCTIONS, FALSE));
  cs_scene_set_image (scene, cs_store_column_text (stmt, SN_IMAGE));
  return scene;
}

static sqlite3_stmt *
prepare_children (sqlite3        *db,
                  const CsTable  *table,
                  const char     *scenario_id,
                  GError        **error)
{
  g_autofree char *columns = cs_table_select_list (table, NULL, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE scenario_id = ?1 ORDER BY position",
                                          columns, table->name);
  sqlite3_stmt *stmt = cs_store_db_prepare (db, sql, error);

  if (stmt)
    cs_store_bind_text (stmt, 1, scenario_id);
  return stmt;
}

/* Rows of a scene part table for all scenes of @scenario_id, by scene and position. */
static sqlite3_stmt *
prepare_scene_parts (sqlite3        *db,
                     const CsTable  *table,
                     const char     *scenario_id,
                     GError        **error)
{
  g_autofree char *columns = cs_table_select_list (table, "x", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s x JOIN scenes s ON s.id = x.scene_id "
                                          "WHERE s.scenario_id = ?1 ORDER BY x.scene_id, x.position",
                                          columns, table->name);
  sqlite3_stmt *stmt = cs_store_db_prepare (db, sql, error);

  if (stmt)
    cs_store_bind_text (stmt, 1, scenario_id);
  return stmt;
}

static gboolean
load_scene_parts (sqlite3     *db,
                  const char  *scenario_id,
                  GHashTable  *scenes,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) criteria = prepare_scene_parts (db, &cs_goal_criteria_table, scenario_id, error);
  g_autoptr(sqlite3_stmt) involved = NULL;
  int rc;

  if (!criteria)
    return FALSE;

  while ((rc = sqlite3_step (criteria)) == SQLITE_ROW)
    {
      CsScene *scene = g_hash_table_lookup (scenes, cs_store_column_text (criteria, GC_SCENE_ID));
      g_autoptr(CsGoalCriterion) criterion = NULL;

      criterion = g_object_new (CS_TYPE_GOAL_CRITERION,
                                "id", cs_store_column_text (criteria, GC_ID),
                                "text", text_or_empty (criteria, GC_TEXT),
                                "weight", sqlite3_column_double (criteria, GC_WEIGHT),
                                NULL);
      cs_scene_add_criterion (scene, criterion);
    }
  if (rc != SQLITE_DONE)
    return cs_store_db_fail (db, rc, error);

  if (!(involved = prepare_scene_parts (db, &cs_scene_personas_table, scenario_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (involved)) == SQLITE_ROW)
    {
      CsScene *scene = g_hash_table_lookup (scenes, cs_store_column_text (involved, SP_SCENE_ID));

      cs_scene_set_involvement (scene, cs_store_column_text (involved, SP_PERSONA_ID),
                                enum_column (involved, SP_INVOLVEMENT, CS_TYPE_INVOLVEMENT,
                                             CS_INVOLVEMENT_PARTICIPANT));
    }
  if (rc != SQLITE_DONE)
    return cs_store_db_fail (db, rc, error);

  return TRUE;
}

static void
thaw_all (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    cs_record_thaw_tracking (g_ptr_array_index (records, i));
}

CsScenario *
cs_store_db_load_scenario (sqlite3     *db,
                           const char  *id,
                           GError     **error)
{
  g_autofree char *columns = cs_table_select_list (&cs_scenarios_table, NULL, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM scenarios WHERE id = ?1", columns);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) scenes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CsScenario) scenario = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!(stmt = cs_store_db_prepare (db, sql, error)))
    return NULL;
  cs_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                   _("There is no case with id “%s” in the library. It may have been removed "
                     "by another Case Studio program; reload the list."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cs_store_db_fail (db, rc, error);
      return NULL;
    }

  scenario = scenario_from_stmt (stmt);
  g_ptr_array_add (records, g_object_ref (scenario));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare_children (db, &cs_personas_table, id, error)))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CsPersona *persona = persona_from_stmt (stmt);

      g_ptr_array_add (records, persona);
      cs_scenario_add_persona (scenario, persona);
    }
  if (rc != SQLITE_DONE)
    {
      cs_store_db_fail (db, rc, error);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare_children (db, &cs_scenes_table, id, error)))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CsScene *scene = scene_from_stmt (stmt);

      g_ptr_array_add (records, scene);
      g_hash_table_insert (scenes, (gpointer) cs_record_get_id (CS_RECORD (scene)), scene);
    }
  if (rc != SQLITE_DONE)
    {
      cs_store_db_fail (db, rc, error);
      goto out;
    }

  if (!load_scene_parts (db, id, scenes, error))
    goto out;

  /* Appended in stored order once complete; appending sets each scene's position. */
  for (guint i = 0; i < records->len; i++)
    if (CS_IS_SCENE (g_ptr_array_index (records, i)))
      cs_scenario_append_scene (scenario, g_ptr_array_index (records, i));

  ok = TRUE;

out:
  thaw_all (records);
  return ok ? g_steal_pointer (&scenario) : NULL;
}

/* Summaries */

static GListModel *
run_summaries (sqlite3     *db,
               const char  *sql,
               const char  *param,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = cs_store_db_prepare (db, sql, error);
  g_autoptr(GListStore) list = g_list_store_new (CS_TYPE_SCENARIO);
  int rc;

  if (!stmt)
    return NULL;
  if (param)
    cs_store_bind_text (stmt, 1, param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CsScenario) scenario = scenario_from_stmt (stmt);

      cs_scenario_set_summary_counts (scenario,
                                      sqlite3_column_int (stmt, SC_N_COLUMNS),
                                      sqlite3_column_int (stmt, SC_N_COLUMNS + 1));
      g_object_set_data (G_OBJECT (scenario), CS_STORE_SUMMARY_KEY, GINT_TO_POINTER (TRUE));
      cs_record_thaw_tracking (CS_RECORD (scenario));
      g_list_store_append (list, scenario);
    }

  if (rc != SQLITE_DONE)
    {
      cs_store_db_fail (db, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* "s.id, …, NULL (source text), …, n_personas, n_scenes" */
static char *
summary_select_list (void)
{
  static const int skip[] = { SC_SOURCE_TEXT, -1 };
  g_autofree char *columns = cs_table_select_list (&cs_scenarios_table, "s", skip);

  return g_strconcat (columns,
                      ", (SELECT count(*) FROM personas p WHERE p.scenario_id = s.id)"
                      ", (SELECT count(*) FROM scenes c WHERE c.scenario_id = s.id)",
                      NULL);
}

GListModel *
cs_store_db_list_scenarios (sqlite3     *db,
                            gboolean     deleted,
                            GError     **error)
{
  g_autofree char *columns = summary_select_list ();
  g_autofree char *sql = NULL;

  if (deleted)
    sql = g_strdup_printf ("SELECT %s FROM scenarios s WHERE s.deleted_at IS NOT NULL "
                           "ORDER BY s.deleted_at DESC, s.num DESC", columns);
  else
    sql = g_strdup_printf ("SELECT %s FROM scenarios s WHERE s.deleted_at IS NULL "
                           "ORDER BY s.updated_at DESC, s.num DESC", columns);

  return run_summaries (db, sql, NULL, error);
}

/* Letters, digits and combining marks make words, as for the unicode61 tokenizer. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char *
cs_store_build_match (const char *query)
{
  g_autofree char *valid = g_utf8_make_valid (query ? query : "", -1);
  GString *match = g_string_new (NULL);
  const char *p = valid;

  while (*p)
    {
      const char *start;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      /* A word holds no quote, so quoting it is enough to make any text a plain token. */
      g_string_append_printf (match, "%s\"%.*s\"*", match->len ? " " : "", (int) (p - start), start);
    }

  if (match->len == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }

  return g_string_free (match, FALSE);
}

GListModel *
cs_store_db_search_scenarios (sqlite3     *db,
                              const char  *query,
                              GError     **error)
{
  g_autofree char *match = cs_store_build_match (query);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;

  if (!match)
    return cs_store_db_list_scenarios (db, FALSE, error);

  /* Stemmed and unstemmed index (see 001-initial.sql); a scenario found in both keeps
   * its better (lower) bm25 rank. */
  columns = summary_select_list ();
  sql = g_strdup_printf ("WITH hits (num, rank) AS ("
                         " SELECT rowid, bm25 (scenarios_fts, " BM25_WEIGHTS ") FROM scenarios_fts"
                         " WHERE scenarios_fts MATCH ?1"
                         " UNION ALL"
                         " SELECT rowid, bm25 (scenarios_fts_words, " BM25_WEIGHTS ") FROM scenarios_fts_words"
                         " WHERE scenarios_fts_words MATCH ?1)"
                         " SELECT %s FROM (SELECT num, min (rank) AS rank FROM hits GROUP BY num) h"
                         " JOIN scenarios s ON s.num = h.num"
                         " WHERE s.deleted_at IS NULL"
                         " ORDER BY h.rank, s.updated_at DESC",
                         columns);

  return run_summaries (db, sql, match, error);
}
