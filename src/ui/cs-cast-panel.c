/* cs-cast-panel.c: the personas of a case, edited with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cs-cast-panel.h"
#include "cs-ui-util.h"

/* The traits a new persona starts with, in the middle of the scale. */
static const char * const new_persona_traits[] = {
  "assertiveness", "openness", "risk_tolerance", "analytical", "empathy", NULL
};

struct _CsCastPanel
{
  GtkWidget           parent_instance;

  CsEditHistory      *history;
  CsStore            *store;
  GtkSingleSelection *selection;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *content;
  GtkListView        *list;
  CsPersonaEditor    *editor;
};

G_DEFINE_FINAL_TYPE (CsCastPanel, cs_cast_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CsScenario *
scenario_of (CsCastPanel *self)
{
  return self->history ? cs_edit_history_get_scenario (self->history) : NULL;
}

static char *
dup_library_dir (CsCastPanel *self)
{
  return self->store ? g_path_get_dirname (cs_store_get_path (self->store)) : NULL;
}

/* ---- rows ----------------------------------------------------------------------------- */

typedef struct
{
  AdwAvatar *avatar;
  GtkLabel  *name;
  GtkLabel  *role;
  CsPersona *persona;
  gulong     notify_id;
} RowWidgets;

static void
row_widgets_free (RowWidgets *row)
{
  if (row->persona != NULL)
    g_clear_signal_handler (&row->notify_id, row->persona);
  g_clear_object (&row->persona);
  g_free (row);
}

static void
row_refresh (RowWidgets *row,
             CsCastPanel *self)
{
  g_autofree char *library_dir = dup_library_dir (self);
  const char *name = cs_persona_get_name (row->persona);
  const char *role = cs_persona_get_role (row->persona);

  cs_ui_show_persona_avatar (row->avatar, row->persona, library_dir);
  gtk_label_set_label (row->name, name && *name ? name : _("Unnamed Persona"));
  gtk_label_set_label (row->role, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (row->role), role && *role);
}

static void
on_row_persona_notify (GtkWidget *box)
{
  GtkWidget *panel = gtk_widget_get_ancestor (box, CS_TYPE_CAST_PANEL);

  if (panel != NULL)
    row_refresh (g_object_get_data (G_OBJECT (box), "cs-row"), CS_CAST_PANEL (panel));
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  CsPersona *persona = gtk_list_item_get_item (item);

  if (persona == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CS_TYPE_PERSONA, persona);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkListItem   *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RowWidgets *row = g_object_get_data (G_OBJECT (box), "cs-row");
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (row->avatar));

  gtk_drag_source_set_icon (source, icon, 16, 16);
}

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CsCastPanel              *self)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkDragSource *source = gtk_drag_source_new ();

  row->avatar = ADW_AVATAR (adw_avatar_new (32, NULL, TRUE));
  row->name = GTK_LABEL (gtk_label_new (NULL));
  row->role = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->name, 0);
  gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (row->role, 0);
  gtk_label_set_ellipsize (row->role, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->role), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->role), "dim-label");
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->role));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->avatar));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  g_object_set_data_full (G_OBJECT (box), "cs-row", row, (GDestroyNotify) row_widgets_free);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));

  gtk_list_item_set_child (item, box);
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CsCastPanel              *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RowWidgets *row = g_object_get_data (G_OBJECT (box), "cs-row");

  row->persona = g_object_ref (gtk_list_item_get_item (item));
  row->notify_id = g_signal_connect_object (row->persona, "notify::version",
                                            G_CALLBACK (on_row_persona_notify), box,
                                            G_CONNECT_SWAPPED);
  row_refresh (row, self);
}

static void
on_unbind_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CsCastPanel              *self)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "cs-row");

  if (row->persona != NULL)
    g_clear_signal_handler (&row->notify_id, row->persona);
  g_clear_object (&row->persona);
}

/* ---- state ---------------------------------------------------------------------------- */

