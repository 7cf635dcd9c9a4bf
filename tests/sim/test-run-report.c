/* test-run-report.c: the grades of a run, computed from what the run saved: quotes are
 * checked again against the student's own messages, scene and overall scores recomputed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>

#include "cs-model.h"
#include "cs-pdf-reader.h"
#include "cs-report-export.h"
#include "cs-run-report.h"

static CsScenario *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CS_SOURCE_DIR"), "data", "samples",
                                            "sample.casestudio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_scenario_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return scenario;
}

static CsScene *
scene_at (CsScenario *scenario,
          guint       index)
{
  g_autoptr(CsScene) scene = g_list_model_get_item (cs_scenario_get_scenes (scenario), index);

  return scene;
}

static void
add_message (GListStore    *messages,
             CsMessageKind  kind,
             CsScene       *scene,
             const char    *text)
{
  g_autoptr(CsMessage) message = cs_message_new (kind, kind == CS_MESSAGE_KIND_USER ? "You" : "Margaret Okafor", text);

  cs_message_set_scene_id (message, cs_record_get_id (CS_RECORD (scene)));
  cs_message_set_position (message, (int) g_list_model_get_n_items (G_LIST_MODEL (messages)));
  g_list_store_append (messages, message);
}

/* criteria_results as the orchestrator saves them, every criterion claimed met with the
 * quote given for it (NULL: not met). */
