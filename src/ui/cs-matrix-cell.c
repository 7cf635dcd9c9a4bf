/* cs-matrix-cell.c: one cell of the dashboard's matrix, drawn as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-matrix-cell.h"
#include "cs-ui-util.h"

#define ICON_SIZE 16
#define PADDING 6

struct _CsMatrixCell
{
  GtkWidget        parent_instance;

  CsDashboardCell *cell;
  const char      *icon_name;
  char            *text;
  PangoLayout     *layout;
  const char      *state;
  gboolean         late;
  gboolean         dim;
};

G_DEFINE_FINAL_TYPE (CsMatrixCell, cs_matrix_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_icon (CsMatrixCell  *self,
           GtkSnapshot   *snapshot,
           const char    *name,
           const GdkRGBA *color,
           float          x,
           float          y)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon =
    gtk_icon_theme_lookup_icon (theme, name, NULL, ICON_SIZE, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                gtk_widget_get_direction (GTK_WIDGET (self)), 0);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON_SIZE, ICON_SIZE, color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
cs_matrix_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CsMatrixCell *self = CS_MATRIX_CELL (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GdkRGBA fg, warning;
  int text_height;

  if (!self->text)
    return;
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "warning_color", &warning))
    warning = (GdkRGBA) { 0.61f, 0.43f, 0.0f, 1.0f };
  if (self->icon_name)
    draw_icon (self, snapshot, self->icon_name, &fg, PADDING, (height - ICON_SIZE) / 2);
  pango_layout_get_pixel_size (self->layout, NULL, &text_height);
  if (self->dim)
    fg.alpha *= 0.55f;
  cs_ui_snapshot_layout (snapshot, self->layout, &fg, PADDING + ICON_SIZE + PADDING, (height - text_height) / 2);
  if (self->late)
    draw_icon (self, snapshot, "alarm-symbolic", &warning, width - PADDING - ICON_SIZE, (height - ICON_SIZE) / 2);
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };

      if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
        accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.0f };
      accent.alpha = 0.5f;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, (GdkRGBA[4]) { accent, accent, accent, accent });
    }
}

static void
cs_matrix_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CsMatrixCell *self = CS_MATRIX_CELL (widget);
  int width, height;

  pango_layout_get_pixel_size (self->layout, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = PADDING + ICON_SIZE + PADDING + width + PADDING + ICON_SIZE + PADDING;
  else
    *minimum = *natural = MAX (height, ICON_SIZE) + 2 * PADDING;
}

static char *
describe (CsMatrixCell *self)
{
  /* Translators: tooltip of a cell of the dashboard: status, grade or progress, minutes spent, maybe late */
  return g_strdup_printf (_("%s · %s · %d min%s"), self->state, self->text,
                          (cs_dashboard_cell_get_time_spent (self->cell) + 59) / 60, self->late ? _(" · late") : "");
}

static gboolean
cs_matrix_cell_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  CsMatrixCell *self = CS_MATRIX_CELL (widget);
  g_autofree char *text = NULL;

  if (!self->cell || !self->text)
    return FALSE;
  text = describe (self);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CsMatrixCell    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
cs_matrix_cell_dispose (GObject *object)
{
  CsMatrixCell *self = CS_MATRIX_CELL (object);

  g_clear_object (&self->cell);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (cs_matrix_cell_parent_class)->dispose (object);
}

static void
cs_matrix_cell_class_init (CsMatrixCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cs_matrix_cell_dispose;
  widget_class->snapshot = cs_matrix_cell_snapshot;
  widget_class->measure = cs_matrix_cell_measure;
  widget_class->query_tooltip = cs_matrix_cell_query_tooltip;

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_set_css_name (widget_class, "matrixcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
cs_matrix_cell_init (CsMatrixCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
cs_matrix_cell_new (void)
{
  return g_object_new (CS_TYPE_MATRIX_CELL, NULL);
}

void
cs_matrix_cell_set_cell (CsMatrixCell    *self,
                         CsDashboardCell *cell)
{
  g_autofree char *tooltip = NULL;
  const char *state;

  g_return_if_fail (CS_IS_MATRIX_CELL (self));

  g_set_object (&self->cell, cell);
  g_clear_pointer (&self->text, g_free);
  self->icon_name = NULL;
  self->late = cell && cs_dashboard_cell_get_late (cell);
  self->dim = FALSE;
  if (!cell)
    {
      pango_layout_set_text (self->layout, "", -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  switch (cs_dashboard_cell_get_status (cell))
    {
    case CS_DASHBOARD_COMPLETED:
      self->icon_name = "emblem-ok-symbolic";
      self->text = cs_ui_dup_percent (cs_dashboard_cell_get_score (cell));
      if (cs_dashboard_cell_get_overridden (cell))
        {
          g_autofree char *plain = g_steal_pointer (&self->text);

          /* Translators: a grade an instructor changed, e.g. "85%*" */
          self->text = g_strdup_printf (_("%s*"), plain);
        }
      state = _("Completed");
      break;
    case CS_DASHBOARD_IN_PROGRESS:
      self->icon_name = "content-loading-symbolic";
      /* Translators: progress through a case, e.g. "40% done" */
      self->text = g_strdup_printf (_("%.0f%% done"), cs_dashboard_cell_get_progress (cell) * 100);
      state = _("In progress");
      break;
    case CS_DASHBOARD_NOT_STARTED:
    default:
      self->text = g_strdup ("—");
      self->dim = TRUE;
      state = _("Not started");
      break;
    }
  pango_layout_set_text (self->layout, self->text, -1);

  self->state = state;
  /* The tooltip is made when asked for (query-tooltip); the accessible label now. */
  tooltip = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

CsDashboardCell *
cs_matrix_cell_get_cell (CsMatrixCell *self)
{
  g_return_val_if_fail (CS_IS_MATRIX_CELL (self), NULL);

  return self->cell;
}

const char *
cs_matrix_cell_get_text (CsMatrixCell *self)
{
  g_return_val_if_fail (CS_IS_MATRIX_CELL (self), NULL);

  return self->text;
}
