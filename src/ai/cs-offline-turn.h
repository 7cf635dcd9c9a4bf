/* cs-offline-turn.h: a turn of a simulation copied out of its GObjects, for the offline engine
 * to work on in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-turn-context.h"

G_BEGIN_DECLS

typedef struct {
  char   *id;
  char   *text;
  double  weight;
} CsOfflineCriterion;

/* Plain data, owned by the struct. What a persona may know is decided here, once: the
 * history keeps only the messages of scenes the persona took part in (involvement key or
 * participant, and the current scene; a message without a scene id counts as the current
 * scene's). */
typedef struct {
  char       *scenario_key;     /* id and version: which case index applies */
  char       *student_message;

  /* persona turn (persona_id NULL for a judge turn) */
  char       *persona_id;
  char       *persona_name;
  char       *persona_role;
  GStrv       trait_names;
  int        *trait_values;     /* as many as trait_names */
  char       *scene_title;
  GPtrArray  *persona_said;     /* (element-type utf8): the persona's earlier messages */

  /* judge turn */
  GPtrArray  *criteria;         /* (element-type CsOfflineCriterion) of the scene, in order */
  char       *student_lines;    /* the student's messages, one per line, as written */
} CsOfflineTurn;

/* Copies what the engine needs; call on the thread that owns the context's objects. */
CsOfflineTurn *cs_offline_turn_new       (CsTurnContext       *context);
void           cs_offline_turn_free      (CsOfflineTurn       *turn);

/* The persona's trait, -1 when it has none of that name. */
int            cs_offline_turn_get_trait (const CsOfflineTurn *turn,
                                          const char          *name);

/* The key of a scenario's index: "<id>@<version>". */
char          *cs_offline_scenario_key   (CsScenario          *scenario);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsOfflineTurn, cs_offline_turn_free)

G_END_DECLS
