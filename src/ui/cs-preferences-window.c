/* cs-preferences-window.c: Preferences: the language model of the personas and the judge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-ai-secret.h"
#include "cs-preferences-window.h"
#include "cs-provider-factory.h"

/* Rows of the provider combo, in the template's order. */
enum {
  ROW_OFFLINE,
  ROW_OPENAI,
};

struct _CsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              filling_models;
  char                 *keyring_key;     /* the key the keyring gave for the shown address */
  GCancellable         *key_cancellable; /* the lookup for the address being typed */
  guint                 key_lookup_id;

  AdwComboRow          *provider_row;
  AdwPreferencesGroup  *server_group;
  AdwEntryRow          *base_url_row;
  AdwEntryRow          *api_key_row;
  AdwComboRow          *model_row;
  GtkStringList        *models;
  AdwActionRow         *status_row;
  GtkSpinner           *spinner;
};

G_DEFINE_FINAL_TYPE (CsPreferencesWindow, cs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_openai (CsPreferencesWindow *self)
{
  return adw_combo_row_get_selected (self->provider_row) == ROW_OPENAI;
}

static void
set_status (CsPreferencesWindow *self,
            const char          *status)
{
  adw_action_row_set_subtitle (self->status_row, status);
}

static void
toast (CsPreferencesWindow *self,
       const char          *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 4);
  /* A new result replaces the one shown. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
update_actions (CsPreferencesWindow *self)
{
  gboolean openai = is_openai (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), openai);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.refresh-models",
                                 openai && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.test-connection", !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
set_busy (CsPreferencesWindow *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The provider as the rows say now, with the key typed in the row. */
static CsLlmProvider *
make_provider (CsPreferencesWindow  *self,
               GError              **error)
{
  g_autoptr(CsAiSettings) settings = cs_ai_settings_new_from_gsettings (self->settings);

  cs_ai_settings_set_api_key (settings, gtk_editable_get_text (GTK_EDITABLE (self->api_key_row)));
  return cs_provider_factory_create (settings, error);
}

/* ---- the model list ---------------------------------------------------------------- */

static void on_model_selected (CsPreferencesWindow *self);

static void
fill_models (CsPreferencesWindow *self,
             const char * const  *names)
{
  g_autofree char *current = g_settings_get_string (self->settings, "ai-model");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->models));
  guint selected = GTK_INVALID_LIST_POSITION;

  self->filling_models = TRUE;
  gtk_string_list_splice (self->models, 0, n, names);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], current))
      selected = i;
  self->filling_models = FALSE;

  /* The model of the settings when the server has it, else the server's first. */
  if (selected == GTK_INVALID_LIST_POSITION && names != NULL && names[0] != NULL)
    selected = 0;
  adw_combo_row_set_selected (self->model_row, selected);
  /* The row may have selected it already while filling, without telling. */
  on_model_selected (self);
}

static void
on_models_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = cs_llm_provider_list_models_finish (CS_LLM_PROVIDER (source), result,
                                                            &error);
  g_autofree char *text = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (names == NULL)
    {
      text = g_strdup_printf (_("Could not list the models: %s"), error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->model_row), text);
      set_status (self, text);
      toast (self, text);
      return;
    }
  n = g_strv_length (names);
  fill_models (self, (const char * const *) names);
  text = g_strdup_printf (ngettext ("%u model on the server", "%u models on the server", n), n);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->model_row), text);
}

static void
refresh_models_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (widget);
  g_autoptr(CsLlmProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  if (!(provider = make_provider (self, &error)))
    {
      set_status (self, error->message);
      toast (self, error->message);
      return;
    }
  set_busy (self, TRUE);
  cs_llm_provider_list_models_async (provider, self->cancellable, on_models_listed,
                                     g_object_ref (self));
}

/* ---- the connection test ----------------------------------------------------------- */

static void
on_connection_tested (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CsPreferencesWindow) self = user_data;
  CsLlmProvider *provider = CS_LLM_PROVIDER (source);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = cs_llm_provider_list_models_finish (provider, result, &error);
  g_autofree char *name = cs_llm_provider_dup_name (provider);
  g_autofree char *text = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (names == NULL)
    text = g_strdup_printf (_("Connection failed: %s"), error->message);
  else if (cs_llm_provider_get_is_offline (provider))
    text = g_strdup (_("The offline engine is ready; it needs no network"));
  else
    {
      n = g_strv_length (names);
      text = g_strdup_printf (ngettext ("Connected to %s: %u model available",
                                        "Connected to %s: %u models available", n),
                              name, n);
      fill_models (self, (const char * const *) names);
    }
  set_status (self, text);
  toast (self, text);
}

static void
test_connection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (widget);
  g_autoptr(CsLlmProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  if (!(provider = make_provider (self, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("Connection failed: %s"), error->message);

      set_status (self, text);
      toast (self, text);
      return;
    }
  set_busy (self, TRUE);
  set_status (self, _("Testing…"));
  cs_llm_provider_list_models_async (provider, self->cancellable, on_connection_tested,
                                     g_object_ref (self));
}

/* ---- rows -------------------------------------------------------------------------- */

static void
on_provider_selected (CsPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "ai-provider",
                         cs_ai_provider_kind_to_string (is_openai (self) ? CS_AI_PROVIDER_OPENAI :
                                                                           CS_AI_PROVIDER_OFFLINE));
  set_status (self, _("Not tested yet"));
  update_actions (self);
}

static void lookup_key (CsPreferencesWindow *self);

