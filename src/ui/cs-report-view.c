/* cs-report-view.c: the report of a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-report-export.h"
#include "cs-ui-util.h"
#include "cs-report-view.h"

struct _CsReportView
{
  AdwBin                parent_instance;

  CsRunReport          *report;
  GtkFileChooserNative *chooser;
  GCancellable         *exporting;      /* while an export runs */
  AdwToast             *progress_toast; /* its "Saving…" toast, once it takes long */
  guint                 slow_source;
  gboolean              disposed;

  AdwToastOverlay      *toast_overlay;
  GtkLabel             *score_label;
  GtkLabel             *totals_label;
  GtkWidget            *unfinished_label;
  GtkBox               *scenes_box;
  GtkLabel             *method_label;
  char                 *student_name;   /* the report is someone else's: an instructor's view */
};

G_DEFINE_FINAL_TYPE (CsReportView, cs_report_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
percent (double fraction)
{
  /* TRANSLATORS: a score or weight in percent */
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static const char *
outcome (CsSceneReport *scene)
{
  switch (cs_scene_report_get_status (scene))
    {
    case CS_SCENE_STATUS_PASSED:
      return _("Passed");
    case CS_SCENE_STATUS_FORCED:
      return _("Time’s up");
    case CS_SCENE_STATUS_IN_PROGRESS:
      return _("In progress");
    case CS_SCENE_STATUS_NOT_STARTED:
    default:
      return _("Not reached");
    }
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
criterion_row (CsReportView            *self,
               const CsCriterionReport *criterion)
{
  g_autofree char *weight = percent (criterion->weight);
  g_autofree char *title = g_strdup_printf (_("%s (%s)"), criterion->text, weight);
  g_autofree char *quote = NULL;
  GtkWidget *row;

  if (criterion->evidence != NULL && self->student_name != NULL)
    /* TRANSLATORS: a student's name, then their own words */
    quote = g_strdup_printf (_("%s said: “%s”"), self->student_name, criterion->evidence);
  else if (criterion->evidence != NULL)
    quote = g_strdup_printf (_("You said: “%s”"), criterion->evidence);
  row = new_row (title, quote != NULL ? quote
                        : self->student_name != NULL ? _("Not shown in the student’s messages yet")
                        : _("Not shown in your messages yet"));
  GtkWidget *icon = gtk_image_new_from_icon_name (criterion->met ? "object-select-symbolic"
                                                                 : "action-unavailable-symbolic");
  const char *state = criterion->met ? _("Met") : _("Not met");

  gtk_widget_add_css_class (icon, criterion->met ? "success" : "dim-label");
  gtk_widget_set_tooltip_text (icon, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, state, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static GtkWidget *
scene_card (CsReportView  *self,
            CsSceneReport *scene)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf (_("Scene %u: %s"), cs_scene_report_get_position (scene) + 1,
                                            cs_scene_report_get_title (scene));
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *score = percent (cs_scene_report_get_score (scene));
  g_autofree char *threshold = percent (cs_scene_report_get_threshold (scene));
  g_autofree char *description = g_strdup_printf (_("Pass mark %s · %s"), threshold, outcome (scene));
  const char *feedback = cs_scene_report_get_feedback (scene);
  GtkWidget *badge = gtk_label_new (score);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_add_css_class (badge, "tag");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_add_css_class (badge, "heading");
  gtk_widget_add_css_class (badge, cs_scene_report_get_passed (scene) ? "success" :
                                   cs_scene_report_get_forced (scene) ? "warning" : "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  {
    g_autofree char *label = g_strdup_printf (_("Scene score: %s"), score);

    gtk_widget_set_tooltip_text (badge, label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), badge);

  if (cs_scene_report_get_played (scene))
    {
      g_autofree char *counts =
        g_strdup_printf (_("Turns: %d · Attempts judged: %d · Hints used: %d"),
                         cs_scene_report_get_turns (scene), cs_scene_report_get_attempts (scene),
                         cs_scene_report_get_hints_used (scene));
      GtkWidget *row = new_row (feedback != NULL && *feedback != '\0' ? feedback : _("No feedback yet"),
                                counts);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < cs_scene_report_get_n_criteria (scene); i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               criterion_row (self, cs_scene_report_get_criterion (scene, i)));
  return group;
}

static void
refresh (CsReportView *self)
{
  GtkWidget *child;
  GListModel *scenes;
  g_autofree char *score = NULL, *totals = NULL, *unfinished = NULL;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scenes_box))))
    gtk_box_remove (self->scenes_box, child);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf",
                                 self->report != NULL && self->exporting == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-transcript",
                                 self->report != NULL && self->exporting == NULL);
  if (self->report == NULL)
    return;

  scenes = cs_run_report_get_scenes (self->report);
  n = g_list_model_get_n_items (scenes);
  score = percent (cs_run_report_get_overall_score (self->report));
  totals = g_strdup_printf (_("Scenes passed: %u of %u · Ended at the turn limit: %d · "
                              "Turns: %d · Hints used: %d"),
                            cs_run_report_get_passed_scenes (self->report), n,
                            cs_run_report_get_forced_scenes (self->report),
                            cs_run_report_get_turns (self->report),
                            cs_run_report_get_hints_used (self->report));
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->totals_label, totals);
  unfinished = cs_run_report_dup_unfinished_note (self->report);
  gtk_label_set_text (GTK_LABEL (self->unfinished_label), unfinished != NULL ? unfinished : "");
  gtk_widget_set_visible (self->unfinished_label, unfinished != NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (scenes, i);

      gtk_box_append (self->scenes_box, scene_card (self, scene));
    }
}

