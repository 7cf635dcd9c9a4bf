/* cs-cli-server.c: "case-studio-cli server …", setting up the shared PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connection comes from --server CONNINFO (a libpq connection string or URI), else
 * from libpq's PG* environment variables.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "cs-cli-server.h"
#include "cs-enrolment.h"
#include "cs-publisher.h"
#include "cs-scenario-check.h"
#include "cs-server-schema.h"

#define EXIT_USAGE 2
#define MAX_PASSWORD 1024

static char *opt_server;
static CsStore *run_store;
static int opt_uses = 1;
static char *opt_expires;
static char *opt_user;
static char *opt_name;
static char *opt_course;
static gboolean opt_auto_approve;
static gboolean opt_password_stdin;

const GOptionEntry *
cs_cli_server_option_entries (void)
{
  static const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &opt_server,
      N_("PostgreSQL server of the “server” commands (libpq connection string; default: the PG* environment)"),
      N_("CONNINFO") },
    { "uses", 0, 0, G_OPTION_ARG_INT, &opt_uses,
      N_("“server invite create”: how many students may use the code (default 1)"), N_("N") },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &opt_expires,
      N_("“server invite create”: when the code expires (YYYY-MM-DD or ISO 8601; default in 14 days)"),
      N_("DATE") },
    { "auto-approve", 0, 0, G_OPTION_ARG_NONE, &opt_auto_approve,
      N_("“server cohort create”, “server invite create”: students are approved when they join"), NULL },
    { "course", 0, 0, G_OPTION_ARG_STRING, &opt_course,
      N_("“server cohort create”: the course code"), N_("CODE") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user,
      N_("“server join”: the user name to create"), N_("NAME") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name,
      N_("“server join”: your name as your instructor sees it"), N_("TEXT") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_password_stdin,
      N_("“server join”, “server add-instructor”: read the password from standard input (the default)"), NULL },
    { NULL }
  };

  return entries;
}

static int
usage (GError **error)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("“server” needs one of: init, migrate, status, add-instructor NAME, "
                         "publish CASE, cohort create|list|archive, invite create|list, "
                         "enrolments list|approve|reject, assign COHORT CASE, join CODE"));
  return EXIT_USAGE;
}

/* One line from standard input, without echo when it is a terminal. */
static char *
read_password (GError **error)
{
  char buffer[MAX_PASSWORD + 2];
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char *line;
  gsize len;

  if (tty)
    {
      g_printerr (_("Password: "));
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (!line)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No password given: write it on standard input"));
      return NULL;
    }
  len = strlen (line);
  if (len > 0 && line[len - 1] == '\n')
    line[--len] = '\0';
  if (len > MAX_PASSWORD)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The password is too long (at most %d characters)"), MAX_PASSWORD);
      return NULL;
    }
  return g_strdup (line);
}

static const char *
state_name (CsServerMigrationState state)
{
  switch (state)
    {
    case CS_SERVER_MIGRATION_PENDING: return _("pending");
    case CS_SERVER_MIGRATION_APPLIED: return _("applied");
    case CS_SERVER_MIGRATION_CHANGED: return _("changed since applied");
    case CS_SERVER_MIGRATION_UNKNOWN: return _("unknown (newer)");
    default: g_assert_not_reached ();
    }
}

static int
print_status (PGconn  *conn,
              GError **error)
{
  g_autoptr(GPtrArray) status = cs_server_schema_status (conn, error);

  if (!status)
    return EXIT_FAILURE;
  for (guint i = 0; i < status->len; i++)
    {
      CsServerMigration *m = g_ptr_array_index (status, i);

      g_print ("%03d\t%s\t%s\t%s\n", m->number, m->name, state_name (m->state),
               m->applied_at ? m->applied_at : "");
    }
  return EXIT_SUCCESS;
}

static int
add_instructor (PGconn  *conn,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *password = NULL;
  g_autofree char *id = NULL;

  if (argc < 3)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“server add-instructor” needs the user name (and optionally the display name)"));
      return EXIT_USAGE;
    }
  display_name = argc > 3 ? g_strjoinv (" ", argv + 3) : NULL;
  if (!(password = read_password (error)) ||
      !(id = cs_server_add_instructor (conn, argv[2], password, display_name, error)))
    return EXIT_FAILURE;
  g_print (_("Added instructor %s (%s)\n"), argv[2], id);
  return EXIT_SUCCESS;
}


