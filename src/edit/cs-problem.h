/* cs-problem.h: something in a scenario that blocks publishing (not saving)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CS_PROBLEM_SCENE_WITHOUT_PERSONA,
  CS_PROBLEM_EMPTY_CRITERION,
  CS_PROBLEM_UNREACHABLE_THRESHOLD,
  CS_PROBLEM_DUPLICATE_PERSONA_NAME,
  CS_PROBLEM_UNKNOWN_PERSONA,
} CsProblemKind;

#define CS_TYPE_PROBLEM (cs_problem_get_type ())
G_DECLARE_FINAL_TYPE (CsProblem, cs_problem, CS, PROBLEM, GObject)

/* Properties (construct-only): "path" (string, the field as in the .casestudio format,
 * e.g. "scenes[2].goal_criteria[0].text"), "message" (string a user can act on). */
CsProblem     *cs_problem_new         (CsProblemKind  kind,
                                       const char    *path,
                                       const char    *message);
CsProblemKind  cs_problem_get_kind    (CsProblem     *self);
const char    *cs_problem_get_path    (CsProblem     *self);
const char    *cs_problem_get_message (CsProblem     *self);

G_END_DECLS
