/* cs-cli-play.h: the "play" command of case-studio-cli: a run in the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model.h"
#include "cs-store.h"

G_BEGIN_DECLS

/* --no-save, --report FILE.pdf and --transcript FILE.md, for the main option group. */
const GOptionEntry *cs_cli_play_option_entries (void);

/* play ID: a new attempt at @scenario with the language model of the settings (and
 * --provider, --base-url, --model), one student message per line of standard input, until
 * the input ends or the run is complete. Prints the conversation; with @json, one JSON
 * object per line for each message and event:
 *
 *   {"type": "run-started", "title", "attempt", "progress_id", "saved"}
 *   {"type": "scene-started", "scene" (from 1), "scene_id", "title", "goal", "turn_limit",
 *    "threshold"}
 *   {"type": "message" | "hint" | "system", "speaker", "role" (student, persona, hint,
 *    narrator), "persona_id" (or null), "text", "scene" (from 1, or null before the first)}
 *   {"type": "scene-ended", "scene", "title", "status" (passed, forced, in_progress),
 *    "score", "threshold", "forced", "turns", "attempts", "hints_used",
 *    "criteria": [{"text", "weight", "met", "evidence" (or null)}, …]}
 *   {"type": "run-finished", "score", "scene_scores": […], "passed", "forced", "turns",
 *    "hints_used", "progress_id"}
 *   {"type": "exported", "what": "report" | "transcript", "file"}
 *
 * Scores are 0..1, computed as CsRunReport does. Without --no-save the run is saved in
 * @store as it goes, like a run in the app. */
int                 cs_cli_play                (CsStore    *store,
                                                CsScenario *scenario,
                                                gboolean    json,
                                                GError    **error);

G_END_DECLS