static char *
results_json (CsScene            *scene,
              const char * const *quotes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *criteria = cs_scene_get_goal_criteria (scene);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (criteria, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, cs_goal_criterion_get_id (criterion));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, cs_goal_criterion_get_text (criterion));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, cs_goal_criterion_get_weight (criterion));
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, quotes[i] != NULL);
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_string_value (builder, quotes[i] != NULL ? quotes[i] : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static double
weight_of (CsScene *scene,
           guint    index)
{
  g_autoptr(CsGoalCriterion) criterion = g_list_model_get_item (cs_scene_get_goal_criteria (scene), index);

  return cs_goal_criterion_get_weight (criterion);
}

/* A saved result is not trusted: a quote the student never wrote in that scene (invented,
 * said by a persona, or written in another scene) meets nothing, and the scores follow. */
static void
test_quotes_checked_again (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *first = scene_at (scenario, 0), *second = scene_at (scenario, 1);
  g_autoptr(GListStore) messages = g_list_store_new (CS_TYPE_MESSAGE);
  g_autoptr(GListStore) scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsSceneProgress) p1 = cs_scene_progress_new (NULL);
  g_autoptr(CsSceneProgress) p2 = cs_scene_progress_new (NULL);
  g_autoptr(CsRunReport) report = NULL;
  g_autoptr(CsSceneReport) r1 = NULL, r2 = NULL, r3 = NULL;
  const char *scene1[] = { "the  BOARD deadline", "a persona's words", "a quote nobody wrote" };
  const char *scene2[] = { "ashby runs at 92 percent", NULL, NULL };
  g_autofree char *json1 = results_json (first, scene1);
  g_autofree char *json2 = results_json (second, scene2);
  double total1 = 0, total2 = 0, expected1, expected2;

  add_message (messages, CS_MESSAGE_KIND_USER, first, "What is the board deadline, exactly?");
  add_message (messages, CS_MESSAGE_KIND_PERSONA, first, "Those are a persona's words.");
  add_message (messages, CS_MESSAGE_KIND_USER, second, "Ashby runs at 92 percent, so what?");
  add_message (messages, CS_MESSAGE_KIND_USER, second, "And in scene two: a quote nobody wrote");

  cs_progress_set_status (progress, CS_PROGRESS_STATUS_IN_PROGRESS);
  cs_scene_progress_set_scene_id (p1, cs_record_get_id (CS_RECORD (first)));
  cs_scene_progress_set_status (p1, CS_SCENE_STATUS_FORCED);
  cs_scene_progress_set_forced_progression (p1, TRUE);
  cs_scene_progress_set_messages_sent (p1, 12);
  cs_scene_progress_set_attempts (p1, 12);
  cs_scene_progress_set_hints_used (p1, 5);
  cs_scene_progress_set_score (p1, 1.0);  /* a stored score is not what the report says */
  cs_scene_progress_set_criteria_results (p1, json1);
  cs_scene_progress_set_scene_id (p2, cs_record_get_id (CS_RECORD (second)));
  cs_scene_progress_set_status (p2, CS_SCENE_STATUS_IN_PROGRESS);
  cs_scene_progress_set_messages_sent (p2, 2);
  cs_scene_progress_set_criteria_results (p2, json2);
  g_list_store_append (scene_progress, p1);
  g_list_store_append (scene_progress, p2);

  report = cs_run_report_new (scenario, progress, G_LIST_MODEL (scene_progress), G_LIST_MODEL (messages));
  g_assert_cmpuint (g_list_model_get_n_items (cs_run_report_get_scenes (report)), ==,
                    cs_scenario_get_n_scenes (scenario));
  r1 = g_list_model_get_item (cs_run_report_get_scenes (report), 0);
  r2 = g_list_model_get_item (cs_run_report_get_scenes (report), 1);
  r3 = g_list_model_get_item (cs_run_report_get_scenes (report), 2);

  /* scene 1: only the student's own quote (case and spaces aside) counts */
  g_assert_true (cs_scene_report_get_criterion (r1, 0)->met);
  g_assert_cmpstr (cs_scene_report_get_criterion (r1, 0)->evidence, ==, "the  BOARD deadline");
  g_assert_false (cs_scene_report_get_criterion (r1, 1)->met);
  g_assert_null (cs_scene_report_get_criterion (r1, 1)->evidence);
  g_assert_false (cs_scene_report_get_criterion (r1, 2)->met);
  for (guint i = 0; i < 3; i++)
    total1 += weight_of (first, i);
  expected1 = weight_of (first, 0) / total1;
  g_assert_cmpfloat_with_epsilon (cs_scene_report_get_score (r1), expected1, 1e-9);
  g_assert_true (cs_scene_report_get_forced (r1));
  g_assert_false (cs_scene_report_get_passed (r1));
  g_assert_cmpint (cs_scene_report_get_turns (r1), ==, 12);
  g_assert_cmpint (cs_scene_report_get_hints_used (r1), ==, 5);

  /* scene 2 */
  g_assert_true (cs_scene_report_get_criterion (r2, 0)->met);
  for (guint i = 0; i < 3; i++)
    total2 += weight_of (second, i);
  expected2 = weight_of (second, 0) / total2;
  g_assert_cmpfloat_with_epsilon (cs_scene_report_get_score (r2), expected2, 1e-9);

  /* scenes not reached: 0, their criteria listed, not met */
  g_assert_false (cs_scene_report_get_played (r3));
  g_assert_cmpint (cs_scene_report_get_status (r3), ==, CS_SCENE_STATUS_NOT_STARTED);
  g_assert_cmpfloat (cs_scene_report_get_score (r3), ==, 0);
  g_assert_cmpuint (cs_scene_report_get_n_criteria (r3), ==,
                    g_list_model_get_n_items (cs_scene_get_goal_criteria (scene_at (scenario, 2))));
  g_assert_false (cs_scene_report_get_criterion (r3, 0)->met);

  /* overall: the mean over every scene of the case */
  g_assert_cmpfloat_with_epsilon (cs_run_report_get_overall_score (report),
                                  (expected1 + expected2) / cs_scenario_get_n_scenes (scenario), 1e-9);
  g_assert_false (cs_run_report_get_finished (report));
  /* and it says so, counting the scenes not reached */
  {
    g_autofree char *note = cs_run_report_dup_unfinished_note (report);
    g_autofree char *count = g_strdup_printf (" %u scenes have not been reached",
                                              cs_scenario_get_n_scenes (scenario) - 2);

    g_assert_nonnull (note);
    g_assert_nonnull (strstr (note, "not finished yet"));
    g_assert_nonnull (strstr (note, count));
    g_assert_nonnull (strstr (note, "count as 0% in the overall score"));
  }
  g_assert_cmpint (cs_run_report_get_turns (report), ==, 14);
  g_assert_cmpint (cs_run_report_get_forced_scenes (report), ==, 1);
  g_assert_cmpuint (cs_run_report_get_passed_scenes (report), ==, 0);
}