/* ---- export --------------------------------------------------------------------------- */

/* A PDF taking longer than this shows a toast with Cancel while it is made. */
#define SLOW_EXPORT_MS 400

typedef struct {
  CsReportView *self;
  gboolean      pdf;
  GFile        *file;
  char         *name;
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->self);
  g_object_unref (saving->file);
  g_free (saving->name);
  g_free (saving);
}

/* Why a file could not be written, in a few words. */
static const char *
failure_reason (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return _("the report could not be made");
  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      return _("the folder does not exist");
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      return _("no permission to write there");
    case G_IO_ERROR_NO_SPACE:
      return _("the disk is full");
    case G_IO_ERROR_IS_DIRECTORY:
      return _("a folder has that name");
    case G_IO_ERROR_FILENAME_TOO_LONG:
    case G_IO_ERROR_INVALID_FILENAME:
      return _("the name is not allowed there");
    default:
      return _("the file could not be written");
    }
}

/* A result; with @button and its @action (on @uri, when given). */
static void
toast_full (CsReportView *self,
            const char   *text,
            const char   *button,
            const char   *action,
            const char   *uri)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  /* the latest result replaces an older one */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      if (uri != NULL)
        adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  cs_ui_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast (CsReportView *self,
       const char   *text)
{
  toast_full (self, text, NULL, NULL, NULL);
}

static void
set_exporting (CsReportView *self,
               GCancellable *cancellable)
{
  g_set_object (&self->exporting, cancellable);
  g_clear_handle_id (&self->slow_source, g_source_remove);
  if (cancellable == NULL && self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf",
                                 self->report != NULL && cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-transcript",
                                 self->report != NULL && cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel-export", cancellable != NULL);
}

static gboolean
on_slow (gpointer data)
{
  CsReportView *self = data;
  AdwToast *progress = adw_toast_new (_("Saving the report…"));

  self->slow_source = 0;
  adw_toast_set_timeout (progress, 0);
  adw_toast_set_priority (progress, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (progress, _("_Cancel"));
  adw_toast_set_action_name (progress, "report.cancel-export");
  self->progress_toast = g_object_ref (progress);
  cs_ui_overlay_add_toast (self->toast_overlay, progress);
  return G_SOURCE_REMOVE;
}

static void
saved (Saving *saving,
       GError *error)
{
  CsReportView *self = saving->self;
  g_autofree char *text = NULL;

  if (self->disposed)
    {
      saving_free (saving);
      return;
    }
  set_exporting (self, NULL);
  if (error == NULL)
    {
      g_autofree char *uri = g_file_get_uri (saving->file);

      text = g_strdup_printf (saving->pdf ? _("Report saved as “%s”") : _("Transcript saved as “%s”"),
                              saving->name);
      toast_full (self, text, _("_Open"), "report.open-file", uri);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, saving->pdf ? _("The report was not saved") : _("The transcript was not saved"));
  else
    {
      /* why, in a few words, so that the toast shows it (a file name is often longer than
       * a toast); the button is what to do */
      if (saving->pdf)
        text = g_strdup_printf (_("Report not saved: %s"), failure_reason (error));
      else
        text = g_strdup_printf (_("Could not save the transcript as “%s”: %s"), saving->name,
                                failure_reason (error));
      g_debug ("Export failed: %s", error->message);
      toast_full (self, text, _("Save _As…"),
                  saving->pdf ? "report.export-pdf" : "report.export-transcript", NULL);
    }
  saving_free (saving);
}

static void
on_pdf_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  cs_report_export_pdf_finish (result, &error);
  saved (user_data, error);
}

static void
on_transcript_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);
  saved (user_data, error);
}

void
cs_report_view_export (CsReportView *self,
                       gboolean      pdf,
                       GFile        *file)
{
  g_autoptr(GCancellable) cancellable = NULL;
  Saving *saving;

  g_return_if_fail (CS_IS_REPORT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->report != NULL);

  if (self->exporting != NULL)
    return;
  cancellable = g_cancellable_new ();
  set_exporting (self, cancellable);
  saving = g_new0 (Saving, 1);
  saving->self = g_object_ref (self);
  saving->pdf = pdf;
  saving->file = g_object_ref (file);
  saving->name = g_file_get_basename (file);
  if (pdf)
    {
      /* drawn and written on a worker, from a copy of the run; a temporary file renamed
       * over the old one, never half a file */
      self->slow_source = g_timeout_add (SLOW_EXPORT_MS, on_slow, self);
      cs_report_export_pdf_async (self->report, file, cancellable, on_pdf_saved, saving);
    }
  else
    {
      char *markdown = cs_report_export_markdown (self->report);
      g_autoptr(GBytes) bytes = g_bytes_new_take (markdown, strlen (markdown));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                           cancellable, on_transcript_saved, saving);
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsReportView *self = CS_REPORT_VIEW (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CsReportView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the file: %s. Open it from "
                                                 "the folder it was saved in."), error->message);

      toast (self, text);
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL, on_launched,
                                           g_object_ref (widget));
}

