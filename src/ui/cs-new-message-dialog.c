/* cs-new-message-dialog.c: whom to write to, what about, the first message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-messages.h"
#include "cs-new-message-dialog.h"
#include "cs-ui-util.h"

struct _CsNewMessageDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  AdwPreferencesGroup *people;
  AdwComboRow     *recipient;
  AdwComboRow     *about;
  AdwEntryRow     *subject;
  AdwEntryRow     *message;
  GtkWidget       *send_button;

  CsServer        *server;
  GCancellable    *cancellable;
  GPtrArray       *recipients;   /* CsMessageRecipient, as the rows of @recipient */
  gboolean         sending;
};

G_DEFINE_FINAL_TYPE (CsNewMessageDialog, cs_new_message_dialog, ADW_TYPE_WINDOW)

enum { SENT, N_SIGNALS };
static guint signals[N_SIGNALS];

static const CsMessageRecipient *
selected_recipient (CsNewMessageDialog *self)
{
  guint i = adw_combo_row_get_selected (self->recipient);

  return self->recipients && i < self->recipients->len ? g_ptr_array_index (self->recipients, i) : NULL;
}

static void
update_send (CsNewMessageDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->message))));

  gtk_widget_set_sensitive (self->send_button, !self->sending && *text && selected_recipient (self));
}

static void
on_message_changed (CsNewMessageDialog *self)
{
  update_send (self);
}

/* What it may be about: the whole cohort the recipient shares with me (the first row) or
 * one of its assignments (the rows after it, in the order of recipient->assignments). A
 * student waiting for approval writes about the cohort only. */
static void
on_recipient_changed (CsNewMessageDialog *self)
{
  const CsMessageRecipient *recipient = selected_recipient (self);
  g_autoptr(GtkStringList) about = NULL;
  guint n_assignments = recipient && recipient->assignments ? recipient->assignments->len : 0;

  if (!self->about || !self->send_button || !self->people)
    return;  /* still building the template */
  about = gtk_string_list_new (NULL);
  /* (The cohort's title is in the recipient's row already.) */
  if (recipient)
    /* TRANSLATORS: "About" of a new message: the cohort the recipient is in, not one assignment */
    gtk_string_list_append (about, _("The whole cohort"));
  for (guint i = 0; i < n_assignments; i++)
    gtk_string_list_append (about, ((CsMessageAssignment *) g_ptr_array_index (recipient->assignments, i))->title);
  adw_combo_row_set_model (self->about, G_LIST_MODEL (about));
  adw_combo_row_set_selected (self->about, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->about), n_assignments > 0);
  adw_preferences_group_set_description (self->people,
                                         recipient && recipient->pending
                                           ? _("Until your enrolment is approved you can write about the cohort only.")
                                           : NULL);
  update_send (self);
}

/* The assignment chosen in "About", or NULL for the whole cohort. */
static const CsMessageAssignment *
selected_assignment (CsNewMessageDialog *self)
{
  const CsMessageRecipient *recipient = selected_recipient (self);
  guint i = adw_combo_row_get_selected (self->about);

  if (!recipient || !recipient->assignments || i == 0 || i == GTK_INVALID_LIST_POSITION ||
      i - 1 >= recipient->assignments->len)
    return NULL;
  return g_ptr_array_index (recipient->assignments, i - 1);
}

