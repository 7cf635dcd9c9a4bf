/* cs-offline-judge.c: goal judging by weighted coverage of each criterion's concepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cs-offline-judge.h"

/* The criterion without its leading verb, which says what the student does, not what the
 * student must talk about: "Asks about the business drivers" → "about the business drivers". */
static const char *
criterion_topic (const char *text)
{
  const char *space = strchr (text, ' ');
  gsize first_len = space != NULL ? (gsize) (space - text) : strlen (text);

  if (space != NULL && first_len > 2 && text[first_len - 1] == 's' &&
      g_ascii_isupper (text[0]) && strchr (space + 1, ' ') != NULL)
    return space + 1;
  return text;
}

static double
round2 (double value)
{
  /* value is in 0..1 */
  return (double) (gint64) (value * 100.0 + 0.5) / 100.0;
}

static char *
feedback (guint met,
          guint n)
{
  if (n == 0)
    return g_strdup (_("This scene has no goal criteria to judge."));
  if (met == 0)
    return g_strdup (_("Offline estimate: none of the goal points is covered yet. Ask about what this scene needs you to find out."));
  if (met == n)
    return g_strdup (_("Offline estimate: you have covered every goal point of this scene."));
  return g_strdup_printf (ngettext ("Offline estimate: you have covered %u of %u goal point.",
                                    "Offline estimate: you have covered %u of %u goal points.",
                                    n),
                          met, n);
}

JsonNode *
cs_offline_judge (const CsOfflineTurn *turn,
                  CsTextIdf           *idf)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  guint met = 0;

  g_return_val_if_fail (turn != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < turn->criteria->len; i++)
    {
      CsOfflineCriterion *criterion = turn->criteria->pdata[i];
      g_autofree char *evidence = NULL;
      double coverage = 0;
      gboolean is_met;
      double confidence;

      if (criterion->text != NULL && *turn->student_lines != '\0')
        coverage = cs_text_coverage (criterion_topic (criterion->text), turn->student_lines,
                                     idf, &evidence);
      is_met = coverage >= CS_OFFLINE_JUDGE_MET_COVERAGE && evidence != NULL;
      if (is_met)
        confidence = 0.5 + 0.5 * (coverage - CS_OFFLINE_JUDGE_MET_COVERAGE) /
                                  (1 - CS_OFFLINE_JUDGE_MET_COVERAGE);
      else
        confidence = 0.5 + 0.5 * (1 - coverage / CS_OFFLINE_JUDGE_MET_COVERAGE);
      met += is_met;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, criterion->id);
      json_builder_set_member_name (builder, "met");
      json_builder_add_boolean_value (builder, is_met);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, round2 (CLAMP (confidence, 0, 1)));
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_string_value (builder, is_met ? evidence : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "feedback");
  text = feedback (met, turn->criteria->len);
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
