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
