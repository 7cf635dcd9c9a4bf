/* test-cli-play.c: "case-studio-cli play" driven by scripts, with the offline engine and
 * with an OpenAI-compatible fake server: addressing, goals met or not, forced progression,
 * the score arithmetic, and the exported PDF report and Markdown transcript
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>

#include "cs-model.h"

typedef struct {
  char       *dir;
  char       *library;
  char       *id;       /* the sample's id in the library */
  CsScenario *sample;
} Fixture;

typedef struct {
  int        status;
  char      *out;
  char      *err;
  GPtrArray *events;  /* JsonObject, one per line of --json output */
} Play;

/* Student lines that cover the criteria of the sample's first scene, and lines that cover
 * nothing of any scene. */
static const char *scene1_good[] = {
  "So the core decision is Kellerton's future, and the board wants it by the October 17 "
  "deadline?",
  "Which business drivers matter most: the lost Tri-County contract, the falling margin or "
  "the low utilization?",
  "What constraints and stakeholders must the recommendation respect: the owners, the "
  "employees, the union notice and our customers?",
};

static const char *off_topic = "Did you see the football match last night?";

static void
play_clear (Play *play)
{
  g_clear_pointer (&play->out, g_free);
  g_clear_pointer (&play->err, g_free);
  g_clear_pointer (&play->events, g_ptr_array_unref);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the CLI on the fixture's library with @input on its standard input, iterating the
 * main context meanwhile (a fake server in this process keeps answering). */
static void
run_cli (Fixture            *f,
         Play               *play,
         const char * const *env,
         const char         *input,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("CS_BUILD_DIR"), "src", "cli",
                                           "case-studio-cli", NULL));
  g_ptr_array_add (argv, g_strdup ("--library"));
  g_ptr_array_add (argv, g_strdup (f->library));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  /* no keyring: the tests must not reach one on the developer's session */
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus",
                                TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, input != NULL ? input : "", NULL, on_communicated,
                                       &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (proc, result, &play->out, &play->err, &error);
  g_assert_no_error (error);
  play->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;

  /* with --json, every line is one event */
  play->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  if (g_strv_contains (args, "--json"))
    {
      g_auto(GStrv) lines = g_strsplit (play->out, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(JsonNode) node = NULL;

          if (*lines[i] == '\0')
            continue;
          node = json_from_string (lines[i], &error);
          g_assert_no_error (error);
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          g_assert_true (json_object_has_member (json_node_get_object (node), "type"));
          g_ptr_array_add (play->events, json_object_ref (json_node_get_object (node)));
        }
    }
}

#define PLAY(f, play, input, ...) \
  run_cli (f, play, NULL, input, (const char * const[]) { __VA_ARGS__, NULL })

static char *
lines_of (const char * const *lines,
          guint               n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\n", lines[i]);
  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Play play = { 0 };

  f->dir = g_dir_make_tmp ("cs-cli-play-XXXXXX", &error);
  g_assert_no_error (error);
  f->library = g_build_filename (f->dir, "library.db", NULL);
  f->sample = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  f->id = g_strdup (cs_record_get_id (CS_RECORD (f->sample)));

  run_cli (f, &play, NULL, NULL, (const char * const[]) { "import-json", path, NULL });
  g_assert_cmpint (play.status, ==, 0);
  play_clear (&play);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->library);
  g_free (f->id);
  g_clear_object (&f->sample);
}

/* ---- reading the events --------------------------------------------------------------- */

static const char *
type_of (JsonObject *event)
{
  return json_object_get_string_member (event, "type");
}

static JsonObject *
find_event (Play       *play,
            const char *type,
            gint64      scene)
{
  for (guint i = 0; i < play->events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (play->events, i);

      if (g_str_equal (type_of (event), type) &&
          (scene == 0 || json_object_get_int_member_with_default (event, "scene", -1) == scene))
        return event;
    }
  return NULL;
}

