/* cs-import-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-import-error.h"
#include "cs-ui-util.h"
#include "cs-import-window.h"
#include "cs-offline-extractor.h"
#include "cs-pdf-page.h"
#include "cs-review-page.h"

/* Thumbnails are drawn at twice their shown width, for high-density screens. */
#define THUMBNAIL_WIDTH 112
#define PAGE_WIDTH      900
/* The bar: reading the pages is most of the work. */
#define READING_SHARE   0.7

struct _CsImportWindow
{
  AdwWindow           parent_instance;

  CsStore            *store;
  CsCaseExtractor    *extractor;
  GFile              *file;
  CsPdfWorker        *worker;
  GCancellable       *cancellable;   /* the import: open, read, analyse, save */
  GCancellable       *page_cancellable;
  GListStore         *pages;
  GtkSingleSelection *selection;
  CsPdfText          *text;
  CsExtraction       *extraction;
  const char         *state;
  char               *error;
  char               *password;
  AdwMessageDialog   *password_dialog;
  gboolean            discard_confirmed;

  AdwToastOverlay    *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer        *progress_revealer;
  GtkLabel           *stage_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *main_stack;
  AdwStatusPage      *error_page;
  AdwViewStack       *view_stack;
  GtkGridView        *thumbnails;
  GtkPicture         *page_picture;
  GtkLabel           *page_label;
  AdwPreferencesGroup *metadata_group;
  GtkTextView        *page_text;
  GtkStack           *review_stack;
  AdwStatusPage      *failed_page;
  CsReviewPage       *review_page;
};

G_DEFINE_FINAL_TYPE (CsImportWindow, cs_import_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_open (CsImportWindow *self);

static void
set_state (CsImportWindow *self,
           const char     *state)
{
  gboolean working = g_str_equal (state, "opening") || g_str_equal (state, "password") ||
                     g_str_equal (state, "reading") || g_str_equal (state, "analysing");

  self->state = state;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", g_str_equal (state, "review"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", working);
  gtk_revealer_set_reveal_child (self->progress_revealer, working);
}

static void
set_progress (CsImportWindow *self,
              const char     *stage,
              double          fraction)
{
  gtk_label_set_text (self->stage_label, stage);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

static void
fail (CsImportWindow *self,
      const char     *message)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = g_strdup_printf (_("“%s” Could Not Be Imported"), name);

  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  set_state (self, "error");
}

/* --- thumbnails and the page view ------------------------------------------------------- */

typedef struct {
  CsImportWindow *self;
  CsPdfPage      *page;
} RenderRequest;

static void
on_thumbnail_rendered (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(CsPdfPage) page = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(cairo_surface_t) surface = cs_pdf_worker_render_finish (CS_PDF_WORKER (source), result, &error);

  cs_pdf_page_set_loading (page, NULL);
  if (surface)
    {
      g_autoptr(GdkTexture) texture = cs_texture_new_for_surface (surface);

      cs_pdf_page_set_texture (page, texture);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("thumbnail of page %u: %s", cs_pdf_page_get_index (page) + 1, error->message);
}

static void
request_thumbnail (CsImportWindow *self,
                   CsPdfPage      *page)
{
  g_autoptr(GCancellable) cancellable = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (cs_pdf_page_get_texture (page) || cs_pdf_page_get_loading (page))
    return;
  cancellable = g_cancellable_new ();
  cs_pdf_page_set_loading (page, cancellable);
  cs_pdf_worker_render_async (self->worker, cs_pdf_page_get_index (page), THUMBNAIL_WIDTH * MAX (2, scale),
                              cancellable, on_thumbnail_rendered, g_object_ref (page));
}

static void
setup_thumbnail (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CsImportWindow           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 1.3);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_add_css_class (frame, "thumbnail");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_thumbnail (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CsImportWindow           *self)
{
  CsPdfPage *page = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *frame = gtk_widget_get_first_child (box);
  GtkWidget *picture = gtk_frame_get_child (GTK_FRAME (frame));
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *text = g_strdup_printf ("%u", cs_pdf_page_get_index (page) + 1);
  g_autofree char *a11y = g_strdup_printf (_("Page %u"), cs_pdf_page_get_index (page) + 1);
  GBinding *binding;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  binding = g_object_bind_property (page, "texture", picture, "paintable", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (item), "binding", binding);
  /* only pages on screen are bound: render them now (the texture stays as a cache) */
  request_thumbnail (self, page);
}

static void
unbind_thumbnail (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CsImportWindow           *self)
{
  CsPdfPage *page = gtk_list_item_get_item (item);
  GBinding *binding = g_object_get_data (G_OBJECT (item), "binding");
  GCancellable *loading = cs_pdf_page_get_loading (page);

  if (binding)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "binding", NULL);
  /* scrolled away before its turn: do not draw it */
  if (loading)
    {
      g_cancellable_cancel (loading);
      cs_pdf_page_set_loading (page, NULL);
    }
}