static void
update_actions (CsCastPanel *self)
{
  gboolean has = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cast.add-persona", self->history != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cast.delete-persona", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cast.undo",
                                 self->history && cs_edit_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cast.redo",
                                 self->history && cs_edit_history_get_can_redo (self->history));
}

static void
update_page (CsCastPanel *self)
{
  CsScenario *scenario = scenario_of (self);
  gboolean empty = scenario == NULL || cs_scenario_get_n_personas (scenario) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "cast");
}

static void
on_selected_changed (CsCastPanel *self)
{
  cs_persona_editor_set_persona (self->editor,
                                 gtk_single_selection_get_selected_item (self->selection));
  update_actions (self);
}

static void
on_personas_changed (CsCastPanel *self)
{
  update_page (self);
}

static void
on_history_changed (CsCastPanel *self)
{
  update_actions (self);
}

static void
on_row_activated (CsCastPanel *self,
                  guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked (CsCastPanel *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
select_persona (CsCastPanel *self,
                CsPersona   *persona)
{
  GListModel *personas = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(CsPersona) item = g_list_model_get_item (personas, i);

      if (item == persona)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* ---- actions -------------------------------------------------------------------------- */

static void
add_persona_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  CsCastPanel *self = CS_CAST_PANEL (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);
  CsScenario *scenario = scenario_of (self);
  g_autoptr(CsPersona) persona = cs_persona_new (NULL);
  guint position;

  if (scenario == NULL)
    return;

  position = selected == GTK_INVALID_LIST_POSITION
             ? cs_scenario_get_n_personas (scenario) : selected + 1;
  cs_record_freeze_tracking (CS_RECORD (persona));
  cs_persona_set_name (persona, _("New Persona"));
  for (guint i = 0; new_persona_traits[i] != NULL; i++)
    cs_persona_set_trait (persona, new_persona_traits[i], 5);
  cs_record_thaw_tracking (CS_RECORD (persona));

  cs_edit_history_seal (self->history);
  cs_edit_history_apply (self->history, cs_edit_add_persona_new (persona, position));
  cs_edit_history_seal (self->history);
  select_persona (self, persona);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The toast's Undo takes back this deletion only while it is still the last edit. */
static void
on_undo_delete_clicked (AdwToast    *toast,
                        CsCastPanel *self)
{
  CsEdit *edit = g_object_get_data (G_OBJECT (toast), "cs-edit");

  if (self->history != NULL && edit != NULL &&
      cs_edit_history_get_undo_edit (self->history) == edit)
    gtk_widget_activate_action (GTK_WIDGET (self), "cast.undo", NULL);
}

static void
delete_persona_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  CsCastPanel *self = CS_CAST_PANEL (widget);
  CsPersona *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(CsPersona) persona = selected ? g_object_ref (selected) : NULL;
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  const char *persona_name;
  AdwToast *toast;
  CsEdit *edit;
  guint n;

  if (persona == NULL)
    return;

  cs_edit_history_seal (self->history);
  edit = cs_edit_remove_persona_new (persona);
  cs_edit_history_apply (self->history, edit);
  cs_edit_history_seal (self->history);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));

  persona_name = cs_persona_get_name (persona);
  title = g_strdup_printf (_("“%s” deleted"), persona_name && *persona_name
                                              ? persona_name : _("Unnamed Persona"));
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cs-edit", g_object_ref (edit), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);
  cs_ui_add_toast (GTK_WIDGET (self), toast, self->toast_overlay);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CsCastPanel *self = CS_CAST_PANEL (widget);
  CsPersona *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(CsPersona) persona = selected ? g_object_ref (selected) : NULL;

  if (self->history != NULL && cs_edit_history_undo (self->history) && persona != NULL)
    select_persona (self, persona);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  CsCastPanel *self = CS_CAST_PANEL (widget);
  CsPersona *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(CsPersona) persona = selected ? g_object_ref (selected) : NULL;

  if (self->history != NULL && cs_edit_history_redo (self->history) && persona != NULL)
    select_persona (self, persona);
}