static guint
index_of (Play       *play,
          JsonObject *event)
{
  guint index;

  g_assert_true (g_ptr_array_find (play->events, event, &index));
  return index;
}

/* The index of the student's message @text. */
static guint
student_message (Play       *play,
                 const char *text)
{
  for (guint i = 0; i < play->events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (play->events, i);

      if (g_str_equal (type_of (event), "message") &&
          g_strcmp0 (json_object_get_string_member (event, "role"), "student") == 0 &&
          g_strcmp0 (json_object_get_string_member (event, "text"), text) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* The personas' ids who answered the student's message at @index, in order. */
static GPtrArray *
answers_to (Play  *play,
            guint  index)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = index + 1; i < play->events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (play->events, i);
      const char *role = json_object_get_string_member_with_default (event, "role", "");

      if (g_str_equal (role, "student"))
        break;
      if (g_str_equal (role, "persona"))
        g_ptr_array_add (ids, (gpointer) json_object_get_string_member (event, "persona_id"));
    }
  return ids;
}

static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, out->len > 0 ? " %s" : "%s", words[i]);
  return g_string_free (out, FALSE);
}

/* TRUE when @quote is in one of the student's messages of @scene. */
static gboolean
student_said (Play       *play,
              gint64      scene,
              const char *quote)
{
  g_autofree char *wanted = normalize (quote);

  for (guint i = 0; i < play->events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (play->events, i);
      g_autofree char *said = NULL;

      if (!g_str_equal (type_of (event), "message") ||
          g_strcmp0 (json_object_get_string_member (event, "role"), "student") != 0 ||
          json_object_get_int_member_with_default (event, "scene", -1) != scene)
        continue;
      said = normalize (json_object_get_string_member (event, "text"));
      if (strstr (said, wanted) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The score of a scene-ended event, recomputed from its criteria: the weighted share of
 * the criteria met; a met criterion must quote the student's words of that scene. */
static double
score_of_criteria (Play       *play,
                   JsonObject *ended)
{
  JsonArray *criteria = json_object_get_array_member (ended, "criteria");
  gint64 scene = json_object_get_int_member (ended, "scene");
  double total = 0, met = 0;

  g_assert_cmpuint (json_array_get_length (criteria), >, 0);
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *criterion = json_array_get_object_element (criteria, i);
      double weight = json_object_get_double_member (criterion, "weight");

      total += weight;
      if (json_object_get_boolean_member (criterion, "met"))
        {
          const char *evidence = json_object_get_string_member (criterion, "evidence");

          g_assert_nonnull (evidence);
          g_assert_true (student_said (play, scene, evidence));
          met += weight;
        }
      else
        g_assert_true (json_object_get_null_member (criterion, "evidence"));
    }
  return total > 0 ? met / total : 0;
}

static CsScene *
scene_at (CsScenario *scenario,
          guint       index)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), index);

  return scene;  /* the scenario keeps it */
}

static CsPersona *
persona_named (CsScenario *scenario,
               const char *first_name)
{
  GListModel *personas = cs_scenario_get_personas (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);

      if (g_str_has_prefix (cs_persona_get_name (persona), first_name))
        return persona;  /* the scenario keeps it */
    }
  g_assert_not_reached ();
}

