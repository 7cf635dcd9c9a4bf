/* test-offline-extractor.c: the offline case analysis on real PDFs drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cs-case-people.h"
#include "cs-import-error.h"
#include "cs-model.h"
#include "cs-offline-extractor.h"
#include "cs-pdf-reader.h"
#include "cs-test-pdf.h"
#include "cs-text-util.h"

static char *tmpdir;

static CsPdfText *
read_pdf (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CsPdfText *text;

  document = cs_pdf_reader_open (file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = cs_pdf_reader_read (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static CsPdfText *
read_case (gboolean two_columns)
{
  g_autofree char *path = g_build_filename (tmpdir, two_columns ? "case2.pdf" : "case.pdf", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    cs_test_pdf_write_case (path, two_columns);
  return read_pdf (path);
}

static CsPersona *
find_persona (CsScenario *scenario,
              const char *name)
{
  GListModel *personas = cs_scenario_get_personas (scenario);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (personas, i);

      if (g_strcmp0 (cs_persona_get_name (p), name) == 0)
        return p;
    }
  return NULL;
}

/* Whitespace-folded page text, to look passages up in. */
static char *
page_text (CsPdfText *text,
           guint      page)
{
  g_autofree char *raw = cs_pdf_text_dup_page_text (text, page);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = raw; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_strdup (out->str);
}

/* The passage's words all occur, in order, in the text of its page (lines are joined and
 * hyphens mended in passages, so compare word by word). */
static void
assert_passage_on_page (CsPdfText         *text,
                        const CsSourceRef *ref)
{
  g_autofree char *page = NULL;
  g_auto(GStrv) words = NULL;
  const char *at;
  guint n_found = 0, n_words = 0;

  g_assert_cmpuint (ref->page, <, cs_pdf_text_get_n_pages (text));
  page = page_text (text, ref->page);
  words = g_strsplit (ref->passage, " ", -1);
  at = page;
  for (guint i = 0; words[i]; i++)
    {
      const char *found;

      if (strlen (words[i]) < 4 || strchr (words[i], '-'))
        continue;
      n_words++;
      found = strstr (at, words[i]);
      /* a sentence may run on to the next page */
      if (found == NULL && ref->page + 1 < cs_pdf_text_get_n_pages (text))
        break;
      g_assert_nonnull (found);
      at = found + strlen (words[i]);
      n_found++;
    }
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found * 2, >=, n_words);
}

