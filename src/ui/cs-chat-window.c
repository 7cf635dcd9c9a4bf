/* cs-chat-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-ui-util.h"
#include "cs-chat-sidebar.h"
#include "cs-chat-window.h"
#include "cs-mention-entry.h"
#include "cs-message-row.h"
#include "cs-report-view.h"

struct _CsChatWindow
{
  AdwWindow        parent_instance;

  CsOrchestrator  *orchestrator;
  GCancellable    *turn;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *scene_label;
  GtkLabel        *turns_label;
  GtkLabel        *goal_label;
  GtkProgressBar  *scenes_bar;
  GtkWidget       *people_box;
  CsScene         *people_scene;  /* the scene people_box shows */
  GtkScrolledWindow *scroller;
  GtkListView     *messages;
  gboolean         follow_end;    /* the view stays at the newest message as rows are measured */
  double           last_value;    /* the scroll position last seen */
  guint            follow_tick;   /* the frame callback that goes to the end, or 0 */
  CsMentionEntry  *mention_entry;
  GtkEntry        *entry;
  AdwFlap         *flap;
  CsChatSidebar   *sidebar;
  GtkWidget       *test_play_bar;
  GtkWidget       *stop_button;
  GtkWidget       *send_button;
  gboolean         report_shown;  /* the report opened itself at the end of the run */
  GtkWindow       *report_window; /* weak: the report open, or NULL */
  char            *finished_run;  /* the case's last finished run before this one, or NULL */
};

G_DEFINE_FINAL_TYPE (CsChatWindow, cs_chat_window, ADW_TYPE_WINDOW)

static void restart_action (GtkWidget  *widget,
                            const char *action,
                            GVariant   *param);

/* A person of the scene was clicked: address them. */
static void
on_person_clicked (GtkButton    *button,
                   CsChatWindow *self)
{
  cs_mention_entry_insert_mention (self->mention_entry,
                                   g_object_get_data (G_OBJECT (button), "persona"));
}

static void
on_sidebar_address (CsChatWindow *self,
                    CsPersona    *persona)
{
  /* on a narrow window the sidebar covers the chat: out of the way */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  cs_mention_entry_insert_mention (self->mention_entry, persona);
}

static void
update_people (CsChatWindow *self,
               CsScene      *scene)
{
  CsScenario *scenario = cs_orchestrator_get_scenario (self->orchestrator);
  g_autoptr(GListStore) present = g_list_store_new (CS_TYPE_PERSONA);
  GtkWidget *child;

  if (scene == self->people_scene && scene != NULL)
    return;
  self->people_scene = scene;
  cs_chat_sidebar_set_scene (self->sidebar, scenario, scene);
  while ((child = gtk_widget_get_first_child (self->people_box)))
    gtk_box_remove (GTK_BOX (self->people_box), child);
  if (scene == NULL)
    {
      cs_mention_entry_set_people (self->mention_entry, scenario, NULL);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (cs_scene_get_involved (scene)); i++)
    {
      g_autoptr(CsScenePersona) sp = g_list_model_get_item (cs_scene_get_involved (scene), i);
      CsPersona *persona = cs_scenario_find_persona (scenario, cs_scene_persona_get_persona_id (sp));
      GtkWidget *button, *box, *avatar, *label;
      g_auto(GStrv) names = NULL;
      g_autofree char *tooltip = NULL;

      if (persona == NULL || cs_scene_persona_get_involvement (sp) == CS_INVOLVEMENT_MENTIONED)
        continue;
      g_list_store_append (present, persona);
      names = g_strsplit (cs_persona_get_name (persona), " ", 2);
      button = gtk_button_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      avatar = adw_avatar_new (20, cs_persona_get_name (persona), TRUE);
      label = gtk_label_new (cs_persona_get_name (persona));
      gtk_box_append (GTK_BOX (box), avatar);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      tooltip = g_strdup_printf (_("%s, %s: write to them (@%s)"), cs_persona_get_name (persona),
                                 cs_persona_get_role (persona) ? cs_persona_get_role (persona) : "",
                                 names[0]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (button), "first-name", g_strdup (names[0]), g_free);
      g_object_set_data_full (G_OBJECT (button), "persona", g_object_ref (persona), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_person_clicked), self, 0);
      gtk_box_append (GTK_BOX (self->people_box), button);
    }
  cs_mention_entry_set_people (self->mention_entry, scenario, G_LIST_MODEL (present));
}

static gboolean
run_complete (CsChatWindow *self)
{
  return cs_progress_get_status (cs_orchestrator_get_progress (self->orchestrator)) ==
         CS_PROGRESS_STATUS_COMPLETED;
}