static gint64
count_rows (Fixture    *f,
            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (f->library, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* ---- offline -------------------------------------------------------------------------- */

/* Good answers pass the first scene; in the second, @Name reaches that person, a person not
 * in the scene does not answer, and an unaddressed message goes to the key person. */
static void
test_offline_goal_and_mentions (Fixture       *f,
                                gconstpointer  data)
{
  CsScene *first = scene_at (f->sample, 0), *second = scene_at (f->sample, 1);
  CsPersona *sunita = persona_named (f->sample, "Sunita");
  CsPersona *frank = persona_named (f->sample, "Frank");
  const char *to_sunita = "@Sunita what does the consolidation model assume about Ashby?";
  const char *to_frank = "@Frank how do people on the floor feel?";
  const char *to_nobody = "How is the hygienic line doing this year?";
  const char *lines[] = { "begin", scene1_good[0], scene1_good[1], scene1_good[2], to_sunita,
                          to_frank, to_nobody };
  g_autofree char *input = lines_of (lines, G_N_ELEMENTS (lines));
  Play play = { 0 };
  JsonObject *started, *ended, *next;
  g_autoptr(GPtrArray) ids = NULL;
  gint64 messages = 0;
  guint at;

  PLAY (f, &play, input, "--provider", "offline", "play", f->id, "--json");
  g_assert_cmpint (play.status, ==, 0);
  g_assert_cmpstr (play.err, ==, "");
  g_assert_cmpstr (type_of (g_ptr_array_index (play.events, 0)), ==, "run-started");
  g_assert_true (json_object_get_boolean_member (g_ptr_array_index (play.events, 0), "saved"));

  /* the first scene: begun, then passed by the good answers, with a score from its criteria */
  started = find_event (&play, "scene-started", 1);
  g_assert_nonnull (started);
  g_assert_cmpstr (json_object_get_string_member (started, "title"), ==, cs_scene_get_title (first));
  g_assert_cmpuint (index_of (&play, started), <, student_message (&play, scene1_good[0]));
  ended = find_event (&play, "scene-ended", 1);
  g_assert_nonnull (ended);
  g_assert_cmpstr (json_object_get_string_member (ended, "status"), ==, "passed");
  g_assert_false (json_object_get_boolean_member (ended, "forced"));
  g_assert_cmpfloat (json_object_get_double_member (ended, "score"), >=,
                     cs_scene_get_success_threshold (first) - 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ended, "score"),
                                  score_of_criteria (&play, ended), 1e-9);
  next = find_event (&play, "scene-started", 2);
  g_assert_nonnull (next);
  g_assert_cmpstr (json_object_get_string_member (next, "title"), ==, cs_scene_get_title (second));
  g_assert_cmpuint (index_of (&play, ended), <, index_of (&play, next));
  g_assert_null (find_event (&play, "run-finished", 0));

  /* Every message line carries the score of its scene so far: null outside a scene and
   * before the scene's first judgement, then the latest judgement's. */
  {
    double first_score = json_object_get_double_member (ended, "score");
    double last_score = -1;

    for (guint i = 0; i < play.events->len; i++)
      {
        JsonObject *event = g_ptr_array_index (play.events, i);
        const char *type = type_of (event);
        JsonNode *score;

        if (!g_str_equal (type, "message") && !g_str_equal (type, "system") &&
            !g_str_equal (type, "hint"))
          continue;
        g_assert_true (json_object_has_member (event, "score"));
        score = json_object_get_member (event, "score");
        if (JSON_NODE_HOLDS_NULL (json_object_get_member (event, "scene")))
          {
            g_assert_true (JSON_NODE_HOLDS_NULL (score));
            continue;
          }
        if (json_object_get_int_member (event, "scene") == 1 && !JSON_NODE_HOLDS_NULL (score))
          last_score = json_node_get_double (score);
        /* the next scene's opening comes before anything in it is judged */
        if (i == index_of (&play, next) + 1)
          g_assert_true (JSON_NODE_HOLDS_NULL (score));
      }
    /* the scene's last line ("Scene complete…") has the score it ended with */
    g_assert_cmpfloat_with_epsilon (last_score, first_score, 1e-9);
  }

  /* @Sunita: only Sunita answers */
  at = student_message (&play, to_sunita);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (play.events, at), "scene"), ==, 2);
  ids = answers_to (&play, at);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, cs_record_get_id (CS_RECORD (sunita)));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* @Frank is not in the scene: nobody answers and the narrator says why */
  at = student_message (&play, to_frank);
  ids = answers_to (&play, at);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_ptr_array_unref);
  {
    JsonObject *note = g_ptr_array_index (play.events, at + 1);
    g_autofree char *expected = g_strdup_printf ("%s is not in this scene", cs_persona_get_name (frank));

    g_assert_cmpstr (type_of (note), ==, "system");
    g_assert_nonnull (strstr (json_object_get_string_member (note, "text"), expected));
  }

  /* no name: the scene's key person */
  ids = answers_to (&play, student_message (&play, to_nobody));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, cs_scene_get_key_persona_id (second));

  /* saved as it went: every message printed is in the library */
  for (guint i = 0; i < play.events->len; i++)
    {
      const char *type = type_of (g_ptr_array_index (play.events, i));

      if (g_str_equal (type, "message") || g_str_equal (type, "hint") || g_str_equal (type, "system"))
        messages++;
    }
  g_assert_cmpint (count_rows (f, "messages"), ==, messages);
  g_assert_cmpint (count_rows (f, "progress"), ==, 1);
  play_clear (&play);
}

