/* cs-open-target.c: opens what a notification points at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-cohorts-window.h"
#include "cs-messages-window.h"
#include "cs-open-target.h"

/* The first open window of @type. */
static GtkWindow *
open_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

CsCohortsWindow *
cs_open_cohorts_window (GtkWindow  *parent,
                        CsServer   *server,
                        const char *listen_conninfo,
                        const char *kind,
                        guint       listen_port)
{
  CsCohortsWindow *window = (CsCohortsWindow *) open_window_of_type (CS_TYPE_COHORTS_WINDOW);

  if (window)
    return window;
  window = cs_cohorts_window_new (parent, server);
  cs_cohorts_window_set_listen_conninfo (window, listen_conninfo);
  cs_cohorts_window_set_kind (window, kind);
  if (listen_port)
    cs_enrolment_page_set_listen_port (cs_cohorts_window_get_enrolment_page (window), listen_port);
  return window;
}

GtkWindow *
cs_open_target (GtkWindow  *parent,
                CsServer   *server,
                const char *listen_conninfo,
                const char *kind,
                guint       listen_port,
                const char *action_name,
                GVariant   *target)
{
  const char *name;
  const char *cohort = NULL;
  const char *assignment = NULL;
  const char *student = NULL;
  const char *view = NULL;
  const char *default_kind = "student";
  CsCohortsWindow *cohorts;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  name = g_str_has_prefix (action_name, "app.") ? action_name + 4 : action_name;
  if (!target)
    return NULL;

  if (g_str_equal (name, "open-thread") && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    {
      GtkWindow *window = open_window_of_type (CS_TYPE_MESSAGES_WINDOW);

      if (!window)
        window = GTK_WINDOW (cs_messages_window_new (parent, server, listen_conninfo));
      cs_messages_window_open_thread (CS_MESSAGES_WINDOW (window), g_variant_get_string (target, NULL));
      gtk_window_present (window);
      return window;
    }

  if (g_str_equal (name, "open-cohort") && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    cohort = g_variant_get_string (target, NULL);
  else if (g_str_equal (name, "open-enrolment") && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    cohort = g_variant_get_string (target, NULL), view = "enrolment", default_kind = "instructor";
  else if (g_str_equal (name, "open-assignment") && g_variant_is_of_type (target, G_VARIANT_TYPE ("(ss)")))
    g_variant_get (target, "(&s&s)", &cohort, &assignment), view = "assignments";
  else if (g_str_equal (name, "open-run") && g_variant_is_of_type (target, G_VARIANT_TYPE ("(sss)")))
    g_variant_get (target, "(&s&s&s)", &cohort, &assignment, &student), view = "dashboard", default_kind = "instructor";
  else
    return NULL;

  cohorts = cs_open_cohorts_window (parent, server, listen_conninfo, kind ? kind : default_kind, listen_port);
  cs_cohorts_window_open (cohorts, cohort, view, assignment, student);
  gtk_window_present (GTK_WINDOW (cohorts));
  return GTK_WINDOW (cohorts);
}
