/* cs-judge-schema.h: goal judging: the one JSON schema of the judge's answer, its request and
 * the score computed from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cs-llm-request.h"
#include "cs-turn-context.h"

G_BEGIN_DECLS

/* The answer of the judge, for cs_llm_provider_complete_json_async() with any provider:
 *
 *   { "criteria": [ { "id": "<criterion id>", "met": true, "confidence": 0.8,
 *                     "evidence": "<an exact quote of the student's messages, or \"\">" }, … ],
 *     "feedback": "<one or two sentences for the student>" }
 *
 * One entry per goal criterion of the scene, in the scene's order. The schema's title is
 * "goal_judgement" (the json_schema name sent to servers).
 * Returns: (transfer none): the schema, built once, never to be modified */
JsonNode     *cs_judge_schema_get       (void);
/* TRUE for cs_judge_schema_get() or a copy of it (an object schema titled "goal_judgement"). */
gboolean      cs_judge_schema_is_judge  (JsonNode      *schema);

/* A judge turn (see cs-turn-context.h: persona NULL, the scene's transcript as history) as a
 * request: the criteria with their ids, the rules (evidence must be quoted word for word from
 * the student's messages; met only when the student's own words show it) and the
 * transcript. The context is attached ("turn-context"). Temperature 0. */
CsLlmRequest *cs_judge_request_new      (CsTurnContext *context);

typedef struct {
  const char *criterion_id;  /* of the scene */
  gboolean    met;           /* as judged and with its evidence found in the transcript */
  double      confidence;    /* 0..1 */
  const char *evidence;      /* points into the answer; "" when none */
} CsJudgeVerdict;

/* The weighted share (0..1) of the scene's criteria met according to @answer (a value valid
 * for cs_judge_schema_get()). A criterion counts as met only when the judge says so and its
 * evidence is a non-empty substring of one line of @student_transcript
 * (cs_turn_context_dup_student_transcript()), compared with case, accents and runs of
 * whitespace normalised (cs_text_normalize()): a quote that does not occur is not evidence.
 * Criteria the answer leaves out are not met. @verdicts, when not NULL, receives one
 * CsJudgeVerdict per criterion of the scene, in order (pointing into @answer and @scene).
 * Returns: the score, to compare with the scene's success threshold */
double        cs_judge_score            (JsonNode      *answer,
                                         CsScene       *scene,
                                         const char    *student_transcript,
                                         GArray       **verdicts);
/* The same with the transcript already normalised line by line (cs_text_normalize_lines()),
 * for a caller that keeps it so between turns. */
double        cs_judge_score_normalized (JsonNode      *answer,
                                         CsScene       *scene,
                                         const char    *normalized_transcript,
                                         GArray       **verdicts);

G_END_DECLS
