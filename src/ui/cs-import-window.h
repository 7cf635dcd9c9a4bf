/* cs-import-window.h: importing one case-study PDF: preview, analysis, review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document opens in its own worker thread; its pages show as thumbnails (rendered
 * when they scroll into view, then cached), the selected page large beside its text and
 * the document's information. Meanwhile the text is read and analysed, with the stage and
 * a progress bar and a Cancel button; then the draft opens for review. Nothing reaches the
 * library until "Save to Library", which emits "saved" with the scenario.
 */
#pragma once

#include <adwaita.h>

#include "cs-case-extractor.h"
#include "cs-pdf-worker.h"
#include "cs-review-page.h"
#include "cs-store.h"

G_BEGIN_DECLS

#define CS_TYPE_IMPORT_WINDOW (cs_import_window_get_type ())
G_DECLARE_FINAL_TYPE (CsImportWindow, cs_import_window, CS, IMPORT_WINDOW, AdwWindow)

CsImportWindow *cs_import_window_new            (GtkWindow       *parent,
                                                 CsStore         *store,
                                                 CsCaseExtractor *extractor,
                                                 GFile           *file);
GFile          *cs_import_window_get_file       (CsImportWindow  *self);

/* "opening", "password", "reading", "analysing", "review", "saving", "saved", "error" */
const char     *cs_import_window_get_state      (CsImportWindow  *self);
/* The message shown when the state is "error" (or the analysis failed). */
const char     *cs_import_window_get_error      (CsImportWindow  *self);
CsExtraction   *cs_import_window_get_extraction (CsImportWindow  *self);
CsPdfWorker    *cs_import_window_get_worker     (CsImportWindow  *self);
/* The open password dialog, or NULL. */
AdwMessageDialog *cs_import_window_get_password_dialog (CsImportWindow *self);

guint           cs_import_window_get_selected_page (CsImportWindow *self);
CsReviewPage   *cs_import_window_get_review_page (CsImportWindow *self);

/* What the buttons do. */
void            cs_import_window_unlock         (CsImportWindow  *self,
                                                 const char      *password);
void            cs_import_window_select_page    (CsImportWindow  *self,
                                                 guint            page);
void            cs_import_window_save           (CsImportWindow  *self);
void            cs_import_window_cancel         (CsImportWindow  *self);

G_END_DECLS
