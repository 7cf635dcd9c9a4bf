/* cs-scene-persona.h: a persona's involvement in a scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cs-model-types.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_PERSONA (cs_scene_persona_get_type ())
G_DECLARE_FINAL_TYPE (CsScenePersona, cs_scene_persona, CS, SCENE_PERSONA, GObject)

/* Properties: "persona-id" (string, construct-only), "involvement" (CsInvolvement). */
CsScenePersona *cs_scene_persona_new             (const char     *persona_id,
                                                  CsInvolvement   involvement);
const char     *cs_scene_persona_get_persona_id  (CsScenePersona *self);
CsInvolvement   cs_scene_persona_get_involvement (CsScenePersona *self);
void            cs_scene_persona_set_involvement (CsScenePersona *self,
                                                  CsInvolvement   involvement);

G_END_DECLS