static void
recipients_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(CsNewMessageDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recipients = cs_messages_list_recipients_finish (CS_SERVER (source), result, &error);
  g_autoptr(GtkStringList) names = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;  /* closed meanwhile */
  if (!recipients)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Loading the recipients failed: %s", error->message);
          cs_ui_overlay_add_toast (self->toasts, adw_toast_new (error->message));
          gtk_stack_set_visible_child_name (self->stack, "empty");
          gtk_widget_set_visible (self->send_button, FALSE);
        }
      return;
    }
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < recipients->len; i++)
    {
      const CsMessageRecipient *recipient = g_ptr_array_index (recipients, i);
      /* TRANSLATORS: a recipient of a new message: the person's name, then their cohort */
      g_autofree char *label = g_strdup_printf (_("%s — %s"), recipient->person_name,
                                                recipient->cohort_title ? recipient->cohort_title : "");

      gtk_string_list_append (names, label);
    }
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  self->recipients = g_steal_pointer (&recipients);
  adw_combo_row_set_model (self->recipient, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->recipient, 0);
  on_recipient_changed (self);
  gtk_stack_set_visible_child_name (self->stack, self->recipients->len ? "form" : "empty");
  gtk_widget_set_visible (self->send_button, self->recipients->len > 0);
  if (self->recipients->len)
    gtk_widget_grab_focus (GTK_WIDGET (self->subject));
}

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      data)
{
  g_autoptr(CsNewMessageDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cs_messages_send_finish (CS_SERVER (source), result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;  /* closed meanwhile */
  self->sending = FALSE;
  gtk_editable_set_editable (GTK_EDITABLE (self->message), TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (self->subject), TRUE);
  update_send (self);
  if (!id)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cs_ui_overlay_add_toast (self->toasts, adw_toast_new (error->message));  /* the text stays */
      return;
    }
  g_signal_emit (self, signals[SENT], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_send (CsNewMessageDialog *self)
{
  const CsMessageRecipient *recipient = selected_recipient (self);
  const CsMessageAssignment *assignment = selected_assignment (self);

  if (!gtk_widget_get_sensitive (self->send_button) || !recipient)
    return;
  self->sending = TRUE;
  update_send (self);
  gtk_editable_set_editable (GTK_EDITABLE (self->message), FALSE);
  gtk_editable_set_editable (GTK_EDITABLE (self->subject), FALSE);
  cs_messages_send_async (self->server, recipient->person_id, gtk_editable_get_text (GTK_EDITABLE (self->message)),
                          gtk_editable_get_text (GTK_EDITABLE (self->subject)), recipient->cohort_id,
                          assignment ? assignment->id : NULL, NULL, self->cancellable, sent, g_object_ref (self));
}

CsNewMessageDialog *
cs_new_message_dialog_new (GtkWindow *parent,
                           CsServer  *server)
{
  CsNewMessageDialog *self;

  g_return_val_if_fail (CS_IS_SERVER (server), NULL);

  self = g_object_new (CS_TYPE_NEW_MESSAGE_DIALOG, "transient-for", parent, NULL);
  self->server = g_object_ref (server);
  cs_messages_list_recipients_async (server, self->cancellable, recipients_loaded, g_object_ref (self));
  return self;
}

const char *
cs_new_message_dialog_get_state (CsNewMessageDialog *self)
{
  g_return_val_if_fail (CS_IS_NEW_MESSAGE_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

AdwComboRow *
cs_new_message_dialog_get_recipient (CsNewMessageDialog *self)
{
  return self->recipient;
}

AdwComboRow *
cs_new_message_dialog_get_about (CsNewMessageDialog *self)
{
  return self->about;
}

AdwEntryRow *
cs_new_message_dialog_get_subject (CsNewMessageDialog *self)
{
  return self->subject;
}

AdwEntryRow *
cs_new_message_dialog_get_message (CsNewMessageDialog *self)
{
  return self->message;
}

GtkWidget *
cs_new_message_dialog_get_send_button (CsNewMessageDialog *self)
{
  return self->send_button;
}

static void
cs_new_message_dialog_dispose (GObject *object)
{
  CsNewMessageDialog *self = CS_NEW_MESSAGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->server);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_new_message_dialog_parent_class)->dispose (object);
}

static void
cs_new_message_dialog_finalize (GObject *object)
{
  CsNewMessageDialog *self = CS_NEW_MESSAGE_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cs_new_message_dialog_parent_class)->finalize (object);
}

static void
cs_new_message_dialog_class_init (CsNewMessageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_new_message_dialog_dispose;
  object_class->finalize = cs_new_message_dialog_finalize;

  /* The new thread's id. */
  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-new-message-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, people);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, recipient);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, about);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, subject);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, message);
  gtk_widget_class_bind_template_child (widget_class, CsNewMessageDialog, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_send);
  gtk_widget_class_bind_template_callback (widget_class, on_message_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_recipient_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_new_message_dialog_init (CsNewMessageDialog *self)
{
  GtkEditable *text;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* As long as the server takes (cs_send_message). */
  text = gtk_editable_get_delegate (GTK_EDITABLE (self->subject));
  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), 200);
}