/* Off-topic messages never meet the goal: hints come, and at the turn limit the scene ends
 * by forced progression. With --no-save nothing reaches the library. */
static void
test_offline_forced (Fixture       *f,
                     gconstpointer  data)
{
  CsScene *first = scene_at (f->sample, 0);
  int limit = cs_scene_get_timeout_turns (first);
  g_autoptr(GString) input = g_string_new (NULL);
  Play play = { 0 };
  JsonObject *ended, *hint, *next;
  gboolean times_up = FALSE;

  for (int i = 0; i < limit + 1; i++)
    g_string_append_printf (input, "%s\n", off_topic);
  PLAY (f, &play, input->str, "--provider", "offline", "--no-save", "play", f->id, "--json");
  g_assert_cmpint (play.status, ==, 0);
  g_assert_false (json_object_get_boolean_member (g_ptr_array_index (play.events, 0), "saved"));

  ended = find_event (&play, "scene-ended", 1);
  g_assert_nonnull (ended);
  g_assert_cmpstr (json_object_get_string_member (ended, "status"), ==, "forced");
  g_assert_true (json_object_get_boolean_member (ended, "forced"));
  g_assert_cmpint (json_object_get_int_member (ended, "turns"), ==, limit);
  g_assert_cmpint (json_object_get_int_member (ended, "attempts"), ==, limit);
  g_assert_cmpfloat (json_object_get_double_member (ended, "score"), <,
                     cs_scene_get_success_threshold (first));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ended, "score"),
                                  score_of_criteria (&play, ended), 1e-9);
  g_assert_cmpint (json_object_get_int_member (ended, "hints_used"), >, 0);
  hint = find_event (&play, "hint", 1);
  g_assert_nonnull (hint);
  g_assert_cmpuint (index_of (&play, hint), <, index_of (&play, ended));

  for (guint i = 0; i < index_of (&play, ended); i++)
    {
      JsonObject *event = g_ptr_array_index (play.events, i);

      if (g_str_equal (type_of (event), "system") &&
          g_str_has_prefix (json_object_get_string_member (event, "text"), "Time's up"))
        times_up = TRUE;
    }
  g_assert_true (times_up);
  /* the last line was played in the next scene */
  next = find_event (&play, "scene-started", 2);
  g_assert_nonnull (next);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (play.events, student_message (&play, off_topic) + 0), "scene"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (play.events, play.events->len - 2), "scene"), ==, 2);

  g_assert_cmpint (count_rows (f, "progress"), ==, 0);
  g_assert_cmpint (count_rows (f, "messages"), ==, 0);
  play_clear (&play);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) owner = NULL;
  PopplerDocument *document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  owner = G_OBJECT (document);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (document, i));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append_printf (text, "%s\n", page_text);
    }
  return g_string_free (text, FALSE);
}

/* A whole run: the overall score is the mean of the scene scores, each computed from its
 * criteria; the PDF report and the Markdown transcript say what happened. */
