/* cs-window.c: the main window: library sidebar and case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-ai-secret.h"
#include "cs-chat-window.h"
#include "cs-cohorts-window.h"
#include "cs-open-target.h"
#include "cs-import-window.h"
#include "cs-llm-extractor.h"
#include "cs-messages-window.h"
#include "cs-provider-factory.h"
#include "cs-library-page.h"
#include "cs-publish-button.h"
#include "cs-scenario-page.h"
#include "cs-scenario-editor.h"
#include "cs-scene-board.h"
#include "cs-window.h"
#include "cs-ui-util.h"

struct _CsWindow
{
  AdwApplicationWindow  parent_instance;

  CsStore              *store;
  GSettings            *settings;
  GCancellable         *load_cancellable;
  AdwToast             *toast;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  CsLibraryPage        *library;
  GtkWidget            *content;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  CsPublishButton      *publish_button;
  CsScenarioPage       *scenario_page;
  /* what the last import or play opened at once (for their return values) */
  CsImportWindow       *last_import;
  CsChatWindow         *last_chat;
  CsScenarioEditor     *editor;
  CsSceneBoard         *scene_board;  /* the editor's */
};

G_DEFINE_FINAL_TYPE (CsWindow, cs_window, ADW_TYPE_APPLICATION_WINDOW)

