/* cs-text-layout.c: lays out a wrapping label at the width its parent gives, measuring it
 * only at that width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "cs-text-layout.h"

struct _CsTextLayout
{
  GtkLayoutManager parent_instance;

  gboolean         natural_from_text;
};

G_DEFINE_FINAL_TYPE (CsTextLayout, cs_text_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width of a character as GtkLabel reckons it for width-chars, in Pango units. Asking
 * Pango for a font's metrics lays out a sample text each time, so the last font's answer
 * is kept (the layout runs on the main thread only). */
static int
char_width (GtkWidget *label)
{
  static guint last_hash;
  static int last_width = -1;
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  /* the font and the screen's resolution (text scaling changes either) */
  guint hash = (font != NULL ? pango_font_description_hash (font) : 0) ^
               (guint) (pango_cairo_context_get_resolution (context) * 64);
  PangoFontMetrics *metrics;

  if (last_width >= 0 && hash == last_hash)
    return last_width;
  metrics = pango_context_get_metrics (context, NULL, NULL);
  last_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  last_hash = hash;
  pango_font_metrics_unref (metrics);
  return last_width;
}

static void
measure_label_width (CsTextLayout *self,
                     GtkLabel     *label,
                     int          *minimum,
                     int          *natural)
{
  *minimum = PANGO_PIXELS_CEIL (MAX (gtk_label_get_width_chars (label), 0) *
                                char_width (GTK_WIDGET (label)));
  *natural = *minimum;
  if (self->natural_from_text)
    {
      g_autoptr(PangoLayout) line = pango_layout_copy (gtk_label_get_layout (label));
      int width;

      pango_layout_set_width (line, -1);
      pango_layout_get_pixel_size (line, &width, NULL);
      *natural = MAX (*minimum, width);
    }
}

static GtkSizeRequestMode
cs_text_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cs_text_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  CsTextLayout *self = CS_TEXT_LAYOUT (manager);

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      if (orientation == GTK_ORIENTATION_HORIZONTAL && GTK_IS_LABEL (child) &&
          gtk_label_get_wrap (GTK_LABEL (child)))
        measure_label_width (self, GTK_LABEL (child), &child_min, &child_nat);
      else
        gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
cs_text_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      int min, nat;

      /* measured before it is allocated, as GTK wants: usually the height its parent asked
       * for a moment ago, from GTK's cache */
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      gtk_widget_allocate (child, width, height, baseline, NULL);
    }
}

static void
cs_text_layout_class_init (CsTextLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = cs_text_layout_get_request_mode;
  manager_class->measure = cs_text_layout_measure;
  manager_class->allocate = cs_text_layout_allocate;
}

static void
cs_text_layout_init (CsTextLayout *self)
{
}

GtkLayoutManager *
cs_text_layout_new (void)
{
  return g_object_new (CS_TYPE_TEXT_LAYOUT, NULL);
}

gboolean
cs_text_layout_get_natural_from_text (CsTextLayout *self)
{
  g_return_val_if_fail (CS_IS_TEXT_LAYOUT (self), FALSE);

  return self->natural_from_text;
}

void
cs_text_layout_set_natural_from_text (CsTextLayout *self,
                                      gboolean      natural_from_text)
{
  g_return_if_fail (CS_IS_TEXT_LAYOUT (self));

  natural_from_text = !!natural_from_text;
  if (self->natural_from_text == natural_from_text)
    return;
  self->natural_from_text = natural_from_text;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}
