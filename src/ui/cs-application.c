/* cs-application.c: the Case Studio application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-pdf-worker.h"
#include "cs-account-window.h"
#include "cs-open-target.h"
#include "cs-preferences-window.h"
#include "cs-window.h"

struct _CsApplication
{
  AdwApplication  parent_instance;

  CsStore        *store;
  GError         *store_error;
  CsSyncSession  *sync_session;
  char           *open_id;
};

G_DEFINE_FINAL_TYPE (CsApplication, cs_application, ADW_TYPE_APPLICATION)

/* Wall-clock start of the process: the launcher's time when the benchmark passes it in
 * CASE_STUDIO_LAUNCH_TIME_US (so exec and dynamic linking count too), else main()'s. */
static gint64 process_start_us;

void
cs_application_mark_process_start (void)
{
  const char *launch = g_getenv ("CASE_STUDIO_LAUNCH_TIME_US");

  process_start_us = launch ? g_ascii_strtoll (launch, NULL, 10) : 0;
  if (process_start_us <= 0)
    process_start_us = g_get_real_time ();
}

CsApplication *
cs_application_new (void)
{
  return g_object_new (CS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/casestudio/CaseStudio",
                       NULL);
}

CsStore *
cs_application_get_store (CsApplication *self)
{
  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);

  return self->store;
}

static void
open_library (CsApplication *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("CASE_STUDIO_LIBRARY"))
    path = g_strdup (g_getenv ("CASE_STUDIO_LIBRARY"));
  else
    path = cs_store_dup_default_path ();

  self->store = cs_store_open (path, &self->store_error);
  if (self->store && !cs_store_ensure_sample (self->store, &error))
    g_warning ("Could not add the sample case to the library: %s", error->message);
  if (self->store)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      /* the saved server, if any, reconnects in the background */
      self->sync_session = cs_sync_session_new (self->store, settings);
      cs_sync_session_resume (self->sync_session);
    }
}

CsSyncSession *
cs_application_get_sync_session (CsApplication *self)
{
  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);

  return self->sync_session;
}

/* Prints the time from process start to the first painted frame, then quits (benchmark). */
static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  g_print ("first-frame-ms: %.1f\n", (g_get_real_time () - process_start_us) / 1000.0);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_window_mapped (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_library_error_response (AdwMessageDialog *dialog,
                           const char       *response,
                           CsApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
show_library_error (CsApplication *self,
                    GtkWindow     *parent)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("The Library Cannot Be Opened"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", self->store_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_library_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cs_application_activate (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cs_window_new (self));
      if (g_strcmp0 (g_getenv ("CASE_STUDIO_REPORT_FIRST_FRAME"), "1") == 0)
        g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), NULL);
      if (self->open_id)
        cs_window_select_scenario (CS_WINDOW (window), self->open_id);
    }

  gtk_window_present (window);

  if (self->store_error)
    show_library_error (self, window);
}

CsJoinWindow *
cs_application_show_join (CsApplication    *self,
                          const CsJoinLink *link)
{
  CsJoinWindow *join;

  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);

  if (self->sync_session == NULL)
    return NULL;
  join = cs_join_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                             self->sync_session);
  if (link)
    cs_join_window_set_link (join, link);
  gtk_window_present (GTK_WINDOW (join));
  return join;
}

/* A case-studio://join link: the join window, filled in, or why the link is no good. */
static void
open_link (CsApplication *self,
           const char    *uri)
{
  g_autoptr(CsJoinLink) link = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if ((link = cs_join_link_parse (uri, &error)))
    {
      cs_application_show_join (self, link);
      return;
    }
  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("This Link Cannot Be Used"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Files from the file manager or the command line: PDFs open for analysis, .casestudio
 * files are imported; case-studio:// links open the join window. */
static void
cs_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  g_autoptr(GPtrArray) local = g_ptr_array_new ();
  CsWindow *window;

  g_application_activate (app);
  window = CS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  for (int i = 0; i < n_files; i++)
    {
      if (g_file_has_uri_scheme (files[i], "case-studio"))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          open_link (CS_APPLICATION (app), uri);
        }
      else
        g_ptr_array_add (local, files[i]);
    }
  if (local->len > 0 &&
      cs_window_open_files (window, (GFile **) local->pdata, local->len) < local->len)
    g_printerr (_("case-studio: only PDF and .casestudio files can be opened\n"));
}

static int
cs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CsApplication *self = CS_APPLICATION (app);

  g_variant_dict_lookup (options, "open", "s", &self->open_id);
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Case Studio developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Case Studio"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Case Studio developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Turn business case studies into conversations with the people of the case"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CsPreferencesWindow *preferences;

  preferences = cs_preferences_window_new (gtk_application_get_active_window (app), settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
account_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  CsApplication *self = user_data;
  CsAccountWindow *window;

  if (self->sync_session == NULL)
    return;
  window = cs_account_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                  self->sync_session);
  gtk_window_present (GTK_WINDOW (window));
}

static void
join_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  cs_application_show_join (CS_APPLICATION (user_data), NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close windows so they save their state, then quit. */
  for (GList *l = windows; l; l = l->next)
    if (CS_IS_WINDOW (l->data))
      gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (app));
}

/* app.open-thread, app.open-cohort, …: what a notification points at (cs-open-target.h),
 * on the shared server of the sync session. */
static void
open_target_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CsApplication *self = user_data;
  CsSync *sync = self->sync_session ? cs_sync_session_get_sync (self->sync_session) : NULL;
  const CsServerAccount *account = self->sync_session ? cs_sync_session_get_account (self->sync_session) : NULL;

  if (!sync)
    {
      g_application_activate (G_APPLICATION (self));  /* not connected (yet): the main window */
      return;
    }
  cs_open_target (gtk_application_get_active_window (GTK_APPLICATION (self)), cs_sync_get_server (sync),
                  cs_sync_get_listen_conninfo (sync), cs_sync_session_get_kind (self->sync_session),
                  account ? account->listen_port : 0, g_action_get_name (G_ACTION (action)), param);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "account", account_action },
  { "join", join_action },
  { "quit", quit_action },
  { "open-thread", open_target_action, "s" },
  { "open-cohort", open_target_action, "s" },
  { "open-enrolment", open_target_action, "s" },
  { "open-assignment", open_target_action, "(ss)" },
  { "open-run", open_target_action, "(sss)" },
};

static void
cs_application_startup (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo-delete", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  open_library (self);
}

static void
cs_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (cs_application_parent_class)->shutdown (app);

  /* the windows are gone: let the PDF threads close their documents before exit */
  if (!cs_pdf_worker_wait_all (2000))
    g_debug ("A PDF worker thread was still busy at exit");
}

static void
cs_application_finalize (GObject *object)
{
  CsApplication *self = CS_APPLICATION (object);

  g_clear_object (&self->sync_session);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->open_id, g_free);

  G_OBJECT_CLASS (cs_application_parent_class)->finalize (object);
}

static void
cs_application_class_init (CsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cs_application_finalize;
  app_class->activate = cs_application_activate;
  app_class->startup = cs_application_startup;
  app_class->shutdown = cs_application_shutdown;
  app_class->open = cs_application_open;
  app_class->handle_local_options = cs_application_handle_local_options;
}

static void
cs_application_init (CsApplication *self)
{
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the case with this id"), N_("ID") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}
