/* cs-scene-card.h: one scene on the scene board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_CARD (cs_scene_card_get_type ())
G_DECLARE_FINAL_TYPE (CsSceneCard, cs_scene_card, CS, SCENE_CARD, GtkWidget)

/* Number, title, user goal, the involved personas' avatars (the key persona larger, a
 * mentioned one faded) and the turn limit; follows the scene's changes. @scenario names the
 * personas. Both may be NULL (an unbound card). */
GtkWidget *cs_scene_card_new       (void);
void       cs_scene_card_set_scene (CsSceneCard *self,
                                    CsScenario  *scenario,
                                    CsScene     *scene);
CsScene   *cs_scene_card_get_scene (CsSceneCard *self);
/* The card shows a warning mark: the scene has a problem that blocks publishing. */
gboolean   cs_scene_card_get_has_problems (CsSceneCard *self);

G_END_DECLS
