/* bench-library.c: how fast the local library lists and searches 1,000 cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a library of 1,000 scenarios (3 personas and 4 scenes each) in a temporary
 * folder, then times, as the median of many runs:
 *   list    cs_store_list_scenarios()  against the same SELECT with plain sqlite3 calls
 *   search  cs_store_search_scenarios() against a LIKE scan of the same columns and the
 *           raw FTS5 query without building objects
 * and prints each figure with its ratio to the baselines. The store figures include
 * building the CsScenario summaries; the baselines only step over the rows, so the ratio
 * shows what the objects cost. Target: search under 20 ms.
 */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "cs-model.h"
#include "cs-store.h"
#include "../store/store-test-util.h"

#define N_SCENARIOS 1000
#define N_RUNS 31
#define SEARCH_TARGET_MS 20.0

static const char *words[] = {
  "negotiation", "supplier", "plant", "closure", "merger", "pricing", "strategy", "union",
  "capacity", "market", "entry", "retail", "bank", "loan", "hospital", "staffing", "airline",
  "fleet", "software", "launch", "brand", "recall", "safety", "export", "tariff", "family",
  "succession", "startup", "funding", "board", "crisis", "communication", "layoffs",
  "logistics", "warehouse", "automation", "pharmacy", "energy", "solar", "mining", "coffee",
  "café", "franchise", "hotel", "tourism", "insurance", "claims", "fraud", "audit", "ethics",
  "sustainability", "emissions", "water", "agriculture", "cooperative", "nonprofit", "donor",
  "school", "district", "budget", "hiring", "culture", "turnaround", "acquisition", "valuation",
  "forecast", "inventory", "quality", "lean", "six", "sigma", "digital", "platform", "data",
  "privacy", "security", "outsourcing", "offshoring", "labour", "wages", "pension", "benefits",
  "expansion", "asia", "europe", "africa", "latin", "america", "regulation", "compliance",
  "lobbying", "partnership", "joint", "venture", "licensing", "patent", "innovation", "research",
};

static const char *queries[] = { "negotiation", "supply chain", "plan", "café franchise", "negotiating union wages" };

static const char *
word (GRand *rand)
{
  return words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
}

static char *
sentence (GRand *rand,
          guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", word (rand));
  return g_string_free (text, FALSE);
}

static CsScenario *
make_scenario (GRand *rand)
{
  CsScenario *scenario = cs_scenario_new (NULL);
  g_autofree char *title = sentence (rand, g_rand_int_range (rand, 3, 7));
  g_autofree char *description = sentence (rand, g_rand_int_range (rand, 40, 90));
  g_autofree char *source = sentence (rand, 3000);
  const char *tags[] = { word (rand), word (rand), "supply chain", NULL };
  g_autoptr(GPtrArray) personas = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_rand_boolean (rand))
    tags[2] = NULL;

  cs_scenario_set_title (scenario, title);
  cs_scenario_set_description (scenario, description);
  cs_scenario_set_tags (scenario, tags);
  cs_scenario_set_source_text (scenario, source);

  for (guint i = 0; i < 3; i++)
    {
      CsPersona *persona = cs_persona_new (NULL);
      g_autofree char *background = sentence (rand, 60);

      cs_persona_set_name (persona, word (rand));
      cs_persona_set_background (persona, background);
      cs_persona_set_trait (persona, "openness", g_rand_int_range (rand, 0, 11));
      cs_scenario_add_persona (scenario, persona);
      g_ptr_array_add (personas, persona);
    }

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CsScene) scene = cs_scene_new (NULL);
      g_autoptr(CsGoalCriterion) criterion = cs_goal_criterion_new (word (rand), 1.0);
      g_autofree char *goal = sentence (rand, 20);

      cs_scene_set_title (scene, word (rand));
      cs_scene_set_user_goal (scene, goal);
      cs_scene_add_criterion (scene, criterion);
      cs_scene_set_involvement (scene, cs_record_get_id (g_ptr_array_index (personas, i % 3)),
                                CS_INVOLVEMENT_KEY);
      cs_scenario_append_scene (scenario, scene);
    }

  return scenario;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef void (*BenchFunc) (gpointer data);

/* Median wall time of @func in milliseconds. */
static double
median_ms (BenchFunc func,
           gpointer  data)
{
  double times[N_RUNS];

  func (data);   /* warm up */
  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  return times[N_RUNS / 2];
}

typedef struct {
  CsStore    *store;
  sqlite3    *db;
  const char *query;
  guint       n_results;
} Bench;

static void
run_store_list (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cs_store_list_scenarios (bench->store, &error);

  g_assert_no_error (error);
  bench->n_results = g_list_model_get_n_items (list);
}

static void
run_store_search (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cs_store_search_scenarios (bench->store, bench->query, &error);

  g_assert_no_error (error);
  bench->n_results = g_list_model_get_n_items (list);
}