static void
test_offline_report (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *md = g_build_filename (f->dir, "transcript.md", NULL);
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *text = NULL, *norm = NULL, *markdown = NULL, *overall = NULL;
  guint n_scenes = cs_scenario_get_n_scenes (f->sample);
  Play play = { 0 };
  JsonObject *finished;
  JsonArray *scene_scores;
  const char *quote = NULL;
  double total = 0;
  gint64 passed = 0, forced = 0;

  for (guint i = 0; i < G_N_ELEMENTS (scene1_good); i++)
    g_string_append_printf (input, "%s\n", scene1_good[i]);
  for (guint i = 0; i < n_scenes; i++)
    for (int t = 0; t < cs_scene_get_timeout_turns (scene_at (f->sample, i)); t++)
      g_string_append_printf (input, "%s\n", off_topic);

  PLAY (f, &play, input->str, "--provider", "offline", "play", "harlow industrial", "--json",
        "--report", pdf, "--transcript", md);
  g_assert_cmpint (play.status, ==, 0);
  g_assert_cmpstr (play.err, ==, "");

  finished = find_event (&play, "run-finished", 0);
  g_assert_nonnull (finished);
  scene_scores = json_object_get_array_member (finished, "scene_scores");
  g_assert_cmpuint (json_array_get_length (scene_scores), ==, n_scenes);
  for (guint i = 0; i < n_scenes; i++)
    {
      JsonObject *ended = find_event (&play, "scene-ended", i + 1);
      double score;
      const char *status;

      g_assert_nonnull (ended);
      g_assert_cmpuint (index_of (&play, ended), <, index_of (&play, finished));
      score = score_of_criteria (&play, ended);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ended, "score"), score, 1e-9);
      g_assert_cmpfloat_with_epsilon (json_array_get_double_element (scene_scores, i), score, 1e-9);
      total += score;
      status = json_object_get_string_member (ended, "status");
      passed += g_str_equal (status, "passed");
      forced += g_str_equal (status, "forced");
      for (guint c = 0; quote == NULL && c < json_array_get_length (json_object_get_array_member (ended, "criteria")); c++)
        {
          JsonObject *criterion = json_array_get_object_element (json_object_get_array_member (ended, "criteria"), c);

          if (json_object_get_boolean_member (criterion, "met"))
            quote = json_object_get_string_member (criterion, "evidence");
        }
    }
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (finished, "score"),
                                  total / n_scenes, 1e-9);
  g_assert_cmpint (json_object_get_int_member (finished, "passed"), ==, passed);
  g_assert_cmpint (json_object_get_int_member (finished, "forced"), ==, forced);
  g_assert_cmpint (passed, >=, 1);
  g_assert_cmpint (forced, >=, 1);
  g_assert_cmpint (passed + forced, ==, n_scenes);
  g_assert_nonnull (quote);
  g_assert_nonnull (find_event (&play, "exported", 0));

  /* the PDF: a real one, with every scene's title, the overall score and a quote */
  text = pdf_text (pdf);
  norm = normalize (text);
  overall = g_strdup_printf ("overall score: %.0f%%", json_object_get_double_member (finished, "score") * 100);
  g_assert_nonnull (strstr (norm, overall));
  for (guint i = 0; i < n_scenes; i++)
    {
      g_autofree char *title = normalize (cs_scene_get_title (scene_at (f->sample, i)));

      g_assert_nonnull (strstr (norm, title));
    }
  {
    g_autofree char *wanted = normalize (quote);

    g_assert_nonnull (strstr (norm, wanted));
  }

  /* the transcript */
  g_assert_true (g_file_get_contents (md, &markdown, NULL, NULL));
  g_assert_true (g_str_has_prefix (markdown, "# "));
  g_assert_nonnull (strstr (markdown, cs_scenario_get_title (f->sample)));
  for (guint i = 0; i < n_scenes; i++)
    {
      g_autofree char *heading = g_strdup_printf ("\n## Scene %u: %s\n", i + 1,
                                                  cs_scene_get_title (scene_at (f->sample, i)));

      g_assert_nonnull (strstr (markdown, heading));
    }
  {
    g_autofree char *line = g_strdup_printf ("\n**You:** %s\n", scene1_good[0]);
    CsPersona *margaret = persona_named (f->sample, "Margaret");
    g_autofree char *reply = g_strdup_printf ("\n**%s** (%s): ", cs_persona_get_name (margaret),
                                              cs_persona_get_role (margaret));
    g_autofree char *score = g_strdup_printf ("**Overall score: %.0f%%**",
                                              json_object_get_double_member (finished, "score") * 100);

    g_assert_nonnull (strstr (markdown, line));
    g_assert_nonnull (strstr (markdown, reply));
    g_assert_nonnull (strstr (markdown, "\n> **Hint:** "));
    g_assert_nonnull (strstr (markdown, "Time's up"));
    g_assert_nonnull (strstr (markdown, score));
  }
  play_clear (&play);
}

