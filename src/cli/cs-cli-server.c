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
#include "cs-server-schema.h"

#define EXIT_USAGE 2
#define MAX_PASSWORD 1024

static char *opt_server;

const GOptionEntry *
cs_cli_server_option_entries (void)
{
  static const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &opt_server,
      N_("PostgreSQL server of the “server” commands (libpq connection string; default: the PG* environment)"),
      N_("CONNINFO") },
    { NULL }
  };

  return entries;
}

static int
usage (GError **error)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("“server” needs one of: init, migrate, status, add-instructor NAME"));
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
run (int      argc,
     char   **argv,
     GError **error)
{
  g_autoptr(PGconn) conn = NULL;
  const char *sub = argv[1];
  guint applied = 0;

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
  status = run (argc, argv, error);
  g_clear_pointer (&opt_server, g_free);
  return status;
}
