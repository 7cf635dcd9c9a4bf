/* cs-report-export.c: a run's report as a PDF and its transcript as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is drawn paragraph by paragraph with pango layouts on a cairo PDF surface that
 * writes into memory; a paragraph that does not fit on the page starts the next one.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cs-report-export.h"
#include "cs-run-writer.h"
#include "cs-sim-error.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH  595.28
#define PAGE_HEIGHT 841.89
#define MARGIN      56.7

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           y;
  int              page;
  const char      *footer;
} Pdf;

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
new_layout (Pdf        *pdf,
            const char *font,
            double      width,
            const char *markup)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  /* The surface's unit is the point: at Pango's default 96 dpi a 10 pt font would come
   * out at 13.3 pt. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *text = g_markup_printf_escaped (_("%s · page %d"), pdf->footer, pdf->page);
  g_autoptr(PangoLayout) layout = new_layout (pdf, "Sans 8", PAGE_WIDTH - 2 * MARGIN, text);

  cairo_save (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.4, 0.4, 0.4);
  cairo_move_to (pdf->cr, MARGIN, PAGE_HEIGHT - MARGIN + 14);
  pango_cairo_show_layout (pdf->cr, layout);
  cairo_restore (pdf->cr);
}

static void
next_page (Pdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
}

/* Draws @markup at the current height, @indent points in, then leaves @after points. */
static void
paragraph (Pdf        *pdf,
           const char *font,
           double      grey,
           double      indent,
           double      after,
           const char *markup)
{
  g_autoptr(PangoLayout) layout = new_layout (pdf, font, PAGE_WIDTH - 2 * MARGIN - indent,
                                              markup);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  if (pdf->y + height > PAGE_HEIGHT - MARGIN && pdf->y > MARGIN)
    next_page (pdf);
  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
  cairo_move_to (pdf->cr, MARGIN + indent, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += height + after;
}

static void
rule (Pdf *pdf)
{
  if (pdf->y + 24 > PAGE_HEIGHT - MARGIN)
    {
      next_page (pdf);
      return;
    }
  cairo_set_source_rgb (pdf->cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, MARGIN, pdf->y + 6);
  cairo_line_to (pdf->cr, PAGE_WIDTH - MARGIN, pdf->y + 6);
  cairo_stroke (pdf->cr);
  pdf->y += 18;
}

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
      return _("Time’s up: ended at the turn limit");
    case CS_SCENE_STATUS_IN_PROGRESS:
      return _("In progress");
    case CS_SCENE_STATUS_NOT_STARTED:
    default:
      return _("Not reached");
    }
}

static char *
format_date (CsProgress *progress)
{
  GDateTime *when = cs_progress_get_completed_at (progress);

  if (when == NULL)
    when = cs_progress_get_last_activity (progress);
  if (when == NULL)
    when = cs_progress_get_started_at (progress);
  if (when == NULL)
    return g_strdup ("");
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (when);

    return g_date_time_format (local, "%-d %B %Y, %H:%M");
  }
}

static void
draw_scene (Pdf           *pdf,
            CsSceneReport *scene)
{
  g_autofree char *score = percent (cs_scene_report_get_score (scene));
  g_autofree char *threshold = percent (cs_scene_report_get_threshold (scene));
  g_autofree char *heading = NULL, *line = NULL, *counts = NULL;
  const char *feedback = cs_scene_report_get_feedback (scene);

  heading = g_markup_printf_escaped (_("Scene %u: %s"), cs_scene_report_get_position (scene) + 1,
                                     cs_scene_report_get_title (scene));
  /* a scene's heading stays with the start of its card */
  if (pdf->y > PAGE_HEIGHT - MARGIN - 120)
    next_page (pdf);
  paragraph (pdf, "Sans Bold 13", 0, 0, 4, heading);
  line = g_markup_printf_escaped (_("<b>Score %s</b> · pass mark %s · %s"), score, threshold,
                                  outcome (scene));
  paragraph (pdf, "Sans 10", 0.1, 0, 2, line);
  if (cs_scene_report_get_played (scene))
    {
      counts = g_markup_printf_escaped (_("Turns: %d · Attempts judged: %d · Hints used: %d"),
                                        cs_scene_report_get_turns (scene),
                                        cs_scene_report_get_attempts (scene),
                                        cs_scene_report_get_hints_used (scene));
      paragraph (pdf, "Sans 9", 0.35, 0, 6, counts);
    }
  if (feedback != NULL && *feedback != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped (_("Feedback: %s"), feedback);

      paragraph (pdf, "Sans Italic 10", 0.1, 0, 6, text);
    }

  for (guint i = 0; i < cs_scene_report_get_n_criteria (scene); i++)
    {
      const CsCriterionReport *criterion = cs_scene_report_get_criterion (scene, i);
      g_autofree char *weight = percent (criterion->weight);
      g_autofree char *text =
        g_markup_printf_escaped ("<b>%s</b> %s <span foreground=\"#666666\">(%s)</span>",
                                 criterion->met ? _("✓ Met:") : _("✗ Not met:"),
                                 criterion->text, weight);

      paragraph (pdf, "Sans 10", 0, 12, 2, text);
      if (criterion->evidence != NULL)
        {
          g_autofree char *quote = g_markup_printf_escaped (_("You said: “%s”"),
                                                            criterion->evidence);

          paragraph (pdf, "Sans Italic 9.5", 0.25, 30, 2, quote);
        }
      pdf->y += 3;
    }
  rule (pdf);
}

