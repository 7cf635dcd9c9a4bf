/* cs-scene-image.c: scene images kept in the library's folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cs-scene-image.h"

#define IMAGE_FOLDER "images"

static char *
dup_library_dir (CsStore *store)
{
  return g_path_get_dirname (cs_store_get_path (store));
}

GFile *
cs_scene_image_get_file (CsStore    *store,
                         const char *name)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CS_IS_STORE (store), NULL);

  if (name == NULL || *name == '\0')
    return NULL;
  dir = dup_library_dir (store);
  return g_file_new_build_filename (dir, name, NULL);
}

typedef struct {
  GFile *source;
  char  *library_dir;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->source);
  g_free (data->library_dir);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *path = g_file_get_path (data->source);
  g_autofree char *display = g_file_get_basename (data->source);
  g_autofree char *dir = g_build_filename (data->library_dir, IMAGE_FOLDER, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_auto(GStrv) extensions = NULL;
  GdkPixbufFormat *format;

  if (path == NULL || (format = gdk_pixbuf_get_file_info (path, NULL, NULL)) == NULL ||
      (pixbuf = gdk_pixbuf_new_from_file (path, &error)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               /* TRANSLATORS: %s is a file name */
                               _("“%s” is not an image Case Studio can read: choose a PNG or JPEG file"),
                               display);
      return;
    }

  extensions = gdk_pixbuf_format_get_extensions (format);
  name = g_strdup_printf (IMAGE_FOLDER G_DIR_SEPARATOR_S "%s.%s", uuid,
                          extensions && extensions[0] ? extensions[0] : "img");
  final_path = g_build_filename (data->library_dir, name, NULL);
  tmp_path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.tmp", dir, uuid);
  tmp = g_file_new_for_path (tmp_path);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_copy (data->source, tmp, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &error) ||
      g_rename (tmp_path, final_path) != 0)
    {
      g_unlink (tmp_path);
      if (error && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* TRANSLATORS: %s is a folder */
                               _("The image could not be copied into the library (%s): check that "
                                 "there is space on the disk and that the folder can be written"),
                               dir);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&name), g_free);
}

void
cs_scene_image_import_async (CsStore             *store,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (CS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->source = g_object_ref (file);
  data->library_dir = dup_library_dir (store);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_scene_image_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

char *
cs_scene_image_import_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
