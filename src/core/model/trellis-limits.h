/* trellis-limits.h — how much one record may hold, the same in every importer and editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each limit is generous against real plans (the figures in the comments are what schools'
 * plans hold) and small enough that the largest student Trellis accepts still opens at once.
 * data/XML-FORMAT.md lists them for people who write plan files by other means. */

/* Parents, foster parents, step-parents and emergency contacts: real files hold 1–4, a blended
 * family with several contacts 8. */
#define TRELLIS_LIMIT_GUARDIANS_PER_STUDENT      12
/* One plan per school year from pre-kindergarten to grade 12 (14), plus re-plans mid-year. */
#define TRELLIS_LIMIT_PLANS_PER_STUDENT          30
/* SMART-goal guides ask for 3–5 goals a year; the fullest plans we saw had 12. */
#define TRELLIS_LIMIT_GOALS_PER_PLAN             40
/* 3–8 action steps per goal in practice. */
#define TRELLIS_LIMIT_STEPS_PER_GOAL             40
/* A portfolio goal collects 5–20 artifacts over a year. */
#define TRELLIS_LIMIT_EVIDENCE_PER_GOAL          60
/* A weekly check-in by student and advisor over a 36-week year is about 75 notes. */
#define TRELLIS_LIMIT_NOTES_PER_PLAN             400
/* A goal builds 1–4 competencies. */
#define TRELLIS_LIMIT_LINKS_PER_GOAL             40
/* Profiles of a Graduate have 4–8 attributes; a framework made from a standards tree has the
 * tree's top level as attributes (subjects, strands), seldom more than 60. */
#define TRELLIS_LIMIT_ATTRIBUTES_PER_FRAMEWORK   200
/* A whole state's standards imported as one framework reach a few thousand competencies. */
#define TRELLIS_LIMIT_COMPETENCIES_PER_FRAMEWORK 20000
/* Proficiency scales have 3–6 levels. */
#define TRELLIS_LIMIT_LEVELS_PER_FRAMEWORK       20
/* Characters in one text field: a long reflection of 3,000 words is about 18,000 characters;
 * the printed plan fits two pages only with far less. */
#define TRELLIS_LIMIT_TEXT_CHARS                 20000
/* A plan file holds one district's students at most (a 512 MB file holds about 25,000). */
#define TRELLIS_LIMIT_STUDENTS_PER_FILE          25000

/**
 * TrellisLimit:
 * @table: the record kind that is limited, e.g. `goal`
 * @parent_table: the kind that owns it, e.g. `plan`
 * @max: how many one owner may have
 *
 * A limit on how many records of one kind one owner holds.
 */
typedef struct {
  const char *table;
  const char *parent_table;
  guint       max;
} TrellisLimit;

const TrellisLimit *trellis_limits_for_table   (const char         *table);
char               *trellis_limits_dup_message (const TrellisLimit *limit);
char               *trellis_limits_dup_text_message (const char    *field_label,
                                                     glong          n_chars);

G_END_DECLS
