/* cs-wrap-box.h: a box that lays its children out in lines, wrapping like words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_WRAP_BOX (cs_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (CsWrapBox, cs_wrap_box, CS, WRAP_BOX, GtkWidget)

/* Children keep their natural width and start a new line when the next one does not fit
 * (unlike GtkFlowBox, which aligns them in columns). "spacing" is the gap between children
 * and between lines. */
GtkWidget *cs_wrap_box_new         (void);
int        cs_wrap_box_get_spacing (CsWrapBox *self);
void       cs_wrap_box_set_spacing (CsWrapBox *self,
                                    int        spacing);
void       cs_wrap_box_append      (CsWrapBox *self,
                                    GtkWidget *child);
void       cs_wrap_box_remove_all  (CsWrapBox *self);

G_END_DECLS
