/* test-notification-text.c: a notification written from its type and data, not from the
 * server's English title; the server's text when the type is unknown or the data lacks
 * what the text needs; plural forms and local time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "cs-notification-text.h"

/* 2026-12-04 10:00 UTC */
#define NOW G_GINT64_CONSTANT (1796378400)

static CsNotification *
make (const char *type,
      const char *data)
{
  return cs_notification_new ("id", type, "SERVER TITLE", "server text", data, NOW, FALSE);
}

static void
check (const char *type,
       const char *data,
       const char *title,
       const char *body)
{
  g_autoptr(CsNotification) notification = make (type, data);
  g_autofree char *shown_title = cs_notification_dup_display_title (notification);
  g_autofree char *shown_body = cs_notification_dup_display_body (notification, NOW);

  g_assert_cmpstr (shown_title, ==, title);
  g_assert_cmpstr (shown_body, ==, body);
}

static void
test_kinds (void)
{
  check ("message", "{\"sender_name\": \"Mira Chen\"}", "New message from Mira Chen", "server text");
  check ("message", "{\"sender_name\": \"Mira Chen\", \"subject\": \"Supplier memo\"}",
         "Mira Chen: Supplier memo", "server text");
  /* Local time: the test runs in UTC+2 (see main). */
  check ("assignment", "{\"scenario_title\": \"Harlow Valves\", \"cohort_title\": \"OPS 2027\", "
         "\"due_date\": \"2026-12-11T09:30:00+00:00\"}",
         "New assignment: Harlow Valves", "In OPS 2027, due 11 December 2026, 11:30");
  check ("assignment", "{\"scenario_title\": \"Harlow Valves\", \"cohort_title\": \"OPS 2027\"}",
         "New assignment: Harlow Valves", "In OPS 2027");
  check ("run_completed", "{\"student_name\": \"Noor\", \"scenario_title\": \"Dunmore Dairy\", \"run_score\": 0.755}",
         "Noor completed Dunmore Dairy", "Score 76%");
  check ("run_completed", "{\"student_name\": \"Noor\", \"scenario_title\": \"Dunmore Dairy\"}",
         "Noor completed Dunmore Dairy", "");
  check ("grade", "{\"scenario_title\": \"Dunmore Dairy\", \"score\": 1}",
         "Your grade for Dunmore Dairy changed", "Now 100% — server text");
  check ("enrollment", "{\"student_id\": \"x\", \"student_name\": \"Noor\", \"cohort_title\": \"OPS\", \"status\": \"pending\"}",
         "Noor asks to join OPS", "");
  check ("enrollment", "{\"student_id\": \"x\", \"student_name\": \"Noor\", \"cohort_title\": \"OPS\", \"status\": \"approved\"}",
         "Noor joined OPS", "");
  check ("enrollment", "{\"cohort_title\": \"OPS\", \"status\": \"approved\"}", "You joined OPS", "");
  check ("enrollment", "{\"cohort_title\": \"OPS\", \"status\": \"rejected\"}", "Your request to join OPS was declined", "");
}

static void
test_plurals (void)
{
  check ("due_soon", "{\"scenario_title\": \"Harlow Valves\", \"due_date\": \"2026-12-04T11:00:00Z\"}",
         "Harlow Valves is due soon", "Due in 1 hour, 4 December 2026, 13:00");
  check ("due_soon", "{\"scenario_title\": \"Harlow Valves\", \"due_date\": \"2026-12-04T13:10:00Z\"}",
         "Harlow Valves is due soon", "Due in 3 hours, 4 December 2026, 15:10");
  /* Past: no count. */
  check ("due_soon", "{\"scenario_title\": \"Harlow Valves\", \"due_date\": \"2026-12-04T08:00:00Z\"}",
         "Harlow Valves is due soon", "Due 4 December 2026, 10:00");
}

static void
test_fallback (void)
{
  /* A type this version does not know. */
  check ("cohort_update", "{\"cohort_title\": \"OPS\"}", "SERVER TITLE", "server text");
  /* Data without the names (an older server). */
  check ("message", "{\"thread_id\": \"t\"}", "SERVER TITLE", "server text");
  check ("assignment", "{\"assignment_id\": \"a\"}", "SERVER TITLE", "server text");
  check ("enrollment", "{\"cohort_title\": \"OPS\", \"status\": \"withdrawn\"}", "SERVER TITLE", "");
  check ("grade", "{\"scenario_title\": \"X\", \"score\": \"not a number\"}", "Your grade for X changed", "server text");
  /* Not JSON at all. */
  check ("run_completed", "{", "SERVER TITLE", "server text");
}

int
main (int argc, char **argv)
{
  g_setenv ("TZ", "XYZ-2", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notification-text/kinds", test_kinds);
  g_test_add_func ("/notification-text/plurals", test_plurals);
  g_test_add_func ("/notification-text/fallback", test_fallback);
  return g_test_run ();
}