/* The library: NULL when it could not be opened (the application says why). */
static void
set_store (CsWindow *self,
           CsStore  *store)
{
  g_set_object (&self->store, store);
  cs_library_page_set_store (self->library, store);
  cs_scenario_page_set_store (self->scenario_page, store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", store != NULL);
}

CsWindow *
cs_window_new (CsApplication *application)
{
  CsWindow *self = g_object_new (CS_TYPE_WINDOW, "application", application, NULL);

  set_store (self, cs_application_get_store (application));
  cs_publish_button_set_store (self->publish_button, cs_application_get_store (application),
                               cs_application_get_sync_session (application));
  return self;
}

GListModel *
cs_window_get_library_model (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return cs_library_page_get_model (self->library);
}

CsScenario *
cs_window_get_scenario (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return cs_scenario_page_get_scenario (self->scenario_page);
}

const char *
cs_window_get_library_state (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return cs_library_page_get_state (self->library);
}

/* Forgets the current toast (the one whose Undo win.undo-delete runs) and dismisses it, now
 * or once it has settled (cs_ui_overlay_dismiss_toast()). */
static void
dismiss_toast (CsWindow *self)
{
  if (!self->toast)
    return;
  g_signal_handlers_disconnect_by_data (self->toast, self);
  cs_ui_overlay_dismiss_toast (self->toast_overlay, self->toast);
  g_clear_object (&self->toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
}

static void
on_toast_dismissed (AdwToast *toast,
                    CsWindow *self)
{
  if (self->toast != toast)
    return;

  g_clear_object (&self->toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
}

/* A new toast replaces the one on screen (all toasts of the window's overlay, the editor's
 * too, queue through cs_ui_overlay_add_toast()). Only a deletion's toast offers Undo. */
static void
add_toast (CsWindow *self,
           AdwToast *toast)
{
  if (self->toast)
    {
      g_signal_handlers_disconnect_by_data (self->toast, self);
      g_clear_object (&self->toast);
    }
  self->toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete",
                                 g_object_get_data (G_OBJECT (toast), "scenario-id") != NULL);
  cs_ui_overlay_add_toast (self->toast_overlay, toast);
}

/* Toast titles are markup in libadwaita 1.2; ours are plain text (case titles, file names). */
static AdwToast *
new_toast (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

static void
show_toast (CsWindow   *self,
            const char *title)
{
  add_toast (self, new_toast (title));
}

static void
show_error_dialog (CsWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_published (CsWindow   *self,
              const char *message)
{
  show_toast (self, message);
}

static void
on_publish_failed (CsWindow   *self,
                   const char *message)
{
  show_error_dialog (self, _("Publishing Failed"), message);
}

static void
on_publish_refused (CsWindow   *self,
                    const char *message)
{
  show_error_dialog (self, _("The Case Cannot Be Published Yet"), message);
}

/* AdwLeaflet moves the focus into the page it makes visible. That is right when folded;
 * side by side both pages are on screen and the focus stays where it was (in the list). */
static void
show_page (CsWindow  *self,
           GtkWidget *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  adw_leaflet_set_visible_child (self->leaflet, page);
  if (focus && !adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (focus);
}

/* ---- the shown case ---------------------------------------------------------------- */

/* The header bar repeats the case title once the page has scrolled past it. */
static void
update_content_title (CsWindow *self)
{
  CsScenario *scenario = cs_scenario_page_get_scenario (self->scenario_page);
  gboolean show = scenario && !cs_scenario_page_get_title_visible (self->scenario_page);

  adw_window_title_set_title (self->content_title, show ? cs_scenario_get_title (scenario) : "");
}

static void
show_scenario (CsWindow   *self,
               CsScenario *scenario)
{
  gboolean frozen;

  cs_scene_board_set_scenario (self->scene_board, NULL);
  cs_scenario_page_set_scenario (self->scenario_page, scenario);
  cs_publish_button_set_scenario (self->publish_button, scenario);
  gtk_stack_set_visible_child_name (self->content_stack, scenario ? "scenario" : "none");
  update_content_title (self);
  /* A published version (a student's assigned case) is read-only: it syncs from the
   * server, which refuses any change to it. */
  frozen = scenario && g_strcmp0 (cs_scenario_get_published_version_id (scenario),
                                  cs_record_get_id (CS_RECORD (scenario))) == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-scenario", scenario && !frozen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", scenario && !frozen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.play", scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-done", FALSE);
}

/* ---- the scene board ------------------------------------------------------------------- */

/* ---- the language model Preferences choose -------------------------------------- */

typedef void (*ProviderReady) (CsWindow      *self,
                               CsLlmProvider *provider,  /* NULL on error */
                               const GError  *error,
                               gpointer       data);

typedef struct {
  CsWindow       *self;
  CsAiSettings   *settings;
  ProviderReady   ready;
  gpointer        data;
  GDestroyNotify  notify;
} ProviderRequest;

static void
provider_request_finish (ProviderRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsLlmProvider) provider = cs_provider_factory_create (request->settings, &error);

  request->ready (request->self, provider, error, request->data);
  if (request->notify)
    request->notify (request->data);
  g_object_unref (request->self);
  g_object_unref (request->settings);
  g_free (request);
}

static void
on_api_key (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ProviderRequest *request = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = cs_ai_secret_lookup_finish (result, &error);

  /* no keyring, or no key: go on without one, as for a local server */
  if (key == NULL)
    g_debug ("No API key from the keyring: %s", error->message);
  cs_ai_settings_set_api_key (request->settings, key);
  provider_request_finish (request);
}

/* Calls @ready with the provider Preferences choose: at once for the offline engine, after
 * reading the server's API key from the keyring (without blocking) otherwise. */
static void
with_provider (CsWindow       *self,
               ProviderReady   ready,
               gpointer        data,
               GDestroyNotify  notify)
{
  ProviderRequest *request = g_new0 (ProviderRequest, 1);

  request->self = g_object_ref (self);
  request->settings = cs_ai_settings_new_default ();
  request->ready = ready;
  request->data = data;
  request->notify = notify;
  if (cs_ai_settings_get_provider (request->settings) == CS_AI_PROVIDER_OPENAI &&
      *cs_ai_settings_get_base_url (request->settings) != '\0')
    cs_ai_secret_lookup_async (cs_ai_settings_get_base_url (request->settings), NULL, on_api_key, request);
  else
    provider_request_finish (request);
}

static void
on_play_provider (CsWindow      *self,
                  CsLlmProvider *provider,
                  const GError  *error,
                  gpointer       data)
{
  CsScenario *scenario = data;
  g_autoptr(GError) local = NULL;

  if (provider == NULL)
    {
      show_error_dialog (self, _("The Case Cannot Be Played"), error->message);
      return;
    }
  if (!(self->last_chat = cs_chat_window_new (GTK_WINDOW (self), scenario, provider, self->store, TRUE, &local)))
    {
      show_error_dialog (self, _("The Case Cannot Be Played"), local->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (self->last_chat));
}

CsChatWindow *
cs_window_play (CsWindow *self)
{
  CsScenario *scenario;

  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  if (!(scenario = cs_scenario_page_get_scenario (self->scenario_page)))
    return NULL;
  self->last_chat = NULL;
  with_provider (self, on_play_provider, g_object_ref (scenario), g_object_unref);
  return self->last_chat;
}

static void
play_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  cs_window_play (CS_WINDOW (widget));
}

static void
on_test_play_provider (CsWindow      *self,
                       CsLlmProvider *provider,
                       const GError  *error,
                       gpointer       data)
{
  CsScenario *scenario = data;
  g_autoptr(GError) local = NULL;

  if (provider == NULL)
    {
      show_error_dialog (self, _("The Case Cannot Be Played"), error->message);
      return;
    }
  /* no store: nothing of the run is saved unless the player asks for it */
  if (!(self->last_chat = cs_chat_window_new (GTK_WINDOW (self), scenario, provider, NULL, FALSE, &local)))
    {
      show_error_dialog (self, _("The Case Cannot Be Played"), local->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (self->last_chat));
}

/* The case with @id as it is being edited or shown, else as the library has it. */
static CsScenario *
dup_scenario (CsWindow    *self,
              const char  *id,
              GError     **error)
{
  CsScenario *candidates[] = {
    cs_scene_board_get_scenario (self->scene_board),
    cs_scenario_page_get_scenario (self->scenario_page),
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] && g_strcmp0 (cs_record_get_id (CS_RECORD (candidates[i])), id) == 0)
      return g_object_ref (candidates[i]);
  if (!self->store)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The library could not be opened, so the case cannot be found."));
      return NULL;
    }
  return cs_store_load_scenario (self->store, id, error);
}

CsChatWindow *
cs_window_test_play (CsWindow   *self,
                     const char *scenario_id)
{
  g_autoptr(GError) error = NULL;
  CsScenario *scenario;

  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);

  self->last_chat = NULL;
  if (!(scenario = dup_scenario (self, scenario_id, &error)))
    {
      show_error_dialog (self, _("The Case Cannot Be Played"), error->message);
      return NULL;
    }
  with_provider (self, on_test_play_provider, scenario, g_object_unref);
  return self->last_chat;
}

static void
test_play_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  cs_window_test_play (CS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
edit_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);
  CsScenario *scenario = cs_scenario_page_get_scenario (self->scenario_page);

  if (!scenario)
    return;

  cs_scenario_editor_set_store (self->editor, self->store);
  cs_scenario_editor_set_scenario (self->editor, scenario);
  gtk_stack_set_visible_child_name (self->content_stack, "editor");
  adw_window_title_set_title (self->content_title, cs_scenario_get_title (scenario));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-done", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->scene_board));
}