static void
test_case (gconstpointer data)
{
  gboolean two_columns = GPOINTER_TO_INT (data);
  g_autoptr(CsPdfText) text = read_case (two_columns);
  g_autoptr(CsOfflineExtractor) extractor = cs_offline_extractor_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExtraction) extraction = NULL;
  g_autoptr(CsScenario) copy = NULL;
  g_autofree char *data_json = NULL;
  CsScenario *scenario;
  const char * const *outcomes;
  GListModel *scenes;
  guint n_scenes, n_main = 0;
  CsPersona *elena, *david, *priya, *tom;
  GPtrArray *refs;

  extraction = cs_offline_extractor_extract (extractor, text, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  scenario = cs_extraction_get_scenario (extraction);
  g_assert_cmpstr (cs_extraction_get_analyser (extraction), ==, "offline");

  /* the case */
  g_assert_cmpstr (cs_scenario_get_title (scenario), ==, cs_test_pdf_title);
  g_assert_cmpint (cs_scenario_get_status (scenario), ==, CS_SCENARIO_STATUS_DRAFT);
  g_assert_nonnull (strstr (cs_scenario_get_description (scenario), "FreshMart"));
  g_assert_nonnull (strstr (cs_scenario_get_challenge (scenario), "decide"));
  g_assert_nonnull (strstr (cs_scenario_get_challenge (scenario), "April 15"));
  g_assert_nonnull (strstr (cs_scenario_get_student_role (scenario), "adviser"));
  g_assert_nonnull (strstr (cs_scenario_get_student_role (scenario), "Elena Marsh"));
  g_assert_cmpstr (cs_scenario_get_industry (scenario), ==, "Food and beverage");
  outcomes = cs_scenario_get_learning_outcomes (scenario);
  g_assert_cmpuint (g_strv_length ((char **) outcomes), >=, 3);
  g_assert_cmpuint (g_strv_length ((char **) outcomes), <=, 5);
  g_assert_nonnull (strstr (cs_scenario_get_source_text (scenario), "30-kilogram"));
  g_assert_null (strstr (cs_scenario_get_source_text (scenario), "Authorized for use"));
  g_assert_cmpuint (g_strv_length ((char **) cs_extraction_get_warnings (extraction)), ==, 0);

  /* the people, with roles and a first guess of traits */
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, cs_test_pdf_n_people);
  for (guint i = 0; i < cs_test_pdf_n_people; i++)
    {
      CsPersona *p = find_persona (scenario, cs_test_pdf_people[i].name);
      g_autofree char *role = NULL;
      g_autofree char *path = NULL;

      g_assert_nonnull (p);
      role = g_utf8_strdown (cs_persona_get_role (p), -1);
      g_assert_nonnull (strstr (role, cs_test_pdf_people[i].role_word));
      if (cs_persona_get_is_main_character (p))
        n_main++;
      g_assert_cmpstr (cs_persona_get_background (p), !=, "");
      g_assert_cmpstr (cs_persona_get_correlation (p), !=, "");

      /* every place the person appears, each one really in the PDF */
      path = g_strdup_printf ("persona:%s", cs_record_get_id (CS_RECORD (p)));
      refs = cs_extraction_get_sources (extraction, path);
      g_assert_nonnull (refs);
      g_assert_cmpuint (refs->len, >=, 2);
      for (guint r = 0; r < refs->len; r++)
        assert_passage_on_page (text, g_ptr_array_index (refs, r));
    }
  g_assert_cmpuint (n_main, ==, 1);
  elena = find_persona (scenario, "Elena Marsh");
  david = find_persona (scenario, "David Chen");
  priya = find_persona (scenario, "Priya Natarajan");
  tom = find_persona (scenario, "Tom Becker");
  g_assert_true (cs_persona_get_is_main_character (elena));
  /* "warm and loyal", "analytical and blunt", "curious and open", "direct and demanding" */
  g_assert_cmpint (cs_persona_get_trait (elena, "empathy"), >, 5);
  g_assert_cmpint (cs_persona_get_trait (elena, "risk_tolerance"), <, 5);
  g_assert_cmpint (cs_persona_get_trait (david, "analytical"), >, 5);
  g_assert_cmpint (cs_persona_get_trait (priya, "openness"), >, 5);
  g_assert_cmpint (cs_persona_get_trait (tom, "assertiveness"), >, 5);
  g_assert_cmpint (cs_persona_get_trait (tom, "empathy"), <, 5);
  /* Priya appears on page 2 of 3, in "Operations Constraints" */
  {
    g_autofree char *path = g_strdup_printf ("persona:%s", cs_record_get_id (CS_RECORD (priya)));
    gboolean on_page_2 = FALSE;

    refs = cs_extraction_get_sources (extraction, path);
    for (guint r = 0; r < refs->len; r++)
      on_page_2 |= ((CsSourceRef *) g_ptr_array_index (refs, r))->page == 1;
    g_assert_true (on_page_2);
  }

  /* the scenes follow the four sections */
  scenes = cs_scenario_get_scenes (scenario);
  n_scenes = g_list_model_get_n_items (scenes);
  g_assert_cmpuint (n_scenes, ==, 4);
  for (guint i = 0; i < n_scenes; i++)
    {
      g_autoptr(CsScene) scene = g_list_model_get_item (scenes, i);
      GListModel *criteria = cs_scene_get_goal_criteria (scene);
      GListModel *involved = cs_scene_get_involved (scene);
      g_autofree char *path = g_strdup_printf ("scene:%s", cs_record_get_id (CS_RECORD (scene)));
      guint n_key = 0;

      g_assert_cmpstr (cs_scene_get_user_goal (scene), !=, "");
      g_assert_cmpuint (g_list_model_get_n_items (criteria), >=, 2);
      g_assert_cmpuint (g_list_model_get_n_items (criteria), <=, 4);
      g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (scene), 1.0, 0.0001);
      g_assert_cmpint (cs_scene_get_timeout_turns (scene), >=, 5);
      g_assert_cmpuint (g_list_model_get_n_items (involved), >=, 1);
      for (guint j = 0; j < g_list_model_get_n_items (involved); j++)
        {
          g_autoptr(CsScenePersona) sp = g_list_model_get_item (involved, j);

          g_assert_nonnull (cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (sp)));
          if (cs_scene_persona_get_involvement (sp) == CS_INVOLVEMENT_KEY)
            n_key++;
        }
      g_assert_cmpuint (n_key, ==, 1);
      refs = cs_extraction_get_sources (extraction, path);
      g_assert_nonnull (refs);
      for (guint r = 0; r < refs->len; r++)
        assert_passage_on_page (text, g_ptr_array_index (refs, r));
    }
  {
    g_autoptr(CsScene) first = g_list_model_get_item (scenes, 0);
    g_autoptr(CsScene) ops = g_list_model_get_item (scenes, 2);
    g_autoptr(CsScene) last = g_list_model_get_item (scenes, n_scenes - 1);

    g_assert_cmpstr (cs_scene_get_title (first), ==, "Company Background");
    g_assert_cmpstr (cs_scene_get_key_persona_id (first), ==, cs_record_get_id (CS_RECORD (elena)));
    g_assert_cmpstr (cs_scene_get_title (ops), ==, "Operations Constraints");
    g_assert_cmpstr (cs_scene_get_key_persona_id (ops), ==, cs_record_get_id (CS_RECORD (priya)));
    g_assert_cmpstr (cs_scene_get_title (last), ==, "The Decision");
    g_assert_cmpstr (cs_scene_get_key_persona_id (last), ==, cs_record_get_id (CS_RECORD (elena)));
  }

  /* other fields point into the PDF too */
  refs = cs_extraction_get_sources (extraction, "challenge");
  g_assert_nonnull (refs);
  assert_passage_on_page (text, g_ptr_array_index (refs, 0));
  g_assert_nonnull (cs_extraction_get_sources (extraction, "title"));
  g_assert_nonnull (cs_extraction_get_sources (extraction, "student_role"));

  /* the draft is a valid .casestudio document */
  data_json = cs_scenario_format_to_data (scenario, NULL);
  copy = cs_scenario_format_from_data (data_json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cs_scenario_get_n_scenes (copy), ==, n_scenes);
}