static int
need (int          argc,
      int          at_least,
      const char  *what,
      GError     **error)
{
  if (argc >= at_least)
    return EXIT_SUCCESS;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("“server %s” needs more arguments"), what);
  return EXIT_USAGE;
}

/* The id in @ids (a GPtrArray of structs whose first member is the id) that @arg names:
 * the whole id or its first 4 characters or more. */
static const char *
match_id (GPtrArray   *items,
          const char  *arg,
          const char  *kind,
          GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (arg, -1);
  const char *match = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const char *id = *(char **) g_ptr_array_index (items, i);

      if (g_str_equal (id, lower))
        return id;
      if (strlen (lower) >= 4 && g_str_has_prefix (id, lower))
        {
          if (match)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("“%s” names more than one %s: give more characters of the id"), arg, kind);
              return NULL;
            }
          match = id;
        }
    }
  if (!match)
    g_set_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_FOUND,
                 _("You have no %s “%s” on this server (give at least 4 characters of its id)"), kind, arg);
  return match;
}

static char *
resolve_cohort (PGconn      *conn,
                const char  *arg,
                GError     **error)
{
  g_autoptr(GPtrArray) cohorts = cs_enrolment_list_cohorts (conn, error);
  const char *id;

  if (!cohorts || !(id = match_id (cohorts, arg, _("cohort"), error)))
    return NULL;
  return g_strdup (id);
}

/* A case of the library by id prefix, else a whole id as given (a version on the server). */
static char *
resolve_case (CsStore     *store,
              const char  *arg,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *id = cs_cli_resolve_id (store, arg, &local_error);

  if (id)
    return id;
  if (g_uuid_string_is_valid (arg))
    return g_ascii_strdown (arg, -1);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static GDateTime *
parse_when (const char  *text,
            GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  GDateTime *when = g_date_time_new_from_iso8601 (text, local);
  int y, m, d;
  char end;

  /* A date alone: the end of that day, here. */
  if (!when && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3)
    when = g_date_time_new_local (y, m, d, 23, 59, 59);
  if (!when)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("“%s” is not a date: write YYYY-MM-DD or an ISO 8601 time"), text);
  return when;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static int
publish (CsStore     *store,
         const char  *arg,
         GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  g_autoptr(CsScenario) scenario = NULL;
  g_autoptr(CsServer) server = NULL;
  g_autoptr(CsSync) sync = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  int number = 0;

  if (!(id = cs_cli_resolve_id (store, arg, error)) ||
      !(scenario = cs_store_load_scenario (store, id, error)))
    return EXIT_FAILURE;
  if (!cs_scenario_can_publish (scenario))
    {
      g_set_error (error, CS_ENROLMENT_ERROR, CS_ENROLMENT_ERROR_NOT_PUBLISHED,
                   _("“%s” cannot be published yet: fix the problems that the case page lists"),
                   cs_scenario_get_title (scenario));
      return EXIT_FAILURE;
    }

  server = cs_server_new (opt_server);
  sync = cs_sync_new (store, server);
  cs_publisher_publish_async (sync, id, NULL, got_result, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  if (!(version = cs_publisher_publish_finish (sync, result, &number, error)))
    return EXIT_FAILURE;
  g_print (_("Published version %d of “%s” (%s)\n"), number, cs_scenario_get_title (scenario), version);
  return EXIT_SUCCESS;
}

static int
cohort (PGconn   *conn,
        int       argc,
        char    **argv,
        GError  **error)
{
  const char *what = argc > 2 ? argv[2] : "";

  if (g_str_equal (what, "create") && argc > 3)
    {
      g_autofree char *title = g_strjoinv (" ", argv + 3);
      g_autofree char *id = cs_enrolment_create_cohort (conn, title, opt_course, opt_auto_approve, error);

      if (!id)
        return EXIT_FAILURE;
      g_print ("%s\n", id);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "list") && argc == 3)
    {
      g_autoptr(GPtrArray) cohorts = cs_enrolment_list_cohorts (conn, error);

      if (!cohorts)
        return EXIT_FAILURE;
      for (guint i = 0; i < cohorts->len; i++)
        {
          CsCohortInfo *c = g_ptr_array_index (cohorts, i);

          /* TRANSLATORS: id, title, state, then counts of students */
          g_print (_("%s\t%s\t%s\t%d approved\t%d pending\t%d assigned\n"), c->id, c->title,
                   c->is_active ? _("active") : _("archived"), c->n_approved, c->n_pending, c->n_assigned);
        }
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "rename") && argc > 4)
    {
      g_autoptr(GPtrArray) cohorts = cs_enrolment_list_cohorts (conn, error);
      g_autofree char *title = g_strjoinv (" ", argv + 4);
      const char *id = cohorts ? match_id (cohorts, argv[3], _("cohort"), error) : NULL;
      CsCohortInfo *info = NULL;

      if (!id)
        return EXIT_FAILURE;
      for (guint i = 0; i < cohorts->len; i++)
        if (((CsCohortInfo *) g_ptr_array_index (cohorts, i))->id == id)
          info = g_ptr_array_index (cohorts, i);
      if (!cs_enrolment_edit_cohort (conn, id, title, opt_course ? opt_course : info->course_code,
                                     opt_auto_approve || info->auto_approve, error))
        return EXIT_FAILURE;
      g_print (_("Renamed the cohort %s to “%s”\n"), id, g_strstrip (title));
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "archive") && argc == 4)
    {
      g_autofree char *id = resolve_cohort (conn, argv[3], error);

      if (!id || !cs_enrolment_set_cohort_active (conn, id, FALSE, error))
        return EXIT_FAILURE;
      g_print (_("Archived the cohort %s\n"), id);
      return EXIT_SUCCESS;
    }
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("“server cohort” needs: create TITLE…, list, rename COHORT TITLE…, or archive COHORT"));
  return EXIT_USAGE;
}