static void
on_page_rendered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(CsImportWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(cairo_surface_t) surface = cs_pdf_worker_render_finish (CS_PDF_WORKER (source), result, &error);

  if (surface)
    {
      g_autoptr(GdkTexture) texture = cs_texture_new_for_surface (surface);

      gtk_picture_set_paintable (self->page_picture, GDK_PAINTABLE (texture));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
show_page_text (CsImportWindow *self,
                guint           page,
                const char     *passage)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->page_text);

  if (self->text == NULL)
    {
      gtk_text_buffer_set_text (buffer, _("The text is still being read…"), -1);
      return;
    }
  {
    g_autofree char *text = cs_pdf_text_dup_page_text (self->text, page);
    GtkTextIter start, end;

    gtk_text_buffer_set_text (buffer, *text ? text : _("This page has no text."), -1);
    /* select the first words of the passage: lines in the PDF break where the passage
     * does not, so look for its beginning */
    if (passage && *passage)
      {
        g_autofree char *needle = g_utf8_substring (passage, 0, MIN (40, g_utf8_strlen (passage, -1)));
        char *cut = strrchr (needle, ' ');

        if (cut && cut - needle > 12)
          *cut = '\0';
        gtk_text_buffer_get_start_iter (buffer, &start);
        if (gtk_text_iter_forward_search (&start, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                          &start, &end, NULL))
          {
            GtkTextMark *mark;

            gtk_text_buffer_select_range (buffer, &start, &end);
            /* a mark scrolls once the new text is laid out; an iter would not */
            mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
            gtk_text_view_scroll_to_mark (self->page_text, mark, 0.1, TRUE, 0, 0.2);
            gtk_text_buffer_delete_mark (buffer, mark);
          }
      }
  }
}

static void
show_page (CsImportWindow *self,
           guint           page,
           const char     *passage)
{
  guint n = cs_pdf_worker_get_n_pages (self->worker);
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), page + 1, n);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  gtk_label_set_text (self->page_label, label);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();
  cs_pdf_worker_render_async (self->worker, page, PAGE_WIDTH * MAX (1, scale), self->page_cancellable,
                              on_page_rendered, g_object_ref (self));
  show_page_text (self, page, passage);
}

static void
on_selection_changed (CsImportWindow *self)
{
  guint page = gtk_single_selection_get_selected (self->selection);

  if (page != GTK_INVALID_LIST_POSITION)
    show_page (self, page, NULL);
}

void
cs_import_window_select_page (CsImportWindow *self,
                              guint           page)
{
  g_return_if_fail (CS_IS_IMPORT_WINDOW (self));

  if (page >= g_list_model_get_n_items (G_LIST_MODEL (self->pages)))
    return;
  gtk_single_selection_set_selected (self->selection, page);
  gtk_widget_activate_action (GTK_WIDGET (self->thumbnails), "list.scroll-to-item", "u", page);
}