/* The conversation as text, a title prefix for ID, and errors on standard error. */
static void
test_text_and_errors (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *input = g_strdup_printf ("begin\n%s\n", scene1_good[0]);
  g_autofree char *heading = g_strdup_printf ("=== Scene 1 of %u: %s ===",
                                              cs_scenario_get_n_scenes (f->sample),
                                              cs_scene_get_title (scene_at (f->sample, 0)));
  g_autofree char *said = g_strdup_printf ("\nYou: %s\n", scene1_good[0]);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "dir", "report.pdf", NULL);
  Play play = { 0 };

  PLAY (f, &play, input, "--provider", "offline", "play", "HARLOW");
  g_assert_cmpint (play.status, ==, 0);
  g_assert_nonnull (strstr (play.out, heading));
  g_assert_nonnull (strstr (play.out, said));
  g_assert_nonnull (strstr (play.out, "Margaret Okafor (Chief Executive Officer): "));
  play_clear (&play);

  PLAY (f, &play, input, "--provider", "offline", "play", "no-such-case");
  g_assert_cmpint (play.status, ==, 1);
  g_assert_cmpstr (play.out, ==, "");
  g_assert_nonnull (strstr (play.err, "No case"));
  play_clear (&play);

  PLAY (f, &play, input, "--provider", "offline", "play");
  g_assert_cmpint (play.status, ==, 2);
  g_assert_nonnull (strstr (play.err, "play"));
  play_clear (&play);

  PLAY (f, &play, input, "--provider", "offline", "play", f->id, "--report", bad);
  g_assert_cmpint (play.status, ==, 1);
  g_assert_nonnull (strstr (play.err, "Cannot write"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  play_clear (&play);

  PLAY (f, &play, input, "--provider", "openai", "--base-url", "", "play", f->id);
  g_assert_cmpint (play.status, ==, 1);
  g_assert_nonnull (strstr (play.err, "--base-url"));
  play_clear (&play);
}

/* ---- an OpenAI-compatible fake server ------------------------------------------------ */

typedef struct {
  SoupServer *server;
  char       *base_url;
  CsScenario *scenario;
  const char *quote;       /* what the judge quotes for every criterion */
  guint       n_chats;
  guint       n_judgements;
} Fake;

/* Every criterion of every scene met, quoting @quote: the orchestrator must check it. */
static char *
judge_answer (Fake *fake)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *scenes = cs_scenario_get_scenes (fake->scenario);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      GListModel *criteria = cs_scene_get_goal_criteria (scene_at (fake->scenario, i));

      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, c);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cs_goal_criterion_get_id (criterion));
          json_builder_set_member_name (builder, "met");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "confidence");
          json_builder_add_double_value (builder, 0.9);
          json_builder_set_member_name (builder, "evidence");
          json_builder_add_string_value (builder, fake->quote);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "feedback");
  json_builder_add_string_value (builder, "Well argued.");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fake *fake = user_data;
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonNode) request = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  JsonObject *object = request != NULL ? json_node_get_object (request) : NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *content = NULL;
  char *reply;

  g_assert_nonnull (object);
  if (!json_object_has_member (object, "response_format"))
    {
      fake->n_chats++;
      reply = g_strdup ("data: {\"choices\":[{\"delta\":{\"content\":\"I see. \"}}]}\n\n"
                        "data: {\"choices\":[{\"delta\":{\"content\":\"Go on.\"},"
                        "\"finish_reason\":\"stop\"}]}\n\n"
                        "data: [DONE]\n\n");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/event-stream", SOUP_MEMORY_TAKE, reply,
                                        strlen (reply));
      return;
    }

  fake->n_judgements++;
  content = judge_answer (fake);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, "test-model");
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "finish_reason");
  json_builder_add_string_value (builder, "stop");
  json_builder_set_member_name (builder, "message");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "assistant");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  reply = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, reply,
                                    strlen (reply));
}

