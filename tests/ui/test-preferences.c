/* test-preferences.c: Preferences under a real display: opened from the primary menu's
 * action, provider switched, models listed from a SoupServer written here, connection tested
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-app.h"
#include "ui-test-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cs-application.h"
#include "cs-library-page.h"
#include "cs-preferences-window.h"
#include "cs-window.h"

static char *tmp_dir;
static CsApplication *app;
static CsWindow *window;

/* ---- a model server ---------------------------------------------------------------- */

typedef struct {
  SoupServer *server;
  char       *base_url;
  guint       n_requests;
  gboolean    saw_authorization;
} Server;

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Server *fake = user_data;
  static const char body[] =
    "{\"object\": \"list\", \"data\": [{\"id\": \"small-model\"}, {\"id\": \"large-model\"}]}";

  fake->n_requests++;
  fake->saw_authorization |=
    soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                  "Authorization") != NULL;
  if (g_strcmp0 (path, "/v1/models") != 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static Server *
server_new (void)
{
  Server *fake = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, handle, fake, NULL);
  soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return fake;
}

static void
server_free (Server *fake)
{
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_free (fake->base_url);
  g_free (fake);
}

/* ---- helpers ------------------------------------------------------------------------- */

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || (ADW_IS_PREFERENCES_ROW (root) &&
                         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                                    title) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The primary menu's button (the header bar has other menu buttons). */
static GtkMenuButton *
find_primary_menu (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkMenuButton *found = find_primary_menu (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
preferences_shown (gpointer data)
{
  CsPreferencesWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CS_IS_PREFERENCES_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        {
          *found = CS_PREFERENCES_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
not_busy (gpointer data)
{
  return !cs_preferences_window_get_busy (data);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static char *
settings_string (const char *key)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, key);
}

/* ---- tests --------------------------------------------------------------------------- */

/* Preferences is in the primary menu and on Ctrl+comma. */
static void
test_menu_and_shortcut (void)
{
  GtkMenuButton *button;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "app.preferences");

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  button = find_primary_menu (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (button), "app.preferences"));
}

static void
test_switch_provider (void)
{
  Server *fake = server_new ();
  CsPreferencesWindow *prefs = NULL;
  AdwComboRow *provider_row;
  AdwComboRow *model_row;
  GtkWidget *base_url_row;
  GtkWidget *server_group;
  g_autofree char *before = NULL;
  g_autofree char *value = NULL;
  GListModel *models;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_test_wait_for (preferences_shown, &prefs, "the Preferences window");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));

  provider_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, _("_Provider")));
  model_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, _("_Model")));
  base_url_row = find_row (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, _("Server _Address"));
  g_assert_nonnull (provider_row);
  g_assert_nonnull (model_row);
  g_assert_nonnull (base_url_row);
  server_group = gtk_widget_get_ancestor (base_url_row, ADW_TYPE_PREFERENCES_GROUP);

  /* Offline by default: the server rows are off, the test says the engine is ready. */
  g_assert_cmpuint (adw_combo_row_get_selected (provider_row), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (server_group));
  before = g_strdup (cs_preferences_window_get_status (prefs));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.test-connection", NULL));
  ui_test_wait_for (not_busy, prefs, "the offline test");
  g_assert_cmpstr (cs_preferences_window_get_status (prefs), !=, before);
  g_assert_cmpuint (fake->n_requests, ==, 0);
  ui_test_save_screenshot (GTK_WIDGET (prefs), "preferences-offline.png");

  /* The server: settings follow the rows. */
  adw_combo_row_set_selected (provider_row, 1);
  value = settings_string ("ai-provider");
  g_assert_cmpstr (value, ==, "openai");
  g_clear_pointer (&value, g_free);
  g_assert_true (gtk_widget_get_sensitive (server_group));
  gtk_editable_set_text (GTK_EDITABLE (base_url_row), fake->base_url);
  value = settings_string ("ai-base-url");
  g_assert_cmpstr (value, ==, fake->base_url);
  g_clear_pointer (&value, g_free);

  /* Refresh lists the server's models; the first is chosen, another can be. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.refresh-models", NULL));
  ui_test_wait_for (not_busy, prefs, "the model list");
  models = adw_combo_row_get_model (model_row);
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 2);
  value = settings_string ("ai-model");
  g_assert_cmpstr (value, ==, "small-model");
  g_clear_pointer (&value, g_free);
  adw_combo_row_set_selected (model_row, 1);
  value = settings_string ("ai-model");
  g_assert_cmpstr (value, ==, "large-model");
  g_clear_pointer (&value, g_free);

  /* The connection test names the server and what it has; no key was sent. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.test-connection", NULL));
  ui_test_wait_for (not_busy, prefs, "the connection test");
  g_assert_nonnull (strstr (cs_preferences_window_get_status (prefs), "127.0.0.1"));
  g_assert_nonnull (strstr (cs_preferences_window_get_status (prefs), "2"));
  g_assert_cmpuint (fake->n_requests, ==, 2);
  g_assert_false (fake->saw_authorization);
  /* the chosen model survives the test's new list */
  value = settings_string ("ai-model");
  g_assert_cmpstr (value, ==, "large-model");
  g_clear_pointer (&value, g_free);
  ui_test_save_screenshot (GTK_WIDGET (prefs), "preferences-server.png");

  /* A server that is not there: the row says so. */
  server_free (fake);
  fake = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.test-connection", NULL));
  ui_test_wait_for (not_busy, prefs, "the failed connection test");
  g_assert_nonnull (strstr (cs_preferences_window_get_status (prefs), "127.0.0.1"));
  g_assert_cmpstr (cs_preferences_window_get_status (prefs), !=, before);
  ui_test_save_screenshot (GTK_WIDGET (prefs), "preferences-failed.png");

  /* Back to offline. */
  adw_combo_row_set_selected (provider_row, 0);
  value = settings_string ("ai-provider");
  g_assert_cmpstr (value, ==, "offline");
  g_assert_false (gtk_widget_get_sensitive (server_group));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Reopened, the window shows what was set. */
static void
test_reopen (void)
{
  CsPreferencesWindow *prefs = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwComboRow *provider_row;
  AdwComboRow *model_row;
  GtkStringObject *model;

  g_settings_set_string (settings, "ai-provider", "openai");
  g_settings_set_string (settings, "ai-model", "large-model");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_test_wait_for (preferences_shown, &prefs, "the Preferences window");
  provider_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, _("_Provider")));
  model_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, _("_Model")));
  g_assert_cmpuint (adw_combo_row_get_selected (provider_row), ==, 1);
  model = adw_combo_row_get_selected_item (model_row);
  g_assert_nonnull (model);
  g_assert_cmpstr (gtk_string_object_get_string (model), ==, "large-model");
  gtk_window_destroy (GTK_WINDOW (prefs));
}


int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_test_skip ("no display: run under Xvfb (build-aux/check does)");
      return g_test_run ();
    }

  tmp_dir = ui_test_use_temporary_home ("cs-prefs-XXXXXX");

  app = cs_application_new ();
  g_application_set_application_id (G_APPLICATION (app), "org.casestudio.CaseStudio.TestPreferences");
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = CS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (CS_IS_WINDOW (window));

  g_test_add_func ("/ui/preferences/menu-and-shortcut", test_menu_and_shortcut);
  g_test_add_func ("/ui/preferences/switch-provider", test_switch_provider);
  g_test_add_func ("/ui/preferences/reopen", test_reopen);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  ui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
