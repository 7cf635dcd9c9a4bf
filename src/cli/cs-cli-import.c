/* cs-cli-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-cli-import.h"
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

static void
print_summary (CsScenario   *scenario,
               CsExtraction *extraction)
{
  GListModel *personas = cs_scenario_get_personas (scenario);
  GListModel *scenes = cs_scenario_get_scenes (scenario);
  const char * const *warnings = cs_extraction_get_warnings (extraction);

  g_print (_("Imported “%s” as a draft with id %s\n"), cs_scenario_get_title (scenario),
           cs_record_get_id (CS_RECORD (scenario)));
  g_print (_("Analysed offline: %u personas, %u scenes\n"), g_list_model_get_n_items (personas),
           g_list_model_get_n_items (scenes));
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
  g_autoptr(CsOfflineExtractor) extractor = NULL;
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

  extractor = cs_offline_extractor_new ();
  if (!(extraction = cs_offline_extractor_extract (extractor, text, NULL, NULL, NULL, error)))
    {
      g_prefix_error (error, _("Cannot import %s: "), name);
      return EXIT_FAILURE;
    }
  scenario = cs_extraction_get_scenario (extraction);

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