/* A passage in the review was activated: show its page, with the passage selected. */
static void
on_show_source (CsImportWindow *self,
                guint           page,
                const char     *passage)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "document");
  g_signal_handlers_block_by_func (self->selection, on_selection_changed, self);
  cs_import_window_select_page (self, page);
  g_signal_handlers_unblock_by_func (self->selection, on_selection_changed, self);
  show_page (self, page, passage);
}

static void
add_metadata_row (CsImportWindow *self,
                  const char     *title,
                  const char     *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (self->metadata_group, row);
}

/* --- the import ------------------------------------------------------------------------- */

static void
on_extract_progress (CsImportStage stage,
                     double        fraction,
                     gpointer      data)
{
  CsImportWindow *self = data;
  double steps = CS_IMPORT_N_STAGES - 1;

  set_progress (self, cs_import_stage_get_label (stage),
                READING_SHARE + (1 - READING_SHARE) * ((stage - 1) + fraction) / steps);
}

static void
on_extracted (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CsImportWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsExtraction) extraction = cs_case_extractor_extract_finish (CS_CASE_EXTRACTOR (source), result, &error);
  CsScenario *scenario;
  g_autofree char *toast = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (extraction == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->review_stack, "failed");
      set_state (self, "error");
      return;
    }

  self->extraction = g_steal_pointer (&extraction);
  scenario = cs_extraction_get_scenario (self->extraction);
  cs_review_page_set_extraction (self->review_page, self->extraction);
  gtk_stack_set_visible_child_name (self->review_stack, "review");
  adw_view_stack_set_visible_child_name (self->view_stack, "review");
  set_progress (self, _("Done"), 1);
  set_state (self, "review");
  {
    guint n_people = cs_scenario_get_n_personas (scenario);
    guint n_scenes = cs_scenario_get_n_scenes (scenario);
    g_autofree char *people = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
    g_autofree char *scenes = g_strdup_printf (ngettext ("%u scene", "%u scenes", n_scenes), n_scenes);

    /* TRANSLATORS: "Found 4 people and 5 scenes: check them, then save" */
    toast = g_strdup_printf (_("Found %s and %s: check them, then save"), people, scenes);
  }
  cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
  if (cs_extraction_get_fallback_reason (self->extraction))
    {
      g_autofree char *why = g_strdup_printf (_("The language model failed (%s): the draft was made offline"),
                                              cs_extraction_get_fallback_reason (self->extraction));
      AdwToast *fallback = adw_toast_new (why);

      adw_toast_set_timeout (fallback, 0);
      cs_ui_overlay_add_toast (self->toast_overlay, fallback);
    }
}

static void
on_read_progress (guint    done,
                  guint    total,
                  gpointer data)
{
  CsImportWindow *self = data;
  g_autofree char *stage = g_strdup_printf (_("Reading page %u of %u"), done, total);

  set_progress (self, stage, READING_SHARE * done / MAX (1, total));
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(CsImportWindow) self = data;
  g_autoptr(GError) error = NULL;
  CsPdfText *text = cs_pdf_worker_read_finish (CS_PDF_WORKER (source), result, &error);
  guint page;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (text == NULL)
    {
      fail (self, error->message);
      return;
    }
  self->text = text;
  page = gtk_single_selection_get_selected (self->selection);
  if (page != GTK_INVALID_LIST_POSITION)
    show_page_text (self, page, NULL);

  set_state (self, "analysing");
  on_extract_progress (CS_IMPORT_STAGE_FINDING_STRUCTURE, 0, self);
  cs_case_extractor_extract_async (self->extractor, self->text, on_extract_progress, self,
                                   self->cancellable, on_extracted, g_object_ref (self));
}

static void
on_password_response (AdwMessageDialog *dialog,
                      const char       *response,
                      CsImportWindow   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *password = g_strdup (gtk_editable_get_text (entry));

  self->password_dialog = NULL;
  if (g_str_equal (response, "unlock"))
    cs_import_window_unlock (self, password);
  else
    cs_import_window_cancel (self);
}