GBytes *
cs_report_export_pdf (CsRunReport  *report,
                      GError      **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  GListModel *scenes;
  CsProgress *progress;
  Pdf pdf = { NULL, NULL, MARGIN, 1, NULL };
  g_autofree char *title = NULL, *subtitle = NULL, *overall = NULL, *totals = NULL;
  g_autofree char *score = NULL, *date = NULL, *unfinished = NULL;
  cairo_status_t status;
  guint n;

  g_return_val_if_fail (CS_IS_RUN_REPORT (report), NULL);

  scenes = cs_run_report_get_scenes (report);
  progress = cs_run_report_get_progress (report);
  n = g_list_model_get_n_items (scenes);
  pdf.footer = cs_run_report_get_title (report);
  pdf.surface = cairo_pdf_surface_create_for_stream (write_to_bytes, data,
                                                     PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE,
                                  cs_run_report_get_title (report));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Case Studio");
  pdf.cr = cairo_create (pdf.surface);

  title = g_markup_escape_text (cs_run_report_get_title (report), -1);
  paragraph (&pdf, "Sans Bold 20", 0, 0, 4, title);
  date = format_date (progress);
  subtitle = g_markup_printf_escaped (_("Report of attempt %d · %s"),
                                      cs_progress_get_attempt (progress), g_strstrip (date));
  paragraph (&pdf, "Sans 10", 0.35, 0, 14, subtitle);

  score = percent (cs_run_report_get_overall_score (report));
  overall = g_markup_printf_escaped (_("Overall score: %s"), score);
  paragraph (&pdf, "Sans Bold 15", 0, 0, 4, overall);
  totals = g_markup_printf_escaped (_("Scenes passed: %u of %u · Ended at the turn limit: %d · "
                                      "Turns: %d · Hints used: %d"),
                                    cs_run_report_get_passed_scenes (report), n,
                                    cs_run_report_get_forced_scenes (report),
                                    cs_run_report_get_turns (report),
                                    cs_run_report_get_hints_used (report));
  paragraph (&pdf, "Sans 10", 0.1, 0, 4, totals);
  paragraph (&pdf, "Sans 8.5", 0.35, 0, 4,
             _("The overall score is the mean of the scene scores, each scene counting "
               "equally. A scene’s score is the weighted share of its goal criteria met, as "
               "judged after its last turn; a criterion counts as met only with a quote of your "
               "own words."));
  unfinished = cs_run_report_dup_unfinished_note (report);
  if (unfinished != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (unfinished, -1);

      paragraph (&pdf, "Sans Bold 9", 0.1, 0, 4, escaped);
    }
  rule (&pdf);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (scenes, i);

      draw_scene (&pdf, scene);
    }
  draw_footer (&pdf);
  cairo_show_page (pdf.cr);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_SIM_ERROR, CS_SIM_ERROR_INVALID,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* ---- Markdown ------------------------------------------------------------------------- */

static void
append_block (GString    *out,
              const char *prefix,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "%s%s\n", prefix, lines[i]);
  g_string_append_c (out, '\n');
}

static void
append_message (GString    *out,
                CsScenario *scenario,
                CsMessage  *message)
{
  const char *content = cs_message_get_content (message);
  const char *persona_id = cs_message_get_persona_id (message);
  CsPersona *persona = persona_id != NULL ? cs_scenario_find_persona (scenario, persona_id) : NULL;
  g_autofree char *text = g_strstrip (g_strdup (content != NULL ? content : ""));

  switch (cs_message_get_kind (message))
    {
    case CS_MESSAGE_KIND_HINT:
      {
        g_autofree char *line = g_strdup_printf (_("**Hint:** %s"), text);

        append_block (out, "> ", line);
      }
      break;
    case CS_MESSAGE_KIND_SYSTEM:
      {
        g_autofree char *line = g_strdup_printf ("*%s:* %s", cs_message_get_sender_name (message),
                                                 text);

        append_block (out, "", line);
      }
      break;
    case CS_MESSAGE_KIND_PERSONA:
      if (persona != NULL && cs_persona_get_role (persona) != NULL)
        g_string_append_printf (out, "**%s** (%s): ", cs_message_get_sender_name (message),
                                cs_persona_get_role (persona));
      else
        g_string_append_printf (out, "**%s:** ", cs_message_get_sender_name (message));
      append_block (out, "", text);
      break;
    case CS_MESSAGE_KIND_USER:
    default:
      g_string_append_printf (out, "**%s:** ", cs_message_get_sender_name (message));
      append_block (out, "", text);
      break;
    }
}

