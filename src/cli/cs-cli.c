/* cs-cli.c: case-studio-cli, the command-line tool over the local library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cs-model.h"
#include "cs-store.h"
#include "cs-cli-server.h"
#include "cs-cli-import.h"
#include "cs-cli-ai.h"
#include "cs-cli-play.h"

#define EXIT_USAGE 2

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (CsStore *store, int argc, char **argv, GError **error);
} CsCommand;

static gboolean opt_json;
static gboolean opt_deleted;
static char *opt_reason;

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static char *
format_time (GDateTime *dt)
{
  return dt ? g_date_time_format_iso8601 (dt) : g_strdup ("");
}

static void
print_json_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  data = json_generator_to_data (gen, NULL);
  g_print ("%s\n", data);
}

/* Finds a scenario by full id or by a unique prefix of at least 4 characters. */
char *
cs_cli_resolve_id (CsStore     *store,
            const char  *arg,
            GError     **error)
{
  g_autoptr(GListModel) live = NULL;
  g_autoptr(GListModel) deleted = NULL;
  GListModel *lists[2];
  g_autofree char *match = NULL;
  g_autofree char *lower = g_ascii_strdown (arg, -1);
  gsize len = strlen (lower);

  if (len < 4)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is too short to name a case: give at least 4 characters of its id (see “case-studio-cli list”)"),
                   arg);
      return NULL;
    }

  if (!(live = cs_store_list_scenarios (store, error)) ||
      !(deleted = cs_store_list_deleted (store, error)))
    return NULL;

  lists[0] = live;
  lists[1] = deleted;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(CsRecord) rec = g_list_model_get_item (lists[l], i);
        const char *id = cs_record_get_id (rec);

        if (g_str_equal (id, lower))
          return g_strdup (id);
        if (g_str_has_prefix (id, lower))
          {
            if (match && !g_str_equal (match, id))
              {
                g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             _("“%s” matches more than one case: give more characters of the id"),
                             arg);
                return NULL;
              }
            g_free (match);
            match = g_strdup (id);
          }
      }

  if (!match)
    g_set_error (error, CS_STORE_ERROR, CS_STORE_ERROR_NOT_FOUND,
                 _("No case with id “%s” in the library (see “case-studio-cli list”)"), arg);
  return g_steal_pointer (&match);
}

static JsonNode *
summary_to_json (CsScenario *scenario)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *updated = format_time (cs_record_get_updated_at (CS_RECORD (scenario)));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, cs_record_get_id (CS_RECORD (scenario)));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, or_empty (cs_scenario_get_title (scenario)));
  json_builder_set_member_name (b, "industry");
  json_builder_add_string_value (b, or_empty (cs_scenario_get_industry (scenario)));
  json_builder_set_member_name (b, "difficulty");
  json_builder_add_string_value (b, cs_enum_to_nick (CS_TYPE_DIFFICULTY, cs_scenario_get_difficulty (scenario)));
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, cs_enum_to_nick (CS_TYPE_SCENARIO_STATUS, cs_scenario_get_status (scenario)));
  json_builder_set_member_name (b, "n_personas");
  json_builder_add_int_value (b, cs_scenario_get_n_personas (scenario));
  json_builder_set_member_name (b, "n_scenes");
  json_builder_add_int_value (b, cs_scenario_get_n_scenes (scenario));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, cs_record_get_version (CS_RECORD (scenario)));
  json_builder_set_member_name (b, "updated_at");
  json_builder_add_string_value (b, updated);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static void
print_summaries (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  if (opt_json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CsScenario) s = g_list_model_get_item (list, i);
          json_array_add_element (array, summary_to_json (s));
        }
      json_node_set_array (root, array);
      print_json_node (root);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsScenario) s = g_list_model_get_item (list, i);

      g_print ("%s\t%s\t%u scenes\t%u personas\n",
               cs_record_get_id (CS_RECORD (s)),
               or_empty (cs_scenario_get_title (s)),
               cs_scenario_get_n_scenes (s),
               cs_scenario_get_n_personas (s));
    }
}

