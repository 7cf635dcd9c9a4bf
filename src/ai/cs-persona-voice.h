/* cs-persona-voice.h: how a persona of the offline engine speaks, from its role and traits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-offline-turn.h"

G_BEGIN_DECLS

/* The persona's lines are in English, the language of the case text they quote, not in the
 * language of the user interface. @variant picks one of the wordings of a kind of line
 * (any number; the engine derives it from the turn, so the choice is deterministic). */

/* A first sentence set by the strongest of assertiveness (high: direct; low: hesitant),
 * empathy (acknowledges the student's feelings, more so when @student_message shows them)
 * and scepticism, or NULL when none stands out. *@dimension says which (for the closer). */
const char *cs_persona_voice_opener        (const CsOfflineTurn *turn,
                                            const char          *student_message,
                                            guint                variant,
                                            int                 *dimension);

/* The words that lead into the first fact, from the persona's role ("From the finance
 * side:" for a financial officer, …). Ends with a colon. */
const char *cs_persona_voice_frame         (const CsOfflineTurn *turn,
                                            guint                variant);

/* A last sentence set by the strongest remaining trait (openness asks back, low risk
 * tolerance warns, analytical asks for the basis of the figures, …) other than
 * @opener_dimension, or NULL when none stands out. */
const char *cs_persona_voice_closer        (const CsOfflineTurn *turn,
                                            int                  opener_dimension,
                                            guint                variant);

/* The closer of a persona without a strong trait. */
const char *cs_persona_voice_plain_closer  (guint                variant);

/* Analytical personas (analytical >= 7) prefer sentences with figures and give a second
 * fact; those with little of it (<= 3) avoid tables of numbers. Returns -1, 0 or 1. */
int         cs_persona_voice_figures       (const CsOfflineTurn *turn);

/* Whether @sentence names the persona (its full name or a part of three letters or more). */
gboolean    cs_persona_voice_mentions      (const CsOfflineTurn *turn,
                                            const char          *sentence);

/* Whether @sentence has a pronoun of a person (he, she, his, her, him, …). */
gboolean    cs_persona_voice_has_pronoun   (const char          *sentence);

/* @sentence with the persona's own name turned into the first person where that is plain
 * grammar: "Rao's model shows" → "My model shows", "Reyes estimates that" → "I estimate
 * that", "Rao, the chief financial officer, had built" → "I had built"; with @pronouns (the
 * sentence's he/she/his/her are the persona) "He led" → "I led", "asked her for" → "asked
 * me for". Other mentions stay as they are. */
char       *cs_persona_voice_first_person  (const CsOfflineTurn *turn,
                                            const char          *sentence,
                                            gboolean             pronouns);

G_END_DECLS
