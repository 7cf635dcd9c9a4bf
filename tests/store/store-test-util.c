/* store-test-util.c: a private data folder for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "store-test-util.h"

static char *test_dir;

const char *
store_test_setup_dirs (void)
{
  const char *subdirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  g_autoptr(GError) error = NULL;

  test_dir = g_dir_make_tmp ("cs-store-test-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *dir = g_build_filename (test_dir, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (subdirs[i], dir, TRUE);
    }

  return test_dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

void
store_test_cleanup_dirs (void)
{
  g_autoptr(GFile) dir = NULL;

  if (!test_dir)
    return;

  dir = g_file_new_for_path (test_dir);
  remove_tree (dir);
  g_clear_pointer (&test_dir, g_free);
}

char *
store_test_db_path (const char *name)
{
  static int counter;

  g_assert_nonnull (test_dir);
  return g_strdup_printf ("%s/%s-%d.db", test_dir, name, ++counter);
}
