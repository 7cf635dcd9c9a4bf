/* cs-scene-board.c: the scenes of a case as cards in story order, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-scene-board.h"
#include "cs-scene-card.h"
#include "cs-ui-util.h"

struct _CsSceneBoard
{
  GtkWidget           parent_instance;

  CsScenario         *scenario;
  CsStore            *store;
  CsEditHistory      *history;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  /* One save at a time, so that an older snapshot never lands after a newer one. */
  gboolean            saving;
  gboolean            save_again;

  AdwToastOverlay    *toast_overlay;
  GtkGridView        *grid;
  /* Asks how a persona dropped on a card takes part in its scene. */
  GtkPopoverMenu     *involve_popover;
  CsScene            *drop_scene;
  char               *drop_persona_id;
};

G_DEFINE_FINAL_TYPE (CsSceneBoard, cs_scene_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_STORE,
  PROP_HISTORY,
  PROP_SELECTED_SCENE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save (CsSceneBoard *self);
static void select_scene (CsSceneBoard *self,
                          CsScene      *scene);

static void
add_toast (CsSceneBoard *self,
           AdwToast     *toast)
{
  cs_ui_add_toast (GTK_WIDGET (self), toast, self->toast_overlay);
}

/* ---- cards --------------------------------------------------------------------------- */

/* ---- drag and drop ------------------------------------------------------------------- */

/* A card offers its scene, to be dropped before or after another card. */
static GdkContentProvider *
on_card_drag_prepare (GtkDragSource *source,
                      double         x,
                      double         y,
                      CsSceneBoard  *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  CsScene *scene = cs_scene_card_get_scene (CS_SCENE_CARD (card));

  if (scene == NULL || self->history == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CS_TYPE_SCENE, scene);
}

static void
on_card_drag_begin (GtkDragSource *source,
                    GdkDrag       *drag,
                    CsSceneBoard  *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, icon, gtk_widget_get_width (card) / 2, 12);
  gtk_widget_add_css_class (card, "dragged");
}

static void
on_card_drag_end (GtkDragSource *source,
                  GdkDrag       *drag,
                  gboolean       delete_data,
                  CsSceneBoard  *self)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)),
                               "dragged");
}

static void
clear_drop_marks (GtkWidget *card)
{
  gtk_widget_remove_css_class (card, "drop-before");
  gtk_widget_remove_css_class (card, "drop-after");
  gtk_widget_remove_css_class (card, "drop-persona");
}

static gboolean
drop_is_scene (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  return drop != NULL &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), CS_TYPE_SCENE);
}

static GdkDragAction
on_card_drop_motion (GtkDropTarget *target,
                     double         x,
                     double         y,
                     CsSceneBoard  *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gboolean before = x < gtk_widget_get_width (card) / 2.0;

  clear_drop_marks (card);
  if (drop_is_scene (target))
    {
      gtk_widget_add_css_class (card, before ? "drop-before" : "drop-after");
      return GDK_ACTION_MOVE;
    }
  gtk_widget_add_css_class (card, "drop-persona");
  return GDK_ACTION_COPY;
}

static void
on_card_drop_leave (GtkDropTarget *target,
                    CsSceneBoard  *self)
{
  clear_drop_marks (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
}

/* Where the dragged scene at @from ends when dropped before or after the card at @target. */
static guint
drop_position (guint    from,
               guint    target,
               gboolean before)
{
  if (before)
    return from < target ? target - 1 : target;
  return from < target ? target : target + 1;
}

static void
drop_scene (CsSceneBoard *self,
            CsScene      *dragged,
            CsScene      *onto,
            gboolean      before)
{
  guint from, to;

  if (cs_scenario_find_scene (self->scenario, cs_record_get_id (CS_RECORD (dragged))) != dragged ||
      cs_scenario_find_scene (self->scenario, cs_record_get_id (CS_RECORD (onto))) != onto)
    return;

  from = cs_scene_get_position (dragged);
  to = drop_position (from, cs_scene_get_position (onto), before);
  if (dragged == onto || to == from)
    return;

  cs_edit_history_apply (self->history, cs_edit_move_scene_new (from, to));
  select_scene (self, dragged);
}

static void
add_involve_item (GMenu      *menu,
                  const char *label,
                  const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, "board.involve", "s", target);
  g_menu_append_item (menu, item);
}

