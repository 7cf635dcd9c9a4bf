/* cs-edit-all.h: editing a scenario with undo, and checking it before publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-edit.h"
#include "cs-edit-history.h"
#include "cs-edit-property.h"
#include "cs-edit-move-scene.h"
#include "cs-edit-insert-scene.h"
#include "cs-edit-remove-scene.h"
#include "cs-edit-involvement.h"
#include "cs-edit-criterion.h"
#include "cs-edit-instruction.h"
#include "cs-edit-string-list.h"
#include "cs-edit-remove-persona.h"
#include "cs-edit-add-persona.h"
#include "cs-edit-trait.h"
#include "cs-scene-copy.h"
#include "cs-problem.h"
#include "cs-scenario-check.h"
