/* cs-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-markdown.h"

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* A closing delimiter for an opening one at @p, on the same line, with text between. */
static const char *
find_close (const char  *p,
            const char  *delim,
            const char  *end)
{
  gsize n = strlen (delim);
  const char *close;

  if (p + n >= end || g_ascii_isspace (p[n]))
    return NULL;
  for (close = p + n + 1; close + n <= end; close++)
    {
      if (*close == '\n')
        return NULL;
      if (strncmp (close, delim, n) == 0 && !g_ascii_isspace (close[-1]))
        return close;
    }
  return NULL;
}

static void
append_inline (GString    *out,
               const char *text,
               gsize       len)
{
  const char *end = text + len;
  const char *p = text;
  const char *run = text;

  while (p < end)
    {
      static const struct { const char *delim; const char *open; const char *close; } spans[] = {
        { "**", "<b>", "</b>" }, { "`", "<tt>", "</tt>" }, { "*", "<i>", "</i>" }, { "_", "<i>", "</i>" },
      };
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (spans) && !matched; i++)
        {
          gsize n = strlen (spans[i].delim);
          const char *close;

          if (strncmp (p, spans[i].delim, n) != 0)
            continue;
          /* "snake_case" and "2 * 3" are not emphasis */
          if (spans[i].delim[0] == '_' && p > text && g_ascii_isalnum (p[-1]))
            continue;
          if (!(close = find_close (p, spans[i].delim, end)))
            continue;
          append_escaped (out, run, p - run);
          g_string_append (out, spans[i].open);
          if (spans[i].delim[0] == '`')
            append_escaped (out, p + n, close - p - n);
          else
            append_inline (out, p + n, close - p - n);
          g_string_append (out, spans[i].close);
          p = close + n;
          run = p;
          matched = TRUE;
        }
      if (!matched)
        p++;
    }
  append_escaped (out, run, end - run);
}

char *
cs_markdown_to_pango (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, g_string_free (out, FALSE));

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      const char *body = line;
      gboolean heading = FALSE;

      if (i > 0)
        g_string_append_c (out, '\n');
      while (*body == ' ')
        body++;
      if (body[0] == '#')
        {
          while (*body == '#')
            body++;
          if (*body == ' ')
            {
              heading = TRUE;
              body++;
            }
          else
            body = line;
        }
      else if ((body[0] == '-' || body[0] == '*') && body[1] == ' ')
        {
          g_string_append (out, "  • ");
          body += 2;
        }
      else if (g_ascii_isdigit (body[0]))
        {
          const char *q = body;

          while (g_ascii_isdigit (*q))
            q++;
          if (q[0] == '.' && q[1] == ' ')
            {
              g_string_append (out, "  ");
              append_escaped (out, body, q + 1 - body);
              g_string_append_c (out, ' ');
              body = q + 2;
            }
        }
      if (heading)
        g_string_append (out, "<b>");
      append_inline (out, body, strlen (body));
      if (heading)
        g_string_append (out, "</b>");
    }
  return g_string_free (out, FALSE);
}
