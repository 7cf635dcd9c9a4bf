/* test-cli.c: case-studio-cli driven as a user would, on a temporary library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cs-model.h"
#include "cs-test-pdf.h"

typedef struct {
  char *dir;
  char *library;
} Fixture;

typedef struct {
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples", "sample.casestudio", NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("cs-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->library = g_build_filename (f->dir, "library.db", NULL);
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
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->library);
}

/* Runs the CLI with the fixture's library and @env ("NAME", "value", … NULL, or NULL);
 * argv is NULL-terminated without the program. */
static void
run_cli_env (Fixture *f, Result *r, const char * const *env, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("CS_BUILD_DIR"), "src", "cli", "case-studio-cli", NULL));
  g_ptr_array_add (argv, g_strdup ("--library"));
  g_ptr_array_add (argv, g_strdup (f->library));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

static void
run_cli (Fixture *f, Result *r, const char * const *args)
{
  run_cli_env (f, r, NULL, args);
}

#define RUN(f, r, ...) run_cli (f, r, (const char * const[]) { __VA_ARGS__, NULL })

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static CsScenario *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *s = cs_scenario_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return s;
}

/* Imports the sample and returns its id in the library. */
static char *
import_sample (Fixture *f)
{
  g_autofree char *path = sample_path ();
  Result r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  char *id;

  RUN (f, &r, "import-json", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (strstr (r.out, "Imported"));
  result_clear (&r);

  RUN (f, &r, "list", "--json");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  id = g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));
  result_clear (&r);
  return id;
}

static void
test_empty_library (Fixture *f, gconstpointer data)
{
  Result r = { 0 };

  RUN (f, &r, "list");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  RUN (f, &r, "list", "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (g_strstrip (r.out), "["));
  result_clear (&r);
}

static void
test_import_list_show (Fixture *f, gconstpointer data)
{
  g_autoptr(CsScenario) sample = load_sample ();
  g_autofree char *id = import_sample (f);
  g_autofree char *prefix = g_strndup (id, 8);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CsScenario) shown = NULL;
  g_autoptr(GError) error = NULL;
  Result r = { 0 };

  g_assert_cmpstr (id, ==, cs_record_get_id (CS_RECORD (sample)));

  RUN (f, &r, "list");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (strstr (r.out, cs_scenario_get_title (sample)));
  result_clear (&r);

  /* show --json gives a .casestudio document equal to the sample, found by an id prefix */
  RUN (f, &r, "show", prefix, "--json");
  g_assert_cmpint (r.status, ==, 0);
  shown = cs_scenario_format_from_data (r.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_scenario_get_title (shown), ==, cs_scenario_get_title (sample));
  g_assert_cmpuint (cs_scenario_get_n_scenes (shown), ==, cs_scenario_get_n_scenes (sample));
  g_assert_cmpuint (cs_scenario_get_n_personas (shown), ==, cs_scenario_get_n_personas (sample));
  result_clear (&r);

  /* show in text names every persona */
  RUN (f, &r, "show", id);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < cs_scenario_get_n_personas (sample); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (sample), i);
      g_assert_true (strstr (r.out, cs_persona_get_name (p)));
    }
  result_clear (&r);

  /* search finds it by a word of its title */
  {
    g_auto(GStrv) words = g_strsplit (cs_scenario_get_title (sample), " ", -1);
    RUN (f, &r, "search", words[0], "--json");
    g_assert_cmpint (r.status, ==, 0);
    root = parse_json (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    result_clear (&r);
  }
}

