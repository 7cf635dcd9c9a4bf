/* cs-completion-chart.h: how many students had completed an assignment, day by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_COMPLETION_CHART (cs_completion_chart_get_type ())
G_DECLARE_FINAL_TYPE (CsCompletionChart, cs_completion_chart, CS, COMPLETION_CHART, GtkWidget)

GtkWidget *cs_completion_chart_new              (void);
/* All times in Unix seconds. @completed holds one time per student of the cohort: when they
 * completed the assignment, 0 or less when they have not. @assigned and @due are 0 when not
 * known; @now is where the line ends. */
void       cs_completion_chart_set_data         (CsCompletionChart *self,
                                                 gint64             assigned,
                                                 gint64             due,
                                                 gint64             now,
                                                 const gint64      *completed,
                                                 guint              n_students);
/* The students who had completed by @when (inclusive). */
guint      cs_completion_chart_get_completed_by (CsCompletionChart *self,
                                                 gint64             when);
/* The span of time the chart shows. */
void       cs_completion_chart_get_span         (CsCompletionChart *self,
                                                 gint64            *start,
                                                 gint64            *end);

G_END_DECLS
