/* cs-ai-secret.h: the API key of a language model server, kept in the keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One key per server: the item's attribute is the base URL without a trailing '/'. The
 * key never goes to GSettings, logs or error messages. */

/* Completes with the key, "" when the keyring has none for @base_url. Fails when the
 * keyring cannot be reached (no Secret Service): callers go on without a key. */
void      cs_ai_secret_lookup_async  (const char           *base_url,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char     *cs_ai_secret_lookup_finish (GAsyncResult         *result,
                                      GError              **error);
/* For the CLI. */
char     *cs_ai_secret_lookup_sync   (const char           *base_url,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* Stores @api_key for @base_url; an empty or NULL key removes the stored one. */
void      cs_ai_secret_store_async   (const char           *base_url,
                                      const char           *api_key,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  cs_ai_secret_store_finish  (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
