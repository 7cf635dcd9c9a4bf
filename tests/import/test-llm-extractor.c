/* test-llm-extractor.c: case analysis by a model behind a fake OpenAI-compatible server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cs-llm-extractor.h"
#include "cs-openai-provider.h"
#include "cs-pdf-reader.h"
#include "cs-test-pdf.h"

static char *tmpdir;

/* What the fake model says about each part of the case. */
static const char part_one[] =
  "{\"title\": \"Northgate Coffee Roasters: The Wholesale Decision\","
  " \"description\": \"A roaster weighs a supermarket contract.\","
  " \"challenge\": \"Accept FreshMart's offer, pilot it, or decline?\","
  " \"student_role\": \"Outside adviser to Elena Marsh\", \"industry\": \"Coffee\","
  " \"learning_outcomes\": [\"Weigh growth against control\", \"Read a contribution margin\"],"
  " \"personas\": ["
  "  {\"name\": \"Elena Marsh\", \"role\": \"Founder\", \"background\": \"Founded Northgate in 2014.\","
  "   \"is_main_character\": true, \"traits\": {\"assertiveness\": 6, \"openness\": 5,"
  "   \"risk_tolerance\": 2, \"analytical\": 5, \"empathy\": 8}},"
  "  {\"name\": \"David Chen\", \"role\": \"Finance director\", \"background\": \"Built the model.\","
  "   \"is_main_character\": false, \"traits\": {\"assertiveness\": 7, \"openness\": 4,"
  "   \"risk_tolerance\": 3, \"analytical\": 9, \"empathy\": 3}}],"
  " \"scenes\": ["
  "  {\"title\": \"The Offer\", \"description\": \"Elena explains the offer.\","
  "   \"user_goal\": \"Understand the decision\", \"personas\": [\"Elena Marsh\", \"David Chen\"],"
  "   \"goal_criteria\": [{\"text\": \"Names the deadline\", \"weight\": 0.6},"
  "                      {\"text\": \"Asks about the margin\", \"weight\": 0.6}]},"
  "  {\"title\": \"The Numbers\", \"description\": \"David shows the model.\","
  "   \"user_goal\": \"Compare the options\", \"personas\": [\"David\"],"
  "   \"goal_criteria\": [{\"text\": \"Compares profit of the options\", \"weight\": 1}]}]}";

static const char part_two[] =
  "{\"title\": \"\", \"description\": \"\", \"challenge\": \"\", \"student_role\": \"\","
  " \"industry\": \"\", \"learning_outcomes\": [\"weigh growth against control\", \"Plan capacity\"],"
  " \"personas\": ["
  "  {\"name\": \"Elena\", \"role\": \"\", \"background\": \"\", \"is_main_character\": true,"
  "   \"traits\": {\"assertiveness\": 8, \"openness\": 5, \"risk_tolerance\": 4, \"analytical\": 5,"
  "   \"empathy\": 8}},"
  "  {\"name\": \"Priya Natarajan\", \"role\": \"Head of roasting operations\","
  "   \"background\": \"Runs the only roaster.\", \"is_main_character\": false,"
  "   \"traits\": {\"assertiveness\": 5, \"openness\": 9, \"risk_tolerance\": 5, \"analytical\": 6,"
  "   \"empathy\": 6}}],"
  " \"scenes\": ["
  "  {\"title\": \"The Roastery\", \"description\": \"Priya shows the constraints.\","
  "   \"user_goal\": \"Find the capacity limits\", \"personas\": [\"Priya Natarajan\", \"Elena\"],"
  "   \"goal_criteria\": [{\"text\": \"Finds the eight-week training time\", \"weight\": 0.5},"
  "                      {\"text\": \"Finds the bean supply limit\", \"weight\": 0.5}]}]}";

static const char part_other[] =
  "{\"title\": \"\", \"description\": \"\", \"challenge\": \"\", \"student_role\": \"\","
  " \"industry\": \"\", \"learning_outcomes\": [], \"personas\": [], \"scenes\": []}";

