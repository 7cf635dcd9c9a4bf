/* cs-score-histogram.h: how many students scored what, in ten bins of 10 %
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_SCORE_HISTOGRAM (cs_score_histogram_get_type ())
G_DECLARE_FINAL_TYPE (CsScoreHistogram, cs_score_histogram, CS, SCORE_HISTOGRAM, GtkWidget)

GtkWidget *cs_score_histogram_new        (void);
/* Scores 0..1; negative ones (no grade) are left out. */
void       cs_score_histogram_set_scores (CsScoreHistogram *self,
                                          const double     *scores,
                                          guint             n_scores);
/* The students in bin @bin (0: below 10 %, …, 9: 90 % and above). */
guint      cs_score_histogram_get_count  (CsScoreHistogram *self,
                                          guint             bin);

G_END_DECLS
