/* cs-ui-util.c: small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-ui-util.h"

const char *
cs_ui_difficulty_label (CsDifficulty difficulty)
{
  switch (difficulty)
    {
    case CS_DIFFICULTY_BEGINNER:
      return _("Beginner");
    case CS_DIFFICULTY_INTERMEDIATE:
      return _("Intermediate");
    case CS_DIFFICULTY_ADVANCED:
      return _("Advanced");
    default:
      return "";
    }
}

const char *
cs_ui_involvement_label (CsInvolvement involvement)
{
  switch (involvement)
    {
    case CS_INVOLVEMENT_KEY:
      return _("Key");
    case CS_INVOLVEMENT_PARTICIPANT:
      return _("Participant");
    case CS_INVOLVEMENT_MENTIONED:
      return _("Mentioned");
    default:
      return "";
    }
}

char *
cs_ui_dup_scenario_meta (CsScenario *scenario,
                         gboolean    with_duration)
{
  GString *s = g_string_new (NULL);
  const char *industry = cs_scenario_get_industry (scenario);
  int minutes = cs_scenario_get_estimated_duration (scenario);

  if (industry && *industry)
    g_string_append (s, industry);
  if (s->len)
    g_string_append (s, " · ");
  g_string_append (s, cs_ui_difficulty_label (cs_scenario_get_difficulty (scenario)));
  if (with_duration && minutes > 0)
    /* Translators: a duration in minutes; keep the no-break space before "min" */
    g_string_append_printf (s, _(" · %d min"), minutes);

  return g_string_free (s, FALSE);
}

char *
cs_ui_dup_trait_label (const char *trait)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (trait), "_-", ' ');
  gunichar first = g_utf8_get_char (spaced);
  char buf[8] = { 0 };

  if (!*spaced)
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strconcat (buf, g_utf8_next_char (spaced), NULL);
}
