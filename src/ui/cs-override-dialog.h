/* cs-override-dialog.h: the dialog that overrides the grade of a dashboard cell's run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-dashboard.h"

G_BEGIN_DECLS

/* Opens the override dialog for @cell of @dashboard, transient for @parent: a new grade
 * (0 to 100) and a reason the student sees; the result is a toast on @toasts. Returns the
 * dialog, or NULL (with a toast) when the cell's student has not started. */
GtkWidget *cs_override_dialog_present (GtkWindow       *parent,
                                       CsDashboard     *dashboard,
                                       CsDashboardCell *cell,
                                       AdwToastOverlay *toasts);

G_END_DECLS