static int
invite (PGconn   *conn,
        int       argc,
        char    **argv,
        GError  **error)
{
  const char *what = argc > 2 ? argv[2] : "";

  if (g_str_equal (what, "create") && argc == 4)
    {
      g_autoptr(GDateTime) expires = NULL;
      g_autoptr(CsJoinLink) link = NULL;
      g_autofree char *id = NULL;
      g_autofree char *code = NULL;
      g_autofree char *text = NULL;
      const char *host = PQhost (conn);

      if ((opt_expires && !(expires = parse_when (opt_expires, error))) ||
          !(id = resolve_cohort (conn, argv[3], error)) ||
          !(code = cs_enrolment_create_invitation (conn, id, opt_uses, expires,
                                                   opt_auto_approve ? 1 : -1, error)))
        return EXIT_FAILURE;
      g_print ("%s\n", code);
      /* A link only for an address that students can reach (not a local socket). */
      if (host && host[0] != '/' &&
          (link = cs_join_link_new (host, (int) g_ascii_strtoll (PQport (conn), NULL, 10), PQdb (conn), code, NULL)))
        {
          text = cs_join_link_to_string (link);
          g_print ("%s\n", text);
        }
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "list") && argc <= 4)
    {
      g_autofree char *id = argc == 4 ? resolve_cohort (conn, argv[3], error) : NULL;
      g_autoptr(GPtrArray) list = NULL;

      if ((argc == 4 && !id) || !(list = cs_enrolment_list_invitations (conn, id, error)))
        return EXIT_FAILURE;
      for (guint i = 0; i < list->len; i++)
        {
          CsInvitationInfo *inv = g_ptr_array_index (list, i);
          g_autofree char *until = g_date_time_format_iso8601 (inv->expires_at);

          /* TRANSLATORS: id, cohort, uses, expiry */
          g_print (_("%s\t%s\tused %d of %d\texpires %s%s\n"), inv->id, inv->cohort_id, inv->use_count,
                   inv->max_uses, until, inv->revoked ? _("\trevoked") : "");
        }
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "revoke") && argc == 4)
    {
      g_autoptr(GPtrArray) list = cs_enrolment_list_invitations (conn, NULL, error);
      const char *id = list ? match_id (list, argv[3], _("invitation"), error) : NULL;

      if (!id || !cs_enrolment_revoke_invitation (conn, id, error))
        return EXIT_FAILURE;
      g_print (_("Revoked the invitation %s: its code no longer works\n"), id);
      return EXIT_SUCCESS;
    }
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("“server invite” needs: create COHORT [--uses N] [--expires DATE], list [COHORT], or revoke ID"));
  return EXIT_USAGE;
}