/* The report of this run once it is complete, else of the case's last finished run. */
static void
report_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  CsChatWindow *self = CS_CHAT_WINDOW (widget);
  g_autoptr(CsRunReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *run = run_complete (self) ? cs_record_get_id (CS_RECORD (cs_orchestrator_get_progress (self->orchestrator)))
                                        : self->finished_run;

  /* One report window: the one open, if it shows that run. */
  if (self->report_window != NULL)
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (self->report_window), "run"), run) == 0)
        {
          gtk_window_present (self->report_window);
          return;
        }
      gtk_window_destroy (self->report_window);
    }

  if (run_complete (self))
    report = cs_run_report_new_for_orchestrator (self->orchestrator);
  else if (self->finished_run != NULL)
    {
      g_autoptr(CsStore) store = NULL;

      g_object_get (self->orchestrator, "store", &store, NULL);
      report = cs_run_report_load (store, cs_orchestrator_get_scenario (self->orchestrator),
                                   self->finished_run, &error);
    }
  if (report == NULL)
    {
      if (error != NULL)
        cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->report_shown = TRUE;
  self->report_window = cs_report_view_new_window (GTK_WINDOW (self), report);
  g_object_set_data_full (G_OBJECT (self->report_window), "run", g_strdup (run), g_free);
  g_object_add_weak_pointer (G_OBJECT (self->report_window), (gpointer *) &self->report_window);
  gtk_window_present (self->report_window);
}

static void
update_scene (CsChatWindow *self)
{
  CsScenario *scenario = cs_orchestrator_get_scenario (self->orchestrator);
  CsScene *scene = cs_orchestrator_get_current_scene (self->orchestrator);
  CsSceneProgress *progress = cs_orchestrator_get_scene_progress (self->orchestrator);
  guint n_scenes = cs_scenario_get_n_scenes (scenario);

  update_people (self, scene);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.report",
                                 run_complete (self) || self->finished_run != NULL);
  guint begun = g_list_model_get_n_items (cs_orchestrator_get_scene_progresses (self->orchestrator));

  if (scene == NULL)
    {
      gtk_label_set_text (self->scene_label, _("Introduction"));
      gtk_label_set_text (self->goal_label, _("Read the case, then write “begin” (or anything) to start the first scene."));
      gtk_label_set_text (self->turns_label, "");
      gtk_progress_bar_set_fraction (self->scenes_bar, 0);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Scene %u of %u: %s"), cs_scene_get_position (scene) + 1,
                                              n_scenes, cs_scene_get_title (scene));
    g_autofree char *turns = g_strdup_printf (_("Turn %d of %d"),
                                              progress ? cs_scene_progress_get_messages_sent (progress) : 0,
                                              cs_scene_get_timeout_turns (scene));

    gtk_label_set_text (self->scene_label, title);
    gtk_label_set_text (self->goal_label, cs_scene_get_user_goal (scene));
    gtk_label_set_text (self->turns_label, turns);
    gtk_progress_bar_set_fraction (self->scenes_bar, n_scenes ? (double) (begun - 1) / n_scenes : 0);
  }
}

static gboolean
at_end (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_value (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1;
}

static gboolean
follow_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  CsChatWindow *self = CS_CHAT_WINDOW (data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->follow_tick = 0;
  if (self->follow_end)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

/* Rows are measured only when they come near the view, so the list's height grows after a
 * message is added (a long reply, a hint after it) and while a reply streams in: while the
 * view follows the end, it goes there again at the next frame, before it is drawn. */
static void
on_adjustment_changed (GtkAdjustment *adjustment,
                       CsChatWindow  *self)
{
  if (self->follow_end && !at_end (adjustment) && self->follow_tick == 0)
    self->follow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->messages), follow_tick,
                                                      self, NULL);
}

/* Scrolling back to read stops following; coming back to the end starts again. */
static void
on_adjustment_value (GtkAdjustment *adjustment,
                     CsChatWindow  *self)
{
  double value = gtk_adjustment_get_value (adjustment);

  if (at_end (adjustment))
    self->follow_end = TRUE;
  else if (value < self->last_value - 1)
    self->follow_end = FALSE;
  self->last_value = value;
}

static void
scroll_to_end (CsChatWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->follow_end = TRUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  on_adjustment_changed (adjustment, self);
}

static void
on_items_changed (CsChatWindow *self)
{
  guint n = g_list_model_get_n_items (cs_orchestrator_get_messages (self->orchestrator));

  if (n > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->messages), "list.scroll-to-item", "u", n - 1);
  scroll_to_end (self);
  update_scene (self);
}

