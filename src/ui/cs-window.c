/* cs-window.c: the main window: library sidebar and case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-scenario-page.h"
#include "cs-scenario-row.h"
#include "cs-window.h"

#define SEARCH_DELAY_MS 150

struct _CsWindow
{
  AdwApplicationWindow  parent_instance;

  CsStore              *store;
  GSettings            *settings;
  GtkSingleSelection   *selection;
  GCancellable         *search_cancellable;
  GCancellable         *load_cancellable;
  char                 *pending_select_id;
  guint                 search_timeout_id;
  guint                 reload_idle_id;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *library_stack;
  GtkListView          *list_view;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  CsScenarioPage       *scenario_page;
};

G_DEFINE_FINAL_TYPE (CsWindow, cs_window, ADW_TYPE_APPLICATION_WINDOW)

static void reload_library      (CsWindow   *self);
static void on_scenario_changed (CsWindow   *self,
                                 const char *id);

static void
attach_store (CsWindow *self,
              CsStore  *store)
{
  if (store)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (self->store, "scenario-changed",
                               G_CALLBACK (on_scenario_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
  reload_library (self);
}

CsWindow *
cs_window_new (CsApplication *application)
{
  CsWindow *self = g_object_new (CS_TYPE_WINDOW, "application", application, NULL);

  attach_store (self, cs_application_get_store (application));
  return self;
}

GListModel *
cs_window_get_library_model (CsWindow *self)
{
  g_return_val_if_fail (CS_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_model (self->selection);
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

  return gtk_stack_get_visible_child_name (self->library_stack);
}

static void
show_toast (CsWindow   *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
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

/* ---- the shown case ---------------------------------------------------------------- */