typedef struct {
  SoupServer *server;
  char       *base_url;
  guint       n_requests;
  guint       status;   /* 0: answer, else fail with it */
} Fake;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Fake *fake = data;
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (request);
  const char *body = g_bytes_get_data (bytes, NULL);
  const char *content;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *reply = NULL;

  fake->n_requests++;
  if (fake->status)
    {
      soup_server_message_set_status (msg, fake->status, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\": {\"message\": \"overloaded\"}}", 36);
      return;
    }
  content = strstr (body, "Part 1 of") ? part_one : strstr (body, "Part 2 of") ? part_two : part_other;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "assistant");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "finish_reason");
  json_builder_add_string_value (builder, "stop");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  reply = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, reply, strlen (reply));
}

static void
fake_start (Fake *fake)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  memset (fake, 0, sizeof *fake);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, "/v1/chat/completions", handle, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
fake_stop (Fake *fake)
{
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_free (fake->base_url);
}

static CsPdfText *
read_case (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "case.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CsPdfText *text;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    cs_test_pdf_write_case (path, FALSE);
  document = cs_pdf_reader_open (file, NULL, NULL, &error);
  g_assert_no_error (error);
  text = cs_pdf_reader_read (document, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return text;
}

typedef struct {
  GMainLoop    *loop;
  CsExtraction *extraction;
  GError       *error;
} Wait;

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->extraction = cs_case_extractor_extract_finish (CS_CASE_EXTRACTOR (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static CsExtraction *
extract (Fake *fake, GCancellable *cancellable, GError **error)
{
  g_autoptr(CsPdfText) text = read_case ();
  g_autoptr(CsOpenaiProvider) provider = cs_openai_provider_new (fake->base_url, "", "case-model");
  g_autoptr(CsLlmExtractor) extractor = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  g_object_set (provider, "max-retries", 0, NULL);
  /* the smallest context: the case goes out in several parts */
  extractor = cs_llm_extractor_new (CS_LLM_PROVIDER (provider), 1);
  cs_case_extractor_extract_async (CS_CASE_EXTRACTOR (extractor), text, NULL, NULL, cancellable,
                                   on_done, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error)
    g_propagate_error (error, wait.error);
  return wait.extraction;
}

static CsPersona *
persona_named (CsScenario *scenario, const char *name)
{
  for (guint i = 0; i < cs_scenario_get_n_personas (scenario); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (scenario), i);

      if (g_str_equal (cs_persona_get_name (p), name))
        return p;
    }
  return NULL;
}

static void
test_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExtraction) extraction = NULL;
  const char * const *outcomes;
  CsScenario *scenario;
  CsPersona *elena, *david, *priya;
  guint n_main = 0;
  Fake fake;

  fake_start (&fake);
  extraction = extract (&fake, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake.n_requests, >=, 2);
  g_assert_null (cs_extraction_get_fallback_reason (extraction));
  scenario = cs_extraction_get_scenario (extraction);

  g_assert_cmpstr (cs_scenario_get_title (scenario), ==, cs_test_pdf_title);
  g_assert_cmpstr (cs_scenario_get_student_role (scenario), ==, "Outside adviser to Elena Marsh");
  g_assert_nonnull (strstr (cs_scenario_get_source_text (scenario), "30-kilogram"));
  /* outcomes without duplicates ("weigh growth…" twice) */
  outcomes = cs_scenario_get_learning_outcomes (scenario);
  g_assert_cmpuint (g_strv_length ((char **) outcomes), ==, 3);

  /* "Elena" in part two is Elena Marsh: three people, traits averaged, one protagonist */
  g_assert_cmpuint (cs_scenario_get_n_personas (scenario), ==, 3);
  elena = persona_named (scenario, "Elena Marsh");
  david = persona_named (scenario, "David Chen");
  priya = persona_named (scenario, "Priya Natarajan");
  g_assert_nonnull (elena);
  g_assert_nonnull (david);
  g_assert_nonnull (priya);
  g_assert_cmpint (cs_persona_get_trait (elena, "assertiveness"), ==, 7);
  g_assert_cmpint (cs_persona_get_trait (elena, "risk_tolerance"), ==, 3);
  g_assert_cmpstr (cs_persona_get_role (elena), ==, "Founder");
  for (guint i = 0; i < cs_scenario_get_n_personas (scenario); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (cs_scenario_get_personas (scenario), i);

      n_main += cs_persona_get_is_main_character (p);
    }
  g_assert_cmpuint (n_main, ==, 1);
  g_assert_true (cs_persona_get_is_main_character (elena));

  /* where the PDF names them */
  {
    g_autofree char *path = g_strdup_printf ("persona:%s", cs_record_get_id (CS_RECORD (priya)));
    GPtrArray *refs = cs_extraction_get_sources (extraction, path);

    g_assert_nonnull (refs);
    g_assert_cmpuint (((CsSourceRef *) g_ptr_array_index (refs, 0))->page, ==, 1);
  }

  /* scenes in order, weights summing to 1, people by name, the first listed as key */
  g_assert_cmpuint (cs_scenario_get_n_scenes (scenario), ==, 3);
  {
    g_autoptr(CsScene) first = g_list_model_get_item (cs_scenario_get_scenes (scenario), 0);
    g_autoptr(CsScene) third = g_list_model_get_item (cs_scenario_get_scenes (scenario), 2);
    g_autoptr(CsScene) second = g_list_model_get_item (cs_scenario_get_scenes (scenario), 1);

    g_assert_cmpstr (cs_scene_get_title (first), ==, "The Offer");
    g_assert_cmpfloat_with_epsilon (cs_scene_get_total_weight (first), 1.0, 1e-9);
    g_assert_cmpstr (cs_scene_get_key_persona_id (first), ==, cs_record_get_id (CS_RECORD (elena)));
    g_assert_cmpstr (cs_scene_get_key_persona_id (second), ==, cs_record_get_id (CS_RECORD (david)));
    g_assert_cmpstr (cs_scene_get_title (third), ==, "The Roastery");
    g_assert_cmpstr (cs_scene_get_key_persona_id (third), ==, cs_record_get_id (CS_RECORD (priya)));
    g_assert_cmpuint (g_list_model_get_n_items (cs_scene_get_involved (third)), ==, 2);
  }
  fake_stop (&fake);
}

