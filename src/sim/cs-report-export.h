/* cs-report-export.h: a run's report as a PDF and its transcript as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-run-report.h"

G_BEGIN_DECLS

/* The report as an A4 PDF drawn with cairo and pango: the case, the overall score and how it
 * is computed, then each scene with its score, pass mark, outcome (passed, time's up, not
 * reached), turns, attempts, hints, the judge's feedback, and each criterion met or not with
 * the student's quoted words. NULL with @error when cairo fails. */
GBytes   *cs_report_export_pdf        (CsRunReport   *report,
                                       GError       **error);

/* Renders the report as a PDF and saves it to @file (cs_report_export_save()) in a worker
 * thread. The thread works on a copy of the run taken at the call (the case, the progress,
 * the scene progress and the messages), so the objects of @report, which the main thread
 * goes on using and changing, are never touched from the worker. Cancelled, it fails with
 * G_IO_ERROR_CANCELLED and leaves @file as it was. */
void      cs_report_export_pdf_async  (CsRunReport         *report,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  cs_report_export_pdf_finish (GAsyncResult        *result,
                                       GError             **error);

/* The run's conversation as Markdown: a heading per scene, each message with its speaker
 * (and role), hints as quotes, and the scene and overall scores at the end. */
char     *cs_report_export_markdown   (CsRunReport   *report);

/* Writes @bytes to @file with g_file_replace_contents(): an existing file is replaced by
 * renaming a complete temporary file over it, so an interrupted export never leaves half of
 * either. The error names the file. */
gboolean  cs_report_export_save       (GBytes        *bytes,
                                       GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
