/* cs-preferences-window.h: Preferences: the language model of the personas and the judge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_PREFERENCES_WINDOW (cs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CsPreferencesWindow, cs_preferences_window, CS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Properties:
 *   "settings"  GSettings of the app's schema (construct-only): ai-provider, ai-base-url
 *               and ai-model change as the rows do; the API key goes to the keyring
 *   "busy"      boolean (read-only): a model list or connection test is under way
 *
 * Actions: prefs.refresh-models (GET /v1/models into the model row) and
 * prefs.test-connection (the result in the Connection row and a toast). */
CsPreferencesWindow *cs_preferences_window_new        (GtkWindow           *parent,
                                                       GSettings           *settings);
/* The Connection row's text: the result of the last test or model refresh. */
const char          *cs_preferences_window_get_status (CsPreferencesWindow *self);
gboolean             cs_preferences_window_get_busy   (CsPreferencesWindow *self);

G_END_DECLS