static void
ask_password (CsImportWindow *self,
              gboolean        wrong)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *body = wrong
    ? g_strdup_printf (_("That password does not open “%s”. Check it and try again."), name)
    : g_strdup_printf (_("“%s” is protected by a password. Enter it to import the case."), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Password Required"), body);
  /* a plain hidden entry: GtkPasswordEntry of GTK 4.8 can outlive its caps-lock handler
   * when its dialog closes during a focus change */
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_password_response), self, 0);
  self->password_dialog = ADW_MESSAGE_DIALOG (dialog);
  set_state (self, "password");
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(CsImportWindow) self = data;
  g_autoptr(GError) error = NULL;
  guint n_pages;

  if (!cs_pdf_worker_open_finish (CS_PDF_WORKER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_NEEDS_PASSWORD))
        ask_password (self, FALSE);
      else if (g_error_matches (error, CS_IMPORT_ERROR, CS_IMPORT_ERROR_WRONG_PASSWORD))
        ask_password (self, TRUE);
      else
        fail (self, error->message);
      return;
    }

  /* the preview */
  n_pages = cs_pdf_worker_get_n_pages (self->worker);
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
    g_autofree char *count = g_strdup_printf ("%u", n_pages);
    const char *title = cs_pdf_worker_get_info (self->worker, "title");

    for (guint i = 0; i < n_pages; i++)
      g_ptr_array_add (pages, cs_pdf_page_new (i));
    g_list_store_splice (self->pages, 0, 0, pages->pdata, pages->len);

    if (title)
      adw_view_switcher_title_set_subtitle (self->switcher_title, title);
    add_metadata_row (self, _("Title"), title);
    add_metadata_row (self, _("Author"), cs_pdf_worker_get_info (self->worker, "author"));
    add_metadata_row (self, _("Subject"), cs_pdf_worker_get_info (self->worker, "subject"));
    add_metadata_row (self, _("Pages"), count);
    add_metadata_row (self, _("Created"), cs_pdf_worker_get_info (self->worker, "created"));
    add_metadata_row (self, _("Made With"), cs_pdf_worker_get_info (self->worker, "creator"));
  }
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  if (n_pages > 0)
    on_selection_changed (self);

  /* the analysis */
  set_state (self, "reading");
  set_progress (self, cs_import_stage_get_label (CS_IMPORT_STAGE_READING), 0);
  cs_pdf_worker_read_async (self->worker, on_read_progress, self, self->cancellable,
                            on_read, g_object_ref (self));
}

static void
start_open (CsImportWindow *self)
{
  set_state (self, "opening");
  set_progress (self, _("Opening the document"), 0);
  cs_pdf_worker_open_async (self->worker, self->password, self->cancellable, on_opened,
                            g_object_ref (self));
}

void
cs_import_window_unlock (CsImportWindow *self,
                         const char     *password)
{
  g_return_if_fail (CS_IS_IMPORT_WINDOW (self));

  if (self->password_dialog)
    {
      AdwMessageDialog *dialog = self->password_dialog;

      self->password_dialog = NULL;
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_free (self->password);
  self->password = g_strdup (password);
  start_open (self);
}

/* --- save, cancel, close --------------------------------------------------------------- */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(CsImportWindow) self = data;
  g_autoptr(GError) error = NULL;
  CsScenario *scenario = cs_extraction_get_scenario (self->extraction);

  if (!cs_store_save_scenario_finish (CS_STORE (source), result, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Case Could Not Be Saved"),
                                                  error->message);

      /* the draft stays open, so nothing is lost */
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      set_state (self, "review");
      return;
    }
  set_state (self, "saved");
  g_signal_emit (self, signals[SAVED], 0, scenario);
  gtk_window_close (GTK_WINDOW (self));
}

void
cs_import_window_save (CsImportWindow *self)
{
  g_return_if_fail (CS_IS_IMPORT_WINDOW (self));

  if (!g_str_equal (self->state, "review") || self->store == NULL)
    return;
  set_state (self, "saving");
  cs_store_save_scenario_async (self->store, cs_extraction_get_scenario (self->extraction), NULL,
                                on_saved, g_object_ref (self));
}