static void
test_import_twice_makes_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *id = import_sample (f);
  g_autofree char *path = sample_path ();
  g_autoptr(JsonNode) root = NULL;
  Result r = { 0 };

  RUN (f, &r, "import-json", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (strstr (r.out, "copy"));
  result_clear (&r);

  RUN (f, &r, "list", "--json");
  root = parse_json (r.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  result_clear (&r);
}

static void
test_export_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *id = import_sample (f);
  g_autofree char *out = g_build_filename (f->dir, "out.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(CsScenario) sample = load_sample ();
  g_autoptr(CsScenario) exported = NULL;
  g_autoptr(GError) error = NULL;
  Result r = { 0 };

  RUN (f, &r, "export", id, out);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  exported = cs_scenario_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (exported)), ==, id);
  g_assert_cmpstr (cs_scenario_get_description (exported), ==, cs_scenario_get_description (sample));
  g_assert_cmpstr (cs_scenario_get_source_text (exported), ==, cs_scenario_get_source_text (sample));
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *id = import_sample (f);
  Result r = { 0 };

  RUN (f, &r, "delete", id, "--reason", "testing");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  RUN (f, &r, "list");
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);

  RUN (f, &r, "list", "--deleted");
  g_assert_true (strstr (r.out, id));
  result_clear (&r);

  /* a deleted case can still be shown, and says so */
  RUN (f, &r, "show", id);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (strstr (r.out, "restore"));
  result_clear (&r);

  RUN (f, &r, "restore", id);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  RUN (f, &r, "list");
  g_assert_true (strstr (r.out, id));
  result_clear (&r);

  RUN (f, &r, "list", "--deleted");
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.casestudio", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.casestudio", NULL);
  g_autofree char *id = import_sample (f);
  Result r = { 0 };

  g_assert_true (g_file_set_contents (bad, "{\"format_version\": 1, \"scenario\": {\"title\": 5}}", -1, NULL));
  RUN (f, &r, "import-json", bad);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (strstr (r.err, "bad.casestudio"));
  g_assert_true (strstr (r.err, "title"));
  result_clear (&r);

  g_assert_true (g_file_set_contents (bad, "{\"format_version\": 1, \"scenario\": {\"title\": \"x\", ", -1, NULL));
  RUN (f, &r, "import-json", bad);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpuint (strlen (r.err), >, 0);
  result_clear (&r);

  RUN (f, &r, "import-json", missing);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (strstr (r.err, "missing.casestudio"));
  result_clear (&r);

  RUN (f, &r, "show", "ffffffff-0000");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (strstr (r.err, "No case"));
  result_clear (&r);

  RUN (f, &r, "show", "ab");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (strstr (r.err, "at least 4"));
  result_clear (&r);

  RUN (f, &r, "frobnicate");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (strstr (r.err, "unknown command"));
  result_clear (&r);

  RUN (f, &r, "show");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (strstr (r.err, "Usage"));
  result_clear (&r);

  /* nothing of the bad imports reached the library */
  RUN (f, &r, "list", "--json");
  {
    g_autoptr(JsonNode) root = parse_json (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  }
  result_clear (&r);
}

static void
test_locked_library (Fixture *f, gconstpointer data)
{
  g_autofree char *id = import_sample (f);
  g_autofree char *path = sample_path ();
  sqlite3 *db = NULL;
  Result r = { 0 };

  /* Another program holds the write lock: the CLI waits a little, then says so. */
  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  RUN (f, &r, "delete", id);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (strstr (r.err, "another"));
  result_clear (&r);

  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  /* the library is as it was */
  RUN (f, &r, "list");
  g_assert_true (strstr (r.out, id));
  result_clear (&r);
}

static void
test_newer_library (Fixture *f, gconstpointer data)
{
  g_autofree char *id = import_sample (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  sqlite3 *db = NULL;
  Result r = { 0 };

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (f->library, &before, &len_before, NULL));

  RUN (f, &r, "list");
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (strstr (r.err, "newer"));
  result_clear (&r);

  g_assert_true (g_file_get_contents (f->library, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static guint
count_cases (Fixture *f)
{
  Result r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  guint n;

  RUN (f, &r, "list", "--json");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (r.out);
  n = json_array_get_length (json_node_get_array (root));
  result_clear (&r);
  return n;
}

static void
test_import_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "northgate.pdf", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CsScenario) draft = NULL;
  g_autoptr(GError) error = NULL;
  Result r = { 0 };

  cs_test_pdf_write_case (pdf, FALSE);

  /* --json prints the draft and leaves the library alone */
  RUN (f, &r, "import", pdf, "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  draft = cs_scenario_format_from_data (r.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_scenario_get_title (draft), ==, cs_test_pdf_title);
  g_assert_cmpuint (cs_scenario_get_n_personas (draft), ==, cs_test_pdf_n_people);
  g_assert_cmpuint (cs_scenario_get_n_scenes (draft), >=, 3);
  g_assert_cmpint (cs_scenario_get_status (draft), ==, CS_SCENARIO_STATUS_DRAFT);
  result_clear (&r);
  g_assert_cmpuint (count_cases (f), ==, 0);

  /* without it the draft goes into the library */
  RUN (f, &r, "import", pdf);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "as a draft"));
  g_assert_nonnull (strstr (r.out, "Elena Marsh"));
  result_clear (&r);
  g_assert_cmpuint (count_cases (f), ==, 1);

  /* a language model server that is not there: the draft is made offline, and it says so */
  RUN (f, &r, "--provider", "openai", "--base-url", "http://127.0.0.1:1/v1", "import", pdf, "--json");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "made offline"));
  result_clear (&r);
  g_clear_object (&draft);
}

