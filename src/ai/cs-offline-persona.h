/* cs-offline-persona.h: a persona's reply composed from the case text, without a model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-offline-turn.h"
#include "cs-retriever.h"
#include "cs-text-util.h"

G_BEGIN_DECLS

/* The reply of the persona of @turn (a persona turn) to its student message, in 2 to 4
 * sentences:
 *   - an opener coloured by the persona's traits (cs-persona-voice.h), when one stands out;
 *   - one fact, or two for an analytical persona: the sentences (or exhibit table rows,
 *     read out as "Measure: column value, …") of the passages @retriever ranks highest for
 *     the message (of the case text when it has any: the description and challenge speak to
 *     the student) that share the most of its concepts (weighted by @idf), quoted word for
 *     word except that the persona's own name becomes "I"/"my"; figures are preferred by
 *     analytical personas; what the persona said before is not repeated;
 *   - a closer from the strongest remaining trait.
 * Questions, headings and source lines of the case are never quoted. A message with no
 * content words gets an introduction, one the case has nothing on says so in character.
 * At most 4 sentences: when a quoted fact holds several, the closer, then the opener, then
 * the second fact give way.
 * The same turn always gives the same reply. Thread-safe.
 * Returns: (transfer full): the reply; NULL only with @error (the retriever failed) */
char *cs_offline_persona_reply (const CsOfflineTurn  *turn,
                                CsRetriever          *retriever,
                                CsTextIdf            *idf,
                                GError              **error);

G_END_DECLS
