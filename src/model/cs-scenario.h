/* cs-scenario.h: a case simulation with its personas and scenes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-model-types.h"
#include "cs-record.h"
#include "cs-persona.h"
#include "cs-scene.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENARIO (cs_scenario_get_type ())
G_DECLARE_FINAL_TYPE (CsScenario, cs_scenario, CS, SCENARIO, CsRecord)

/* Properties (all with notify):
 *   "title" "description" "challenge" "industry" "student-role" "category"   strings
 *   "difficulty"            CsDifficulty (default intermediate)
 *   "estimated-duration"    int minutes (0 = unknown)
 *   "tags"                  GStrv
 *   "learning-outcomes"     GStrv
 *   "status"                CsScenarioStatus (default draft)
 *   "published-version-id"  string or NULL
 *   "draft-of-id"           string or NULL
 *   "owner-id"              string or NULL (server user; NULL for local-only)
 *   "is-public"             boolean (default FALSE)
 *   "allow-remixes"         boolean (default TRUE)
 *   "source-pdf-title"      string or NULL
 *   "source-text"           string or NULL (the original case text)
 *   "deleted-at"            GDateTime or NULL
 *   "deleted-by"            string or NULL
 *   "deletion-reason"       string or NULL
 *   "personas"              GListModel of CsPersona (read-only property)
 *   "scenes"                GListModel of CsScene, always sorted by position 0..n-1
 *   "n-personas" "n-scenes" uint (read-only; also set by the store for summaries)
 *
 * Adding, removing or moving a child touches the scenario (version bump). Children get
 * their "scenario-id" set to this scenario's id when added.
 */
CsScenario         *cs_scenario_new                      (const char   *id);

const char         *cs_scenario_get_title                (CsScenario   *self);
void                cs_scenario_set_title                (CsScenario   *self,
                                                          const char   *title);
const char         *cs_scenario_get_description          (CsScenario   *self);
void                cs_scenario_set_description          (CsScenario   *self,
                                                          const char   *description);
const char         *cs_scenario_get_challenge            (CsScenario   *self);
void                cs_scenario_set_challenge            (CsScenario   *self,
                                                          const char   *challenge);
const char         *cs_scenario_get_industry             (CsScenario   *self);
void                cs_scenario_set_industry             (CsScenario   *self,
                                                          const char   *industry);
const char         *cs_scenario_get_student_role         (CsScenario   *self);
void                cs_scenario_set_student_role         (CsScenario   *self,
                                                          const char   *student_role);
const char         *cs_scenario_get_category             (CsScenario   *self);
void                cs_scenario_set_category             (CsScenario   *self,
                                                          const char   *category);
CsDifficulty        cs_scenario_get_difficulty           (CsScenario   *self);
void                cs_scenario_set_difficulty           (CsScenario   *self,
                                                          CsDifficulty  difficulty);
int                 cs_scenario_get_estimated_duration   (CsScenario   *self);
void                cs_scenario_set_estimated_duration   (CsScenario   *self,
                                                          int           minutes);
const char * const *cs_scenario_get_tags                 (CsScenario   *self);
void                cs_scenario_set_tags                 (CsScenario   *self,
                                                          const char * const *tags);
const char * const *cs_scenario_get_learning_outcomes    (CsScenario   *self);
void                cs_scenario_set_learning_outcomes    (CsScenario   *self,
                                                          const char * const *outcomes);
CsScenarioStatus    cs_scenario_get_status               (CsScenario   *self);
void                cs_scenario_set_status               (CsScenario   *self,
                                                          CsScenarioStatus status);
const char         *cs_scenario_get_published_version_id (CsScenario   *self);
void                cs_scenario_set_published_version_id (CsScenario   *self,
                                                          const char   *id);
const char         *cs_scenario_get_draft_of_id          (CsScenario   *self);
void                cs_scenario_set_draft_of_id          (CsScenario   *self,
                                                          const char   *id);
const char         *cs_scenario_get_owner_id             (CsScenario   *self);
void                cs_scenario_set_owner_id             (CsScenario   *self,
                                                          const char   *owner_id);
gboolean            cs_scenario_get_is_public            (CsScenario   *self);
void                cs_scenario_set_is_public            (CsScenario   *self,
                                                          gboolean      is_public);
gboolean            cs_scenario_get_allow_remixes        (CsScenario   *self);
void                cs_scenario_set_allow_remixes        (CsScenario   *self,
                                                          gboolean      allow);
const char         *cs_scenario_get_source_pdf_title     (CsScenario   *self);
void                cs_scenario_set_source_pdf_title     (CsScenario   *self,
                                                          const char   *title);
const char         *cs_scenario_get_source_text          (CsScenario   *self);
void                cs_scenario_set_source_text          (CsScenario   *self,
                                                          const char   *text);
GDateTime          *cs_scenario_get_deleted_at           (CsScenario   *self);
const char         *cs_scenario_get_deleted_by           (CsScenario   *self);
const char         *cs_scenario_get_deletion_reason      (CsScenario   *self);
/* deleted_at NULL clears all three (restore). */
void                cs_scenario_set_deleted              (CsScenario   *self,
                                                          GDateTime    *deleted_at,
                                                          const char   *deleted_by,
                                                          const char   *reason);
gboolean            cs_scenario_is_deleted               (CsScenario   *self);

/* Personas */
GListModel         *cs_scenario_get_personas             (CsScenario   *self);
guint               cs_scenario_get_n_personas           (CsScenario   *self);
void                cs_scenario_add_persona              (CsScenario   *self,
                                                          CsPersona    *persona);
/* Inserts at @position (clamped to n). */
void                cs_scenario_insert_persona           (CsScenario   *self,
                                                          guint         position,
                                                          CsPersona    *persona);
/* Also removes the persona's involvement and instructions from every scene. */
gboolean            cs_scenario_remove_persona           (CsScenario   *self,
                                                          const char   *persona_id);
CsPersona          *cs_scenario_find_persona             (CsScenario   *self,
                                                          const char   *persona_id);

/* Scenes, in story order */
GListModel         *cs_scenario_get_scenes               (CsScenario   *self);
guint               cs_scenario_get_n_scenes             (CsScenario   *self);
/* Inserts at @position (clamped to n), renumbers positions. */
void                cs_scenario_insert_scene             (CsScenario   *self,
                                                          guint         position,
                                                          CsScene      *scene);
void                cs_scenario_append_scene             (CsScenario   *self,
                                                          CsScene      *scene);
gboolean            cs_scenario_remove_scene             (CsScenario   *self,
                                                          const char   *scene_id);
/* Moves the scene at @from to @to and renumbers; FALSE when out of range. */
gboolean            cs_scenario_move_scene               (CsScenario   *self,
                                                          guint         from,
                                                          guint         to);
CsScene            *cs_scenario_find_scene               (CsScenario   *self,
                                                          const char   *scene_id);
/* For list summaries loaded without children (the store sets these). */
void                cs_scenario_set_summary_counts       (CsScenario   *self,
                                                          guint         n_personas,
                                                          guint         n_scenes);

G_END_DECLS
