/* cs-dashboard-cell.c: one student's standing in one assignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-dashboard-cell.h"

struct _CsDashboardCell
{
  GObject            parent_instance;

  char              *student_id;
  guint              assignment;
  char              *progress_id;
  CsDashboardStatus  status;
  double             progress;
  double             computed_score;
  double             score;
  gboolean           overridden;
  int                time_spent;
  int                hints_used;
  gboolean           late;
  gint64             last_activity;
  gint64             completed_at;
  gint64             activity_us;
  GArray            *scene_scores;
};

G_DEFINE_FINAL_TYPE (CsDashboardCell, cs_dashboard_cell, G_TYPE_OBJECT)

static void
cs_dashboard_cell_finalize (GObject *object)
{
  CsDashboardCell *self = CS_DASHBOARD_CELL (object);

  g_free (self->student_id);
  g_free (self->progress_id);
  g_array_unref (self->scene_scores);

  G_OBJECT_CLASS (cs_dashboard_cell_parent_class)->finalize (object);
}

static void
cs_dashboard_cell_class_init (CsDashboardCellClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_dashboard_cell_finalize;
}

static void
cs_dashboard_cell_init (CsDashboardCell *self)
{
  self->scene_scores = g_array_new (FALSE, FALSE, sizeof (double));
}

CsDashboardCell *
cs_dashboard_cell_new (const char        *student_id,
                       guint              assignment,
                       const char        *progress_id,
                       CsDashboardStatus  status,
                       double             progress,
                       double             computed_score,
                       double             score,
                       gboolean           overridden,
                       int                time_spent,
                       int                hints_used,
                       gboolean           late,
                       gint64             last_activity,
                       gint64             completed_at)
{
  CsDashboardCell *self = g_object_new (CS_TYPE_DASHBOARD_CELL, NULL);

  self->student_id = g_strdup (student_id);
  self->assignment = assignment;
  self->progress_id = g_strdup (progress_id);
  self->status = status;
  self->progress = CLAMP (progress, 0.0, 1.0);
  self->computed_score = computed_score;
  self->score = score;
  self->overridden = overridden;
  self->time_spent = MAX (time_spent, 0);
  self->hints_used = MAX (hints_used, 0);
  self->late = late;
  self->last_activity = last_activity;
  self->completed_at = completed_at;
  return self;
}

#define GETTER(type, name, fallback) \
  type \
  cs_dashboard_cell_get_##name (CsDashboardCell *self) \
  { \
    g_return_val_if_fail (CS_IS_DASHBOARD_CELL (self), fallback); \
    return self->name; \
  }

GETTER (const char *, student_id, NULL)
GETTER (guint, assignment, 0)
GETTER (const char *, progress_id, NULL)
GETTER (CsDashboardStatus, status, CS_DASHBOARD_NOT_STARTED)
GETTER (double, progress, 0)
GETTER (double, computed_score, -1)
GETTER (double, score, -1)
GETTER (gboolean, overridden, FALSE)
GETTER (int, time_spent, 0)
GETTER (int, hints_used, 0)
GETTER (gboolean, late, FALSE)
GETTER (gint64, last_activity, 0)
GETTER (gint64, completed_at, 0)

void
cs_dashboard_cell_add_scene_score (CsDashboardCell *self,
                                   double           score)
{
  g_return_if_fail (CS_IS_DASHBOARD_CELL (self));

  g_array_append_val (self->scene_scores, score);
}

guint
cs_dashboard_cell_get_n_scenes (CsDashboardCell *self)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (self), 0);

  return self->scene_scores->len;
}

double
cs_dashboard_cell_get_scene_score (CsDashboardCell *self,
                                   guint            scene)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (self), -1);
  g_return_val_if_fail (scene < self->scene_scores->len, -1);

  return g_array_index (self->scene_scores, double, scene);
}

void
cs_dashboard_cell_set_activity_us (CsDashboardCell *self,
                                   gint64           activity_us)
{
  g_return_if_fail (CS_IS_DASHBOARD_CELL (self));

  self->activity_us = activity_us;
}

gboolean
cs_dashboard_cell_same_run (CsDashboardCell *a,
                            CsDashboardCell *b)
{
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (a), FALSE);
  g_return_val_if_fail (CS_IS_DASHBOARD_CELL (b), FALSE);

  if (g_strcmp0 (a->student_id, b->student_id) != 0 || g_strcmp0 (a->progress_id, b->progress_id) != 0 ||
      a->status != b->status || a->progress != b->progress || a->computed_score != b->computed_score ||
      a->score != b->score || a->overridden != b->overridden || a->time_spent != b->time_spent ||
      a->hints_used != b->hints_used || a->late != b->late || a->last_activity != b->last_activity ||
      a->completed_at != b->completed_at || a->activity_us != b->activity_us ||
      a->scene_scores->len != b->scene_scores->len)
    return FALSE;
  for (guint i = 0; i < a->scene_scores->len; i++)
    if (g_array_index (a->scene_scores, double, i) != g_array_index (b->scene_scores, double, i))
      return FALSE;
  return TRUE;
}