/* The Markdown transcript: a heading per scene, speakers, roles and the scores. */
static void
test_markdown (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *first = scene_at (scenario, 0);
  g_autoptr(GListStore) messages = g_list_store_new (CS_TYPE_MESSAGE);
  g_autoptr(GListStore) scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsMessage) intro = cs_message_new (CS_MESSAGE_KIND_SYSTEM, "Narrator", "Welcome.\nRead the case.");
  g_autoptr(CsMessage) hint = cs_message_new (CS_MESSAGE_KIND_HINT, "Hint", "Think about the deadline.");
  g_autoptr(CsRunReport) report = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *heading = g_strdup_printf ("\n## Scene 1: %s\n", cs_scene_get_title (first));

  g_list_store_append (messages, intro);
  add_message (messages, CS_MESSAGE_KIND_USER, first, "What is the board deadline?");
  cs_message_set_scene_id (hint, cs_record_get_id (CS_RECORD (first)));
  g_list_store_append (messages, hint);
  cs_progress_set_attempt (progress, 3);
  report = cs_run_report_new (scenario, progress, G_LIST_MODEL (scene_progress), G_LIST_MODEL (messages));
  markdown = cs_report_export_markdown (report);

  g_assert_true (g_str_has_prefix (markdown, "# "));
  g_assert_nonnull (strstr (markdown, "attempt 3"));
  g_assert_nonnull (strstr (markdown, "## Introduction\n\n*Narrator:* Welcome.\nRead the case.\n"));
  g_assert_nonnull (strstr (markdown, heading));
  g_assert_nonnull (strstr (markdown, "\n**You:** What is the board deadline?\n"));
  g_assert_nonnull (strstr (markdown, "\n> **Hint:** Think about the deadline.\n"));
  g_assert_nonnull (strstr (markdown, "**Overall score: 0%**"));
  /* the introduction comes before the first scene */
  g_assert_cmpuint (strstr (markdown, "## Introduction") - markdown, <, strstr (markdown, heading) - markdown);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
