/* cs-enrolment-page.h: a cohort's requests to join (approved or rejected in bulk) and its
 * invitation codes (new ones with copy buttons for the code and the join link)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cs-students-group.h"

#include "cs-server.h"

G_BEGIN_DECLS

#define CS_TYPE_ENROLMENT_PAGE (cs_enrolment_page_get_type ())
G_DECLARE_FINAL_TYPE (CsEnrolmentPage, cs_enrolment_page, CS, ENROLMENT_PAGE, GtkWidget)

GtkWidget  *cs_enrolment_page_new        (void);
/* Shows the cohort @cohort_id of @server (NULL: nothing) and loads it. */
void        cs_enrolment_page_set_cohort (CsEnrolmentPage *self,
                                          CsServer        *server,
                                          const char      *cohort_id);
/* Reads the requests to join and the codes (their use counts) again, when somebody asked
 * to join; the checked and focused requests stay so. */
void        cs_enrolment_page_reload_requests (CsEnrolmentPage *self);

/* For tests: the request rows (their check buttons are the prefix), the code made last
 * (NULL before one), and the join link of that code. */
GtkListBox *cs_enrolment_page_get_requests  (CsEnrolmentPage *self);
const char *cs_enrolment_page_get_new_code  (CsEnrolmentPage *self);
char       *cs_enrolment_page_dup_join_link (CsEnrolmentPage *self);
/* The instructor's account's port for live updates behind a pooler (0: none), put in the
 * join links so that students get it too. */
void        cs_enrolment_page_set_listen_port (CsEnrolmentPage *self,
                                               int              listen_port);
CsStudentsGroup *cs_enrolment_page_get_students (CsEnrolmentPage *self);

G_END_DECLS
