/* cs-import-util.h: small helpers of the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @func from @context's main loop, never on the calling thread (unlike
 * g_main_context_invoke(), which runs it at once when no thread owns @context yet). */
void cs_import_invoke_later (GMainContext   *context,
                             GSourceFunc     func,
                             gpointer        data,
                             GDestroyNotify  notify);

G_END_DECLS
