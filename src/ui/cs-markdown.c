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

/* Whether @delim at @p can open a span: text follows it on the line. */
static gboolean
opens (const char *p,
       gsize       n,
       const char *end)
{
  return p + n < end && !g_ascii_isspace (p[n]);
}

/* A closing @delim for the one opening at @p, on the same line, with text between. Where
 * there is none for @p there is none for any later opening either (the candidates only
 * shrink), which keeps a long line full of unmatched delimiters linear. */
static const char *
find_close (const char  *p,
            const char  *delim,
            const char  *end)
{
  gsize n = strlen (delim);

  for (const char *close = p + n + 1; close + n <= end; close++)
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
  static const struct { const char *delim; const char *open; const char *close; } spans[] = {
    { "**", "<b>", "</b>" }, { "`", "<tt>", "</tt>" }, { "*", "<i>", "</i>" }, { "_", "<i>", "</i>" },
  };
  const char *unclosed[G_N_ELEMENTS (spans)] = { NULL };  /* no close from here on */
  const char *end = text + len;
  const char *p = text;
  const char *run = text;

  while (p < end)
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (spans) && !matched; i++)
        {
          gsize n = strlen (spans[i].delim);
          const char *close;

          if ((gsize) (end - p) < n || strncmp (p, spans[i].delim, n) != 0)
            continue;
          /* "snake_case" and "2 * 3" are not emphasis */
          if (spans[i].delim[0] == '_' && p > text && g_ascii_isalnum (p[-1]))
            continue;
          if (!opens (p, n, end) || (unclosed[i] != NULL && p >= unclosed[i]))
            continue;
          if (!(close = find_close (p, spans[i].delim, end)))
            {
              unclosed[i] = p;
              continue;
            }
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
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, g_string_free (out, FALSE));

  /* text read back from a damaged library need not be UTF-8; markup must be */
  valid = g_utf8_make_valid (text, -1);
  lines = g_strsplit (valid, "\n", -1);
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
