/* cs-notification-text.c: a notification's title and text in the reader's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cs-notification-text.h"

static const char *
member (CsNotification *notification,
        const char     *key)
{
  const char *value = cs_notification_get_data_id (notification, key);

  return value && *value ? value : NULL;
}

static gboolean
is_kind (CsNotification *notification,
         const char     *kind)
{
  return g_strcmp0 (cs_notification_get_kind (notification), kind) == 0;
}

/* A score of the data (0–1) as a whole percentage, or -1. */
static int
percent (CsNotification *notification,
         const char     *key)
{
  const char *text = member (notification, key);
  char *end = NULL;
  double value;

  if (!text)
    return -1;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end || !isfinite (value) || value < 0 || value > 1)
    return -1;
  return (int) lround (value * 100);
}

/* A date of the data, in local time, or NULL. */
static GDateTime *
date_of (CsNotification *notification,
         const char     *key)
{
  const char *text = member (notification, key);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = text ? g_date_time_new_from_iso8601 (text, utc) : NULL;

  return when ? g_date_time_to_local (when) : NULL;
}

static char *
format_date (GDateTime *when)
{
  /* TRANSLATORS: a due date in a notification, see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y, %H:%M"));
}

char *
cs_notification_dup_display_title (CsNotification *notification)
{
  const char *sender = member (notification, "sender_name");
  const char *student = member (notification, "student_name");
  const char *cohort = member (notification, "cohort_title");
  const char *scenario = member (notification, "scenario_title");
  const char *subject = member (notification, "subject");
  const char *status = member (notification, "status");

  g_return_val_if_fail (CS_IS_NOTIFICATION (notification), NULL);

  if (is_kind (notification, "message") && sender)
    {
      if (subject)
        /* TRANSLATORS: a notification: who wrote, then the conversation's subject */
        return g_strdup_printf (_("%s: %s"), sender, subject);
      return g_strdup_printf (_("New message from %s"), sender);
    }
  if (is_kind (notification, "assignment") && scenario)
    return g_strdup_printf (_("New assignment: %s"), scenario);
  if (is_kind (notification, "due_soon") && scenario)
    return g_strdup_printf (_("%s is due soon"), scenario);
  if (is_kind (notification, "run_completed") && student && scenario)
    /* TRANSLATORS: a notification: a student, then the case they completed */
    return g_strdup_printf (_("%s completed %s"), student, scenario);
  if (is_kind (notification, "grade") && scenario)
    return g_strdup_printf (_("Your grade for %s changed"), scenario);
  if (is_kind (notification, "enrollment") && cohort)
    {
      /* To the instructor: the data names the student. */
      if (member (notification, "student_id") && student)
        {
          if (g_strcmp0 (status, "pending") == 0)
            /* TRANSLATORS: a notification: a student, then the cohort */
            return g_strdup_printf (_("%s asks to join %s"), student, cohort);
          /* TRANSLATORS: a notification: a student, then the cohort */
          return g_strdup_printf (_("%s joined %s"), student, cohort);
        }
      if (!member (notification, "student_id") && g_strcmp0 (status, "approved") == 0)
        return g_strdup_printf (_("You joined %s"), cohort);
      if (!member (notification, "student_id") && g_strcmp0 (status, "rejected") == 0)
        return g_strdup_printf (_("Your request to join %s was declined"), cohort);
    }
  return g_strdup (cs_notification_get_title (notification));
}

char *
cs_notification_dup_display_body (CsNotification *notification,
                                  gint64          now)
{
  const char *cohort = member (notification, "cohort_title");
  const char *text = cs_notification_get_message (notification);
  g_autoptr(GDateTime) due = date_of (notification, "due_date");

  g_return_val_if_fail (CS_IS_NOTIFICATION (notification), NULL);

  /* The message's own words, the instructor's reason: as written. */
  if (is_kind (notification, "assignment") && cohort)
    {
      g_autofree char *when = due ? format_date (due) : NULL;

      if (when)
        /* TRANSLATORS: a new assignment: its cohort, then its due date */
        return g_strdup_printf (_("In %s, due %s"), cohort, when);
      return g_strdup_printf (_("In %s"), cohort);
    }
  if (is_kind (notification, "due_soon") && due)
    {
      gint64 left = g_date_time_to_unix (due) - now;
      g_autofree char *when = format_date (due);

      if (left > 0 && left <= 48 * 3600)
        {
          int hours = (int) MAX (1, (left + 1800) / 3600);

          /* TRANSLATORS: an assignment due soon: the hours left, then its due date */
          return g_strdup_printf (ngettext ("Due in %d hour, %s", "Due in %d hours, %s", hours), hours, when);
        }
      return g_strdup_printf (_("Due %s"), when);
    }
  if (is_kind (notification, "run_completed") && member (notification, "student_name"))
    {
      int score = percent (notification, "run_score");

      return score >= 0 ? g_strdup_printf (_("Score %d%%"), score) : g_strdup ("");
    }
  if (is_kind (notification, "grade") && percent (notification, "score") >= 0)
    {
      int score = percent (notification, "score");

      if (text && *text)
        /* TRANSLATORS: a changed grade: the new score, then the instructor's reason */
        return g_strdup_printf (_("Now %d%% — %s"), score, text);
      return g_strdup_printf (_("Now %d%%"), score);
    }
  if (is_kind (notification, "enrollment") && cohort)
    return g_strdup ("");
  return g_strdup (text ? text : "");
}
