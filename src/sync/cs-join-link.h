/* cs-join-link.h: "case-studio://join?…" links, which tell a student where to join a cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format: case-studio://join?host=HOST&port=PORT&db=DATABASE&code=CODE[&listen=PORT]
 * host and code are required; port defaults to 5432 and db to "casestudio"; listen, the
 * server's own port for live updates behind a pooler, is optional. Values are
 * percent-encoded; unknown parameters are ignored so that later versions can add some. A
 * link never carries a user name or a password: the code is the secret, and the student
 * chooses their own password. Parsing is strict and says what is wrong.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_JOIN_LINK_ERROR (cs_join_link_error_quark ())

typedef enum {
  CS_JOIN_LINK_ERROR_INVALID,   /* not a join link, or a bad or missing value */
} CsJoinLinkError;

GQuark cs_join_link_error_quark (void);

typedef struct {
  char *host;
  int   port;
  char *database;
  char *code;
  int   listen_port;   /* 0: none */
} CsJoinLink;

#define CS_TYPE_JOIN_LINK (cs_join_link_get_type ())
GType       cs_join_link_get_type  (void) G_GNUC_CONST;

/* NULL with @error when a value is not acceptable (see cs_join_link_parse()). */
CsJoinLink *cs_join_link_new       (const char        *host,
                                    int                port,
                                    const char        *database,
                                    const char        *code,
                                    GError           **error);
CsJoinLink *cs_join_link_parse     (const char        *uri,
                                    GError           **error);
CsJoinLink *cs_join_link_copy      (const CsJoinLink  *link);
void        cs_join_link_free      (CsJoinLink        *link);
/* The link as text, parseable by cs_join_link_parse(). */
char       *cs_join_link_to_string (const CsJoinLink  *link);

/* TRUE for text that looks like an invitation code: letters, digits and "-", 4 to 64. */
gboolean    cs_join_link_is_code   (const char        *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsJoinLink, cs_join_link_free)

G_END_DECLS