static void
edit_done_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);
  g_autoptr(CsScenario) scenario = NULL;

  scenario = cs_scene_board_get_scenario (self->scene_board);
  if (!scenario)
    return;

  /* The page shows the edited object again from the start. */
  g_object_ref (scenario);
  cs_scenario_page_set_scenario (self->scenario_page, NULL);
  show_scenario (self, scenario);
}

/* After every edit: the Publish button says at once whether problems block it, and the
 * header follows the case's title. */
static void
on_problems_changed (CsWindow *self)
{
  CsScenario *editing = cs_scenario_editor_get_scenario (self->editor);

  if (!editing)
    return;
  cs_publish_button_set_scenario (self->publish_button, editing);
  adw_window_title_set_title (self->content_title, cs_scenario_get_title (editing));
}

/* The scene board is open on the case @id. */
static gboolean
is_editing (CsWindow   *self,
            const char *id)
{
  CsScenario *editing = cs_scene_board_get_scenario (self->scene_board);

  return editing && g_strcmp0 (cs_record_get_id (CS_RECORD (editing)), id) == 0;
}

CsSceneBoard *
cs_window_get_scene_board (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return self->scene_board;
}

static void
on_scenario_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsScenario) scenario = cs_store_load_scenario_finish (CS_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (scenario && is_editing (self, cs_record_get_id (CS_RECORD (scenario))))
    return;
  if (error)
    {
      show_toast (self, error->message);
      show_scenario (self, NULL);
      return;
    }
  show_scenario (self, scenario);
}