static void
on_chosen (GtkNativeDialog *dialog,
           int              response,
           CsReportView    *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pdf"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && self->report != NULL)
        cs_report_view_export (self, pdf, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (CsReportView *self,
             gboolean      pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->report == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export Report") : _("Export Transcript"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  /* TRANSLATORS: file names: the case's title, then what the file holds */
  name = g_strdup_printf (pdf ? _("%s — report.pdf") : _("%s — transcript.md"),
                          cs_run_report_get_title (self->report));
  g_strdelimit (name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("Markdown files"));
  if (pdf)
    gtk_file_filter_add_mime_type (filter, "application/pdf");
  else
    {
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  choose_file (CS_REPORT_VIEW (widget), g_str_equal (action, "report.export-pdf"));
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cs_report_view_dispose (GObject *object)
{
  CsReportView *self = CS_REPORT_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* an export under way still saves its file (it holds the view), with nothing to show */
  self->disposed = TRUE;
  g_clear_handle_id (&self->slow_source, g_source_remove);
  g_clear_object (&self->progress_toast);
  g_clear_object (&self->exporting);
  /* AdwBin drops its child, the template's toast overlay, itself. */
  g_clear_object (&self->report);
  g_clear_pointer (&self->student_name, g_free);

  G_OBJECT_CLASS (cs_report_view_parent_class)->dispose (object);
}

static void
cs_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsReportView *self = CS_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_report_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsReportView *self = CS_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      cs_report_view_set_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_report_view_class_init (CsReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_report_view_dispose;
  object_class->get_property = cs_report_view_get_property;
  object_class->set_property = cs_report_view_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, CS_TYPE_RUN_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casestudio/CaseStudio/ui/cs-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsReportView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsReportView, score_label);
  gtk_widget_class_bind_template_child (widget_class, CsReportView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, CsReportView, unfinished_label);
  gtk_widget_class_bind_template_child (widget_class, CsReportView, scenes_box);
  gtk_widget_class_bind_template_child (widget_class, CsReportView, method_label);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.export-transcript", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "report.cancel-export", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "report.open-file", "s", open_action);
}

static void
cs_report_view_init (CsReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
cs_report_view_new (void)
{
  return g_object_new (CS_TYPE_REPORT_VIEW, NULL);
}

CsRunReport *
cs_report_view_get_report (CsReportView *self)
{
  g_return_val_if_fail (CS_IS_REPORT_VIEW (self), NULL);

  return self->report;
}

void
cs_report_view_set_student_name (CsReportView *self,
                                 const char   *name)
{
  g_return_if_fail (CS_IS_REPORT_VIEW (self));

  if (g_strcmp0 (self->student_name, name) == 0)
    return;
  g_free (self->student_name);
  self->student_name = name && *name ? g_strdup (name) : NULL;
  gtk_label_set_label (self->method_label,
                       self->student_name
                       ? _("The overall score is the mean of the scene scores, each scene counting equally. "
                           "A scene’s score is the weighted share of its goal criteria met after its last "
                           "turn; a criterion counts as met only with a quote of the student’s own words.")
                       : _("The overall score is the mean of the scene scores, each scene counting equally. "
                           "A scene’s score is the weighted share of its goal criteria met after its last "
                           "turn; a criterion counts as met only with a quote of your own words."));
  refresh (self);
}

void
cs_report_view_set_report (CsReportView *self,
                           CsRunReport  *report)
{
  g_return_if_fail (CS_IS_REPORT_VIEW (self));
  g_return_if_fail (report == NULL || CS_IS_RUN_REPORT (report));

  if (!g_set_object (&self->report, report))
    return;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

GtkWindow *
cs_report_view_new_window (GtkWindow   *parent,
                           CsRunReport *report)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  g_autofree char *subtitle =
    g_strdup_printf (_("%s · attempt %d"), cs_run_report_get_title (report),
                     cs_progress_get_attempt (cs_run_report_get_progress (report)));
  GtkWidget *title = adw_window_title_new (_("Report"), subtitle);
  GtkWidget *view = cs_report_view_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_return_val_if_fail (CS_IS_RUN_REPORT (report), NULL);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  cs_report_view_set_report (CS_REPORT_VIEW (view), report);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Report"));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 760);
  gtk_widget_set_size_request (window, 360, 294);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_w, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("window.close")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (window, "devel");
#endif
  return GTK_WINDOW (window);
}
