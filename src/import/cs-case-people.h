/* cs-case-people.h: the named people of a case, their roles and how they are described
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People are found where cases introduce them: by name and title ("Ana Ruiz, the plant's
 * operations director"), title first ("operations director Ana Ruiz"), "Ana Ruiz was the
 * plant's …", or with an honorific ("Dr. Ana Ruiz"). Each is then followed through the
 * text by full name, first name, surname with an honorific, and "he"/"she" in the sentence
 * right after one about them; those sentences give the background, goals and a first
 * guess of the personality traits.
 */
#pragma once

#include "cs-case-sentences.h"

G_BEGIN_DECLS

#define CS_CASE_N_TRAITS 5

/* "assertiveness", "openness", "risk_tolerance", "analytical", "empathy" */
extern const char * const cs_case_trait_names[CS_CASE_N_TRAITS];

typedef struct {
  char      *name;          /* "Elena Marsh" */
  char      *first_name;
  char      *last_name;
  char      *role;          /* "Founder and chief executive of Northgate Coffee Roasters" */
  char      *background;    /* up to three sentences about them */
  GPtrArray *goals;         /* char*, 0–3 */
  int        traits[CS_CASE_N_TRAITS]; /* 0..10, 5 when the text says nothing */
  guint      n_mentions;
  guint      intro_sentence;
  GArray    *sentences;     /* guint: indexes of every sentence that mentions them */
  GArray    *about;         /* guint: the sentences whose subject they are */
  gboolean   main_character;
} CsCasePerson;

/* The people of @sentences, most mentioned first; the main character is the most
 * mentioned, unless the decision sentence (@decision, or G_MAXUINT) names someone else.
 * Returns: (element-type CsCasePerson) (transfer full) */
GPtrArray *cs_case_people_find    (GPtrArray  *sentences,
                                   guint       decision);

/* The index into @people of the one named in @text first (full name, first name or
 * honorific and surname), or -1. */
int        cs_case_people_first_in (GPtrArray  *people,
                                    const char *text);

/* Does @text mention @person? */
gboolean   cs_case_person_in       (const CsCasePerson *person,
                                    const char         *text);

/* The role without the organisation, in lower case: "founder and chief executive". */
char      *cs_case_person_dup_short_role (const CsCasePerson *person);

G_END_DECLS