static void
test_import_pdf_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *good = g_build_filename (f->dir, "good.pdf", NULL);
  g_autofree char *fake = g_build_filename (f->dir, "notes.pdf", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.pdf", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  Result r = { 0 };

  cs_test_pdf_write_case (good, FALSE);
  g_assert_true (g_file_set_contents (fake, "Meeting notes, not a PDF at all.\n", -1, NULL));
  cs_test_pdf_write_truncated (good, cut, 0.4);

  RUN (f, &r, "import", fake);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "not a PDF"));
  result_clear (&r);

  RUN (f, &r, "import", cut);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_cmpstr (r.err, !=, "");
  result_clear (&r);

  RUN (f, &r, "import", missing);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_cmpstr (r.err, !=, "");
  result_clear (&r);

  RUN (f, &r, "import");
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  if (cs_test_pdf_write_encrypted (good, locked, "s3cret"))
    {
      RUN (f, &r, "import", locked);
      g_assert_cmpint (r.status, !=, 0);
      g_assert_nonnull (strstr (r.err, "--password"));
      result_clear (&r);

      RUN (f, &r, "import", locked, "--password", "wrong");
      g_assert_cmpint (r.status, !=, 0);
      g_assert_nonnull (strstr (r.err, "password"));
      result_clear (&r);
      g_assert_cmpuint (count_cases (f), ==, 0);

      RUN (f, &r, "import", locked, "--password", "s3cret");
      g_assert_cmpint (r.status, ==, 0);
      result_clear (&r);
      g_assert_cmpuint (count_cases (f), ==, 1);
    }
  else
    /* nothing bad got in */
    g_assert_cmpuint (count_cases (f), ==, 0);
}

/* The text of @text between the first @before and the next @after. */
static char *
text_between (const char *text, const char *before, const char *after)
{
  const char *start = strstr (text, before);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (before);
  end = strstr (start, after);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* The CLI reads the app's AI settings (here from a keyfile backend, as GSettings would
 * from dconf) and each of --provider, --base-url and --model overrides its key. */
static void
test_ai_settings (Fixture *f, gconstpointer data)
{
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  /* no keyring: the test must not reach one on the developer's session */
  const char *env[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config,
                        "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", NULL };
  Result r = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile,
                                      "[org/casestudio/CaseStudio]\n"
                                      "ai-provider='openai'\n"
                                      "ai-base-url='http://127.0.0.1:9/v1'\n"
                                      "ai-model='from-settings'\n", -1, NULL));

  run_cli_env (f, &r, env, (const char * const[]) { "ai", "status", NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "provider: openai\n"));
  g_assert_nonnull (strstr (r.out, "base-url: http://127.0.0.1:9/v1\n"));
  g_assert_nonnull (strstr (r.out, "model: from-settings\n"));
  g_assert_nonnull (strstr (r.out, "api-key: none\n"));
  result_clear (&r);

  run_cli_env (f, &r, env, (const char * const[]) { "--model", "from-cli", "--base-url",
                                                    "http://localhost:8080/v1", "ai", "status",
                                                    NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "provider: openai\n"));
  g_assert_nonnull (strstr (r.out, "base-url: http://localhost:8080/v1\n"));
  g_assert_nonnull (strstr (r.out, "model: from-cli\n"));
  result_clear (&r);

  run_cli_env (f, &r, env, (const char * const[]) { "--provider", "offline", "ai", "status",
                                                    NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "provider: offline\n");
  result_clear (&r);

  run_cli_env (f, &r, env, (const char * const[]) { "--provider", "gpt", "ai", "status", NULL });
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "gpt"));
  result_clear (&r);

  /* Without a server address the OpenAI-compatible provider says what to set. */
  run_cli_env (f, &r, env, (const char * const[]) { "--base-url", "", "ai", "models", NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--base-url"));
  result_clear (&r);
}

/* One persona turn from the command line, with the offline engine: grounded and labelled. */
static void
test_ai_ask (Fixture *f, gconstpointer data)
{
  g_autofree char *id = import_sample (f);
  g_autoptr(CsScenario) sample = load_sample ();
  g_autofree char *savings = text_between (cs_scenario_get_source_text (sample),
                                           "model shows savings of ", " a year");
  Result r = { 0 };

  RUN (f, &r, "--provider", "offline", "ai", "ask", id, "sunita",
       "What", "savings", "does", "the", "consolidation", "model", "show?");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Sunita Rao: "));
  g_assert_nonnull (strstr (r.out, savings));
  g_assert_nonnull (strstr (r.out, "offline"));
  result_clear (&r);

  RUN (f, &r, "--provider", "offline", "ai", "ask", id, "nobody", "Hello");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "nobody"));
  result_clear (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("empty-library", test_empty_library);
  ADD ("import-list-show", test_import_list_show);
  ADD ("import-twice-makes-copy", test_import_twice_makes_copy);
  ADD ("export-round-trip", test_export_round_trip);
  ADD ("delete-restore", test_delete_restore);
  ADD ("bad-input", test_bad_input);
  ADD ("locked-library", test_locked_library);
  ADD ("newer-library", test_newer_library);
  ADD ("import-pdf", test_import_pdf);
  ADD ("import-pdf-bad", test_import_pdf_bad);
  ADD ("ai-settings", test_ai_settings);
  ADD ("ai-ask", test_ai_ask);
#undef ADD

  return g_test_run ();
}