/* ---- public --------------------------------------------------------------------------- */

GtkWidget *
cs_cast_panel_new (void)
{
  return g_object_new (CS_TYPE_CAST_PANEL, NULL);
}

CsEditHistory *
cs_cast_panel_get_history (CsCastPanel *self)
{
  g_return_val_if_fail (CS_IS_CAST_PANEL (self), NULL);

  return self->history;
}

void
cs_cast_panel_set_history (CsCastPanel   *self,
                           CsEditHistory *history)
{
  CsScenario *scenario;
  GListModel *old;

  g_return_if_fail (CS_IS_CAST_PANEL (self));
  g_return_if_fail (!history || CS_IS_EDIT_HISTORY (history));

  if (history == self->history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  old = gtk_single_selection_get_model (self->selection);
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, on_personas_changed, self);

  g_set_object (&self->history, history);
  scenario = scenario_of (self);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (on_history_changed), self,
                             G_CONNECT_SWAPPED);
  if (scenario != NULL)
    g_signal_connect_object (cs_scenario_get_personas (scenario), "items-changed",
                             G_CALLBACK (on_personas_changed), self, G_CONNECT_SWAPPED);

  cs_persona_editor_set_persona (self->editor, NULL);
  cs_persona_editor_set_history (self->editor, history);
  gtk_single_selection_set_model (self->selection,
                                  scenario ? cs_scenario_get_personas (scenario) : NULL);
  update_page (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

void
cs_cast_panel_set_store (CsCastPanel *self,
                         CsStore     *store)
{
  g_return_if_fail (CS_IS_CAST_PANEL (self));
  g_return_if_fail (!store || CS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  cs_persona_editor_set_store (self->editor, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

guint
cs_cast_panel_get_selected (CsCastPanel *self)
{
  g_return_val_if_fail (CS_IS_CAST_PANEL (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

void
cs_cast_panel_select (CsCastPanel *self,
                      guint        position)
{
  g_return_if_fail (CS_IS_CAST_PANEL (self));

  gtk_single_selection_set_selected (self->selection, position);
}

CsPersonaEditor *
cs_cast_panel_get_editor (CsCastPanel *self)
{
  g_return_val_if_fail (CS_IS_CAST_PANEL (self), NULL);

  return self->editor;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cs_cast_panel_dispose (GObject *object)
{
  CsCastPanel *self = CS_CAST_PANEL (object);

  if (self->selection != NULL)
    cs_cast_panel_set_history (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CAST_PANEL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cs_cast_panel_parent_class)->dispose (object);
}

static void
cs_cast_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsCastPanel *self = CS_CAST_PANEL (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_cast_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsCastPanel *self = CS_CAST_PANEL (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      cs_cast_panel_set_history (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      cs_cast_panel_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_cast_panel_class_init (CsCastPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_cast_panel_dispose;
  object_class->get_property = cs_cast_panel_get_property;
  object_class->set_property = cs_cast_panel_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, CS_TYPE_EDIT_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "cast.add-persona", NULL, add_persona_action);
  gtk_widget_class_install_action (widget_class, "cast.delete-persona", NULL, delete_persona_action);
  gtk_widget_class_install_action (widget_class, "cast.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "cast.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cast.add-persona", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cast.add-persona", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "cast.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cast.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cast.redo", NULL);

  g_type_ensure (CS_TYPE_PERSONA_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-cast-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCastPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsCastPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CsCastPanel, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsCastPanel, content);
  gtk_widget_class_bind_template_child (widget_class, CsCastPanel, list);
  gtk_widget_class_bind_template_child (widget_class, CsCastPanel, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

/* Delete on the list deletes the selected persona (not while typing in the editor). */
static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CsCastPanel           *self)
{
  if (keyval != GDK_KEY_Delete || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "cast.delete-persona", NULL);
  return TRUE;
}

static void
cs_cast_panel_init (CsCastPanel *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  update_page (self);
  update_actions (self);
}