/* Another case (or a new version of the shown one) was chosen in the library. */
static void
on_library_selected (CsWindow *self)
{
  CsScenario *summary = cs_library_page_get_selected (self->library);

  /* Each autosave makes a new version in the library: the board already shows it. */
  if (summary && is_editing (self, cs_record_get_id (CS_RECORD (summary))))
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (!summary)
    {
      show_scenario (self, NULL);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  cs_store_load_scenario_async (self->store, cs_record_get_id (CS_RECORD (summary)),
                                self->load_cancellable, on_scenario_loaded, g_object_ref (self));
}

static void
on_library_activated (CsWindow *self)
{
  show_page (self, self->content);
}

void
cs_window_select_scenario (CsWindow   *self,
                           const char *id)
{
  g_return_if_fail (CS_IS_WINDOW (self));

  cs_library_page_select (self->library, id);
}

/* ---- import and export ------------------------------------------------------------- */

typedef struct {
  GFile      *file;
  CsScenario *saved;
  gboolean    copied;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->saved);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsWindow *self = source;
  ImportData *data = task_data;
  g_autoptr(CsScenario) scenario = NULL;
  GError *error = NULL;

  if (!(scenario = cs_scenario_format_load_file (data->file, cancellable, &error)) ||
      !(data->saved = cs_store_import_scenario (self->store, scenario, &data->copied, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CsWindow *self = CS_WINDOW (source);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Imported"), name);

      show_error_dialog (self, heading, error->message);
      return;
    }

  if (data->copied)
    toast = g_strdup_printf (_("Imported “%s” as a copy: the library already had it"),
                             cs_scenario_get_title (data->saved));
  else
    toast = g_strdup_printf (_("Imported “%s”"), cs_scenario_get_title (data->saved));
  show_toast (self, toast);
  cs_library_page_select (self->library, cs_record_get_id (CS_RECORD (data->saved)));
}

void
cs_window_import_file (CsWindow *self,
                       GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (CS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!self->store)
    return;

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  task = g_task_new (self, NULL, on_import_done, NULL);
  g_task_set_source_tag (task, cs_window_import_file);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_pdf_saved (CsImportWindow *import,
              CsScenario     *scenario,
              CsWindow       *self)
{
  g_autofree char *toast = g_strdup_printf (_("Added “%s” to the library as a draft"),
                                            cs_scenario_get_title (scenario));

  show_toast (self, toast);
  cs_library_page_select (self->library, cs_record_get_id (CS_RECORD (scenario)));
}

static CsImportWindow *
open_import_window (CsWindow        *self,
                    GFile           *file,
                    CsCaseExtractor *extractor)
{
  CsImportWindow *import = cs_import_window_new (GTK_WINDOW (self), self->store, extractor, file);

  g_signal_connect_object (import, "saved", G_CALLBACK (on_pdf_saved), self, 0);
  gtk_window_present (GTK_WINDOW (import));
  return import;
}

static void
on_pdf_provider (CsWindow      *self,
                 CsLlmProvider *provider,
                 const GError  *error,
                 gpointer       data)
{
  GFile *file = data;
  g_autoptr(CsLlmExtractor) extractor = NULL;

  if (provider == NULL)
    {
      g_autofree char *toast = g_strdup_printf (_("The language model is not usable (%s): the case is analysed offline"),
                                                error->message);

      show_toast (self, toast);
    }
  else if (!cs_llm_provider_get_is_offline (provider))
    extractor = cs_llm_extractor_new (provider, 0);
  /* the offline engine analyses with CsOfflineExtractor, the import window's default */
  self->last_import = open_import_window (self, file, extractor ? CS_CASE_EXTRACTOR (extractor) : NULL);
}

CsImportWindow *
cs_window_import_pdf (CsWindow *self,
                      GFile    *file)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!self->store)
    return NULL;
  self->last_import = NULL;
  with_provider (self, on_pdf_provider, g_object_ref (file), g_object_unref);
  return self->last_import;
}

/* A PDF by its name or its content type. */
static gboolean
is_pdf (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  if (name && g_str_has_suffix (name, ".pdf"))
    return TRUE;
  if (name && g_ascii_strcasecmp (name + MAX (0, (int) strlen (name) - 4), ".pdf") == 0)
    return TRUE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  type = info ? g_file_info_get_content_type (info) : NULL;
  return type && g_content_type_is_a (type, "application/pdf");
}

static gboolean
is_case_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name && g_str_has_suffix (name, ".casestudio");
}

