/* cs-mention.c: whom a student's message is addressed to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-mention.h"
#include "cs-text-util.h"

/* The length of @name when @text starts with it and a word ends there, else 0. */
static gsize
match_name (const char *text,
            const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || strncmp (text, name, len) != 0)
    return 0;
  if (text[len] != '\0' && g_unichar_isalnum (g_utf8_get_char (text + len)))
    return 0;
  return len;
}

CsPersona *
cs_mention_find (CsScenario *scenario,
                 const char *text,
                 gboolean   *all)
{
  g_autofree char *norm = NULL;
  GListModel *personas;
  guint n;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (all != NULL)
    *all = FALSE;
  norm = cs_text_normalize (text);
  personas = cs_scenario_get_personas (scenario);
  n = g_list_model_get_n_items (personas);

  for (const char *at = strchr (norm, '@'); at != NULL; at = strchr (at + 1, '@'))
    {
      g_autoptr(CsPersona) best = NULL;
      gsize best_len = 0;

      /* An address starts a word: "ana@example.org" is no mention. */
      if (at > norm && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at))))
        continue;
      if (match_name (at + 1, "all") > 0)
        {
          if (all != NULL)
            *all = TRUE;
          return NULL;
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CsPersona) persona = g_list_model_get_item (personas, i);
          g_autofree char *full = cs_text_normalize (cs_persona_get_name (persona) != NULL ?
                                                       cs_persona_get_name (persona) : "");
          g_autofree char *first = g_strdup (full);
          char *space = strchr (first, ' ');
          gsize len;

          if (space != NULL)
            *space = '\0';
          len = MAX (match_name (at + 1, full), match_name (at + 1, first));
          if (len > best_len)
            {
              best_len = len;
              g_set_object (&best, persona);
            }
        }
      if (best != NULL)
        return g_steal_pointer (&best);
    }
  return NULL;
}
