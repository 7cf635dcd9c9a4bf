/* cs-library-page.c: the library sidebar: searchable list of the cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-library-page.h"
#include "cs-notifications-button.h"
#include "cs-sync-indicator.h"
#include "cs-scenario-row.h"

#define SEARCH_DELAY_MS 150

struct _CsLibraryPage
{
  GtkWidget           parent_instance;

  CsStore            *store;
  CsScenario         *selected;
  GtkSingleSelection *selection;
  GCancellable       *search_cancellable;
  char               *pending_id;
  guint               search_timeout_id;
  gboolean            folded;
  gboolean            replacing_list;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CsLibraryPage, cs_library_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

CsStore *
cs_library_page_get_store (CsLibraryPage *self)
{
  g_return_val_if_fail (CS_IS_LIBRARY_PAGE (self), NULL);

  return self->store;
}

CsScenario *
cs_library_page_get_selected (CsLibraryPage *self)
{
  g_return_val_if_fail (CS_IS_LIBRARY_PAGE (self), NULL);

  return self->selected;
}

GListModel *
cs_library_page_get_model (CsLibraryPage *self)
{
  g_return_val_if_fail (CS_IS_LIBRARY_PAGE (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}

const char *
cs_library_page_get_state (CsLibraryPage *self)
{
  g_return_val_if_fail (CS_IS_LIBRARY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static gboolean
same_version (CsScenario *a,
              CsScenario *b)
{
  return a && b &&
         g_str_equal (cs_record_get_id (CS_RECORD (a)), cs_record_get_id (CS_RECORD (b))) &&
         cs_record_get_version (CS_RECORD (a)) == cs_record_get_version (CS_RECORD (b));
}

/* Returns TRUE when the chosen case really changed (another one, or a new version). */
static gboolean
set_selected (CsLibraryPage *self,
              CsScenario    *summary)
{
  if (summary == self->selected || same_version (summary, self->selected))
    return FALSE;

  g_set_object (&self->selected, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  return TRUE;
}

static void
on_selection_changed (CsLibraryPage *self)
{
  CsScenario *summary = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root;
  GtkWidget *focus;

  /* Replacing the list drops the selection: the case stays chosen (a search may hide it). */
  if (!summary && self->replacing_list)
    return;

  if (!set_selected (self, summary) || !summary || !self->folded)
    return;

  /* A click or key press in the list on a folded window goes on to the case. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
on_list_activate (CsLibraryPage *self,
                  guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static gboolean
select_id (CsLibraryPage *self,
           const char    *id)
{
  GListModel *model = cs_library_page_get_model (self);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CsRecord) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (cs_record_get_id (item), id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
cs_library_page_select (CsLibraryPage *self,
                        const char    *id)
{
  g_return_if_fail (CS_IS_LIBRARY_PAGE (self));
  g_return_if_fail (id != NULL);

  if (select_id (self, id))
    {
      g_signal_emit (self, signals[ACTIVATED], 0);
      return;
    }

  g_free (self->pending_id);
  self->pending_id = g_strdup (id);
  cs_library_page_reload (self);
}

void
cs_library_page_unselect (CsLibraryPage *self)
{
  g_return_if_fail (CS_IS_LIBRARY_PAGE (self));

  g_clear_pointer (&self->pending_id, g_free);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  set_selected (self, NULL); /* also when a search hides it from the list */
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CsLibraryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cs_store_search_scenarios_finish (CS_STORE (source), result, &error);
  g_autofree char *keep_id = NULL;
  gboolean requested;
  const char *query;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error)
    {
      g_warning ("Could not list the library: %s", error->message);
      return;
    }

  requested = self->pending_id != NULL;
  if (requested)
    keep_id = g_steal_pointer (&self->pending_id);
  else if (self->selected)
    keep_id = g_strdup (cs_record_get_id (CS_RECORD (self->selected)));

  self->replacing_list = TRUE;
  gtk_single_selection_set_model (self->selection, list);
  self->replacing_list = FALSE;

  query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (keep_id && select_id (self, keep_id))
    {
      /* A case asked for by id (--open, import, undo) is shown even on a folded window. */
      if (requested)
        g_signal_emit (self, signals[ACTIVATED], 0);
    }
  else if (!query || !*query)
    set_selected (self, NULL); /* not in the library any more */

  if (g_list_model_get_n_items (list) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (query && *query)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cs_library_page_reload (CsLibraryPage *self)
{
  g_return_if_fail (CS_IS_LIBRARY_PAGE (self));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (!self->store)
    return;

  self->search_cancellable = g_cancellable_new ();
  cs_store_search_scenarios_async (self->store,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                   self->search_cancellable, on_search_done, g_object_ref (self));
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  CsLibraryPage *self = user_data;

  self->search_timeout_id = 0;
  cs_library_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Search as you type, once the typing pauses. */
static void
on_search_changed (CsLibraryPage *self)
{
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
on_stop_search (CsLibraryPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
cs_library_page_start_search (CsLibraryPage *self)
{
  g_return_if_fail (CS_IS_LIBRARY_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  cs_library_page_reload (user_data);
  return G_SOURCE_REMOVE;
}

/* The store may emit this on a worker thread: reload from the main context (a reload
 * cancels the one before, so a burst of changes costs one listing). */
static void
on_scenario_changed (CsLibraryPage *self,
                     const char    *id)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, g_object_ref (self), g_object_unref);
}

void
cs_library_page_set_store (CsLibraryPage *self,
                           CsStore       *store)
{
  g_return_if_fail (CS_IS_LIBRARY_PAGE (self));
  g_return_if_fail (!store || CS_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "scenario-changed",
                             G_CALLBACK (on_scenario_changed), self, G_CONNECT_SWAPPED);

  cs_library_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_folded (CsLibraryPage *self,
            gboolean       folded)
{
  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, cs_scenario_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  CsScenario *scenario = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  cs_scenario_row_set_scenario (CS_SCENARIO_ROW (row), scenario);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cs_scenario_get_title (scenario), -1);
}

/* Typing anywhere in the window starts a search. */
static void
cs_library_page_root (GtkWidget *widget)
{
  CsLibraryPage *self = CS_LIBRARY_PAGE (widget);

  GTK_WIDGET_CLASS (cs_library_page_parent_class)->root (widget);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
cs_library_page_unroot (GtkWidget *widget)
{
  CsLibraryPage *self = CS_LIBRARY_PAGE (widget);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  GTK_WIDGET_CLASS (cs_library_page_parent_class)->unroot (widget);
}

/* The focus goes to the list. */
static gboolean
cs_library_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CS_LIBRARY_PAGE (widget)->list_view));
}

static void
cs_library_page_dispose (GObject *object)
{
  CsLibraryPage *self = CS_LIBRARY_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_LIBRARY_PAGE);
  /* the template's top box has no id, so dispose_template() leaves it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cs_library_page_parent_class)->dispose (object);
}

static void
cs_library_page_finalize (GObject *object)
{
  CsLibraryPage *self = CS_LIBRARY_PAGE (object);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->pending_id, g_free);

  G_OBJECT_CLASS (cs_library_page_parent_class)->finalize (object);
}

static void
cs_library_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CsLibraryPage *self = CS_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_library_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CsLibraryPage *self = CS_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cs_library_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_library_page_class_init (CsLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_library_page_dispose;
  object_class->finalize = cs_library_page_finalize;

  g_type_ensure (CS_TYPE_SYNC_INDICATOR);
  g_type_ensure (CS_TYPE_NOTIFICATIONS_BUTTON);
  object_class->get_property = cs_library_page_get_property;
  object_class->set_property = cs_library_page_set_property;
  widget_class->root = cs_library_page_root;
  widget_class->unroot = cs_library_page_unroot;
  widget_class->grab_focus = cs_library_page_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, CS_TYPE_SCENARIO,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casestudio/CaseStudio/ui/cs-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsLibraryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CsLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CsLibraryPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cs_library_page_init (CsLibraryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}