static guint
run_sql (sqlite3    *db,
         const char *sql,
         const char *const *params)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; params && params[i]; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Touch the text like a caller would. */
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        sqlite3_column_text (stmt, c);
      n++;
    }
  sqlite3_finalize (stmt);
  return n;
}

static void
run_raw_list (gpointer data)
{
  Bench *bench = data;

  bench->n_results = run_sql (bench->db,
                              "SELECT s.id, s.title, s.description, s.industry, s.tags, s.updated_at, "
                              "(SELECT count(*) FROM personas p WHERE p.scenario_id = s.id), "
                              "(SELECT count(*) FROM scenes c WHERE c.scenario_id = s.id) "
                              "FROM scenarios s WHERE s.deleted_at IS NULL ORDER BY s.updated_at DESC",
                              NULL);
}

/* Every word somewhere in title, description or tags: what search does without FTS. */
static void
run_like_scan (gpointer data)
{
  Bench *bench = data;
  g_auto(GStrv) terms = g_strsplit (bench->query, " ", -1);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  GString *sql = g_string_new ("SELECT s.id, s.title, s.description FROM scenarios s WHERE s.deleted_at IS NULL");

  for (guint i = 0; terms[i]; i++)
    {
      g_string_append_printf (sql, " AND (s.title LIKE ?%u OR s.description LIKE ?%u OR s.tags LIKE ?%u)",
                              i + 1, i + 1, i + 1);
      g_ptr_array_add (params, g_strdup_printf ("%%%s%%", terms[i]));
    }
  g_ptr_array_add (params, NULL);

  bench->n_results = run_sql (bench->db, sql->str, (const char * const *) params->pdata);
  g_string_free (sql, TRUE);
}

static void
run_raw_fts (gpointer data)
{
  Bench *bench = data;
  g_auto(GStrv) terms = g_strsplit (bench->query, " ", -1);
  g_autofree char *match = NULL;
  const char *params[2] = { NULL, NULL };

  for (guint i = 0; terms[i]; i++)
    {
      char *quoted = g_strdup_printf ("\"%s\"*", terms[i]);

      g_free (terms[i]);
      terms[i] = quoted;
    }
  match = g_strjoinv (" ", terms);
  params[0] = match;

  bench->n_results = run_sql (bench->db,
                              "SELECT rowid FROM scenarios_fts WHERE scenarios_fts MATCH ?1 "
                              "ORDER BY bm25 (scenarios_fts, 10.0, 2.0, 5.0)",
                              params);
}

int
main (int argc, char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240901);
  g_autofree char *path = NULL;
  g_autoptr(CsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  double list_ms, raw_list_ms, worst_search = 0;
  gint64 start;

  store_test_setup_dirs ();
  path = store_test_db_path ("bench");
  store = cs_store_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_SCENARIOS; i++)
    {
      g_autoptr(CsScenario) scenario = make_scenario (rand);

      if (!cs_store_save_scenario (store, scenario, &error))
        g_error ("%s", error->message);
    }
  printf ("created %d scenarios in %.0f ms (%.2f ms per save, one transaction each)\n",
           N_SCENARIOS, (g_get_monotonic_time () - start) / 1000.0,
           (g_get_monotonic_time () - start) / 1000.0 / N_SCENARIOS);

  bench.store = store;
  g_assert_cmpint (sqlite3_open_v2 (path, &bench.db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  list_ms = median_ms (run_store_list, &bench);
  g_assert_cmpuint (bench.n_results, ==, N_SCENARIOS);
  raw_list_ms = median_ms (run_raw_list, &bench);
  printf ("list    %7.2f ms   raw sqlite3 SELECT %7.2f ms   ratio %.1fx   (%d summaries, median of %d)\n",
           list_ms, raw_list_ms, list_ms / raw_list_ms, N_SCENARIOS, N_RUNS);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double search_ms, like_ms, fts_ms;
      guint hits;

      bench.query = queries[q];
      search_ms = median_ms (run_store_search, &bench);
      hits = bench.n_results;
      like_ms = median_ms (run_like_scan, &bench);
      fts_ms = median_ms (run_raw_fts, &bench);
      worst_search = MAX (worst_search, search_ms);

      printf ("search  %7.2f ms   LIKE scan %7.2f ms (%.2fx)   raw FTS5 %7.2f ms (%.1fx)   %4u hits  '%s'\n",
               search_ms, like_ms, search_ms / like_ms, fts_ms, search_ms / fts_ms, hits, queries[q]);
    }

  printf ("slowest search median %.2f ms, target under %.0f ms: %s\n",
           worst_search, SEARCH_TARGET_MS, worst_search < SEARCH_TARGET_MS ? "met" : "NOT met");

  sqlite3_close (bench.db);
  g_clear_object (&store);
  store_test_cleanup_dirs ();
  return 0;
}
