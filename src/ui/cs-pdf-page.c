/* cs-pdf-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-pdf-page.h"

struct _CsPdfPage
{
  GObject       parent_instance;

  guint         index;
  GdkTexture   *texture;
  GCancellable *loading;
};

G_DEFINE_FINAL_TYPE (CsPdfPage, cs_pdf_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_LABEL,
  PROP_TEXTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_pdf_page_finalize (GObject *object)
{
  CsPdfPage *self = CS_PDF_PAGE (object);

  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (cs_pdf_page_parent_class)->finalize (object);
}

static void
cs_pdf_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsPdfPage *self = CS_PDF_PAGE (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_LABEL:
      g_value_take_string (value, g_strdup_printf ("%u", self->index + 1));
      break;
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_pdf_page_class_init (CsPdfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_pdf_page_finalize;
  object_class->get_property = cs_pdf_page_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_pdf_page_init (CsPdfPage *self)
{
}

CsPdfPage *
cs_pdf_page_new (guint index)
{
  CsPdfPage *self = g_object_new (CS_TYPE_PDF_PAGE, NULL);

  self->index = index;
  return self;
}

guint
cs_pdf_page_get_index (CsPdfPage *self)
{
  g_return_val_if_fail (CS_IS_PDF_PAGE (self), 0);

  return self->index;
}

GdkTexture *
cs_pdf_page_get_texture (CsPdfPage *self)
{
  g_return_val_if_fail (CS_IS_PDF_PAGE (self), NULL);

  return self->texture;
}

void
cs_pdf_page_set_texture (CsPdfPage  *self,
                         GdkTexture *texture)
{
  g_return_if_fail (CS_IS_PDF_PAGE (self));

  if (g_set_object (&self->texture, texture))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

GCancellable *
cs_pdf_page_get_loading (CsPdfPage *self)
{
  g_return_val_if_fail (CS_IS_PDF_PAGE (self), NULL);

  return self->loading;
}

void
cs_pdf_page_set_loading (CsPdfPage    *self,
                         GCancellable *cancellable)
{
  g_return_if_fail (CS_IS_PDF_PAGE (self));

  g_set_object (&self->loading, cancellable);
}

GdkTexture *
cs_texture_new_for_surface (cairo_surface_t *surface)
{
  int width, height, stride;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  /* cairo's ARGB32 is native-endian premultiplied: B, G, R, A in memory on little endian */
  return gdk_memory_texture_new (width, height,
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
                                 GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
#else
                                 GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
#endif
                                 bytes, stride);
}