static void
on_busy (CsChatWindow *self)
{
  gboolean busy = cs_orchestrator_get_busy (self->orchestrator);

  gtk_widget_set_visible (self->stop_button, busy);
  gtk_widget_set_sensitive (self->send_button, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.stop", busy);
  update_scene (self);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(CsChatWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!cs_orchestrator_send_message_finish (CS_ORCHESTRATOR (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  /* a turn that ended at once (a command) may call back after the next one began */
  if (self->turn == g_task_get_cancellable (G_TASK (result)))
    g_clear_object (&self->turn);
  update_scene (self);
  scroll_to_end (self);
  /* The end of the run: its report. */
  if (run_complete (self) && !self->report_shown)
    gtk_widget_activate_action (GTK_WIDGET (self), "chat.report", NULL);
}

void
cs_chat_window_send (CsChatWindow *self,
                     const char   *text)
{
  g_autofree char *message = g_strstrip (g_strdup (text));

  g_return_if_fail (CS_IS_CHAT_WINDOW (self));

  if (*message == '\0' || cs_orchestrator_get_busy (self->orchestrator))
    return;
  g_clear_object (&self->turn);
  self->turn = g_cancellable_new ();
  cs_orchestrator_send_message_async (self->orchestrator, message, self->turn, on_sent, g_object_ref (self));
}

static void
on_send (CsChatWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  if (cs_orchestrator_get_busy (self->orchestrator))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  cs_chat_window_send (self, text);
}

static void
on_stop (CsChatWindow *self)
{
  g_cancellable_cancel (self->turn);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
send_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  on_send (CS_CHAT_WINDOW (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  on_stop (CS_CHAT_WINDOW (widget));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action,
                       GVariant   *param)
{
  CsChatWindow *self = CS_CHAT_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* The subtitle and the test-play bar: whether the run is saved, and how replies are made. */
static void
update_saving (CsChatWindow *self)
{
  CsStore *store = NULL;
  CsLlmProvider *provider = NULL;
  gboolean saved;
  const char *subtitle;

  g_object_get (self->orchestrator, "store", &store, "provider", &provider, NULL);
  saved = store != NULL;
  if (cs_llm_provider_get_is_offline (provider))
    subtitle = _("Offline engine: replies are an estimate");
  else
    subtitle = _("Played with a language model");
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->test_play_bar, !saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.save-run",
                                 !saved && !cs_orchestrator_get_busy (self->orchestrator));
  g_clear_object (&store);
  g_clear_object (&provider);
}

static void
save_run_action (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  CsChatWindow *self = CS_CHAT_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  CsStore *store = CS_IS_APPLICATION (app) ? cs_application_get_store (CS_APPLICATION (app)) : NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    {
      cs_ui_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The library is not open, so the run cannot be saved.")));
      return;
    }
  if (!cs_orchestrator_keep_run (self->orchestrator, store, &error))
    {
      cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  cs_ui_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("This run is saved in the library from now on.")));
}

static void
shortcuts_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/casestudio/CaseStudio/gtk/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, cs_message_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CsChatWindow             *self)
{
  cs_message_row_bind (CS_MESSAGE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                       cs_orchestrator_get_scenario (self->orchestrator));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  cs_message_row_bind (CS_MESSAGE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
cs_chat_window_dispose (GObject *object)
{
  CsChatWindow *self = CS_CHAT_WINDOW (object);

  g_cancellable_cancel (self->turn);
  if (self->follow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->messages), self->follow_tick);
  self->follow_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CHAT_WINDOW);
  g_clear_object (&self->orchestrator);
  g_clear_object (&self->turn);
  g_clear_pointer (&self->finished_run, g_free);
  if (self->report_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->report_window), (gpointer *) &self->report_window);
  self->report_window = NULL;

  G_OBJECT_CLASS (cs_chat_window_parent_class)->dispose (object);
}

static void
cs_chat_window_class_init (CsChatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_chat_window_dispose;

  g_type_ensure (CS_TYPE_CHAT_SIDEBAR);
  g_type_ensure (CS_TYPE_MENTION_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-chat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, scene_label);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, turns_label);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, goal_label);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, scenes_bar);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, people_box);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, messages);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, mention_entry);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, test_play_bar);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, CsChatWindow, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_send);
  gtk_widget_class_bind_template_callback (widget_class, on_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_address);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "chat.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "chat.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "chat.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "chat.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "chat.shortcuts", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "chat.save-run", NULL, save_run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "chat.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "chat.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "chat.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "chat.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "chat.shortcuts", NULL);
  gtk_widget_class_install_action (widget_class, "chat.report", NULL, report_action);
}