static void
test_default_arc (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "long.pdf", NULL);
  g_autoptr(CsPdfText) text = NULL;
  g_autoptr(CsOfflineExtractor) extractor = cs_offline_extractor_new ();
  g_autoptr(CsExtraction) extraction = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;
  GListModel *scenes;
  gboolean warned_people = FALSE;

  cs_test_pdf_write_long (path, 6);
  text = read_pdf (path);
  extraction = cs_offline_extractor_extract (extractor, text, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* no headings: the default arc */
  scenes = cs_scenario_get_scenes (cs_extraction_get_scenario (extraction));
  g_assert_cmpuint (g_list_model_get_n_items (scenes), ==, 4);
  {
    g_autoptr(CsScene) first = g_list_model_get_item (scenes, 0);
    g_autoptr(CsScene) third = g_list_model_get_item (scenes, 2);

    g_assert_cmpstr (cs_scene_get_title (first), ==, "Assessing the Situation");
    g_assert_cmpstr (cs_scene_get_title (third), ==, "Making the Decision");
    g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (third), 1.0, 0.0001);
  }
  /* nobody is named: say so, and say the decision was not found */
  warnings = cs_extraction_get_warnings (extraction);
  for (guint i = 0; warnings[i]; i++)
    warned_people |= strstr (warnings[i], "people") != NULL;
  g_assert_true (warned_people);
  g_assert_cmpuint (cs_scenario_get_n_personas (cs_extraction_get_scenario (extraction)), ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(CsPdfText) text = read_case (FALSE);
  g_autoptr(CsOfflineExtractor) extractor = cs_offline_extractor_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExtraction) extraction = NULL;

  g_cancellable_cancel (cancellable);
  extraction = cs_offline_extractor_extract (extractor, text, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (extraction);
}

typedef struct {
  GMainLoop    *loop;
  GArray       *stages;
  CsExtraction *extraction;
  GError       *error;
  GThread      *main_thread;
} AsyncRun;

static void
on_progress (CsImportStage stage,
             double        fraction,
             gpointer      data)
{
  AsyncRun *run = data;
  int value = stage;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  g_array_append_val (run->stages, value);
}

