/* cs-message-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cs-markdown.h"
#include "cs-message-row.h"
#include "cs-text-layout.h"

struct _CsMessageRow
{
  GtkWidget  parent_instance;

  GtkWidget *avatar;
  GtkWidget *column;      /* the name and the bubble */
  gboolean   centred;     /* a system line: as wide as its text, in the middle */
  GtkWidget *name_label;
  GtkWidget *typing;      /* a spinner while the reply streams in */
  GtkWidget *bubble;
  GtkWidget *text_label;
  CsMessage *message;
  char      *student_name;  /* someone else's run: their name for "You" */
};

G_DEFINE_FINAL_TYPE (CsMessageRow, cs_message_row, GTK_TYPE_WIDGET)

/* The narrowest the text wraps to; the window's narrowest (360 px) leaves more. */
#define MIN_WIDTH_CHARS 12
/* between the avatar and the text */
#define SPACING 9

static const char * const kind_classes[] = { "user", "persona", "system", "hint" };

/* ---- the rendered Markdown, once per complete message ---------------------------------- */

/* A complete message's Markdown as the label's text and attributes, kept on the message
 * (qdata): rebinding a recycled row while the list scrolls sets them again without
 * parsing anything. @hash and @length tell whether the content is still the one rendered. */
typedef struct {
  guint          hash;
  gsize          length;
  char          *text;
  PangoAttrList *attrs;
} Rendered;

static void
rendered_free (gpointer data)
{
  Rendered *rendered = data;

  g_free (rendered->text);
  g_clear_pointer (&rendered->attrs, pango_attr_list_unref);
  g_free (rendered);
}

static GQuark
rendered_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cs-message-row-rendered");
  return quark;
}

static const Rendered *
rendered_for (CsMessage  *message,
              const char *content)
{
  Rendered *rendered = g_object_get_qdata (G_OBJECT (message), rendered_quark ());
  guint hash = g_str_hash (content);
  gsize length = strlen (content);
  g_autofree char *markup = NULL;
  g_autoptr(GError) error = NULL;

  if (rendered != NULL && rendered->hash == hash && rendered->length == length)
    return rendered;

  rendered = g_new0 (Rendered, 1);
  rendered->hash = hash;
  rendered->length = length;
  markup = cs_markdown_to_pango (content);
  if (!pango_parse_markup (markup, -1, 0, &rendered->attrs, &rendered->text, NULL, &error))
    {
      /* cs_markdown_to_pango() escapes everything, so this is a bug there: show the text */
      g_warning ("Message shown as plain text: %s", error->message);
      rendered->text = g_utf8_make_valid (content, -1);
    }
  g_object_set_qdata_full (G_OBJECT (message), rendered_quark (), rendered, rendered_free);
  return rendered;
}

/* While a reply streams in, the plain text with a typing mark; once complete, its
 * Markdown rendered (once, see rendered_for()). */
static void
update_text (CsMessageRow *self)
{
  GtkLabel *label = GTK_LABEL (self->text_label);
  const char *content;
  gboolean complete;

  if (self->message == NULL)
    return;
  content = cs_message_get_content (self->message);
  if (content == NULL)
    content = "";
  complete = cs_message_get_is_complete (self->message);
  gtk_widget_set_visible (self->typing, !complete);
  gtk_spinner_set_spinning (GTK_SPINNER (self->typing), !complete);
  gtk_label_set_use_markup (label, FALSE);
  if (complete)
    {
      const Rendered *rendered = rendered_for (self->message, content);

      gtk_label_set_text (label, rendered->text);
      gtk_label_set_attributes (label, rendered->attrs);
    }
  else
    {
      g_autofree char *typing = *content != '\0' ? g_strdup_printf ("%s …", content) : g_strdup ("…");

      gtk_label_set_attributes (label, NULL);
      gtk_label_set_text (label, typing);
    }
}