/* The server fails: the offline analysis makes the draft, and says why. */
static void
test_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExtraction) extraction = NULL;
  const char * const *warnings;
  Fake fake;

  fake_start (&fake);
  fake.status = 500;
  extraction = extract (&fake, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake.n_requests, ==, 1);
  g_assert_cmpstr (cs_extraction_get_analyser (extraction), ==, "offline");
  g_assert_nonnull (cs_extraction_get_fallback_reason (extraction));
  warnings = cs_extraction_get_warnings (extraction);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (strstr (warnings[g_strv_length ((char **) warnings) - 1], "made offline"));
  /* and the offline draft is the real one */
  g_assert_cmpuint (cs_scenario_get_n_personas (cs_extraction_get_scenario (extraction)), ==, 4);
  fake_stop (&fake);
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExtraction) extraction = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Fake fake;

  fake_start (&fake);
  g_cancellable_cancel (cancellable);
  extraction = extract (&fake, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (extraction);
  fake_stop (&fake);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("cs-llm-extract-XXXXXX", NULL);

  g_test_add_func ("/import/llm-extract/merge", test_merge);
  g_test_add_func ("/import/llm-extract/fallback", test_fallback);
  g_test_add_func ("/import/llm-extract/cancel", test_cancel);

  ret = g_test_run ();
  path = g_build_filename (tmpdir, "case.pdf", NULL);
  g_unlink (path);
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return ret;
}
