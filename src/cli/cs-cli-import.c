/* cs-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-ai.h"
#include "cs-cli-import.h"
#include "cs-llm-extractor.h"
#include "cs-provider-factory.h"
#include "cs-import-error.h"
#include "cs-model.h"
#include "cs-offline-extractor.h"
#include "cs-pdf-reader.h"

#define EXIT_USAGE 2

static char *opt_password;

static const GOptionEntry import_entries[] = {
  { "password", 0, 0, G_OPTION_ARG_STRING, &opt_password,
    N_("Password of an encrypted PDF (import)"), N_("PASSWORD") },
  { NULL }
};

const GOptionEntry *
cs_cli_import_option_entries (void)
{
  return import_entries;
}

typedef struct {
  GMainLoop    *loop;
  CsExtraction *extraction;
  GError       *error;
} Wait;

static void
on_extracted (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Wait *wait = data;

  wait->extraction = cs_case_extractor_extract_finish (CS_CASE_EXTRACTOR (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* The analysis Preferences (and --provider, --base-url, --model) ask for. */
static CsExtraction *
analyse (CsPdfText  *text,
         GError    **error)
{
  g_autoptr(CsAiSettings) settings = cs_cli_ai_load_settings (error);
  g_autoptr(CsLlmProvider) provider = NULL;
  g_autoptr(CsLlmExtractor) extractor = NULL;
  Wait wait = { NULL, NULL, NULL };

  if (settings == NULL)
    return NULL;
  if (cs_ai_settings_get_provider (settings) != CS_AI_PROVIDER_OPENAI)
    {
      g_autoptr(CsOfflineExtractor) offline = cs_offline_extractor_new ();

      return cs_offline_extractor_extract (offline, text, NULL, NULL, NULL, error);
    }
  if (!(provider = cs_provider_factory_create (settings, error)))
    return NULL;
  extractor = cs_llm_extractor_new (provider, 0);
  wait.loop = g_main_loop_new (NULL, FALSE);
  cs_case_extractor_extract_async (CS_CASE_EXTRACTOR (extractor), text, NULL, NULL, NULL,
                                   on_extracted, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  if (wait.error)
    g_propagate_error (error, wait.error);
  return wait.extraction;
}

static void
print_summary (CsScenario   *scenario,
               CsExtraction *extraction)
{
  GListModel *personas = cs_scenario_get_personas (scenario);
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  const char * const *warnings = cs_extraction_get_warnings (extraction);

  g_print (_("Imported “%s” as a draft with id %s\n"), cs_scenario_get_title (scenario),
           cs_record_get_id (CS_RECORD (scenario)));
  g_print (_("Analysed (%s): %u personas, %u scenes\n"), cs_extraction_get_analyser (extraction),
           g_list_model_get_n_items (personas), g_list_model_get_n_items (scenes));
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (personas, i);

      g_print ("  %s — %s%s\n", cs_persona_get_name (p), cs_persona_get_role (p),
               cs_persona_get_is_main_character (p) ? _(" (main character)") : "");
    }
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) s = g_list_model_get_item (scenes, i);

      g_print ("  %u. %s\n", i + 1, cs_scene_get_title (s));
    }
  for (guint i = 0; warnings[i]; i++)
    g_print (_("Check: %s\n"), warnings[i]);

  g_print (_("Open it in Case Studio to review every field before you publish it.\n"));
}

int
cs_cli_import (CsStore  *store,
               int       argc,
               char    **argv,
               gboolean  json,
               GError  **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(CsPdfText) text = NULL;
  g_autoptr(CsExtraction) extraction = NULL;
  g_autofree char *name = NULL;
  CsScenario *scenario;

  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“import” needs one PDF file"));
      return EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_parse_name (file);
  if (!(document = cs_pdf_reader_open (file, opt_password, NULL, error)) ||
      !(text = cs_pdf_reader_read (document, NULL, NULL, NULL, error)))
    {
      if (g_error_matches (*error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NEEDS_PASSWORD))
        g_prefix_error (error, _("Cannot import %s (give the password with --password): "), name);
      else
        g_prefix_error (error, _("Cannot import %s: "), name);
      return EXIT_FAILURE;
    }

  if (!(extraction = analyse (text, error)))
    {
      g_prefix_error (error, _("Cannot import %s: "), name);
      return EXIT_FAILURE;
    }
  scenario = cs_extraction_get_scenario (extraction);
  if (cs_extraction_get_fallback_reason (extraction))
    g_printerr (_("case-studio-cli: the language model failed (%s); the draft was made offline\n"),
                cs_extraction_get_fallback_reason (extraction));

  if (json)
    {
      g_autofree char *data = cs_scenario_format_to_data (scenario, NULL);

      g_print ("%s\n", data);
      return EXIT_SUCCESS;
    }

  if (!cs_store_save_scenario (store, scenario, error))
    return EXIT_FAILURE;
  print_summary (scenario, extraction);
  return EXIT_SUCCESS;
}