static void
cs_chat_window_init (CsChatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entry = cs_mention_entry_get_entry (self->mention_entry);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_send), self, G_CONNECT_SWAPPED);
  /* the header's people when the sidebar is hidden */
  g_object_bind_property (self->flap, "reveal-flap", self->people_box, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.stop", FALSE);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* The run to continue: the last one of @scenario that is not finished, or NULL. */
static char *
find_open_run (CsStore    *store,
               CsScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) runs = cs_store_list_progress (store, NULL, cs_record_get_id (CS_RECORD (scenario)), &error);
  guint n;

  if (runs == NULL)
    {
      g_debug ("No runs to resume: %s", error->message);
      return NULL;
    }
  n = g_list_model_get_n_items (runs);
  if (n > 0)
    {
      g_autoptr(CsProgress) last = g_list_model_get_item (runs, n - 1);
      CsProgressStatus status = cs_progress_get_status (last);

      if (status == CS_PROGRESS_STATUS_IN_PROGRESS || status == CS_PROGRESS_STATUS_NOT_STARTED)
        return g_strdup (cs_record_get_id (CS_RECORD (last)));
    }
  return NULL;
}

/* The last finished run of @scenario other than @current, or NULL. */
static char *
find_finished_run (CsStore    *store,
                   CsScenario *scenario,
                   CsProgress *current)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) runs = cs_store_list_progress (store, NULL, cs_record_get_id (CS_RECORD (scenario)), &error);

  for (guint i = runs != NULL ? g_list_model_get_n_items (runs) : 0; i > 0; i--)
    {
      g_autoptr(CsProgress) run = g_list_model_get_item (runs, i - 1);

      if (cs_progress_get_status (run) == CS_PROGRESS_STATUS_COMPLETED &&
          g_strcmp0 (cs_record_get_id (CS_RECORD (run)), cs_record_get_id (CS_RECORD (current))) != 0)
        return g_strdup (cs_record_get_id (CS_RECORD (run)));
    }
  return NULL;
}

static void
restart_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  CsChatWindow *self = CS_CHAT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  CsChatWindow *fresh;
  CsScenario *scenario = cs_orchestrator_get_scenario (self->orchestrator);
  CsLlmProvider *provider = NULL;
  CsStore *store = NULL;

  g_object_get (self->orchestrator, "provider", &provider, "store", &store, NULL);
  /* a new attempt; the old run stays in the library */
  fresh = cs_chat_window_new (gtk_window_get_transient_for (GTK_WINDOW (self)), scenario, provider,
                              store, FALSE, &error);
  g_clear_object (&provider);
  g_clear_object (&store);
  if (fresh == NULL)
    {
      cs_ui_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_window_present (GTK_WINDOW (fresh));
  gtk_window_destroy (GTK_WINDOW (self));
}

CsChatWindow *
cs_chat_window_new (GtkWindow      *parent,
                    CsScenario     *scenario,
                    CsLlmProvider  *provider,
                    CsStore        *store,
                    gboolean        resume,
                    GError        **error)
{
  g_autofree char *open_run = NULL;
  CsChatWindow *self;
  GtkListItemFactory *factory;
  GListModel *messages;

  g_return_val_if_fail (CS_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (CS_IS_LLM_PROVIDER (provider), NULL);

  self = g_object_new (CS_TYPE_CHAT_WINDOW, "transient-for", parent, NULL);
  if (parent)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->orchestrator = cs_orchestrator_new (scenario, provider, store);
  if (resume && store)
    open_run = find_open_run (store, scenario);
  if (open_run ? !cs_orchestrator_resume (self->orchestrator, open_run, error)
               : !cs_orchestrator_start (self->orchestrator, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  if (store)
    self->finished_run = find_finished_run (store, scenario, cs_orchestrator_get_progress (self->orchestrator));
  gtk_window_set_title (GTK_WINDOW (self), cs_scenario_get_title (scenario));
  adw_window_title_set_title (self->window_title, cs_scenario_get_title (scenario));
  update_saving (self);
  g_signal_connect_object (self->orchestrator, "notify::store", G_CALLBACK (update_saving), self, G_CONNECT_SWAPPED);
  messages = cs_orchestrator_get_messages (self->orchestrator);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->messages, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->messages,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (messages))));
  g_signal_connect_object (messages, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

    self->follow_end = TRUE;
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed), self, 0);
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_value), self, 0);
  }
  g_signal_connect_object (self->orchestrator, "notify::busy", G_CALLBACK (on_busy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orchestrator, "notify::busy", G_CALLBACK (update_saving), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->orchestrator, "notify::current-scene", G_CALLBACK (update_scene), self, G_CONNECT_SWAPPED);
  update_scene (self);
  on_items_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return self;
}

CsOrchestrator *
cs_chat_window_get_orchestrator (CsChatWindow *self)
{
  g_return_val_if_fail (CS_IS_CHAT_WINDOW (self), NULL);

  return self->orchestrator;
}
