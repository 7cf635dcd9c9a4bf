/* cs-scene-image.h: scene images kept in the library's folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cs-store.h"

G_BEGIN_DECLS

/* Checks on a worker thread that @file is an image (PNG, JPEG, WebP, … as GdkPixbuf reads)
 * and copies it into the "images" folder beside the library (to a temporary file first,
 * renamed when complete). The result is the name to store in the scene ("images/….png"),
 * relative to the library's folder. */
void  cs_scene_image_import_async  (CsStore              *store,
                                    GFile                *file,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char *cs_scene_image_import_finish (GAsyncResult         *result,
                                    GError              **error);
/* The file of a stored image name, or NULL when @name is NULL or empty. */
GFile *cs_scene_image_get_file     (CsStore              *store,
                                    const char           *name);

G_END_DECLS