static int
enrolments (PGconn   *conn,
            int       argc,
            char    **argv,
            GError  **error)
{
  const char *what = argc > 2 ? argv[2] : "";
  g_autoptr(GPtrArray) list = NULL;

  if (g_str_equal (what, "list") && argc <= 4)
    {
      g_autofree char *id = argc == 4 ? resolve_cohort (conn, argv[3], error) : NULL;

      if ((argc == 4 && !id) || !(list = cs_enrolment_list_requests (conn, id, NULL, error)))
        return EXIT_FAILURE;
      for (guint i = 0; i < list->len; i++)
        {
          CsEnrolmentInfo *e = g_ptr_array_index (list, i);

          g_print ("%s\t%s\t%s\t%s\t%s\n", e->id, e->status, e->user_name, e->display_name, e->cohort_title);
        }
      return EXIT_SUCCESS;
    }
  if ((g_str_equal (what, "approve") || g_str_equal (what, "reject")) && argc > 3)
    {
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) chosen = NULL;
      int n;

      if (!(list = cs_enrolment_list_requests (conn, NULL, NULL, error)))
        return EXIT_FAILURE;
      for (int i = 3; i < argc; i++)
        {
          const char *id = match_id (list, argv[i], _("enrolment"), error);

          if (!id)
            return EXIT_FAILURE;
          g_strv_builder_add (ids, id);
        }
      chosen = g_strv_builder_end (ids);
      if ((n = cs_enrolment_decide (conn, (const char * const *) chosen, g_str_equal (what, "approve"), error)) < 0)
        return EXIT_FAILURE;
      g_print (g_str_equal (what, "approve")
               ? ngettext ("Approved %d student\n", "Approved %d students\n", n)
               : ngettext ("Rejected %d request\n", "Rejected %d requests\n", n), n);
      return EXIT_SUCCESS;
    }
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("“server enrolments” needs: list [COHORT], approve ID…, or reject ID…"));
  return EXIT_USAGE;
}

static int
assign (CsStore  *store,
        PGconn   *conn,
        int       argc,
        char    **argv,
        GError  **error)
{
  g_autofree char *cohort_id = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *version = NULL;

  if (argc != 4)
    return need (0, 1, "assign COHORT CASE", error);
  if (!(cohort_id = resolve_cohort (conn, argv[2], error)) ||
      !(case_id = resolve_case (store, argv[3], error)) ||
      !(version = cs_enrolment_assign (conn, cohort_id, case_id, NULL, error)))
    return EXIT_FAILURE;
  g_print (_("Assigned the published version %s to the cohort %s\n"), version, cohort_id);
  return EXIT_SUCCESS;
}

