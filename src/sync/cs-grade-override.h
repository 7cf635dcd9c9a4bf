/* cs-grade-override.h: one override of a run's grade, as the server keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Overrides are append-only on the server (cs.grade_overrides): the newest is the grade in
 * force, the older ones are its history.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CS_TYPE_GRADE_OVERRIDE (cs_grade_override_get_type ())
G_DECLARE_FINAL_TYPE (CsGradeOverride, cs_grade_override, CS, GRADE_OVERRIDE, GObject)

/* @previous_score is negative when the run had no grade before; scores are 0..1. */
CsGradeOverride *cs_grade_override_new                 (const char      *id,
                                                        GDateTime       *created_at,
                                                        const char      *instructor_name,
                                                        double           previous_score,
                                                        double           new_score,
                                                        const char      *reason);
const char      *cs_grade_override_get_id              (CsGradeOverride *self);
GDateTime       *cs_grade_override_get_created_at      (CsGradeOverride *self);
const char      *cs_grade_override_get_instructor_name (CsGradeOverride *self);
double           cs_grade_override_get_previous_score  (CsGradeOverride *self);
double           cs_grade_override_get_new_score       (CsGradeOverride *self);
const char      *cs_grade_override_get_reason          (CsGradeOverride *self);

G_END_DECLS
