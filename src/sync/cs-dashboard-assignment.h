/* cs-dashboard-assignment.h: a column of the dashboard: one assigned case and its scenes'
 * figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Of the students who started the scene: how many passed, the rate (negative when nobody
 * started), their average turns, and all hints they used. */
typedef struct {
  char   *title;
  int     started;
  int     passed;
  int     forced;
  double  pass_rate;
  double  average_turns;
  int     hints_used;
} CsDashboardScene;

/* One of the hints given most often in the assignment: its text, the scene (number from 1
 * in the case's order, and title), how many times it was given and to how many students. */
typedef struct {
  char   *text;
  int     scene_number;
  char   *scene_title;
  int     uses;
  int     students;
} CsDashboardHint;

#define CS_TYPE_DASHBOARD_ASSIGNMENT (cs_dashboard_assignment_get_type ())
G_DECLARE_FINAL_TYPE (CsDashboardAssignment, cs_dashboard_assignment, CS, DASHBOARD_ASSIGNMENT, GObject)

/* @due: Unix seconds, 0 for none. */
CsDashboardAssignment  *cs_dashboard_assignment_new             (const char            *id,
                                                                 const char            *scenario_id,
                                                                 const char            *title,
                                                                 gint64                 due,
                                                                 gboolean               required);
const char             *cs_dashboard_assignment_get_id          (CsDashboardAssignment *self);
const char             *cs_dashboard_assignment_get_scenario_id (CsDashboardAssignment *self);
const char             *cs_dashboard_assignment_get_title       (CsDashboardAssignment *self);
gint64                  cs_dashboard_assignment_get_due         (CsDashboardAssignment *self);
gboolean                cs_dashboard_assignment_get_required    (CsDashboardAssignment *self);
/* When the case was assigned to the cohort, Unix seconds (0: not known). */
void                    cs_dashboard_assignment_set_assigned    (CsDashboardAssignment *self,
                                                                 gint64                 assigned);
gint64                  cs_dashboard_assignment_get_assigned    (CsDashboardAssignment *self);

/* Scenes in the case's order; @scene is copied. */
void                    cs_dashboard_assignment_add_scene       (CsDashboardAssignment  *self,
                                                                 const CsDashboardScene *scene);
guint                   cs_dashboard_assignment_get_n_scenes    (CsDashboardAssignment  *self);
const CsDashboardScene *cs_dashboard_assignment_get_scene       (CsDashboardAssignment  *self,
                                                                 guint                   scene);

/* The most used hints, most used first; @hint is copied. */
void                    cs_dashboard_assignment_add_hint        (CsDashboardAssignment  *self,
                                                                 const CsDashboardHint  *hint);
guint                   cs_dashboard_assignment_get_n_hints     (CsDashboardAssignment  *self);
const CsDashboardHint  *cs_dashboard_assignment_get_hint        (CsDashboardAssignment  *self,
                                                                 guint                   hint);

G_END_DECLS