static void
ask_involvement (CsSceneBoard *self,
                 GtkWidget    *card,
                 CsPersona    *persona,
                 double        x,
                 double        y)
{
  CsScene *scene = cs_scene_card_get_scene (CS_SCENE_CARD (card));
  const char *id = cs_record_get_id (CS_RECORD (persona));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) choices = g_menu_new ();
  g_autofree char *heading = NULL;
  CsInvolvement current;
  gboolean involved;
  graphene_point_t point;
  GdkRectangle rect;

  if (scene == NULL || cs_scenario_find_persona (self->scenario, id) != persona)
    return;

  g_set_object (&self->drop_scene, scene);
  g_free (self->drop_persona_id);
  self->drop_persona_id = g_strdup (id);

  involved = cs_scene_get_involvement (scene, id, &current);
  if (involved)
    /* Translators: the heading of the menu shown when a persona already in the scene is
     * dropped on it again, e.g. "Ana Ruiz: Participant" */
    heading = g_strdup_printf (_("%s: %s"), cs_persona_get_name (persona),
                               cs_ui_involvement_label (current));
  else
    heading = g_strdup_printf (_("Involve %s as"), cs_persona_get_name (persona));

  add_involve_item (choices, _("Key Persona"), "key");
  add_involve_item (choices, _("Participant"), "participant");
  add_involve_item (choices, _("Mentioned Only"), "mentioned");
  g_menu_append_section (menu, heading, G_MENU_MODEL (choices));
  if (involved)
    {
      g_autoptr(GMenu) remove = g_menu_new ();

      add_involve_item (remove, _("Remove from Scene"), "remove");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
    }
  gtk_popover_menu_set_menu_model (self->involve_popover, G_MENU_MODEL (menu));

  if (!gtk_widget_compute_point (card, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->involve_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->involve_popover));
}

static gboolean
on_card_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              CsSceneBoard  *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  CsScene *onto = cs_scene_card_get_scene (CS_SCENE_CARD (card));

  clear_drop_marks (card);
  if (onto == NULL || self->history == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, CS_TYPE_SCENE))
    {
      drop_scene (self, g_value_get_object (value), onto, x < gtk_widget_get_width (card) / 2.0);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, CS_TYPE_PERSONA))
    {
      ask_involvement (self, card, g_value_get_object (value), x, y);
      return TRUE;
    }
  return FALSE;
}

static void
involve_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  CsSceneBoard *self = CS_SCENE_BOARD (widget);
  const char *choice = g_variant_get_string (param, NULL);
  CsScene *scene = self->drop_scene;
  const char *id = self->drop_persona_id;
  CsInvolvement current, wanted;
  gboolean involved;

  if (scene == NULL || id == NULL || self->history == NULL ||
      cs_scenario_find_scene (self->scenario, cs_record_get_id (CS_RECORD (scene))) != scene ||
      cs_scenario_find_persona (self->scenario, id) == NULL)
    return;

  involved = cs_scene_get_involvement (scene, id, &current);
  if (g_str_equal (choice, "remove"))
    {
      if (involved)
        cs_edit_history_apply (self->history, cs_edit_involvement_new_remove (scene, id));
      return;
    }

  if (g_str_equal (choice, "key"))
    wanted = CS_INVOLVEMENT_KEY;
  else if (g_str_equal (choice, "mentioned"))
    wanted = CS_INVOLVEMENT_MENTIONED;
  else
    wanted = CS_INVOLVEMENT_PARTICIPANT;

  /* Dropped again with the same choice: it keeps its involvement, no new undo step. */
  if (!involved || current != wanted)
    cs_edit_history_apply (self->history, cs_edit_involvement_new_set (scene, id, wanted));
  select_scene (self, scene);
}

static void
on_setup_card (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CsSceneBoard             *self)
{
  GtkWidget *card = cs_scene_card_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  GType types[] = { CS_TYPE_SCENE, CS_TYPE_PERSONA };

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_card_drag_prepare), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_card_drag_begin), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (on_card_drag_end), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "motion", G_CALLBACK (on_card_drop_motion), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_card_drop_motion), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_card_drop_leave), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_card_drop), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (target));

  gtk_list_item_set_child (item, card);
}

static void
on_bind_card (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CsSceneBoard             *self)
{
  cs_scene_card_set_scene (CS_SCENE_CARD (gtk_list_item_get_child (item)), self->scenario,
                           gtk_list_item_get_item (item));
}

static void
on_unbind_card (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CsSceneBoard             *self)
{
  cs_scene_card_set_scene (CS_SCENE_CARD (gtk_list_item_get_child (item)), NULL, NULL);
}

/* ---- state of the actions ------------------------------------------------------------ */

