/* cs-case-extractor.h: the interface of a case analyser (offline now, a model later)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-extraction.h"
#include "cs-pdf-text.h"

G_BEGIN_DECLS

/* The named stages of an import, in order. */
typedef enum {
  CS_IMPORT_STAGE_READING,
  CS_IMPORT_STAGE_FINDING_STRUCTURE,
  CS_IMPORT_STAGE_FINDING_PEOPLE,
  CS_IMPORT_STAGE_BUILDING_SCENES,
  CS_IMPORT_N_STAGES
} CsImportStage;

/* "Reading", "Finding structure", … (translated). */
const char *cs_import_stage_get_label (CsImportStage stage);

/* @fraction is how far the stage is, 0..1. Called on the thread-default main context of
 * the extract_async() call, never after its callback. */
typedef void (*CsImportProgressFunc) (CsImportStage stage,
                                      double        fraction,
                                      gpointer      user_data);

#define CS_TYPE_CASE_EXTRACTOR (cs_case_extractor_get_type ())
G_DECLARE_INTERFACE (CsCaseExtractor, cs_case_extractor, CS, CASE_EXTRACTOR, GObject)

/* extract_async works from the PDF's text and layout and completes with a CsExtraction
 * whose scenario is a new draft; it reports the stages from FINDING_STRUCTURE on. A
 * cancelled extraction completes with G_IO_ERROR_CANCELLED. */
struct _CsCaseExtractorInterface
{
  GTypeInterface parent_iface;

  void           (*extract_async)  (CsCaseExtractor      *self,
                                    CsPdfText            *text,
                                    CsImportProgressFunc  progress,
                                    gpointer              progress_data,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
  CsExtraction * (*extract_finish) (CsCaseExtractor      *self,
                                    GAsyncResult         *result,
                                    GError              **error);
};

void          cs_case_extractor_extract_async  (CsCaseExtractor      *self,
                                                CsPdfText            *text,
                                                CsImportProgressFunc  progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CsExtraction *cs_case_extractor_extract_finish (CsCaseExtractor      *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
