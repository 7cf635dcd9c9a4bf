/* cs-offline-judge.h: goal judging by weighted coverage of each criterion's concepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cs-offline-turn.h"
#include "cs-text-util.h"

G_BEGIN_DECLS

/* A criterion counts as met from this share of its concepts in the student's words. */
#define CS_OFFLINE_JUDGE_MET_COVERAGE 0.4

/* The judge's answer (cs_judge_schema_get()) for @turn (a judge turn): for each criterion,
 * the share of its concepts (less its leading verb: "Asks about …", "Identifies …") found in
 * the student's messages, weighted by @idf (rare words of the case count more); met from
 * CS_OFFLINE_JUDGE_MET_COVERAGE; the evidence is the student's sentence holding most of
 * them, copied from one message as written ("" when not met); the confidence grows with
 * the distance from the threshold. Only the student's messages are read. Thread-safe.
 * Returns: (transfer full) */
JsonNode *cs_offline_judge (const CsOfflineTurn *turn,
                            CsTextIdf           *idf);

G_END_DECLS
