/* cs-scene-chart.h: per scene of a case, the pass rate as a bar, with average turns and
 * hints used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-dashboard-assignment.h"

G_BEGIN_DECLS

#define CS_TYPE_SCENE_CHART (cs_scene_chart_get_type ())
G_DECLARE_FINAL_TYPE (CsSceneChart, cs_scene_chart, CS, SCENE_CHART, GtkWidget)

GtkWidget *cs_scene_chart_new            (void);
/* The scenes of @assignment (NULL: none). */
void       cs_scene_chart_set_assignment (CsSceneChart          *self,
                                          CsDashboardAssignment *assignment);

G_END_DECLS