static int
join (int       argc,
      char    **argv,
      GError  **error)
{
  g_autoptr(CsJoinLink) link = NULL;
  g_autoptr(CsJoinResult) joined = NULL;
  g_autofree char *password = NULL;
  g_autofree char *conninfo = NULL;
  const char *code = argc > 2 ? argv[2] : NULL;

  if (argc != 3)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("“server join” needs the code (or a case-studio://join link), and --user NAME for a new account"));
      return EXIT_USAGE;
    }
  /* No --user: a student signed in with --server joins one more cohort. */
  if (!opt_user)
    {
      g_autoptr(PGconn) conn = NULL;

      if (g_str_has_prefix (code, "case-studio:"))
        {
          if (!(link = cs_join_link_parse (code, error)))
            return EXIT_FAILURE;
          code = link->code;
        }
      if (!(conn = cs_pg_connect (opt_server, error)) ||
          !(joined = cs_enrolment_join_cohort (conn, code, error)))
        return EXIT_FAILURE;
      if (g_str_equal (joined->status, "approved"))
        g_print (_("Joined “%s”\n"), joined->cohort_title);
      else
        g_print (_("Asked to join “%s”; your instructor will approve you\n"), joined->cohort_title);
      return EXIT_SUCCESS;
    }
  if (g_str_has_prefix (code, "case-studio:"))
    {
      if (!(link = cs_join_link_parse (code, error)))
        return EXIT_FAILURE;
      conninfo = cs_enrolment_link_conninfo (link, opt_user, NULL);
      code = link->code;
    }
  else
    conninfo = g_strdup (opt_server ? opt_server : "");

  if (!(password = read_password (error)) ||
      !(joined = cs_enrolment_join (conninfo, code, opt_user, password, opt_name, error)))
    return EXIT_FAILURE;
  if (g_str_equal (joined->status, "approved"))
    g_print (_("Joined “%s” as %s (%s)\n"), joined->cohort_title, opt_user, joined->student_id);
  else
    g_print (_("Asked to join “%s” as %s (%s); your instructor will approve you\n"),
             joined->cohort_title, opt_user, joined->student_id);
  return EXIT_SUCCESS;
}

static int
run (int      argc,
     char   **argv,
     GError **error)
{
  g_autoptr(PGconn) conn = NULL;
  const char *sub = argv[1];
  guint applied = 0;

  if (g_str_equal (sub, "join"))
    return join (argc, argv, error);
  if (g_str_equal (sub, "publish"))
    return argc == 3 ? publish (run_store, argv[2], error) : need (0, 1, "publish CASE", error);

  if (g_str_equal (sub, "cohort") || g_str_equal (sub, "invite") ||
      g_str_equal (sub, "enrolments") || g_str_equal (sub, "assign"))
    {
      /* as the person they are, on a server that has what this program needs */
      if (!(conn = cs_pg_connect (opt_server, error)) || !cs_server_schema_check_client (conn, error))
        return EXIT_FAILURE;
      if (g_str_equal (sub, "cohort"))
        return cohort (conn, argc, argv, error);
      if (g_str_equal (sub, "invite"))
        return invite (conn, argc, argv, error);
      if (g_str_equal (sub, "enrolments"))
        return enrolments (conn, argc, argv, error);
      return assign (run_store, conn, argc, argv, error);
    }

  if (!g_str_equal (sub, "init") && !g_str_equal (sub, "migrate") &&
      !g_str_equal (sub, "status") && !g_str_equal (sub, "add-instructor"))
    return usage (error);
  if (!g_str_equal (sub, "add-instructor") && argc != 2)
    return usage (error);

  if (!(conn = cs_pg_connect (opt_server, error)))
    return EXIT_FAILURE;

  if (g_str_equal (sub, "status"))
    return print_status (conn, error);
  if (g_str_equal (sub, "add-instructor"))
    return add_instructor (conn, argc, argv, error);

  if (g_str_equal (sub, "init") ? !cs_server_schema_init (conn, &applied, error)
                                : !cs_server_schema_migrate (conn, &applied, error))
    return EXIT_FAILURE;
  if (applied > 0)
    g_print (ngettext ("Applied %u migration to %s\n", "Applied %u migrations to %s\n",
                          applied), applied, PQdb (conn));
  else
    g_print (_("The server database %s is up to date\n"), PQdb (conn));
  return EXIT_SUCCESS;
}

int
cmd_server (CsStore  *store,
            int       argc,
            char    **argv,
            GError  **error)
{
  int status;

  if (argc < 2)
    return usage (error);
  run_store = store;
  status = run (argc, argv, error);
  run_store = NULL;
  g_clear_pointer (&opt_server, g_free);
  g_clear_pointer (&opt_expires, g_free);
  g_clear_pointer (&opt_user, g_free);
  g_clear_pointer (&opt_name, g_free);
  g_clear_pointer (&opt_course, g_free);
  return status;
}
