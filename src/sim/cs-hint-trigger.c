/* cs-hint-trigger.c: whether one of a scene's hint triggers fires on the student's messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cs-hint-trigger.h"
#include "cs-text-util.h"

static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", NULL
};

static const char * const asking_for_answer[] = {
  "the answer", "what should i do", "what should we do", "tell me what to",
  "what would you do", "what do you recommend", "what is the solution", NULL
};

static const char * const ignored_words[] = {
  "student", "students", "asks", "without", "after", "before", "only", "their", "about",
  "with", "from", "that", "this", "turns", "turn", NULL
};

/* N of "no question after N turns", or 0. */
static guint
question_window (const char *norm)
{
  const char *after = strstr (norm, "no question after ");
  g_auto(GStrv) words = NULL;

  if (after == NULL || strstr (after, "turn") == NULL)
    return 0;
  words = g_strsplit (after + strlen ("no question after "), " ", 2);
  if (words[0] == NULL)
    return 0;
  if (g_ascii_isdigit (words[0][0]))
    return (guint) strtoul (words[0], NULL, 10);
  for (guint i = 0; number_words[i] != NULL; i++)
    if (g_str_equal (words[0], number_words[i]))
      return i;
  return 0;
}

gboolean
cs_hint_trigger_fires (const char         *trigger,
                       const char * const *messages)
{
  g_autofree char *norm = NULL;
  g_autofree char *latest = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GHashTable) concepts = NULL;
  guint n_messages, window, n_words = 0;

  g_return_val_if_fail (trigger != NULL, FALSE);

  n_messages = messages != NULL ? g_strv_length ((char **) messages) : 0;
  if (n_messages == 0)
    return FALSE;
  norm = cs_text_normalize (trigger);
  latest = cs_text_normalize (messages[n_messages - 1]);

  if ((window = question_window (norm)) > 0)
    {
      guint streak = 0;

      /* Once per N question-less turns, not on every turn after the Nth. */
      while (streak < n_messages && strchr (messages[n_messages - 1 - streak], '?') == NULL)
        streak++;
      return streak >= window && streak % window == 0;
    }

  if (strstr (norm, "for the answer") != NULL)
    {
      for (guint i = 0; asking_for_answer[i] != NULL; i++)
        if (strstr (latest, asking_for_answer[i]) != NULL)
          return TRUE;
      return FALSE;
    }

  /* Words compared by stem: "blames" in a trigger matches "blame" in a message. */
  concepts = cs_text_concepts (messages[n_messages - 1]);
  words = cs_text_tokenize (norm);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_autofree char *stem = NULL;

      if (strlen (words[i]) < 4 || g_strv_contains (ignored_words, words[i]) ||
          cs_text_is_stop_word (words[i]))
        continue;
      n_words++;
      stem = cs_text_stem (words[i]);
      if (!g_hash_table_contains (concepts, stem))
        return FALSE;
    }
  return n_words > 0;
}
