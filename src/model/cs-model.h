/* cs-model.h: the whole data model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model-types.h"
#include "cs-model-enums.h"
#include "cs-record.h"
#include "cs-goal-criterion.h"
#include "cs-scene-persona.h"
#include "cs-persona.h"
#include "cs-scene.h"
#include "cs-scenario.h"
#include "cs-progress.h"
#include "cs-scene-progress.h"
#include "cs-message.h"
#include "cs-scenario-format.h"