static int
cmd_list (CsStore *store, int argc, char **argv, GError **error)
{
  g_autoptr(GListModel) list = NULL;

  if (argc != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“list” takes no arguments"));
      return EXIT_USAGE;
    }
  list = opt_deleted ? cs_store_list_deleted (store, error) : cs_store_list_scenarios (store, error);
  if (!list)
    return EXIT_FAILURE;
  print_summaries (list);
  return EXIT_SUCCESS;
}

static int
cmd_search (CsStore *store, int argc, char **argv, GError **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autofree char *query = NULL;

  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“search” needs the words to look for"));
      return EXIT_USAGE;
    }
  query = g_strjoinv (" ", argv + 1);
  if (!(list = cs_store_search_scenarios (store, query, error)))
    return EXIT_FAILURE;
  print_summaries (list);
  return EXIT_SUCCESS;
}

static void
print_text_list (const char *heading, const char * const *items)
{
  if (!items || !items[0])
    return;
  g_print ("\n%s\n", heading);
  for (guint i = 0; items[i]; i++)
    g_print ("  • %s\n", items[i]);
}

static void
print_scenario_text (CsScenario *s)
{
  GListModel *personas = cs_scenario_get_personas (s);
  GListModel *scenes = cs_scenario_get_scenes (s);

  g_print ("%s\n", or_empty (cs_scenario_get_title (s)));
  g_print (_("Id: %s (version %lld)\n"),
           cs_record_get_id (CS_RECORD (s)), (long long) cs_record_get_version (CS_RECORD (s)));
  if (cs_scenario_is_deleted (s))
    g_print (_("Deleted (restore with “case-studio-cli restore %s”)\n"), cs_record_get_id (CS_RECORD (s)));
  g_print (_("Industry: %s · Difficulty: %s · Duration: %d min\n"),
           or_empty (cs_scenario_get_industry (s)),
           cs_enum_to_nick (CS_TYPE_DIFFICULTY, cs_scenario_get_difficulty (s)),
           cs_scenario_get_estimated_duration (s));
  if (cs_scenario_get_student_role (s))
    g_print (_("You play: %s\n"), cs_scenario_get_student_role (s));
  if (cs_scenario_get_description (s))
    g_print ("\n%s\n", cs_scenario_get_description (s));
  if (cs_scenario_get_challenge (s))
    g_print (_("\nChallenge: %s\n"), cs_scenario_get_challenge (s));
  print_text_list (_("Learning outcomes"), cs_scenario_get_learning_outcomes (s));

  g_print (_("\nPersonas\n"));
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) p = g_list_model_get_item (personas, i);
      g_auto(GStrv) traits = cs_persona_dup_trait_names (p);

      g_print ("  %s — %s%s\n", or_empty (cs_persona_get_name (p)), or_empty (cs_persona_get_role (p)),
               cs_persona_get_is_main_character (p) ? _(" (main character)") : "");
      for (guint t = 0; traits && traits[t]; t++)
        g_print ("      %-20s %d/10\n", traits[t], cs_persona_get_trait (p, traits[t]));
    }

  g_print (_("\nScenes\n"));
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsScene) sc = g_list_model_get_item (scenes, i);
      GListModel *criteria = cs_scene_get_goal_criteria (sc);

      g_print ("  %u. %s\n", i + 1, or_empty (cs_scene_get_title (sc)));
      g_print (_("     Goal: %s\n"), or_empty (cs_scene_get_user_goal (sc)));
      g_print (_("     Turn limit: %d · pass at %.0f%%\n"), cs_scene_get_timeout_turns (sc),
               cs_scene_get_success_threshold (sc) * 100.0);
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(CsGoalCriterion) crit = g_list_model_get_item (criteria, c);
          g_print ("       - %s (%.0f%%)\n", or_empty (cs_goal_criterion_get_text (crit)),
                   cs_goal_criterion_get_weight (crit) * 100.0);
        }
    }
}

