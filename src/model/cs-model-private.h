/* cs-model-private.h: small helpers shared by the model sources (not API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each stores a copy of @value in @field and returns TRUE when the value changed. */
gboolean cs_set_string    (char       **field,
                           const char  *value);
/* NULL is stored as an empty vector. */
gboolean cs_set_strv      (char      ***field,
                           const char * const *value);
gboolean cs_set_date_time (GDateTime  **field,
                           GDateTime   *value);
/* Sinks a floating @value; NULL clears. */
gboolean cs_set_variant   (GVariant   **field,
                           GVariant    *value);

G_END_DECLS
