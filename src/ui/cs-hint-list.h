/* cs-hint-list.h: the hints an assignment's students were given most, as a short list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cs-dashboard-assignment.h"

G_BEGIN_DECLS

#define CS_TYPE_HINT_LIST (cs_hint_list_get_type ())
G_DECLARE_FINAL_TYPE (CsHintList, cs_hint_list, CS, HINT_LIST, GtkWidget)

GtkWidget *cs_hint_list_new            (void);
/* The most used hints of @assignment (NULL: none). */
void       cs_hint_list_set_assignment (CsHintList            *self,
                                        CsDashboardAssignment *assignment);
/* The rows shown (0 when the list says no hint was given). */
guint      cs_hint_list_get_n_rows     (CsHintList            *self);

/* The bytes of the opening all hints share that the rows leave out (0: none). */
gsize      cs_hint_list_get_skipped    (CsHintList            *self);

G_END_DECLS
