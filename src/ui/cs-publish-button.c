/* cs-publish-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-publish-button.h"
#include "cs-publisher.h"
#include "cs-scenario-check.h"

struct _CsPublishButton
{
  GtkButton      parent_instance;

  CsStore       *store;
  CsSyncSession *session;
  CsScenario    *scenario;
  GCancellable  *cancellable;
  gboolean       busy;
  char          *status;
  char          *reason;
  /* the reason is a problem of the case: clicking says what to fix */
  gboolean       has_problems;
};

G_DEFINE_FINAL_TYPE (CsPublishButton, cs_publish_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

enum {
  PUBLISHED,
  FAILED,
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_published_version (CsScenario *scenario)
{
  return g_strcmp0 (cs_scenario_get_published_version_id (scenario),
                    cs_record_get_id (CS_RECORD (scenario))) == 0;
}

static char *
dup_reason (CsPublishButton *self)
{
  g_autoptr(GListModel) problems = NULL;
  guint n;

  self->has_problems = FALSE;
  if (!self->scenario)
    return g_strdup (_("Choose a case to publish"));
  if (self->busy)
    return g_strdup (_("Publishing…"));
  if (is_published_version (self->scenario))
    return g_strdup (_("This is a published version: it cannot be changed or published again"));
  /* what is wrong with the case comes first: it is what the instructor can fix here */
  problems = cs_scenario_check (self->scenario);
  n = g_list_model_get_n_items (problems);
  if (n > 0)
    {
      g_autoptr(CsProblem) first = g_list_model_get_item (problems, 0);

      self->has_problems = TRUE;
      if (n == 1)
        /* TRANSLATORS: %s is what is wrong with the case */
        return g_strdup_printf (_("Fix this before publishing: %s"), cs_problem_get_message (first));
      /* TRANSLATORS: %s is the first of several problems */
      return g_strdup_printf (ngettext ("Fix %u problem before publishing, first: %s",
                                        "Fix %u problems before publishing, first: %s", n),
                              n, cs_problem_get_message (first));
    }
  if (!self->session || !cs_sync_session_get_sync (self->session))
    return g_strdup (_("Sign in to a shared server to publish (Shared Server in the main menu)"));
  return NULL;
}

static char *
dup_status (CsPublishButton *self)
{
  int number = 0;

  if (!self->scenario || !self->store)
    return g_strdup ("");
  if (is_published_version (self->scenario))
    return g_strdup (_("Published version"));
  switch (cs_publisher_get_state (self->store, self->scenario, &number))
    {
    case CS_PUBLISH_STATE_PUBLISHED:
      /* TRANSLATORS: %d is the version number */
      return g_strdup_printf (_("Version %d published"), number);
    case CS_PUBLISH_STATE_CHANGED:
      /* TRANSLATORS: %d is the version number */
      return g_strdup_printf (_("Draft: changes since version %d are not published"), number);
    case CS_PUBLISH_STATE_NEVER:
    default:
      return g_strdup (cs_scenario_get_published_version_id (self->scenario) ? _("Published") : "");
    }
}

static void
update (CsPublishButton *self)
{
  g_autofree char *status = dup_status (self);
  const char *tooltip;

  g_free (self->reason);
  self->reason = dup_reason (self);
  /* With problems it stays clickable, and refuses with the reason. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->reason == NULL || self->has_problems);
  /* A student's assigned case, or a student's own: nothing to publish, so no button. */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          (!self->scenario || !is_published_version (self->scenario)) &&
                          (!self->session || cs_sync_session_can_author (self->session)));
  tooltip = self->reason ? self->reason : _("Publish a Version for Students");
  /* each edit updates the button: a tooltip set again makes GTK query the tooltips under
   * the pointer (in every window), so only when it changes */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  if (g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_steal_pointer (&status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static void
on_published (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(CsPublishButton) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *message = NULL;
  int number = 0;

  self->busy = FALSE;
  version = cs_publisher_publish_finish (CS_SYNC (source), result, &number, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  update (self);
  if (!version)
    {
      g_debug ("Publishing failed: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  /* TRANSLATORS: %d is the version number, %s the case's title */
  message = g_strdup_printf (_("Version %d of “%s” is published"), number,
                             self->scenario ? cs_scenario_get_title (self->scenario) : "");
  g_signal_emit (self, signals[PUBLISHED], 0, message);
}

static void
cs_publish_button_clicked (GtkButton *button)
{
  CsPublishButton *self = CS_PUBLISH_BUTTON (button);

  update (self);
  if (self->reason)
    {
      if (self->has_problems)
        g_signal_emit (self, signals[REFUSED], 0, self->reason);
      return;
    }
  self->busy = TRUE;
  update (self);
  cs_publisher_publish_async (cs_sync_session_get_sync (self->session),
                              cs_record_get_id (CS_RECORD (self->scenario)),
                              self->cancellable, on_published, g_object_ref (self));
}

void
cs_publish_button_set_store (CsPublishButton *self,
                             CsStore         *store,
                             CsSyncSession   *session)
{
  g_return_if_fail (CS_IS_PUBLISH_BUTTON (self));

  g_set_object (&self->store, store);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session)
    {
      g_signal_connect_object (session, "notify::sync", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::kind", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

void
cs_publish_button_set_scenario (CsPublishButton *self,
                                CsScenario      *scenario)
{
  g_return_if_fail (CS_IS_PUBLISH_BUTTON (self));

  g_set_object (&self->scenario, scenario);
  update (self);
}

const char *
cs_publish_button_get_status (CsPublishButton *self)
{
  g_return_val_if_fail (CS_IS_PUBLISH_BUTTON (self), NULL);
  return self->status;
}

const char *
cs_publish_button_get_reason (CsPublishButton *self)
{
  g_return_val_if_fail (CS_IS_PUBLISH_BUTTON (self), NULL);
  return self->reason;
}

static void
cs_publish_button_dispose (GObject *object)
{
  CsPublishButton *self = CS_PUBLISH_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (cs_publish_button_parent_class)->dispose (object);
}

static void
cs_publish_button_finalize (GObject *object)
{
  CsPublishButton *self = CS_PUBLISH_BUTTON (object);

  g_clear_object (&self->cancellable);
  g_free (self->status);
  g_free (self->reason);

  G_OBJECT_CLASS (cs_publish_button_parent_class)->finalize (object);
}

static void
cs_publish_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CsPublishButton *self = CS_PUBLISH_BUTTON (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_publish_button_class_init (CsPublishButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->dispose = cs_publish_button_dispose;
  object_class->finalize = cs_publish_button_finalize;
  object_class->get_property = cs_publish_button_get_property;
  button_class->clicked = cs_publish_button_clicked;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cs_publish_button_init (CsPublishButton *self)
{
  self->cancellable = g_cancellable_new ();
  self->status = g_strdup ("");
  gtk_button_set_label (GTK_BUTTON (self), _("P_ublish"));
  gtk_button_set_use_underline (GTK_BUTTON (self), TRUE);
  update (self);
}