/* Opens what the user chose or dropped: PDFs for analysis, .casestudio files at once.
 * Returns how many files were taken. */
guint
cs_window_open_files (CsWindow *self,
                      GFile   **files,
                      guint     n_files)
{
  guint n = 0;

  for (guint i = 0; i < n_files; i++)
    {
      if (is_case_file (files[i]))
        cs_window_import_file (self, files[i]);
      else if (is_pdf (files[i]))
        cs_window_import_pdf (self, files[i]);
      else
        continue;
      n++;
    }
  return n;
}

static GtkFileFilter *
new_case_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case Studies (PDF or Case Studio)"));
  gtk_file_filter_add_pattern (filter, "*.casestudio");
  gtk_file_filter_add_mime_type (filter, "application/x-casestudio");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  return filter;
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    CsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (cs_window_open_files (self, (GFile **) array->pdata, array->len) < array->len)
        show_toast (self, _("Only PDF and .casestudio files can be imported"));
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = new_case_filter ();

  dialog = gtk_file_chooser_native_new (_("Import a Case Study"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (file);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Saved"), name);
      show_error_dialog (self, heading, error->message);
    }
  else
    {
      g_autofree char *toast = g_strdup_printf (_("Exported to “%s”"), name);
      show_toast (self, toast);
    }
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsScenario *scenario = source;
  GError *error = NULL;

  if (cs_scenario_format_save_file (scenario, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cs_window_export_file (CsWindow *self,
                       GFile    *file)
{
  CsScenario *scenario;
  g_autoptr(CsScenario) copy = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!(scenario = cs_scenario_page_get_scenario (self->scenario_page)))
    return;

  /* The worker thread writes a copy, so the shown case can change meanwhile. */
  copy = cs_scenario_format_copy (scenario, FALSE);
  task = g_task_new (copy, NULL, on_export_done, g_object_ref (self));
  g_task_set_source_tag (task, cs_window_export_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    CsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      cs_window_export_file (self, file);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);
  CsScenario *scenario = cs_scenario_page_get_scenario (self->scenario_page);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = new_case_filter ();
  g_autofree char *name = NULL;

  if (!scenario)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Case"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.casestudio", cs_scenario_get_title (scenario));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- delete with undo -------------------------------------------------------------- */

/* A deletion's toast carries the case id; its Undo button and Ctrl+Z restore the case. */
static void
undo_delete (CsWindow *self,
             AdwToast *toast)
{
  g_autofree char *id = g_object_steal_data (G_OBJECT (toast), "scenario-id");
  g_autoptr(GError) error = NULL;

  /* each deletion is undone once */
  if (!id)
    return;

  if (!cs_store_restore_scenario (self->store, id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  cs_library_page_select (self->library, id);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);
  g_autoptr(AdwToast) toast = self->toast ? g_object_ref (self->toast) : NULL;

  if (!toast)
    return;

  dismiss_toast (self);
  undo_delete (self, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);
  CsScenario *scenario = cs_scenario_page_get_scenario (self->scenario_page);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!scenario)
    return;

  if (!cs_store_delete_scenario (self->store, cs_record_get_id (CS_RECORD (scenario)),
                                 g_get_user_name (), NULL, &error))
    {
      show_error_dialog (self, _("The Case Could Not Be Deleted"), error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), cs_scenario_get_title (scenario));
  toast = new_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "scenario-id",
                          g_strdup (cs_record_get_id (CS_RECORD (scenario))), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);

  /* closes the case page (notify::selected) */
  cs_library_page_unselect (self->library);
  show_page (self, GTK_WIDGET (self->library));
  cs_library_page_reload (self->library);
}

static void
search_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);

  show_page (self, GTK_WIDGET (self->library));
  cs_library_page_start_search (self->library);
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_debug ("Could not show help: %s", error->message);
      show_toast (self, _("Help could not be opened: the help viewer may not be installed"));
    }
}

