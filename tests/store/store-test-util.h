/* store-test-util.h: a private data folder for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes a temporary folder and points XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME
 * into it, so that no test touches the real user folders. Returns the folder. */
const char *store_test_setup_dirs   (void);
/* Removes the folder made by store_test_setup_dirs() with everything in it. */
void        store_test_cleanup_dirs (void);
/* A new path "<folder>/<name>-<n>.db" that does not exist yet. */
char       *store_test_db_path      (const char *name);

G_END_DECLS
