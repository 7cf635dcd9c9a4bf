/* cs-window.h: the main window: library sidebar and case page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-application.h"
#include "cs-chat-window.h"
#include "cs-import-window.h"
#include "cs-scene-board.h"

G_BEGIN_DECLS

#define CS_TYPE_WINDOW (cs_window_get_type ())
G_DECLARE_FINAL_TYPE (CsWindow, cs_window, CS, WINDOW, AdwApplicationWindow)

CsWindow   *cs_window_new               (CsApplication *application);
/* Selects (and shows) the case with this id once the library list has it. */
void        cs_window_select_scenario   (CsWindow      *self,
                                         const char    *id);
/* Imports a .casestudio file as the Import action does (errors in a dialog, result in a toast). */
void        cs_window_import_file       (CsWindow      *self,
                                         GFile         *file);
/* Opens an import window for a case-study PDF (preview, analysis, review), analysed as
 * Preferences say. Returns the window, or NULL when it opens later (after the API key of
 * the configured server is read from the keyring). */
CsImportWindow *cs_window_import_pdf    (CsWindow      *self,
                                         GFile         *file);
/* Opens files from the command line, a drop or the file chooser: PDFs for analysis,
 * .casestudio files at once. Returns how many it could take. */
guint           cs_window_open_files    (CsWindow      *self,
                                         GFile        **files,
                                         guint          n_files);
/* Starts (or continues) a run of the shown case in a chat window. Returns the window, or
 * NULL when it opens later (the API key of a configured server is read from the keyring
 * first) or cannot be opened (a dialog says why). */
CsChatWindow   *cs_window_play          (CsWindow      *self);
/* What the "win.test-play" action (parameter: the case id) does: plays the case with that id
 * (as it is being edited, or as the library has it) without saving the run, in a chat window
 * that says so and offers to keep the run. Returns the window, or NULL as cs_window_play(). */
CsChatWindow   *cs_window_test_play     (CsWindow      *self,
                                         const char    *scenario_id);
/* Writes the shown case to a .casestudio file as the Export action does. */
void        cs_window_export_file       (CsWindow      *self,
                                         GFile         *file);
/* For tests: the library list model (summaries) and the shown scenario. */
GListModel *cs_window_get_library_model (CsWindow      *self);
CsScenario *cs_window_get_scenario      (CsWindow      *self);
/* The scene board behind the "Edit" button. */
CsSceneBoard *cs_window_get_scene_board (CsWindow      *self);
const char *cs_window_get_library_state (CsWindow      *self);

G_END_DECLS