static void
show_scenario (CsWindow   *self,
               CsScenario *scenario)
{
  cs_scenario_page_set_scenario (self->scenario_page, scenario);
  gtk_stack_set_visible_child_name (self->content_stack, scenario ? "scenario" : "none");
  adw_window_title_set_title (self->content_title, scenario ? cs_scenario_get_title (scenario) : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-scenario", scenario != NULL);
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
  if (error)
    {
      show_toast (self, error->message);
      show_scenario (self, NULL);
      return;
    }
  show_scenario (self, scenario);
}

static void
on_selection_changed (CsWindow *self)
{
  CsScenario *summary = gtk_single_selection_get_selected_item (self->selection);
  CsScenario *shown = cs_scenario_page_get_scenario (self->scenario_page);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (!summary)
    {
      show_scenario (self, NULL);
      return;
    }

  /* The list was reloaded but the same, unchanged case stays selected. */
  if (shown &&
      g_str_equal (cs_record_get_id (CS_RECORD (shown)), cs_record_get_id (CS_RECORD (summary))) &&
      cs_record_get_version (CS_RECORD (shown)) == cs_record_get_version (CS_RECORD (summary)))
    return;

  /* A click or key press in the list on a narrow window goes on to the case. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      if (focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
        adw_leaflet_set_visible_child (self->leaflet, self->content);
    }

  self->load_cancellable = g_cancellable_new ();
  cs_store_load_scenario_async (self->store, cs_record_get_id (CS_RECORD (summary)),
                                self->load_cancellable, on_scenario_loaded, g_object_ref (self));
}

static void
on_list_activate (CsWindow *self,
                  guint     position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static gboolean
select_id (CsWindow   *self,
           const char *id)
{
  GListModel *model = cs_window_get_library_model (self);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CsRecord) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (cs_record_get_id (item), id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
cs_window_select_scenario (CsWindow   *self,
                           const char *id)
{
  g_return_if_fail (CS_IS_WINDOW (self));

  if (!select_id (self, id))
    {
      g_free (self->pending_select_id);
      self->pending_select_id = g_strdup (id);
    }
  else
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* ---- the library list -------------------------------------------------------------- */

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cs_store_search_scenarios_finish (CS_STORE (source), result, &error);
  CsScenario *selected;
  g_autofree char *selected_id = NULL;
  gboolean requested;
  const char *query;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error)
    {
      show_toast (self, error->message);
      return;
    }

  selected = gtk_single_selection_get_selected_item (self->selection);
  requested = self->pending_select_id != NULL;
  if (requested)
    selected_id = g_steal_pointer (&self->pending_select_id);
  else if (selected)
    selected_id = g_strdup (cs_record_get_id (CS_RECORD (selected)));

  gtk_single_selection_set_model (self->selection, list);
  if (selected_id && select_id (self, selected_id))
    {
      /* A case asked for by id (--open, import, undo) is shown even on a narrow window. */
      if (requested)
        adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  else if (g_list_model_get_n_items (list) == 0)
    show_scenario (self, NULL);

  query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (g_list_model_get_n_items (list) > 0)
    gtk_stack_set_visible_child_name (self->library_stack, "list");
  else if (query && *query)
    gtk_stack_set_visible_child_name (self->library_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->library_stack, "empty");
}

static void
reload_library (CsWindow *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (!self->store)
    return;

  self->search_cancellable = g_cancellable_new ();
  cs_store_search_scenarios_async (self->store,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                   self->search_cancellable, on_search_done, g_object_ref (self));
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  CsWindow *self = user_data;

  self->search_timeout_id = 0;
  reload_library (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed (CsWindow *self)
{
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
on_stop_search (CsWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  CsWindow *self = user_data;

  self->reload_idle_id = 0;
  reload_library (self);
  return G_SOURCE_REMOVE;
}

/* The store may emit this on a worker thread: hop to the main context. */
static void
on_scenario_changed (CsWindow   *self,
                     const char *id)
{
  if (self->reload_idle_id == 0)
    self->reload_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb,
                                            g_object_ref (self), g_object_unref);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, cs_scenario_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  CsScenario *scenario = gtk_list_item_get_item (item);

  cs_scenario_row_set_scenario (CS_SCENARIO_ROW (gtk_list_item_get_child (item)), scenario);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cs_scenario_get_title (scenario), -1);
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

  g_free (self->pending_select_id);
  self->pending_select_id = g_strdup (cs_record_get_id (CS_RECORD (data->saved)));
  reload_library (self);
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

static GtkFileFilter *
new_case_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case Studio Files"));
  gtk_file_filter_add_pattern (filter, "*.casestudio");
  gtk_file_filter_add_mime_type (filter, "application/x-casestudio");
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

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          cs_window_import_file (self, file);
        }
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

  dialog = gtk_file_chooser_native_new (_("Import a Case File"), GTK_WINDOW (self),
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

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    CsWindow        *self)
{
  CsScenario *scenario = cs_scenario_page_get_scenario (self->scenario_page);

  if (response == GTK_RESPONSE_ACCEPT && scenario)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(CsScenario) copy = cs_scenario_format_copy (scenario, FALSE);
      g_autoptr(GTask) task = g_task_new (copy, NULL, on_export_done, g_object_ref (self));

      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, export_thread);
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

static void
on_undo_delete (AdwToast *toast,
                CsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "scenario-id");
  g_autoptr(GError) error = NULL;

  if (!cs_store_restore_scenario (self->store, id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  g_free (self->pending_select_id);
  self->pending_select_id = g_strdup (id);
  reload_library (self);
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
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "scenario-id",
                          g_strdup (cs_record_get_id (CS_RECORD (scenario))), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  show_scenario (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  reload_library (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  CsWindow *self = CS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
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
  guint n = 0;

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name && g_str_has_suffix (name, ".casestudio"))
        {
          cs_window_import_file (self, l->data);
          n++;
        }
    }

  if (n == 0)
    show_toast (self, _("Only .casestudio files can be imported for now"));
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

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_clear_handle_id (&self->reload_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_WINDOW);

  G_OBJECT_CLASS (cs_window_parent_class)->dispose (object);
}

static void
cs_window_finalize (GObject *object)
{
  CsWindow *self = CS_WINDOW (object);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending_select_id, g_free);

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

  g_type_ensure (CS_TYPE_SCENARIO_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, library_stack);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, scenario_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.delete-scenario", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
cs_window_init (CsWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (drop, "enter", G_CALLBACK (on_drop_enter), self, 0);
  g_signal_connect_object (drop, "leave", G_CALLBACK (on_drop_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  restore_window_state (self);
  show_scenario (self, NULL);
}