static int
cmd_show (CsStore *store, int argc, char **argv, GError **error)
{
  g_autofree char *id = NULL;
  g_autoptr(CsScenario) scenario = NULL;

  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“show” needs the id of one case"));
      return EXIT_USAGE;
    }
  if (!(id = cs_cli_resolve_id (store, argv[1], error)) ||
      !(scenario = cs_store_load_scenario (store, id, error)))
    return EXIT_FAILURE;

  if (opt_json)
    {
      g_autoptr(JsonNode) root = cs_scenario_format_serialize (scenario);
      print_json_node (root);
    }
  else
    print_scenario_text (scenario);
  return EXIT_SUCCESS;
}

static int
cmd_import (CsStore *store, int argc, char **argv, GError **error)
{
  return cs_cli_import (store, argc, argv, opt_json, error);
}

static int
cmd_import_json (CsStore *store, int argc, char **argv, GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(CsScenario) saved = NULL;
  g_autofree char *name = NULL;
  gboolean copied = FALSE;

  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“import-json” needs one .casestudio file"));
      return EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_parse_name (file);
  if (!(scenario = cs_scenario_format_load_file (file, NULL, error)))
    {
      g_prefix_error (error, _("Cannot import %s: "), name);
      return EXIT_FAILURE;
    }

  /* Importing a case the library already has makes a copy instead of overwriting it. */
  if (!(saved = cs_store_import_scenario (store, scenario, &copied, error)))
    return EXIT_FAILURE;

  if (copied)
    g_print (_("Imported “%s” as a copy with id %s (the library already had this case)\n"),
             or_empty (cs_scenario_get_title (saved)), cs_record_get_id (CS_RECORD (saved)));
  else
    g_print (_("Imported “%s” with id %s\n"),
             or_empty (cs_scenario_get_title (saved)), cs_record_get_id (CS_RECORD (saved)));
  return EXIT_SUCCESS;
}

static int
cmd_export (CsStore *store, int argc, char **argv, GError **error)
{
  g_autofree char *id = NULL;
  g_autoptr(CsScenario) scenario = NULL;

  if (argc != 3)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“export” needs the id of a case and a file name (or - for standard output)"));
      return EXIT_USAGE;
    }
  if (!(id = cs_cli_resolve_id (store, argv[1], error)) ||
      !(scenario = cs_store_load_scenario (store, id, error)))
    return EXIT_FAILURE;

  if (g_str_equal (argv[2], "-"))
    {
      g_autofree char *data = cs_scenario_format_to_data (scenario, NULL);
      g_print ("%s\n", data);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[2]);
      if (!cs_scenario_format_save_file (scenario, file, NULL, error))
        return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
cmd_delete (CsStore *store, int argc, char **argv, GError **error)
{
  g_autofree char *id = NULL;

  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“delete” needs the id of one case"));
      return EXIT_USAGE;
    }
  if (!(id = cs_cli_resolve_id (store, argv[1], error)) ||
      !cs_store_delete_scenario (store, id, g_get_user_name (), opt_reason, error))
    return EXIT_FAILURE;
  g_print (_("Deleted %s (undo with “case-studio-cli restore %s”)\n"), id, id);
  return EXIT_SUCCESS;
}

static int
cmd_restore (CsStore *store, int argc, char **argv, GError **error)
{
  g_autofree char *id = NULL;

  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“restore” needs the id of one case"));
      return EXIT_USAGE;
    }
  if (!(id = cs_cli_resolve_id (store, argv[1], error)) ||
      !cs_store_restore_scenario (store, id, error))
    return EXIT_FAILURE;
  g_print (_("Restored %s\n"), id);
  return EXIT_SUCCESS;
}

/* A case by a unique prefix of its title (case-insensitive), or else by its id. */
static char *
resolve_case (CsStore     *store,
              const char  *arg,
              GError     **error)
{
  g_autoptr(GListModel) live = cs_store_list_scenarios (store, error);
  g_autofree char *wanted = g_utf8_casefold (arg, -1);
  g_autofree char *match = NULL;

  if (live == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (live) && *wanted != '\0'; i++)
    {
      g_autoptr(CsScenario) s = g_list_model_get_item (live, i);
      g_autofree char *title = g_utf8_casefold (or_empty (cs_scenario_get_title (s)), -1);

      if (!g_str_has_prefix (title, wanted))
        continue;
      if (match != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” begins the titles of more than one case: give more of the title, or the id"),
                       arg);
          return NULL;
        }
      match = g_strdup (cs_record_get_id (CS_RECORD (s)));
    }
  return match != NULL ? g_steal_pointer (&match) : cs_cli_resolve_id (store, arg, error);
}

