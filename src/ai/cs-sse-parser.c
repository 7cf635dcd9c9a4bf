/* cs-sse-parser.c: an incremental parser of server-sent events (text/event-stream)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-sse-parser.h"

typedef struct
{
  char *type;
  char *data;
} Event;

struct _CsSseParser
{
  GString  *pending;    /* bytes not yet ended by a line terminator */
  GString  *data;       /* data lines of the event being read */
  char     *type;       /* its "event:" field */
  gboolean  has_data;
  gboolean  ended;
  GQueue    events;     /* of Event, complete */
};

static void
event_free (gpointer data)
{
  Event *event = data;

  g_free (event->type);
  g_free (event->data);
  g_free (event);
}

CsSseParser *
cs_sse_parser_new (void)
{
  CsSseParser *self = g_new0 (CsSseParser, 1);

  self->pending = g_string_new (NULL);
  self->data = g_string_new (NULL);
  g_queue_init (&self->events);
  return self;
}

void
cs_sse_parser_free (CsSseParser *self)
{
  if (self == NULL)
    return;
  g_string_free (self->pending, TRUE);
  g_string_free (self->data, TRUE);
  g_free (self->type);
  g_queue_clear_full (&self->events, event_free);
  g_free (self);
}

static void
dispatch (CsSseParser *self)
{
  if (self->has_data)
    {
      Event *event = g_new0 (Event, 1);

      event->type = g_steal_pointer (&self->type);
      event->data = g_strndup (self->data->str, self->data->len);
      g_queue_push_tail (&self->events, event);
    }
  g_string_truncate (self->data, 0);
  g_clear_pointer (&self->type, g_free);
  self->has_data = FALSE;
}

static void
process_line (CsSseParser *self,
              const char  *line,
              gsize        length)
{
  const char *colon;
  const char *value = "";
  gsize field_length = length;
  gsize value_length = 0;

  if (length == 0)
    {
      dispatch (self);
      return;
    }
  if (line[0] == ':')
    return;

  colon = memchr (line, ':', length);
  if (colon != NULL)
    {
      field_length = colon - line;
      value = colon + 1;
      value_length = length - field_length - 1;
      if (value_length > 0 && value[0] == ' ')
        {
          value++;
          value_length--;
        }
    }

  if (field_length == 4 && memcmp (line, "data", 4) == 0)
    {
      if (self->has_data)
        g_string_append_c (self->data, '\n');
      g_string_append_len (self->data, value, value_length);
      self->has_data = TRUE;
    }
  else if (field_length == 5 && memcmp (line, "event", 5) == 0)
    {
      g_free (self->type);
      self->type = g_strndup (value, value_length);
    }
}

/* Processes every line of self->pending that is known to be complete. */
static void
process_pending (CsSseParser *self)
{
  const char *start = self->pending->str;
  const char *end = start + self->pending->len;
  const char *p = start;

  while (p < end)
    {
      const char *line_end = p;

      while (line_end < end && *line_end != '\n' && *line_end != '\r')
        line_end++;
      if (line_end == end)
        break;
      /* A CR that ends the piece may be the first half of a CRLF. */
      if (*line_end == '\r' && line_end + 1 == end && !self->ended)
        break;

      process_line (self, p, line_end - p);
      if (*line_end == '\r' && line_end + 1 < end && line_end[1] == '\n')
        line_end++;
      p = line_end + 1;
    }

  g_string_erase (self->pending, 0, p - start);
}

void
cs_sse_parser_feed (CsSseParser *self,
                    const char  *data,
                    gsize        length)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->ended);

  g_string_append_len (self->pending, data, length);
  process_pending (self);
}

void
cs_sse_parser_end (CsSseParser *self)
{
  g_return_if_fail (self != NULL);

  if (self->ended)
    return;
  self->ended = TRUE;
  process_pending (self);
  if (self->pending->len > 0)
    process_line (self, self->pending->str, self->pending->len);
  g_string_truncate (self->pending, 0);
  dispatch (self);
}

gboolean
cs_sse_parser_next (CsSseParser  *self,
                    char        **event_type,
                    char        **data)
{
  Event *event;

  g_return_val_if_fail (self != NULL, FALSE);

  event = g_queue_pop_head (&self->events);
  if (event == NULL)
    return FALSE;
  if (event_type != NULL)
    *event_type = g_steal_pointer (&event->type);
  if (data != NULL)
    *data = g_steal_pointer (&event->data);
  event_free (event);
  return TRUE;
}