static void
update_actions (CsSceneBoard *self)
{
  guint selected = cs_scene_board_get_selected (self);
  guint n = self->scenario ? cs_scenario_get_n_scenes (self->scenario) : 0;
  gboolean has = selected != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-up", has && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-down", has && selected + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add-scene", self->scenario != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.duplicate-scene", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.delete-scene", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo",
                                 self->history && cs_edit_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.redo",
                                 self->history && cs_edit_history_get_can_redo (self->history));
}

static void
select_scene (CsSceneBoard *self,
              CsScene      *scene)
{
  if (scene != NULL && cs_scenario_find_scene (self->scenario,
                                               cs_record_get_id (CS_RECORD (scene))) == scene)
    cs_scene_board_select (self, cs_scene_get_position (scene));
  update_actions (self);
}

/* ---- autosave -------------------------------------------------------------------------- */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CsSceneBoard) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!cs_store_save_scenario_finish (CS_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      add_toast (self, adw_toast_new (error->message));
    }

  if (self->save_again)
    save (self);
}

static void
save (CsSceneBoard *self)
{
  if (self->store == NULL || self->scenario == NULL)
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  self->saving = TRUE;
  self->save_again = FALSE;
  cs_store_save_scenario_async (self->store, self->scenario, self->cancellable, on_saved,
                                g_object_ref (self));
}

static void
on_history_changed (CsSceneBoard *self)
{
  update_actions (self);
  save (self);
}

/* ---- actions ------------------------------------------------------------------------- */

static void
move_by (CsSceneBoard *self,
         int           delta)
{
  guint from = cs_scene_board_get_selected (self);
  guint n = cs_scenario_get_n_scenes (self->scenario);
  g_autoptr(CsScene) scene = NULL;

  if (from == GTK_INVALID_LIST_POSITION || (delta < 0 && from == 0) || (delta > 0 && from + 1 >= n))
    return;

  scene = g_list_model_get_item (cs_scenario_get_scenes (self->scenario), from);
  cs_edit_history_apply (self->history, cs_edit_move_scene_new (from, from + delta));
  select_scene (self, scene);
}

static void
move_up_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  move_by (CS_SCENE_BOARD (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  move_by (CS_SCENE_BOARD (widget), 1);
}

static void
add_scene_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  CsSceneBoard *self = CS_SCENE_BOARD (widget);
  guint selected = cs_scene_board_get_selected (self);
  guint position = selected == GTK_INVALID_LIST_POSITION
                   ? cs_scenario_get_n_scenes (self->scenario) : selected + 1;
  g_autoptr(CsScene) scene = cs_scene_new (NULL);

  cs_record_freeze_tracking (CS_RECORD (scene));
  cs_scene_set_title (scene, _("New Scene"));
  cs_record_thaw_tracking (CS_RECORD (scene));
  cs_edit_history_apply (self->history, cs_edit_add_scene_new (scene, position));
  select_scene (self, scene);
}

static void
duplicate_scene_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  CsSceneBoard *self = CS_SCENE_BOARD (widget);
  CsScene *scene = gtk_single_selection_get_selected_item (self->selection);
  CsEdit *edit;

  if (scene == NULL)
    return;

  edit = cs_edit_duplicate_scene_new (scene);
  cs_edit_history_apply (self->history, edit);
  select_scene (self, cs_edit_insert_scene_get_scene (CS_EDIT_INSERT_SCENE (edit)));
}

/* The toast's Undo takes back this deletion only while it is still the last edit. */
static void
on_undo_delete_clicked (AdwToast     *toast,
                        CsSceneBoard *self)
{
  CsEdit *edit = g_object_get_data (G_OBJECT (toast), "cs-edit");

  if (self->history != NULL && edit != NULL &&
      cs_edit_history_get_undo_edit (self->history) == edit)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.undo", NULL);
}

static void
delete_scene_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  CsSceneBoard *self = CS_SCENE_BOARD (widget);
  CsScene *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(CsScene) scene = selected ? g_object_ref (selected) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  guint position;
  guint n;
  CsEdit *edit;
  AdwToast *toast;

  if (scene == NULL)
    return;

  position = cs_scene_get_position (scene);
  edit = cs_edit_remove_scene_new (scene);
  cs_edit_history_apply (self->history, edit);

  n = cs_scenario_get_n_scenes (self->scenario);
  if (n > 0)
    cs_scene_board_select (self, MIN (position, n - 1));

  title = g_strdup_printf (_("“%s” deleted"), cs_scene_get_title (scene));
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cs-edit", g_object_ref (edit), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);
  add_toast (self, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CsSceneBoard *self = CS_SCENE_BOARD (widget);
  g_autoptr(CsScene) scene = gtk_single_selection_get_selected_item (self->selection)
    ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;

  if (cs_edit_history_undo (self->history))
    select_scene (self, scene);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CsSceneBoard *self = CS_SCENE_BOARD (widget);
  g_autoptr(CsScene) scene = gtk_single_selection_get_selected_item (self->selection)
    ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;

  if (cs_edit_history_redo (self->history))
    select_scene (self, scene);
}