static int
cmd_play (CsStore *store, int argc, char **argv, GError **error)
{
  g_autofree char *id = NULL;
  g_autoptr(CsScenario) scenario = NULL;

  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“play” needs the id or the title of one case"));
      return EXIT_USAGE;
    }
  if (!(id = resolve_case (store, argv[1], error)) ||
      !(scenario = cs_store_load_scenario (store, id, error)))
    return EXIT_FAILURE;
  return cs_cli_play (store, scenario, opt_json, error);
}

static const CsCommand commands[] = {
  { "list",        "[--json] [--deleted]", N_("List the cases in the library"), cmd_list },
  { "search",      "WORDS… [--json]",     N_("Search titles, descriptions and tags"), cmd_search },
  { "show",        "ID [--json]",          N_("Show one case (--json: as a .casestudio document)"), cmd_show },
  { "import",      "FILE.pdf [--json]",    N_("Analyse a case-study PDF and add it as a draft (--json: print the draft instead)"), cmd_import },
  { "import-json", "FILE",                 N_("Add a .casestudio file to the library"), cmd_import_json },
  { "export",      "ID FILE",              N_("Write a case to a .casestudio file (- for standard output)"), cmd_export },
  { "delete",      "ID [--reason TEXT]",   N_("Move a case to the deleted cases (it can be restored)"), cmd_delete },
  { "restore",     "ID",                   N_("Bring back a deleted case"), cmd_restore },
  { "play",        "ID [--json] [--no-save] [--report FILE.pdf] [--transcript FILE.md]",
    N_("Play a case with one student message per line of standard input"), cmd_play },
  { "server",      "init|migrate|status|add-instructor|publish|cohort|invite|enrolments|assign|join …", N_("The shared PostgreSQL server: set it up, publish, run cohorts, join (see --server)"), cmd_server },
  { "ai",          "status|models|ask ID PERSONA MESSAGE…", N_("The language model of Preferences (see --provider, --base-url, --model)"), cmd_ai },
};

static char *
commands_summary (void)
{
  GString *s = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "\n  %-12s %-22s %s", commands[i].name, commands[i].args,
                            _(commands[i].summary));
  g_string_append (s, _("\n\nID may be the first characters of a case’s id (at least 4); for "
                        "“play”, also the beginning of its title."));
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  g_autofree char *library = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsStore) store = NULL;
  const CsCommand *command = NULL;
  int status;
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library, N_("Use this library file instead of the default"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON for scripts"), NULL },
    { "deleted", 0, 0, G_OPTION_ARG_NONE, &opt_deleted, N_("List deleted cases"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why the case is deleted"), N_("TEXT") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGS…] — the Case Studio library from the command line"));
  summary = commands_summary ();
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, cs_cli_server_option_entries (), GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, cs_cli_import_option_entries (), GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, cs_cli_ai_option_entries (), GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, cs_cli_play_option_entries (), GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("case-studio-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];

  if (!command)
    {
      g_printerr (_("case-studio-cli: unknown command “%s” (try --help)\n"), argv[1]);
      return EXIT_USAGE;
    }

  if (!library && g_getenv ("CASE_STUDIO_LIBRARY"))
    library = g_strdup (g_getenv ("CASE_STUDIO_LIBRARY"));
  if (!library)
    library = cs_store_dup_default_path ();

  if (!(store = cs_store_open (library, &error)))
    {
      g_printerr (_("case-studio-cli: cannot open the library %s: %s\n"), library, error->message);
      return EXIT_FAILURE;
    }

  status = command->run (store, argc - 1, argv + 1, &error);
  if (error)
    {
      g_printerr ("case-studio-cli: %s\n", error->message);
      if (status == EXIT_USAGE)
        g_printerr (_("Usage: case-studio-cli %s %s\n"), command->name, command->args);
    }
  g_clear_pointer (&opt_reason, g_free);
  return status;
}
