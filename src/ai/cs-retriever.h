/* cs-retriever.h: BM25 search over the passages of a case text (SQLite FTS5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cs-scenario.h"
#include "cs-text-util.h"

G_BEGIN_DECLS

#define CS_RETRIEVER_ERROR (cs_retriever_error_quark ())

typedef enum {
  CS_RETRIEVER_ERROR_DATABASE, /* SQLite failed (no FTS5, out of memory) */
} CsRetrieverError;

GQuark cs_retriever_error_quark (void);

/* Documents of cs_retriever_new_for_scenario(), the CsPassage "document" of a passage. */
typedef enum {
  CS_RETRIEVER_DOCUMENT_SOURCE_TEXT,
  CS_RETRIEVER_DOCUMENT_DESCRIPTION,
  CS_RETRIEVER_DOCUMENT_CHALLENGE,
} CsRetrieverDocument;

#define CS_TYPE_RETRIEVER (cs_retriever_get_type ())
G_DECLARE_FINAL_TYPE (CsRetriever, cs_retriever, CS, RETRIEVER, GObject)

/* Properties:
 *   "n-passages"  uint (read-only)
 *
 * The passages (cs_text_split_passages()) of the documents are indexed in an in-memory
 * SQLite database with an FTS5 table (porter stemming, diacritics removed). Passages are
 * numbered across documents in order; a passage's offsets refer to its own document.
 *
 * Costs (tests/bench/bench-retriever.c, a 300-page generated case of 150,000 words in 1,500
 * passages, on the development machine): building splits and indexes the text once, in time linear
 * in its length (about 30 ms there); a search costs in proportion to the passages holding its
 * words (median 0.4 ms there, about a sixth of a linear scan over pre-stemmed passages; a
 * normal case of a few thousand words is far cheaper). Searches from several threads are
 * safe: they run one at a time behind a mutex. The passages' text and the FTS5 index, both
 * proportional to the text, stay in memory until the retriever is finalized. */

/* @documents: NULL-terminated UTF-8 texts; an empty one has no passages. */
CsRetriever     *cs_retriever_new              (const char * const *documents,
                                                GError            **error);
/* Indexes the scenario's source text, description and challenge (CsRetrieverDocument). */
CsRetriever     *cs_retriever_new_for_scenario (CsScenario         *scenario,
                                                GError            **error);

guint            cs_retriever_get_n_passages   (CsRetriever        *self);
const CsPassage *cs_retriever_get_passage      (CsRetriever        *self,
                                                guint               index);

/* The passages best matching any word of @query (stop words ignored, British and American
 * spellings both tried, 1180 also as 1,180), best first, at most @limit; each a copy with its
 * "score" set (the negated FTS5 bm25(), higher is better). Any text is a valid query: FTS5
 * syntax in it is taken as plain words. A query without content words finds nothing.
 * Returns: (element-type CsPassage) (transfer full): possibly empty, NULL only with @error */
GPtrArray       *cs_retriever_search           (CsRetriever        *self,
                                                const char         *query,
                                                guint               limit,
                                                GError            **error);

G_END_DECLS
