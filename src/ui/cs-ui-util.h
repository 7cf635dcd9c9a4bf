/* cs-ui-util.h: small helpers shared by the widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-model.h"

G_BEGIN_DECLS

/* "Industrial manufacturing · Intermediate · 75 min" (parts that are unknown are left out;
 * the duration only when asked for). */
char       *cs_ui_dup_scenario_meta   (CsScenario   *scenario,
                                       gboolean      with_duration);
const char *cs_ui_difficulty_label    (CsDifficulty  difficulty);
const char *cs_ui_involvement_label   (CsInvolvement involvement);
/* "risk_tolerance" → "Risk tolerance" */
char       *cs_ui_dup_trait_label     (const char   *trait);
/* The personality traits of @persona as a grid: name, a level bar (0..10) and the value. */
GtkWidget  *cs_ui_new_traits_grid     (CsPersona    *persona);
/* Shows @persona on @avatar: its name (initials) and its image when it has one. A relative
 * image name is looked up in @library_dir (may be NULL: then only absolute paths and
 * resource:// addresses show); an image that cannot be read leaves the initials. */
void        cs_ui_show_persona_avatar (gpointer      avatar,
                                       CsPersona    *persona,
                                       const char   *library_dir);
/* Every toast goes through these (libadwaita 1.2 crashes when a toast is dismissed while it
 * animates): a new toast on an overlay replaces the one before it once that one has been on
 * screen a moment. dismiss_toast() dismisses @toast if it is the overlay's newest, now or
 * once it has settled; returns when it will be gone (monotonic time). */
void        cs_ui_overlay_add_toast     (AdwToastOverlay *overlay,
                                         AdwToast        *toast);
gint64      cs_ui_overlay_dismiss_toast (AdwToastOverlay *overlay,
                                         AdwToast        *toast);
/* Adds @toast (AdwToast) to the nearest AdwToastOverlay above @widget, so that it queues
 * with the window's other toasts instead of showing on top of them, else to @fallback. */
void        cs_ui_add_toast           (GtkWidget    *widget,
                                       gpointer      toast,
                                       gpointer      fallback);

/* "85 %" for 0.85; "—" for a negative fraction (none). */
char       *cs_ui_dup_percent         (double        fraction);
/* For widgets that draw: the text colour, the accent colour, and a layout drawn at (x, y). */
void        cs_ui_get_colors          (GtkWidget    *widget,
                                       GdkRGBA      *text,
                                       GdkRGBA      *accent);
void        cs_ui_snapshot_layout     (GtkSnapshot  *snapshot,
                                       PangoLayout  *layout,
                                       const GdkRGBA *color,
                                       float         x,
                                       float         y);

G_END_DECLS