/* ---- public -------------------------------------------------------------------------- */

CsScenario *
cs_scene_board_get_scenario (CsSceneBoard *self)
{
  g_return_val_if_fail (CS_IS_SCENE_BOARD (self), NULL);

  return self->scenario;
}

void
cs_scene_board_set_scenario (CsSceneBoard *self,
                             CsScenario   *scenario)
{
  g_return_if_fail (CS_IS_SCENE_BOARD (self));
  g_return_if_fail (!scenario || CS_IS_SCENARIO (scenario));

  if (scenario == self->scenario)
    return;

  g_set_object (&self->scenario, scenario);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  g_clear_object (&self->history);
  if (scenario != NULL)
    {
      self->history = cs_edit_history_new (scenario);
      g_signal_connect_object (self->history, "changed", G_CALLBACK (on_history_changed), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_model (self->selection,
                                  scenario ? cs_scenario_get_scenes (scenario) : NULL);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
cs_scene_board_set_store (CsSceneBoard *self,
                          CsStore      *store)
{
  g_return_if_fail (CS_IS_SCENE_BOARD (self));
  g_return_if_fail (!store || CS_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

CsEditHistory *
cs_scene_board_get_history (CsSceneBoard *self)
{
  g_return_val_if_fail (CS_IS_SCENE_BOARD (self), NULL);

  return self->history;
}

guint
cs_scene_board_get_selected (CsSceneBoard *self)
{
  g_return_val_if_fail (CS_IS_SCENE_BOARD (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

void
cs_scene_board_select (CsSceneBoard *self,
                       guint         position)
{
  g_return_if_fail (CS_IS_SCENE_BOARD (self));

  gtk_single_selection_set_selected (self->selection, position);
  update_actions (self);
}

guint
cs_scene_board_get_n_saving (CsSceneBoard *self)
{
  g_return_val_if_fail (CS_IS_SCENE_BOARD (self), 0);

  return (self->saving ? 1 : 0) + (self->save_again ? 1 : 0);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
cs_scene_board_dispose (GObject *object)
{
  CsSceneBoard *self = CS_SCENE_BOARD (object);

  g_cancellable_cancel (self->cancellable);
  cs_scene_board_set_scenario (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SCENE_BOARD);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->drop_scene);
  g_clear_pointer (&self->drop_persona_id, g_free);

  G_OBJECT_CLASS (cs_scene_board_parent_class)->dispose (object);
}

static void
cs_scene_board_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CsSceneBoard *self = CS_SCENE_BOARD (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SELECTED_SCENE:
      g_value_set_object (value, gtk_single_selection_get_selected_item (self->selection));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_board_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CsSceneBoard *self = CS_SCENE_BOARD (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      cs_scene_board_set_scenario (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      cs_scene_board_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_scene_board_class_init (CsSceneBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_scene_board_dispose;
  object_class->get_property = cs_scene_board_get_property;
  object_class->set_property = cs_scene_board_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_SCENE] =
    g_param_spec_object ("selected-scene", NULL, NULL, CS_TYPE_SCENE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "board.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "board.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "board.add-scene", NULL, add_scene_action);
  gtk_widget_class_install_action (widget_class, "board.duplicate-scene", NULL, duplicate_scene_action);
  gtk_widget_class_install_action (widget_class, "board.delete-scene", NULL, delete_scene_action);
  gtk_widget_class_install_action (widget_class, "board.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "board.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "board.involve", "s", involve_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "board.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "board.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "board.delete-scene", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "board.duplicate-scene", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.add-scene", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.add-scene", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "board.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.redo", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-scene-board.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSceneBoard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsSceneBoard, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_card);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_card);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_card);
}

static void
on_selected_changed (CsSceneBoard *self)
{
  update_actions (self);
}

static void
on_selected_item_changed (CsSceneBoard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SCENE]);
}

static void
cs_scene_board_init (CsSceneBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));

  self->involve_popover = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_position (GTK_POPOVER (self->involve_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->involve_popover), GTK_WIDGET (self));

  update_actions (self);
}
