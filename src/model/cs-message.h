/* cs-message.h: one message of a run's conversation (append-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-model-types.h"
#include "cs-record.h"

G_BEGIN_DECLS

#define CS_TYPE_MESSAGE (cs_message_get_type ())
G_DECLARE_FINAL_TYPE (CsMessage, cs_message, CS, MESSAGE, CsRecord)

/* Properties (all with notify; a message is written once, but its content grows while a
 * reply streams in):
 *   "progress-id" "scene-id"  strings
 *   "kind"                    CsMessageKind
 *   "sender-name"             string
 *   "persona-id"              string or NULL
 *   "content"                 string
 *   "position"                int, order in the run (message_order)
 *   "attempt-number"          int >= 1
 *   "model"                   string or NULL (ai_model_version; "offline" for the offline engine)
 *   "processing-time"         double seconds
 *   "is-complete"             boolean (FALSE while streaming; default TRUE)
 */
CsMessage     *cs_message_new                     (CsMessageKind  kind,
                                                   const char    *sender_name,
                                                   const char    *content);
const char    *cs_message_get_progress_id         (CsMessage     *self);
void           cs_message_set_progress_id         (CsMessage     *self,
                                                   const char    *progress_id);
const char    *cs_message_get_scene_id            (CsMessage     *self);
void           cs_message_set_scene_id            (CsMessage     *self,
                                                   const char    *scene_id);
CsMessageKind  cs_message_get_kind                (CsMessage     *self);
void           cs_message_set_kind                (CsMessage     *self,
                                                   CsMessageKind  kind);
const char    *cs_message_get_sender_name         (CsMessage     *self);
void           cs_message_set_sender_name         (CsMessage     *self,
                                                   const char    *name);
const char    *cs_message_get_persona_id          (CsMessage     *self);
void           cs_message_set_persona_id          (CsMessage     *self,
                                                   const char    *persona_id);
const char    *cs_message_get_content             (CsMessage     *self);
void           cs_message_set_content             (CsMessage     *self,
                                                   const char    *content);
void           cs_message_append_content          (CsMessage     *self,
                                                   const char    *delta);
int            cs_message_get_position            (CsMessage     *self);
void           cs_message_set_position            (CsMessage     *self,
                                                   int            position);
int            cs_message_get_attempt_number      (CsMessage     *self);
void           cs_message_set_attempt_number      (CsMessage     *self,
                                                   int            attempt);
const char    *cs_message_get_model               (CsMessage     *self);
void           cs_message_set_model               (CsMessage     *self,
                                                   const char    *model);
double         cs_message_get_processing_time     (CsMessage     *self);
void           cs_message_set_processing_time     (CsMessage     *self,
                                                   double         seconds);
gboolean       cs_message_get_is_complete         (CsMessage     *self);
void           cs_message_set_is_complete         (CsMessage     *self,
                                                   gboolean       complete);

G_END_DECLS