static void
on_extracted (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  AsyncRun *run = data;

  run->extraction = cs_case_extractor_extract_finish (CS_CASE_EXTRACTOR (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async (void)
{
  g_autoptr(CsPdfText) text = read_case (FALSE);
  g_autoptr(CsOfflineExtractor) extractor = cs_offline_extractor_new ();
  AsyncRun run = { g_main_loop_new (NULL, FALSE), g_array_new (FALSE, FALSE, sizeof (int)),
                   NULL, NULL, g_thread_self () };

  cs_case_extractor_extract_async (CS_CASE_EXTRACTOR (extractor), text, on_progress, &run, NULL,
                                   on_extracted, &run);
  g_main_loop_run (run.loop);
  /* progress may still be queued behind the result: let it arrive (it must be dropped) */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (run.error);
  g_assert_nonnull (run.extraction);
  g_assert_cmpuint (cs_scenario_get_n_personas (cs_extraction_get_scenario (run.extraction)), ==, 4);
  /* the stages came in order */
  g_assert_cmpuint (run.stages->len, >=, 1);
  for (guint i = 1; i < run.stages->len; i++)
    g_assert_cmpint (g_array_index (run.stages, int, i - 1), <=, g_array_index (run.stages, int, i));
  g_assert_cmpint (g_array_index (run.stages, int, 0), ==, CS_IMPORT_STAGE_FINDING_STRUCTURE);

  g_object_unref (run.extraction);
  g_array_unref (run.stages);
  g_main_loop_unref (run.loop);
}

/* People introduced in the other ways cases do, and capitalised phrases that are not people. */
static void
test_people_patterns (void)
{
  const char *texts[] = {
    "On Monday Morning the board of Lakeside Foods met at the Grand Hotel.",
    "The plant's operations director Ana Ruiz had run the site for ten years.",
    "Dr. Samuel Okoro chaired the hospital's quality committee.",
    "Maria Lopez was the plant manager and had come up through the line.",
    "Ana worried that the new line would not be ready before the audit in May.",
    "She is cautious and methodical, and she keeps detailed records.",
    "Northgate Coffee Roasters, the largest roaster in the region, bought beans weekly.",
  };
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = NULL;
  const CsCasePerson *ana = NULL, *samuel = NULL, *maria = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      CsCaseSentence *s = g_new0 (CsCaseSentence, 1);

      s->text = (char *) texts[i];
      s->paragraph = i < 4 ? i : 4;
      s->index = i;
      g_ptr_array_add (sentences, s);
    }
  people = cs_case_people_find (sentences, G_MAXUINT);

  for (guint i = 0; i < people->len; i++)
    {
      const CsCasePerson *p = g_ptr_array_index (people, i);

      if (g_str_equal (p->name, "Ana Ruiz"))
        ana = p;
      else if (g_str_equal (p->name, "Samuel Okoro"))
        samuel = p;
      else if (g_str_equal (p->name, "Maria Lopez"))
        maria = p;
      else
        g_error ("“%s” is not a person", p->name);
    }
  g_assert_nonnull (ana);
  g_assert_nonnull (samuel);
  g_assert_nonnull (maria);
  g_assert_cmpstr (ana->role, ==, "Operations director");
  g_assert_cmpstr (maria->role, ==, "Plant manager");
  g_assert_true (ana->main_character);
  /* "Ana worried …" then "She is cautious and methodical": both are about Ana */
  g_assert_cmpuint (ana->about->len, ==, 3);
  g_assert_cmpint (ana->traits[2], <, 5);  /* risk tolerance */
  g_assert_cmpint (ana->traits[3], >, 5);  /* analytical */
  g_assert_cmpuint (ana->goals->len, ==, 1);

  /* the sentences point into the test's static strings: do not free them */
  for (guint i = 0; i < sentences->len; i++)
    ((CsCaseSentence *) g_ptr_array_index (sentences, i))->text = NULL;
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("cs-extract-XXXXXX", NULL);

  g_test_add_data_func ("/import/extract/case", GINT_TO_POINTER (FALSE), test_case);
  g_test_add_data_func ("/import/extract/two-columns", GINT_TO_POINTER (TRUE), test_case);
  g_test_add_func ("/import/extract/default-arc", test_default_arc);
  g_test_add_func ("/import/extract/cancel", test_cancel);
  g_test_add_func ("/import/extract/async", test_async);
  g_test_add_func ("/import/extract/people-patterns", test_people_patterns);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *file = g_build_filename (tmpdir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
