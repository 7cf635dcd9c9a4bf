/* cs-offline-extractor.h: case analysis by document structure and text statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No model and no network: the outline (headings, exhibits, boilerplate), the people and
 * how they are described, the decision sentence, and scenes that follow the sections.
 * Runs in a GTask thread; it marks the boilerplate lines of the CsPdfText it is given, so
 * the caller must not use that text from another thread until it completes.
 */
#pragma once

#include "cs-case-extractor.h"

G_BEGIN_DECLS

#define CS_TYPE_OFFLINE_EXTRACTOR (cs_offline_extractor_get_type ())
G_DECLARE_FINAL_TYPE (CsOfflineExtractor, cs_offline_extractor, CS, OFFLINE_EXTRACTOR, GObject)

CsOfflineExtractor *cs_offline_extractor_new     (void);

/* The same analysis, synchronously on the calling thread (CLI, benchmarks). */
CsExtraction       *cs_offline_extractor_extract (CsOfflineExtractor   *self,
                                                  CsPdfText            *text,
                                                  CsImportProgressFunc  progress,
                                                  gpointer              progress_data,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

G_END_DECLS