export_pdf (CsRunReport   *report,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cs_report_export_pdf_async (report, file, cancellable, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cs_report_export_pdf_finish (result, error);
}

/* The PDF is made on a worker from a copy of the run: the run may change meanwhile; the
 * file is complete or, cancelled or failed, the old one is left as it was. */
static void
test_pdf_async (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  CsScene *first = scene_at (scenario, 0);
  g_autoptr(GListStore) messages = g_list_store_new (CS_TYPE_MESSAGE);
  g_autoptr(GListStore) scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsRunReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    add_message (messages, i % 2 ? CS_MESSAGE_KIND_PERSONA : CS_MESSAGE_KIND_USER, first,
                 "What is the board deadline, and who decides?");
  {
    g_autoptr(CsSceneProgress) sp = cs_scene_progress_new (NULL);

    cs_scene_progress_set_scene_id (sp, cs_record_get_id (CS_RECORD (first)));
    cs_scene_progress_set_status (sp, CS_SCENE_STATUS_IN_PROGRESS);
    cs_scene_progress_set_messages_sent (sp, 100);
    g_list_store_append (scene_progress, sp);
  }
  report = cs_run_report_new (scenario, progress, G_LIST_MODEL (scene_progress), G_LIST_MODEL (messages));

  cs_report_export_pdf_async (report, file, NULL, on_exported, &result);
  /* the run goes on while the worker draws */
  for (guint i = 0; i < 200; i++)
    add_message (messages, CS_MESSAGE_KIND_USER, first, "And the union notice?");
  g_list_store_remove_all (scene_progress);
  cs_progress_set_attempt (progress, 2);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cs_report_export_pdf_finish (result, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
    g_autoptr(PopplerPage) page = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, cs_scenario_get_title (scenario)));
    /* the run as it was at the call */
    g_assert_nonnull (strstr (text, "Report of attempt 1"));
  }

  /* cancelled: the finished file stays as it is */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (export_pdf (report, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  {
    g_autofree char *after = NULL;
    gsize after_length;

    g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
    g_assert_cmpmem (after, after_length, contents, length);
  }

  /* a folder that is not there: the message names the file */
  g_assert_false (export_pdf (report, nowhere, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.pdf"));

  g_unlink (path);
  g_rmdir (dir);
}

static CsProgress *
saved_run (CsStore          *store,
           CsScenario       *scenario,
           int               attempt,
           CsProgressStatus  status)
{
  CsProgress *progress = cs_progress_new (NULL);
  g_autoptr(GError) error = NULL;

  cs_progress_set_scenario_id (progress, cs_record_get_id (CS_RECORD (scenario)));
  cs_progress_set_attempt (progress, attempt);
  cs_progress_set_status (progress, status);
  g_assert_true (cs_store_save_run (store, progress, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
  return progress;
}

static CsRunReport *
load_latest (CsStore    *store,
             CsScenario *scenario)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CsRunReport *report;

  cs_run_report_load_latest_async (store, scenario, NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = cs_run_report_load_latest_finish (result, &error);
  g_assert_no_error (error);
  return report;
}

/* The case page's report: the latest completed run, not a later one still going on. */
/* The PDF's fonts have the sizes asked for: its unit is the point, so Pango must lay out at
 * 72 dpi (at its default 96 dpi every font comes out a third larger). The overall score is
 * set in 15 pt; the height of its line in the PDF is about 1.2 times that. */
static void
test_pdf_font_size (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(GListStore) messages = g_list_store_new (CS_TYPE_MESSAGE);
  g_autoptr(GListStore) scene_progress = g_list_store_new (CS_TYPE_SCENE_PROGRESS);
  g_autoptr(CsProgress) progress = cs_progress_new (NULL);
  g_autoptr(CsRunReport) report = cs_run_report_new (scenario, progress,
                                                     G_LIST_MODEL (scene_progress),
                                                     G_LIST_MODEL (messages));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cs_report_export_pdf (report, &error);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  GList *found;
  PopplerRectangle *box;
  double height, width_per_char;

  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  found = poppler_page_find_text (page, "Overall score");
  g_assert_nonnull (found);
  box = found->data;
  height = ABS (box->y2 - box->y1);
  width_per_char = ABS (box->x2 - box->x1) / strlen ("Overall score");
  g_test_message ("\"Overall score\" in 15 pt: %.1f pt high, %.1f pt a character", height,
                  width_per_char);
  g_assert_cmpfloat (height, >, 15 * 0.9);
  g_assert_cmpfloat (height, <, 15 * 1.4);
  /* a bold sans character is about 0.6 em wide */
  g_assert_cmpfloat (width_per_char, <, 15 * 0.8);
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
}

static void
test_latest (void)
{
  g_autoptr(CsScenario) scenario = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-report-latest-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(CsStore) store = cs_store_open (path, &error);
  g_autoptr(CsScenario) saved = NULL;
  g_autoptr(CsRunReport) none = NULL;
  g_autoptr(CsRunReport) report = NULL;
  g_autoptr(CsProgress) first = NULL, second = NULL, third = NULL;

  g_assert_no_error (error);
  saved = cs_store_import_scenario (store, scenario, NULL, &error);
  g_assert_no_error (error);

  none = load_latest (store, saved);
  g_assert_null (none);

  first = saved_run (store, saved, 1, CS_PROGRESS_STATUS_COMPLETED);
  second = saved_run (store, saved, 2, CS_PROGRESS_STATUS_COMPLETED);
  third = saved_run (store, saved, 3, CS_PROGRESS_STATUS_IN_PROGRESS);
  report = load_latest (store, saved);
  g_assert_nonnull (report);
  g_assert_cmpstr (cs_record_get_id (CS_RECORD (cs_run_report_get_progress (report))), ==,
                   cs_record_get_id (CS_RECORD (second)));
  g_assert_true (cs_run_report_get_scenario (report) != saved);
  g_assert_cmpstr (cs_run_report_get_title (report), ==, cs_scenario_get_title (saved));

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/report/quotes-checked-again", test_quotes_checked_again);
  g_test_add_func ("/sim/report/markdown", test_markdown);
  g_test_add_func ("/sim/report/pdf-async", test_pdf_async);
  g_test_add_func ("/sim/report/pdf-font-size", test_pdf_font_size);
  g_test_add_func ("/sim/report/latest", test_latest);

  return g_test_run ();
}
