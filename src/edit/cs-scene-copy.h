/* cs-scene-copy.h: a copy of a scene with new ids, for "Duplicate"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model.h"

G_BEGIN_DECLS

/* Every editable field, the criteria (new criterion ids), the involvement and the
 * instructions; the title gets a "(Copy)" suffix. Not in any scenario; version 1. */
CsScene *cs_scene_copy (CsScene *scene);

G_END_DECLS