/* With a language model: replies stream from the server, @Name still decides who is asked,
 * and the judge's quote counts only once the student has really written it. */
static void
test_openai (Fixture       *f,
             gconstpointer  data)
{
  Fake fake = { NULL, NULL, f->sample, "we decide on Kellerton by October 17", 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *input = NULL;
  const char *vague = "Good morning, Margaret. What is on your mind?";
  const char *quoting = "I propose that we decide on Kellerton by October 17, with the owners heard.";
  const char *to_sunita = "@Sunita what does Ashby's utilization look like?";
  const char *lines[] = { "begin", vague, quoting, to_sunita };
  Play play = { 0 };
  JsonObject *ended;
  JsonArray *criteria;
  GSList *uris;
  guint at;

  fake.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake.server, NULL, handle, &fake, NULL);
  soup_server_listen_local (fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake.server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  input = lines_of (lines, G_N_ELEMENTS (lines));
  PLAY (f, &play, input, "--provider", "openai", "--base-url", base_url, "--model", "test-model",
        "play", f->id, "--json");
  g_assert_cmpint (play.status, ==, 0);

  /* the judge claimed every criterion after the vague line too, but its quote was not there */
  ended = find_event (&play, "scene-ended", 1);
  g_assert_nonnull (ended);
  g_assert_cmpstr (json_object_get_string_member (ended, "status"), ==, "passed");
  g_assert_cmpint (json_object_get_int_member (ended, "attempts"), ==, 2);
  g_assert_cmpuint (index_of (&play, ended), >, student_message (&play, quoting));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ended, "score"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of_criteria (&play, ended), 1.0, 1e-9);
  criteria = json_object_get_array_member (ended, "criteria");
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (criteria, i), "evidence"),
                     ==, fake.quote);

  /* the reply streamed from the server, to the person addressed */
  at = student_message (&play, to_sunita);
  {
    g_autoptr(GPtrArray) ids = answers_to (&play, at);
    JsonObject *reply = g_ptr_array_index (play.events, at + 1);

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (ids, 0), ==,
                     cs_record_get_id (CS_RECORD (persona_named (f->sample, "Sunita"))));
    g_assert_cmpstr (json_object_get_string_member (reply, "speaker"), ==, "Sunita Rao");
    g_assert_cmpstr (json_object_get_string_member (reply, "text"), ==, "I see. Go on.");
  }
  /* one judgement per turn, one chat per reply */
  g_assert_cmpuint (fake.n_judgements, ==, 3);
  g_assert_cmpuint (fake.n_chats, ==, 3);
  play_clear (&play);

  soup_server_disconnect (fake.server);
  g_clear_object (&fake.server);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/cli/play/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("offline-goal-and-mentions", test_offline_goal_and_mentions);
  ADD ("offline-forced", test_offline_forced);
  ADD ("offline-report", test_offline_report);
  ADD ("text-and-errors", test_text_and_errors);
  ADD ("openai", test_openai);
#undef ADD

  return g_test_run ();
}
