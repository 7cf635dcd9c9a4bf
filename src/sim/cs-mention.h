/* cs-mention.h: whom a student's message is addressed to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model.h"

G_BEGIN_DECLS

/* The first "@Name" or "@all" of @text that names someone: a persona of @scenario by its full
 * name or first name, compared case- and accent-insensitively (the longest name wins at one
 * place, so "@Ana Ruiz" beats "@Ana"). Returns the persona (transfer full), or NULL with
 * *@all set when the first mention is "@all", or NULL when nobody is named. An "@" that
 * names no one is skipped. */
CsPersona *cs_mention_find (CsScenario *scenario,
                            const char *text,
                            gboolean   *all);

/* The name to write after "@" to address @persona of @scenario: its first name, or its full
 * name when another persona of @scenario has the same first name (compared as
 * cs_mention_find() does). */
char      *cs_mention_dup_name (CsScenario *scenario,
                                CsPersona  *persona);

/* Whether @prefix (without the "@") starts the full name or any word of the name of
 * @persona, case- and accent-insensitively. An empty prefix matches everyone. */
gboolean   cs_mention_matches_prefix (CsPersona  *persona,
                                      const char *prefix);

G_END_DECLS
