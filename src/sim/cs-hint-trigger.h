/* cs-hint-trigger.h: whether one of a scene's hint triggers fires on the student's messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hint triggers are phrases written by the author ("student asks Margaret for the answer",
 * "no question after three turns"). Understood here:
 *   "no question after N turns"  the latest N student messages of the scene ask nothing
 *                                (once per N such messages: after 3, 6, 9 of them, not on
 *                                every message after the third)
 *   "… for the answer …"         the latest message asks for the answer or a recommendation
 *   anything else                every longer content word of the trigger (not
 *                                "student", …) occurs in the latest message, by stem
 * @messages: the student's messages of the scene, oldest first, the latest last. */
gboolean cs_hint_trigger_fires (const char         *trigger,
                                const char * const *messages);

G_END_DECLS