/* The cohorts and their dashboards, on the shared server of the sync session. */
static void
cohorts_action (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  CsApplication *application = CS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  CsSync *sync = application ? cs_sync_session_get_sync (cs_application_get_sync_session (application)) : NULL;

  if (!sync)
    {
      show_toast (self, _("Connect to a shared server first: Shared Server, in the main menu"));
      return;
    }
  {
    CsSyncSession *session = cs_application_get_sync_session (application);
    const CsServerAccount *account = cs_sync_session_get_account (session);
    CsCohortsWindow *cohorts = cs_open_cohorts_window (GTK_WINDOW (self), cs_sync_get_server (sync),
                                                       cs_sync_get_listen_conninfo (sync),
                                                       cs_sync_session_get_kind (session),
                                                       account ? account->listen_port : 0);

    gtk_window_present (GTK_WINDOW (cohorts));
  }
}

/* Instructor–student conversations, on the shared server of the sync session. */
static void
messages_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  CsApplication *application = CS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  CsSync *sync = application ? cs_sync_session_get_sync (cs_application_get_sync_session (application)) : NULL;

  if (!sync)
    {
      show_toast (self, _("Connect to a shared server first: Shared Server, in the main menu"));
      return;
    }
  gtk_window_present (GTK_WINDOW (cs_messages_window_new (GTK_WINDOW (self), cs_sync_get_server (sync),
                                                          cs_sync_get_listen_conninfo (sync))));
}

static void
help_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  gtk_show_uri_full (GTK_WINDOW (widget), "help:case-studio", GDK_CURRENT_TIME, NULL,
                     on_help_shown, g_object_ref (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);

  show_page (self, GTK_WIDGET (self->library));
}

/* ---- drag and drop ----------------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CsWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  guint n;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target-active");
  for (GSList *l = files; l; l = l->next)
    g_ptr_array_add (array, l->data);
  n = cs_window_open_files (self, (GFile **) array->pdata, array->len);
  if (n == 0)
    show_toast (self, _("Drop a case-study PDF or a .casestudio file to import it"));
  else if (n < array->len)
    show_toast (self, _("Only PDF and .casestudio files were imported"));
  return n > 0;
}

static GdkDragAction
on_drop_enter (GtkDropTarget *target,
               double         x,
               double         y,
               CsWindow      *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target-active");
  return GDK_ACTION_COPY;
}

static void
on_drop_leave (GtkDropTarget *target,
               CsWindow      *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target-active");
}

/* ---- window state ------------------------------------------------------------------ */

static gboolean
cs_window_close_request (GtkWindow *window)
{
  CsWindow *self = CS_WINDOW (window);

  if (self->settings)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (cs_window_parent_class)->close_request (window);
}

static void
restore_window_state (CsWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled build run without its schema still works, it just forgets the size. */
  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (!schema)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
cs_window_dispose (GObject *object)
{
  CsWindow *self = CS_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  if (self->toast)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_clear_object (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_WINDOW);

  G_OBJECT_CLASS (cs_window_parent_class)->dispose (object);
}

static void
cs_window_finalize (GObject *object)
{
  CsWindow *self = CS_WINDOW (object);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_window_parent_class)->finalize (object);
}

static void
cs_window_class_init (CsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cs_window_dispose;
  object_class->finalize = cs_window_finalize;
  window_class->close_request = cs_window_close_request;

  g_type_ensure (CS_TYPE_LIBRARY_PAGE);
  g_type_ensure (CS_TYPE_PUBLISH_BUTTON);
  g_type_ensure (CS_TYPE_SCENARIO_PAGE);
  g_type_ensure (CS_TYPE_SCENE_BOARD);
  g_type_ensure (CS_TYPE_SCENARIO_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, library);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, scenario_page);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_library_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_library_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_published);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_publish_refused);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.play", NULL);
  /* the parameter is the id of the case: the case page and the scene editor use it */
  gtk_widget_class_install_action (widget_class, "win.test-play", "s", test_play_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.delete-scenario", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.cohorts", NULL, cohorts_action);
  gtk_widget_class_install_action (widget_class, "win.messages", NULL, messages_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.edit-done", NULL, edit_done_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
cs_window_init (CsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scene_board = cs_scenario_editor_get_board (self->editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-done", FALSE);
  g_signal_connect_object (self->scenario_page, "notify::title-visible",
                           G_CALLBACK (update_content_title), self, G_CONNECT_SWAPPED);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (drop, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (drop, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  restore_window_state (self);
  show_scenario (self, NULL);
  /* Keyboard focus starts in the library, not on the (scrollable) empty page beside it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->library));
}
