/* cs-model-types.h: enumerations shared by the data model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The GEnumValue nick of each value is its spelling in JSON, SQLite and on the server. */

typedef enum {
  CS_DIFFICULTY_BEGINNER,      /*< nick=beginner >*/
  CS_DIFFICULTY_INTERMEDIATE,  /*< nick=intermediate >*/
  CS_DIFFICULTY_ADVANCED,      /*< nick=advanced >*/
} CsDifficulty;

typedef enum {
  CS_SCENARIO_STATUS_DRAFT,    /*< nick=draft >*/
  CS_SCENARIO_STATUS_ACTIVE,   /*< nick=active >*/
  CS_SCENARIO_STATUS_ARCHIVED, /*< nick=archived >*/
} CsScenarioStatus;

typedef enum {
  CS_INVOLVEMENT_KEY,          /*< nick=key >*/
  CS_INVOLVEMENT_PARTICIPANT,  /*< nick=participant >*/
  CS_INVOLVEMENT_MENTIONED,    /*< nick=mentioned >*/
} CsInvolvement;

typedef enum {
  CS_PROGRESS_STATUS_NOT_STARTED, /*< nick=not_started >*/
  CS_PROGRESS_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  CS_PROGRESS_STATUS_COMPLETED,   /*< nick=completed >*/
  CS_PROGRESS_STATUS_ABANDONED,   /*< nick=abandoned >*/
} CsProgressStatus;

typedef enum {
  CS_SCENE_STATUS_NOT_STARTED, /*< nick=not_started >*/
  CS_SCENE_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  CS_SCENE_STATUS_PASSED,      /*< nick=passed >*/
  CS_SCENE_STATUS_FORCED,      /*< nick=forced >*/
} CsSceneStatus;

typedef enum {
  CS_MESSAGE_KIND_USER,    /*< nick=user >*/
  CS_MESSAGE_KIND_PERSONA, /*< nick=persona >*/
  CS_MESSAGE_KIND_SYSTEM,  /*< nick=system >*/
  CS_MESSAGE_KIND_HINT,    /*< nick=hint >*/
} CsMessageKind;

/* Helpers to map an enum value to and from its nick. Return NULL / FALSE on unknown input. */
const char *cs_enum_to_nick   (GType        enum_type,
                               int          value);
gboolean    cs_enum_from_nick (GType        enum_type,
                               const char  *nick,
                               int         *value);

/* A new random (version 4) UUID in canonical lowercase form. */
char       *cs_uuid_new       (void);
gboolean    cs_uuid_is_valid  (const char  *str);

G_END_DECLS