char *
cs_report_export_markdown (CsRunReport *report)
{
  GString *out = g_string_new (NULL);
  CsScenario *scenario;
  GListModel *messages, *scenes;
  g_autofree char *date = NULL, *overall = NULL;
  const char *scene_id = NULL;
  gboolean intro = FALSE;

  g_return_val_if_fail (CS_IS_RUN_REPORT (report), NULL);

  scenario = cs_run_report_get_scenario (report);
  messages = cs_run_report_get_messages (report);
  scenes = cs_run_report_get_scenes (report);
  date = format_date (cs_run_report_get_progress (report));
  g_string_append_printf (out, "# %s\n\n", cs_run_report_get_title (report));
  g_string_append_printf (out, _("Transcript of attempt %d · %s · %s\n\n"),
                          cs_progress_get_attempt (cs_run_report_get_progress (report)),
                          g_strstrip (date),
                          cs_run_report_get_finished (report) ? _("finished") : _("not finished"));

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(CsMessage) message = g_list_model_get_item (messages, i);
      const char *id = cs_message_get_scene_id (message);

      if (id == NULL && !intro && scene_id == NULL)
        {
          g_string_append_printf (out, "## %s\n\n", _("Introduction"));
          intro = TRUE;
        }
      else if (id != NULL && g_strcmp0 (id, scene_id) != 0)
        {
          CsScene *scene = cs_scenario_find_scene (scenario, id);

          scene_id = id;
          if (scene != NULL)
            {
              g_string_append (out, "## ");
              g_string_append_printf (out, _("Scene %u: %s"), cs_scene_get_position (scene) + 1,
                                      cs_scene_get_title (scene));
              g_string_append (out, "\n\n");
            }
        }
      append_message (out, scenario, message);
    }

  g_string_append_printf (out, "## %s\n\n", _("Scores"));
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      g_autoptr(CsSceneReport) scene = g_list_model_get_item (scenes, i);
      g_autofree char *score = percent (cs_scene_report_get_score (scene));

      g_string_append_printf (out, "- ");
      g_string_append_printf (out, _("Scene %u: %s"), cs_scene_report_get_position (scene) + 1,
                              cs_scene_report_get_title (scene));
      g_string_append_printf (out, ": %s (%s)\n", score, outcome (scene));
    }
  overall = percent (cs_run_report_get_overall_score (report));
  g_string_append_printf (out, "\n");
  g_string_append_printf (out, _("**Overall score: %s** (the mean of the scene scores)"), overall);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

gboolean
cs_report_export_save (GBytes        *bytes,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = g_bytes_get_data (bytes, &size);
  /* g_file_replace_contents() writes a temporary file and renames it over an old one. */
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Cannot write %s: "), name);
      return FALSE;
    }
  return TRUE;
}

/* ---- the PDF on a worker thread -------------------------------------------------------- */

typedef struct {
  CsScenario *scenario;
  CsProgress *progress;
  GListStore *scene_progress;
  GListStore *messages;
  GFile      *file;
} PdfJob;

static void
pdf_job_free (gpointer data)
{
  PdfJob *job = data;

  g_clear_object (&job->scenario);
  g_clear_object (&job->progress);
  g_clear_object (&job->scene_progress);
  g_clear_object (&job->messages);
  g_clear_object (&job->file);
  g_free (job);
}

static GListStore *
snapshot_list (GListModel *records,
               GType       type)
{
  GListStore *copies = g_list_store_new (type);
  guint n = g_list_model_get_n_items (records);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      g_ptr_array_add (items, cs_run_writer_snapshot (record));
    }
  g_list_store_splice (copies, 0, 0, items->pdata, items->len);
  return copies;
}

static void
pdf_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autoptr(CsRunReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  report = cs_run_report_new (job->scenario, job->progress, G_LIST_MODEL (job->scene_progress),
                              G_LIST_MODEL (job->messages));
  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !(bytes = cs_report_export_pdf (report, &error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !cs_report_export_save (bytes, job->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cs_report_export_pdf_async (CsRunReport         *report,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  g_return_if_fail (CS_IS_RUN_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));

  /* no source object: the report is the main thread's, and stays there */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_report_export_pdf_async);
  job = g_new0 (PdfJob, 1);
  job->scenario = cs_scenario_format_copy (cs_run_report_get_scenario (report), FALSE);
  job->progress = cs_run_writer_snapshot (cs_run_report_get_progress (report));
  job->scene_progress = snapshot_list (cs_run_report_get_scene_progress (report),
                                       CS_TYPE_SCENE_PROGRESS);
  job->messages = snapshot_list (cs_run_report_get_messages (report), CS_TYPE_MESSAGE);
  job->file = g_file_dup (file);
  g_task_set_task_data (task, job, pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

gboolean
cs_report_export_pdf_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_report_export_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
