/* cs-report-view.h: the report of a run: overall score, a card per scene, feedback per
 * criterion with the student's quoted words, and export as PDF or Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-run-report.h"

G_BEGIN_DECLS

#define CS_TYPE_REPORT_VIEW (cs_report_view_get_type ())
G_DECLARE_FINAL_TYPE (CsReportView, cs_report_view, CS, REPORT_VIEW, AdwBin)

/* Properties: "report" (CsRunReport or NULL).
 * Actions: "report.export-pdf" and "report.export-transcript" ask for a file name
 * (GtkFileChooserNative) and save there; the result is a toast, with "Open" (the action
 * "report.open-file", a URI) once saved and "Save As…" when it could not be. The PDF is
 * made and written on a worker thread from a copy of the run; while it runs the exports
 * are disabled and "report.cancel-export" stops it (a toast offers it when it is slow). */
GtkWidget   *cs_report_view_new        (void);
CsRunReport *cs_report_view_get_report (CsReportView *self);
void         cs_report_view_set_report (CsReportView *self,
                                        CsRunReport  *report);
/* Someone else's report (an instructor's view of a student's run): the student's own words
 * are named as theirs, not "you". NULL: the reader's own. */
void         cs_report_view_set_student_name (CsReportView *self,
                                              const char   *name);
/* Saves the report (@pdf) or the transcript to @file, as the actions do after the file
 * chooser, and shows the result as a toast. Returns at once; ignored while an export runs. */
void         cs_report_view_export     (CsReportView *self,
                                        gboolean      pdf,
                                        GFile        *file);

/* A window for @report, transient for @parent, with a header bar. */
GtkWindow   *cs_report_view_new_window (GtkWindow    *parent,
                                        CsRunReport  *report);

G_END_DECLS
