/* cs-extraction.h: a draft scenario made from a PDF, with where each field came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case extractor fills one: the draft CsScenario (status draft, the PDF's text kept as
 * its source text) and, for each field it found, the places in the PDF it was taken from,
 * so that the review screen can show them. Field paths:
 *   "title", "description", "challenge", "student_role", "industry",
 *   "learning_outcomes[N]", "persona:<id>" (every place the person is mentioned),
 *   "persona:<id>/role", "scene:<id>".
 * Warnings say what the analysis could not find and what the user should check.
 */
#pragma once

#include <glib-object.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_SOURCE_REF (cs_source_ref_get_type ())

typedef struct {
  guint  page;     /* 0-based */
  char  *passage;  /* the sentence or paragraph, as it reads in the PDF */
} CsSourceRef;

GType        cs_source_ref_get_type (void) G_GNUC_CONST;
CsSourceRef *cs_source_ref_copy     (const CsSourceRef *ref);
void         cs_source_ref_free     (CsSourceRef       *ref);

#define CS_TYPE_EXTRACTION (cs_extraction_get_type ())
G_DECLARE_FINAL_TYPE (CsExtraction, cs_extraction, CS, EXTRACTION, GObject)

/* Properties: "scenario" (construct-only), "analyser" (e.g. "offline"). */
CsExtraction *cs_extraction_new          (CsScenario   *scenario,
                                          const char   *analyser);
CsScenario   *cs_extraction_get_scenario (CsExtraction *self);
const char   *cs_extraction_get_analyser (CsExtraction *self);

/* Adds a place for @path; the same page and passage twice is kept once. */
void          cs_extraction_add_source   (CsExtraction *self,
                                          const char   *path,
                                          guint         page,
                                          const char   *passage);
/* The places of @path in the order added, or NULL when none (transfer none). */
GPtrArray    *cs_extraction_get_sources  (CsExtraction *self,
                                          const char   *path);
/* Paths with at least one place, sorted. */
GStrv         cs_extraction_dup_paths    (CsExtraction *self);

/* Set when a model was asked and failed, so the draft was made offline: why. */
const char   *cs_extraction_get_fallback_reason (CsExtraction *self);
void          cs_extraction_set_fallback_reason (CsExtraction *self,
                                                 const char   *reason);

void          cs_extraction_add_warning  (CsExtraction *self,
                                          const char   *warning);
/* NULL-terminated, in the order added (transfer none). */
const char * const *cs_extraction_get_warnings (CsExtraction *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSourceRef, cs_source_ref_free)

G_END_DECLS
