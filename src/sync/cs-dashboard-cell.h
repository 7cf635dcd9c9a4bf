/* cs-dashboard-cell.h: one student's standing in one assignment, as the dashboard shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only once loaded: a reload of the dashboard makes new cells. Scores are fractions
 * 0..1 or a negative number for "no grade yet"; times are Unix seconds, 0 for none.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CS_DASHBOARD_NOT_STARTED,
  CS_DASHBOARD_IN_PROGRESS,
  CS_DASHBOARD_COMPLETED,
} CsDashboardStatus;

#define CS_TYPE_DASHBOARD_CELL (cs_dashboard_cell_get_type ())
G_DECLARE_FINAL_TYPE (CsDashboardCell, cs_dashboard_cell, CS, DASHBOARD_CELL, GObject)

/* The values of one row of cs_cohort_matrix(); @progress_id NULL when not started. */
CsDashboardCell   *cs_dashboard_cell_new                (const char        *student_id,
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
                                                         gint64             completed_at);
const char        *cs_dashboard_cell_get_student_id     (CsDashboardCell   *self);
/* The position of the cell's assignment in the dashboard's assignments. */
guint              cs_dashboard_cell_get_assignment     (CsDashboardCell   *self);
const char        *cs_dashboard_cell_get_progress_id    (CsDashboardCell   *self);
CsDashboardStatus  cs_dashboard_cell_get_status         (CsDashboardCell   *self);
double             cs_dashboard_cell_get_progress       (CsDashboardCell   *self);
double             cs_dashboard_cell_get_computed_score (CsDashboardCell   *self);
/* The grade in force: the newest override, else the computed score. */
double             cs_dashboard_cell_get_score          (CsDashboardCell   *self);
gboolean           cs_dashboard_cell_get_overridden     (CsDashboardCell   *self);
int                cs_dashboard_cell_get_time_spent     (CsDashboardCell   *self);
int                cs_dashboard_cell_get_hints_used     (CsDashboardCell   *self);
gboolean           cs_dashboard_cell_get_late           (CsDashboardCell   *self);
gint64             cs_dashboard_cell_get_last_activity  (CsDashboardCell   *self);
gint64             cs_dashboard_cell_get_completed_at   (CsDashboardCell   *self);

/* Scene scores, in the case's scene order (negative: no score). */
void               cs_dashboard_cell_add_scene_score    (CsDashboardCell   *self,
                                                         double             score);
guint              cs_dashboard_cell_get_n_scenes       (CsDashboardCell   *self);
double             cs_dashboard_cell_get_scene_score    (CsDashboardCell   *self,
                                                         guint              scene);

/* The last activity to the microsecond: two saves of a run in one second differ. */
void               cs_dashboard_cell_set_activity_us    (CsDashboardCell   *self,
                                                         gint64             activity_us);
/* Whether @a and @b (of two loads) show the same run as it was: same student and run,
 * every value and scene score equal, no activity in between. The assignment's position
 * is not compared (a new assignment moves it). */
gboolean           cs_dashboard_cell_same_run           (CsDashboardCell   *a,
                                                         CsDashboardCell   *b);

G_END_DECLS
