/* cs-sse-parser.h: an incremental parser of server-sent events (text/event-stream)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pure and incremental: feed it bytes as they arrive, in pieces of any size, and take the
 * complete events out. Follows the HTML event-stream rules, tolerantly:
 *   - lines end with LF, CRLF or CR, also when the CR and the LF arrive in different pieces;
 *   - "data:x" and "data: x" are the same (one space after the colon is dropped);
 *   - lines starting with ':' are comments; "id:" and "retry:" are ignored;
 *   - an event is the data of its "data:" lines joined by '\n', ended by a blank line;
 *   - at cs_sse_parser_end() a last line and an event missing their terminator still count.
 * Events without data lines are not reported. */
typedef struct _CsSseParser CsSseParser;

CsSseParser *cs_sse_parser_new  (void);
void         cs_sse_parser_free (CsSseParser *self);
void         cs_sse_parser_feed (CsSseParser *self,
                                 const char  *data,
                                 gsize        length);
/* The stream ended: no more bytes will come. */
void         cs_sse_parser_end  (CsSseParser *self);
/* Takes the next complete event: its "event:" type (NULL when none was given) and its data.
 * Returns FALSE when no complete event is waiting. Either out argument may be NULL. */
gboolean     cs_sse_parser_next (CsSseParser *self,
                                 char       **event_type,
                                 char       **data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSseParser, cs_sse_parser_free)

G_END_DECLS
