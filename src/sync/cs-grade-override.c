/* cs-grade-override.c: one override of a run's grade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-grade-override.h"

struct _CsGradeOverride
{
  GObject    parent_instance;

  char      *id;
  GDateTime *created_at;
  char      *instructor_name;
  double     previous_score;
  double     new_score;
  char      *reason;
};

G_DEFINE_FINAL_TYPE (CsGradeOverride, cs_grade_override, G_TYPE_OBJECT)

static void
cs_grade_override_finalize (GObject *object)
{
  CsGradeOverride *self = CS_GRADE_OVERRIDE (object);

  g_free (self->id);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self->instructor_name);
  g_free (self->reason);

  G_OBJECT_CLASS (cs_grade_override_parent_class)->finalize (object);
}

static void
cs_grade_override_class_init (CsGradeOverrideClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_grade_override_finalize;
}

static void
cs_grade_override_init (CsGradeOverride *self)
{
  self->previous_score = -1;
}

CsGradeOverride *
cs_grade_override_new (const char *id,
                       GDateTime  *created_at,
                       const char *instructor_name,
                       double      previous_score,
                       double      new_score,
                       const char *reason)
{
  CsGradeOverride *self = g_object_new (CS_TYPE_GRADE_OVERRIDE, NULL);

  self->id = g_strdup (id);
  self->created_at = created_at ? g_date_time_ref (created_at) : NULL;
  self->instructor_name = g_strdup (instructor_name ? instructor_name : "");
  self->previous_score = previous_score < 0 ? -1 : CLAMP (previous_score, 0, 1);
  self->new_score = CLAMP (new_score, 0, 1);
  self->reason = g_strdup (reason ? reason : "");
  return self;
}

const char *
cs_grade_override_get_id (CsGradeOverride *self)
{
  g_return_val_if_fail (CS_IS_GRADE_OVERRIDE (self), NULL);
  return self->id;
}

GDateTime *
cs_grade_override_get_created_at (CsGradeOverride *self)
{
  g_return_val_if_fail (CS_IS_GRADE_OVERRIDE (self), NULL);
  return self->created_at;
}

const char *
cs_grade_override_get_instructor_name (CsGradeOverride *self)
{
  g_return_val_if_fail (CS_IS_GRADE_OVERRIDE (self), NULL);
  return self->instructor_name;
}

double
cs_grade_override_get_previous_score (CsGradeOverride *self)
{
  g_return_val_if_fail (CS_IS_GRADE_OVERRIDE (self), -1);
  return self->previous_score;
}

double
cs_grade_override_get_new_score (CsGradeOverride *self)
{
  g_return_val_if_fail (CS_IS_GRADE_OVERRIDE (self), 0);
  return self->new_score;
}

const char *
cs_grade_override_get_reason (CsGradeOverride *self)
{
  g_return_val_if_fail (CS_IS_GRADE_OVERRIDE (self), NULL);
  return self->reason;
}