static gboolean
lookup_key_later (gpointer data)
{
  CsPreferencesWindow *self = data;

  self->key_lookup_id = 0;
  lookup_key (self);
  return G_SOURCE_REMOVE;
}

static void
on_base_url_changed (CsPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->base_url_row))));

  g_settings_set_string (self->settings, "ai-base-url", url);

  /* another server has another key: drop the one the keyring gave for the old address
   * (not one the user typed) and ask for the new one once typing pauses */
  if (self->keyring_key &&
      g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->api_key_row)), self->keyring_key))
    gtk_editable_set_text (GTK_EDITABLE (self->api_key_row), "");
  g_clear_pointer (&self->keyring_key, g_free);
  g_clear_handle_id (&self->key_lookup_id, g_source_remove);
  self->key_lookup_id = g_timeout_add (400, lookup_key_later, self);
}

static void
on_model_selected (CsPreferencesWindow *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->model_row);
  g_autofree char *current = NULL;

  if (self->filling_models || item == NULL)
    return;
  current = g_settings_get_string (self->settings, "ai-model");
  if (!g_str_equal (current, gtk_string_object_get_string (item)))
    g_settings_set_string (self->settings, "ai-model", gtk_string_object_get_string (item));
}

static void
on_key_stored (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cs_ai_secret_store_finish (result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Still used for this session: the rows' key is what the test and refresh send. */
      text = g_strdup_printf (_("The API key could not be saved in the keyring: %s"),
                              error->message);
      toast (self, text);
      return;
    }
  toast (self, *gtk_editable_get_text (GTK_EDITABLE (self->api_key_row)) != '\0' ?
                 _("API key saved in the keyring") : _("API key removed from the keyring"));
}

static void
on_api_key_apply (CsPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "ai-base-url");

  cs_ai_secret_store_async (url, gtk_editable_get_text (GTK_EDITABLE (self->api_key_row)),
                            self->cancellable, on_key_stored, g_object_ref (self));
}

static void
on_key_looked_up (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = cs_ai_secret_lookup_finish (result, &error);

  if (key == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No API key from the keyring: %s", error->message);
      return;
    }
  /* The user may have typed one meanwhile. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->api_key_row)) == '\0' && *key != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->api_key_row), key);
      g_free (self->keyring_key);
      self->keyring_key = g_strdup (key);
    }
}

static void
lookup_key (CsPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "ai-base-url");

  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);
  if (*url == '\0')
    return;
  self->key_cancellable = g_cancellable_new ();
  cs_ai_secret_lookup_async (url, self->key_cancellable, on_key_looked_up, g_object_ref (self));
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
cs_preferences_window_constructed (GObject *object)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);
  g_autofree char *provider = NULL;
  g_autofree char *url = NULL;
  g_autofree char *model = NULL;
  CsAiProviderKind kind = CS_AI_PROVIDER_OFFLINE;

  G_OBJECT_CLASS (cs_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  provider = g_settings_get_string (self->settings, "ai-provider");
  url = g_settings_get_string (self->settings, "ai-base-url");
  model = g_settings_get_string (self->settings, "ai-model");
  cs_ai_provider_kind_from_string (provider, &kind);

  /* Fill the rows without writing back what was just read. */
  g_signal_handlers_block_by_func (self->provider_row, on_provider_selected, self);
  adw_combo_row_set_selected (self->provider_row,
                              kind == CS_AI_PROVIDER_OPENAI ? ROW_OPENAI : ROW_OFFLINE);
  g_signal_handlers_unblock_by_func (self->provider_row, on_provider_selected, self);
  g_signal_handlers_block_by_func (self->base_url_row, on_base_url_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), url);
  g_signal_handlers_unblock_by_func (self->base_url_row, on_base_url_changed, self);
  if (*model != '\0')
    {
      const char *names[] = { model, NULL };

      fill_models (self, names);
    }
  update_actions (self);

  lookup_key (self);
}

static void
cs_preferences_window_dispose (GObject *object)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->key_cancellable);
  g_clear_handle_id (&self->key_lookup_id, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cs_preferences_window_parent_class)->dispose (object);
}

static void
cs_preferences_window_finalize (GObject *object)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->key_cancellable);
  g_clear_pointer (&self->keyring_key, g_free);

  G_OBJECT_CLASS (cs_preferences_window_parent_class)->finalize (object);
}

static void
cs_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CsPreferencesWindow *self = CS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_preferences_window_class_init (CsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cs_preferences_window_constructed;
  object_class->dispose = cs_preferences_window_dispose;
  object_class->finalize = cs_preferences_window_finalize;
  object_class->get_property = cs_preferences_window_get_property;
  object_class->set_property = cs_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casestudio/CaseStudio/ui/cs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, provider_row);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, api_key_row);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, model_row);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, models);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_provider_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_base_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_model_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_api_key_apply);

  gtk_widget_class_install_action (widget_class, "prefs.refresh-models", NULL,
                                   refresh_models_action);
  gtk_widget_class_install_action (widget_class, "prefs.test-connection", NULL,
                                   test_connection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_preferences_window_init (CsPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsPreferencesWindow *
cs_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  return g_object_new (CS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

const char *
cs_preferences_window_get_status (CsPreferencesWindow *self)
{
  g_return_val_if_fail (CS_IS_PREFERENCES_WINDOW (self), NULL);

  return adw_action_row_get_subtitle (self->status_row);
}

gboolean
cs_preferences_window_get_busy (CsPreferencesWindow *self)
{
  g_return_val_if_fail (CS_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->busy;
}
