/* cs-llm-extractor.h: case analysis by a language model, with the offline one as fallback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case text (boilerplate left out) is cut at paragraph boundaries into chunks that fit
 * the model's context, and each chunk is sent with the JSON schema of a case
 * (resources/json/case-analysis.schema.json). The answers are merged: the first non-empty
 * title, description, challenge, student role and industry; learning outcomes and people
 * (by name) without duplicates, traits averaged; the scenes in order, at most six, with the
 * criteria weights made to sum to 1. People are then looked up in the PDF, so the review
 * shows where they appear. When the server fails, or the answers do not make a case (no
 * scenes), the offline analysis makes the draft and the extraction says why
 * (cs_extraction_get_fallback_reason()).
 */
#pragma once

#include "cs-case-extractor.h"
#include "cs-llm-provider.h"

G_BEGIN_DECLS

#define CS_TYPE_LLM_EXTRACTOR (cs_llm_extractor_get_type ())
G_DECLARE_FINAL_TYPE (CsLlmExtractor, cs_llm_extractor, CS, LLM_EXTRACTOR, GObject)

/* @context_tokens: the model's context size; 0 for a default of 8192. */
CsLlmExtractor *cs_llm_extractor_new           (CsLlmProvider *provider,
                                                guint          context_tokens);
/* How many characters of case text go into one request. */
guint           cs_llm_extractor_get_chunk_chars (CsLlmExtractor *self);

/* The schema the model answers to (transfer none). */
JsonNode       *cs_llm_extractor_get_schema    (void);

G_END_DECLS
