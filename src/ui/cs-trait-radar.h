/* cs-trait-radar.h: a persona's personality traits as a small radar chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-model.h"

G_BEGIN_DECLS

#define CS_TYPE_TRAIT_RADAR (cs_trait_radar_get_type ())
G_DECLARE_FINAL_TYPE (CsTraitRadar, cs_trait_radar, CS, TRAIT_RADAR, GtkWidget)

/* Property "persona" (CsPersona or NULL): one spoke per trait (0 at the centre, 10 at the
 * rim), redrawn when the traits change. The accessible label lists the values
 * ("Assertiveness 7, Openness 4"). */
GtkWidget *cs_trait_radar_new         (void);
CsPersona *cs_trait_radar_get_persona (CsTraitRadar *self);
void       cs_trait_radar_set_persona (CsTraitRadar *self,
                                       CsPersona    *persona);
/* The text of the accessible label; newly allocated. */
char      *cs_trait_radar_dup_summary (CsTraitRadar *self);

G_END_DECLS