void
cs_message_row_bind (CsMessageRow *self,
                     CsMessage    *message,
                     CsScenario   *scenario)
{
  g_return_if_fail (CS_IS_MESSAGE_ROW (self));

  if (self->message)
    g_signal_handlers_disconnect_by_data (self->message, self);
  g_set_object (&self->message, message);
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    gtk_widget_remove_css_class (self->bubble, kind_classes[i]);
  if (message == NULL)
    {
      gtk_spinner_set_spinning (GTK_SPINNER (self->typing), FALSE);
      return;
    }

  {
    CsMessageKind kind = cs_message_get_kind (message);
    CsPersona *persona = cs_message_get_persona_id (message) && scenario
                         ? cs_scenario_find_persona (scenario, cs_message_get_persona_id (message)) : NULL;
    const char *name = cs_message_get_sender_name (message);
    g_autofree char *title = NULL;

    gtk_widget_add_css_class (self->bubble, kind_classes[MIN ((guint) kind, G_N_ELEMENTS (kind_classes) - 1)]);
    if (kind == CS_MESSAGE_KIND_USER)
      title = g_strdup (self->student_name ? self->student_name : _("You"));
    else if (kind == CS_MESSAGE_KIND_HINT)
      title = g_strdup (_("Hint"));
    else if (kind == CS_MESSAGE_KIND_SYSTEM)
      title = NULL;
    else if (persona && cs_persona_get_role (persona) && *cs_persona_get_role (persona))
      title = g_strdup_printf ("%s · %s", name ? name : "", cs_persona_get_role (persona));
    else
      title = g_strdup (name ? name : "");
    gtk_label_set_text (GTK_LABEL (self->name_label), title ? title : "");
    gtk_widget_set_visible (self->name_label, title != NULL);
    gtk_widget_set_visible (self->avatar, kind == CS_MESSAGE_KIND_PERSONA || kind == CS_MESSAGE_KIND_USER);
    adw_avatar_set_text (ADW_AVATAR (self->avatar), kind != CS_MESSAGE_KIND_USER ? name
                                                     : self->student_name ? self->student_name : _("You"));
    if (self->centred != (kind == CS_MESSAGE_KIND_SYSTEM))
      {
        self->centred = kind == CS_MESSAGE_KIND_SYSTEM;
        gtk_widget_queue_resize (GTK_WIDGET (self));
      }
    /* a short system line is centred in its (at least MIN_WIDTH_CHARS wide) label */
    gtk_label_set_xalign (GTK_LABEL (self->text_label), kind == CS_MESSAGE_KIND_SYSTEM ? 0.5 : 0);
    /* ... and its box is as wide as the text (the others fill the row) */
    cs_text_layout_set_natural_from_text (CS_TEXT_LAYOUT (gtk_widget_get_layout_manager (self->bubble)),
                                          kind == CS_MESSAGE_KIND_SYSTEM);
  }
  g_signal_connect_object (message, "notify::content", G_CALLBACK (update_text), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (message, "notify::is-complete", G_CALLBACK (update_text), self, G_CONNECT_SWAPPED);
  update_text (self);
}

void
cs_message_row_set_student_name (CsMessageRow *self,
                                 const char   *name)
{
  g_return_if_fail (CS_IS_MESSAGE_ROW (self));

  g_free (self->student_name);
  self->student_name = g_strdup (name);
}

static void
cs_message_row_dispose (GObject *object)
{
  CsMessageRow *self = CS_MESSAGE_ROW (object);

  cs_message_row_bind (self, NULL, NULL);
  g_clear_pointer (&self->avatar, gtk_widget_unparent);
  g_clear_pointer (&self->column, gtk_widget_unparent);
  g_clear_pointer (&self->student_name, g_free);

  G_OBJECT_CLASS (cs_message_row_parent_class)->dispose (object);
}

/* ---- layout ---------------------------------------------------------------------------- *
 * The avatar, then the column with the name and the bubble. Laid out here rather than by a
 * horizontal GtkBox: allocating a box asks each child for its width at the row's height,
 * and for the column that means measuring its text again at unbounded and trial widths, for
 * every row that comes into the list. Here the column is only ever asked for its height at
 * the width it then gets. */

static int
avatar_space (CsMessageRow *self,
              int          *height)
{
  int min, nat;

  *height = 0;
  if (!gtk_widget_should_layout (self->avatar))
    return 0;
  gtk_widget_measure (self->avatar, GTK_ORIENTATION_VERTICAL, -1, height, &nat, NULL, NULL);
  gtk_widget_measure (self->avatar, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return min + SPACING;
}

static void
cs_message_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CsMessageRow *self = CS_MESSAGE_ROW (widget);
  int avatar_height;
  int avatar = avatar_space (self, &avatar_height);
  int min, nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->column, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum = avatar + min;
      *natural = avatar + nat;
      return;
    }
  if (for_size < 0)
    gtk_widget_measure (self->column, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  else
    {
      int column_min, column_nat;

      gtk_widget_measure (self->column, GTK_ORIENTATION_HORIZONTAL, -1, &column_min, &column_nat,
                          NULL, NULL);
      for_size = MAX (for_size - avatar, column_min);
      if (self->centred)
        for_size = MIN (for_size, column_nat);
      gtk_widget_measure (self->column, GTK_ORIENTATION_VERTICAL, for_size, &min, &nat, NULL, NULL);
    }
  *minimum = MAX (min, avatar_height);
  *natural = MAX (nat, avatar_height);
}

static GtkSizeRequestMode
cs_message_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cs_message_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CsMessageRow *self = CS_MESSAGE_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int avatar_height;
  int avatar = avatar_space (self, &avatar_height);
  int column_min, column_nat, column_width, x, min, nat;

  gtk_widget_measure (self->column, GTK_ORIENTATION_HORIZONTAL, -1, &column_min, &column_nat,
                      NULL, NULL);
  column_width = MAX (width - avatar, column_min);
  x = 0;
  if (self->centred && column_nat + avatar < width)
    {
      column_width = column_nat;
      x = (width - column_nat - avatar) / 2;
    }
  if (avatar > 0)
    {
      int avatar_width = avatar - SPACING;

      gtk_widget_size_allocate (self->avatar,
                                &(GtkAllocation) { rtl ? width - x - avatar_width : x, 0,
                                                   avatar_width, avatar_height }, -1);
    }
  gtk_widget_measure (self->column, GTK_ORIENTATION_VERTICAL, column_width, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (self->column,
                            &(GtkAllocation) { rtl ? width - x - avatar - column_width : x + avatar, 0,
                                               column_width, MAX (height, min) }, -1);
}

static void
cs_message_row_class_init (CsMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_message_row_dispose;
  widget_class->measure = cs_message_row_measure;
  widget_class->size_allocate = cs_message_row_size_allocate;
  widget_class->get_request_mode = cs_message_row_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cs_message_row_init (CsMessageRow *self)
{
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  self->avatar = adw_avatar_new (32, NULL, TRUE);
  gtk_widget_set_valign (self->avatar, GTK_ALIGN_START);
  self->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_widget_add_css_class (self->name_label, "caption-heading");
  self->typing = gtk_spinner_new ();
  gtk_widget_set_visible (self->typing, FALSE);
  gtk_widget_set_tooltip_text (self->typing, _("Typing…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->typing), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Typing…"), -1);
  gtk_box_append (GTK_BOX (title), self->name_label);
  gtk_box_append (GTK_BOX (title), self->typing);
  /* the bubble measures its text only at the row's width (see cs-text-layout.h) */
  self->bubble = adw_bin_new ();
  gtk_widget_set_layout_manager (self->bubble, cs_text_layout_new ());
  gtk_widget_add_css_class (self->bubble, "bubble");
  self->text_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->text_label), PANGO_WRAP_WORD_CHAR);
  /* the minimum width the bubble reports for it (the label itself is not asked) */
  gtk_label_set_width_chars (GTK_LABEL (self->text_label), MIN_WIDTH_CHARS);
  gtk_label_set_selectable (GTK_LABEL (self->text_label), TRUE);
  adw_bin_set_child (ADW_BIN (self->bubble), self->text_label);
  gtk_box_append (GTK_BOX (self->column), title);
  gtk_box_append (GTK_BOX (self->column), self->bubble);
  gtk_widget_set_parent (self->avatar, GTK_WIDGET (self));
  gtk_widget_set_parent (self->column, GTK_WIDGET (self));
}

GtkWidget *
cs_message_row_new (void)
{
  return g_object_new (CS_TYPE_MESSAGE_ROW, NULL);
}