void
cs_import_window_cancel (CsImportWindow *self)
{
  g_return_if_fail (CS_IS_IMPORT_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  cs_import_window_save (CS_IMPORT_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  cs_import_window_cancel (CS_IMPORT_WINDOW (widget));
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CsImportWindow   *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->discard_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
cs_import_window_close_request (GtkWindow *window)
{
  CsImportWindow *self = CS_IMPORT_WINDOW (window);

  /* a reviewed draft is work: ask before throwing it away */
  if (!self->discard_confirmed && (g_str_equal (self->state, "review") || g_str_equal (self->state, "saving")))
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Discard the Imported Case?"),
                                                  _("The draft and your corrections are not in the "
                                                    "library yet."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Reviewing"),
                                        "discard", _("_Discard"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->page_cancellable);
  return GTK_WINDOW_CLASS (cs_import_window_parent_class)->close_request (window);
}

/* --- object --------------------------------------------------------------------------- */

static void
cs_import_window_dispose (GObject *object)
{
  CsImportWindow *self = CS_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->page_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->pages);

  G_OBJECT_CLASS (cs_import_window_parent_class)->dispose (object);
}

static void
cs_import_window_finalize (GObject *object)
{
  CsImportWindow *self = CS_IMPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->extractor);
  g_clear_object (&self->file);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->page_cancellable);
  g_clear_object (&self->text);
  g_clear_object (&self->extraction);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (cs_import_window_parent_class)->finalize (object);
}

static void
cs_import_window_class_init (CsImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cs_import_window_dispose;
  object_class->finalize = cs_import_window_finalize;
  window_class->close_request = cs_import_window_close_request;

  /**
   * CsImportWindow::saved:
   * @scenario: the draft, now in the library
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, CS_TYPE_SCENARIO);

  g_type_ensure (CS_TYPE_REVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, page_picture);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, metadata_group);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, page_text);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, review_stack);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, CsImportWindow, review_page);
  gtk_widget_class_bind_template_callback (widget_class, on_show_source);

  gtk_widget_class_install_action (widget_class, "import.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "import.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cs_import_window_init (CsImportWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pages = g_list_store_new (CS_TYPE_PDF_PAGE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->pages)));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_thumbnail), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_thumbnail), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_thumbnail), self, 0);
  gtk_grid_view_set_factory (self->thumbnails, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->thumbnails, GTK_SELECTION_MODEL (self->selection));
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  set_state (self, "opening");
}

CsImportWindow *
cs_import_window_new (GtkWindow       *parent,
                      CsStore         *store,
                      CsCaseExtractor *extractor,
                      GFile           *file)
{
  CsImportWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CS_TYPE_IMPORT_WINDOW, NULL);
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->store = store ? g_object_ref (store) : NULL;
  self->extractor = extractor ? g_object_ref (extractor)
                              : CS_CASE_EXTRACTOR (cs_offline_extractor_new ());
  self->file = g_object_ref (file);
  self->worker = cs_pdf_worker_new (file);

  name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_view_switcher_title_set_title (self->switcher_title, name);
  start_open (self);
  return self;
}

GFile *
cs_import_window_get_file (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->file;
}

const char *
cs_import_window_get_state (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->state;
}

const char *
cs_import_window_get_error (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->error;
}

CsExtraction *
cs_import_window_get_extraction (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->extraction;
}

CsPdfWorker *
cs_import_window_get_worker (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->worker;
}

AdwMessageDialog *
cs_import_window_get_password_dialog (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->password_dialog;
}

guint
cs_import_window_get_selected_page (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

CsReviewPage *
cs_import_window_get_review_page (CsImportWindow *self)
{
  g_return_val_if_fail (CS_IS_IMPORT_WINDOW (self), NULL);

  return self->review_page;
}
