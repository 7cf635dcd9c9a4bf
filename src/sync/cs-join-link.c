/* cs-join-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-join-link.h"

#define SCHEME "case-studio"

G_DEFINE_QUARK (cs-join-link-error-quark, cs_join_link_error)
G_DEFINE_BOXED_TYPE (CsJoinLink, cs_join_link, cs_join_link_copy, cs_join_link_free)

/* A host name or an IPv4 or IPv6 address: letters, digits, ".", "-", ":" and "_". */
static gboolean
valid_host (const char *host)
{
  gsize len = strlen (host);

  if (len == 0 || len > 253 || host[0] == '-' || host[0] == '.')
    return FALSE;
  for (const char *p = host; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr (".-:_", *p))
      return FALSE;
  return TRUE;
}

static gboolean
valid_database (const char *database)
{
  gsize len = strlen (database);

  if (len == 0 || len > 63)
    return FALSE;
  for (const char *p = database; *p; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("_-.", *p))
      return FALSE;
  return TRUE;
}

gboolean
cs_join_link_is_code (const char *code)
{
  gsize len;

  if (!code)
    return FALSE;
  len = strlen (code);
  if (len < 4 || len > 64)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, CS_JOIN_LINK_ERROR, CS_JOIN_LINK_ERROR_INVALID, message);
  return FALSE;
}

CsJoinLink *
cs_join_link_new (const char  *host,
                  int          port,
                  const char  *database,
                  const char  *code,
                  GError     **error)
{
  g_autofree char *clean_code = g_strstrip (g_strdup (code ? code : ""));
  CsJoinLink *link;

  if (!host || !valid_host (host))
    {
      invalid (error, _("The link names no valid server address."));
      return NULL;
    }
  if (port < 1 || port > 65535)
    {
      invalid (error, _("The link’s server port must be a number from 1 to 65535."));
      return NULL;
    }
  if (database && *database && !valid_database (database))
    {
      invalid (error, _("The link names no valid database."));
      return NULL;
    }
  if (!cs_join_link_is_code (clean_code))
    {
      invalid (error, _("The link has no valid invitation code."));
      return NULL;
    }

  link = g_new0 (CsJoinLink, 1);
  link->host = g_strdup (host);
  link->port = port;
  link->database = g_strdup (database && *database ? database : "casestudio");
  link->code = g_ascii_strup (clean_code, -1);
  return link;
}

CsJoinLink *
cs_join_link_parse (const char  *uri,
                    GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *text = g_strstrip (g_strdup (uri ? uri : ""));
  const char *query;
  const char *port_text;
  const char *listen_text;
  guint64 port = 5432;
  guint64 listen_port = 0;
  CsJoinLink *link;

  parsed = g_uri_parse (text, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (!parsed || g_ascii_strcasecmp (g_uri_get_scheme (parsed), SCHEME) != 0)
    {
      invalid (error, _("This is not a Case Studio join link: it should start with “case-studio://join?”."));
      return NULL;
    }
  if (g_strcmp0 (g_uri_get_host (parsed), "join") != 0 ||
      (*g_uri_get_path (parsed) && !g_str_equal (g_uri_get_path (parsed), "/")))
    {
      invalid (error, _("This Case Studio link is not a join link."));
      return NULL;
    }

  query = g_uri_get_query (parsed);
  params = query ? g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
  if (!params)
    {
      invalid (error, _("The join link has no server and invitation code."));
      return NULL;
    }
  if (g_hash_table_contains (params, "password") || g_hash_table_contains (params, "user"))
    {
      invalid (error, _("This join link carries a user name or password, which join links never do. Ask your instructor for a new link."));
      return NULL;
    }

  port_text = g_hash_table_lookup (params, "port");
  if (port_text && !g_ascii_string_to_unsigned (port_text, 10, 1, 65535, &port, NULL))
    {
      invalid (error, _("The link’s server port must be a number from 1 to 65535."));
      return NULL;
    }
  listen_text = g_hash_table_lookup (params, "listen");
  if (listen_text && !g_ascii_string_to_unsigned (listen_text, 10, 1, 65535, &listen_port, NULL))
    {
      invalid (error, _("The link’s port for live updates must be a number from 1 to 65535."));
      return NULL;
    }
  link = cs_join_link_new (g_hash_table_lookup (params, "host"), (int) port,
                           g_hash_table_lookup (params, "db"), g_hash_table_lookup (params, "code"),
                           error);
  if (link)
    link->listen_port = (int) listen_port;
  return link;
}

CsJoinLink *
cs_join_link_copy (const CsJoinLink *link)
{
  CsJoinLink *copy = g_new0 (CsJoinLink, 1);

  copy->host = g_strdup (link->host);
  copy->port = link->port;
  copy->database = g_strdup (link->database);
  copy->code = g_strdup (link->code);
  copy->listen_port = link->listen_port;
  return copy;
}

void
cs_join_link_free (CsJoinLink *link)
{
  if (!link)
    return;
  g_free (link->host);
  g_free (link->database);
  g_free (link->code);
  g_free (link);
}

char *
cs_join_link_to_string (const CsJoinLink *link)
{
  g_autofree char *host = g_uri_escape_string (link->host, ":", FALSE);
  g_autofree char *database = g_uri_escape_string (link->database, NULL, FALSE);
  g_autofree char *code = g_uri_escape_string (link->code, NULL, FALSE);

  g_autofree char *listen = link->listen_port > 0 ? g_strdup_printf ("&listen=%d", link->listen_port)
                                                  : g_strdup ("");

  return g_strdup_printf (SCHEME "://join?host=%s&port=%d&db=%s&code=%s%s",
                          host, link->port, database, code, listen);
}
