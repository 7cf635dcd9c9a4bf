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

static char *
dup_first_name (const char *name)
{
  g_autofree char *norm = cs_text_normalize (name != NULL ? name : "");
  char *space = strchr (norm, ' ');

  if (space != NULL)
    *space = '\0';
  return g_steal_pointer (&norm);
}

char *
cs_mention_dup_name (CsScenario *scenario,
                     CsPersona  *persona)
{
  const char *name;
  g_autofree char *first = NULL;
  GListModel *personas;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (CS_IS_PERSONA (persona), NULL);

  name = cs_persona_get_name (persona) != NULL ? cs_persona_get_name (persona) : "";
  first = dup_first_name (name);
  personas = cs_scenario_get_personas (scenario);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) other = g_list_model_get_item (personas, i);
      g_autofree char *other_first = NULL;

      if (other == persona)
        continue;
      other_first = dup_first_name (cs_persona_get_name (other));
      if (g_str_equal (first, other_first))
        return g_strdup (name);
    }
  {
    const char *space = strchr (name, ' ');

    return space != NULL ? g_strndup (name, space - name) : g_strdup (name);
  }
}

gboolean
cs_mention_matches_prefix (CsPersona  *persona,
                           const char *prefix)
{
  g_autofree char *norm_prefix = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (CS_IS_PERSONA (persona), FALSE);

  norm_prefix = cs_text_normalize (prefix != NULL ? prefix : "");
  if (*norm_prefix == '\0')
    return TRUE;
  norm_name = cs_text_normalize (cs_persona_get_name (persona) != NULL ?
                                   cs_persona_get_name (persona) : "");
  for (const char *word = norm_name; word != NULL; word = strchr (word, ' '))
    {
      if (*word == ' ')
        word++;
      if (g_str_has_prefix (word, norm_prefix))
        return TRUE;
    }
  return FALSE;
}
