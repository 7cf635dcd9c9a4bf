/* cs-wrap-box.c: a box that lays its children out in lines, wrapping like words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-wrap-box.h"

struct _CsWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (CsWrapBox, cs_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
cs_wrap_box_new (void)
{
  return g_object_new (CS_TYPE_WRAP_BOX, NULL);
}

int
cs_wrap_box_get_spacing (CsWrapBox *self)
{
  g_return_val_if_fail (CS_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
cs_wrap_box_set_spacing (CsWrapBox *self,
                         int        spacing)
{
  g_return_if_fail (CS_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

void
cs_wrap_box_append (CsWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (CS_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
cs_wrap_box_remove_all (CsWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (CS_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}

/* Places the children in lines no wider than @width (a child wider than that gets a line
 * of its own, shrunk to @width but not below its minimum) and returns the height used.
 * Allocates the children when @allocate is set. */
static int
layout (CsWrapBox *self,
        int        width,
        gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, child_w, child_h;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      child_w = MAX (min_w, MIN (nat_w, width));
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_w, NULL, &child_h, NULL, NULL);

      if (x > 0 && x + child_w > width)
        {
          y += line_height + self->spacing;
          x = 0;
          line_height = 0;
        }

      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_w, child_h }, -1);

      x += child_w + self->spacing;
      line_height = MAX (line_height, child_h);
    }

  return y + line_height;
}

static GtkSizeRequestMode
cs_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cs_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  CsWrapBox *self = CS_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, total = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child;
           child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          widest = MAX (widest, min_w);
          total += nat_w;
          n++;
        }

      *minimum = widest;
      *natural = total + MAX (n - 1, 0) * self->spacing;
    }
  else
    {
      int min_width, nat_width;

      cs_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      *minimum = layout (self, for_size < 0 ? min_width : for_size, FALSE);
      *natural = for_size < 0 ? layout (self, nat_width, FALSE) : *minimum;
    }
}

static void
cs_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  layout (CS_WRAP_BOX (widget), width, TRUE);
}

static void
cs_wrap_box_dispose (GObject *object)
{
  cs_wrap_box_remove_all (CS_WRAP_BOX (object));

  G_OBJECT_CLASS (cs_wrap_box_parent_class)->dispose (object);
}

static void
cs_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsWrapBox *self = CS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CsWrapBox *self = CS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      cs_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_wrap_box_class_init (CsWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_wrap_box_dispose;
  object_class->get_property = cs_wrap_box_get_property;
  object_class->set_property = cs_wrap_box_set_property;

  widget_class->get_request_mode = cs_wrap_box_get_request_mode;
  widget_class->measure = cs_wrap_box_measure;
  widget_class->size_allocate = cs_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cs_wrap_box_init (CsWrapBox *self)
{
}
