/* cs-persona.h: a person of the case, played by the AI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cs-record.h"

G_BEGIN_DECLS

#define CS_TYPE_PERSONA (cs_persona_get_type ())
G_DECLARE_FINAL_TYPE (CsPersona, cs_persona, CS, PERSONA, CsRecord)

#define CS_TRAIT_MIN 0
#define CS_TRAIT_MAX 10

/* Properties (all with notify):
 *   "scenario-id"       string
 *   "name"              string
 *   "role"              string
 *   "background"        string
 *   "correlation"       string   relation to the student
 *   "primary-goals"     GStrv
 *   "traits"            GVariant of type a(si): trait name → 0..10, in insertion order
 *   "avatar-color"      string or NULL (NULL: colour derived from the name)
 *   "avatar-image"      string or NULL (path or resource of an image)
 *   "is-main-character" boolean
 */
CsPersona          *cs_persona_new                   (const char  *id);
const char         *cs_persona_get_scenario_id       (CsPersona   *self);
void                cs_persona_set_scenario_id       (CsPersona   *self,
                                                      const char  *scenario_id);
const char         *cs_persona_get_name              (CsPersona   *self);
void                cs_persona_set_name              (CsPersona   *self,
                                                      const char  *name);
const char         *cs_persona_get_role              (CsPersona   *self);
void                cs_persona_set_role              (CsPersona   *self,
                                                      const char  *role);
const char         *cs_persona_get_background        (CsPersona   *self);
void                cs_persona_set_background        (CsPersona   *self,
                                                      const char  *background);
const char         *cs_persona_get_correlation       (CsPersona   *self);
void                cs_persona_set_correlation       (CsPersona   *self,
                                                      const char  *correlation);
const char * const *cs_persona_get_primary_goals     (CsPersona   *self);
void                cs_persona_set_primary_goals     (CsPersona   *self,
                                                      const char * const *goals);
/* Traits: names in insertion order; value 0..10, -1 when unknown. set clamps nothing:
 * it returns FALSE (and changes nothing) for a value outside 0..10 or an empty name. */
GStrv               cs_persona_dup_trait_names       (CsPersona   *self);
int                 cs_persona_get_trait             (CsPersona   *self,
                                                      const char  *name);
gboolean            cs_persona_set_trait             (CsPersona   *self,
                                                      const char  *name,
                                                      int          value);
gboolean            cs_persona_remove_trait          (CsPersona   *self,
                                                      const char  *name);
GVariant           *cs_persona_get_traits            (CsPersona   *self);
void                cs_persona_set_traits            (CsPersona   *self,
                                                      GVariant    *traits);
const char         *cs_persona_get_avatar_color      (CsPersona   *self);
void                cs_persona_set_avatar_color      (CsPersona   *self,
                                                      const char  *color);
const char         *cs_persona_get_avatar_image      (CsPersona   *self);
void                cs_persona_set_avatar_image      (CsPersona   *self,
                                                      const char  *image);
gboolean            cs_persona_get_is_main_character (CsPersona   *self);
void                cs_persona_set_is_main_character (CsPersona   *self,
                                                      gboolean     is_main);
/* Up to two initials from the name ("Ana Ruiz" → "AR"); newly allocated. */
char               *cs_persona_dup_initials          (CsPersona   *self);

G_END_DECLS
