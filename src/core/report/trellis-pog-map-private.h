/* trellis-pog-map-private.h — what the map’s files and the group heat map share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-pog-map.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *title;
  int     value;
  char   *color;
} TrellisPogLevel;

typedef struct
{
  gint64  id;
  char   *title;
  char   *kind;
  char   *date;
  char   *goal_title;
  int     level;        /* index into the scale, -1 when not assessed in this framework */
  gboolean counts;
} TrellisPogEvidence;

typedef struct
{
  gint64     id;
  char      *code;
  char      *title;
  int        level;     /* index into the scale, -1 for none */
  GPtrArray *evidence;  /* TrellisPogEvidence */
} TrellisPogCompetency;

typedef struct
{
  gint64  id;
  char   *title;
  char   *status;
} TrellisPogGoal;

typedef struct
{
  gint64     id;
  char      *title;
  char      *color;
  int        level;        /* index into the scale, -1 for none */
  GPtrArray *competencies; /* TrellisPogCompetency */
  GPtrArray *goals;        /* TrellisPogGoal */
} TrellisPogAttribute;

/* The framework’s scale (lowest value first) and its attributes, without any student data. */
typedef struct
{
  gint64     framework_id;
  char      *framework_title;
  GPtrArray *levels;      /* TrellisPogLevel */
  GPtrArray *attributes;  /* TrellisPogAttribute */
} TrellisPogFramework;

TrellisPogFramework *trellis_pog_framework_load          (TrellisStore        *store,
                                                          gint64               framework_id,
                                                          GError             **error);
void                 trellis_pog_framework_free          (TrellisPogFramework *framework);
int                  trellis_pog_framework_find_level    (TrellisPogFramework *framework,
                                                          gint64               level_id);
int                  trellis_pog_framework_find_attribute (TrellisPogFramework *framework,
                                                          gint64               attribute_id);
void                 trellis_pog_window                  (GDateTime           *now,
                                                          char               **from,
                                                          char               **to);

/* The SQL date an evidence counts by: its own date, else the day it was recorded. */
#define TRELLIS_POG_EVIDENCE_DAY "coalesce (nullif (e.evidence_date, ''), substr (e.created_at, 1, 10))"

/* The current plan of the student in column @student: the newest school year. */
#define TRELLIS_POG_CURRENT_PLAN(student) \
  "(SELECT cp.id FROM plan cp WHERE cp.student_id = " student \
  " ORDER BY cp.school_year DESC, cp.id DESC LIMIT 1)"

typedef struct _TrellisPogMapLayout TrellisPogMapLayout;

struct _TrellisPogMap
{
  GObject              parent_instance;

  TrellisPogFramework *framework;
  gint64               plan_id;
  PangoDirection       direction;
  TrellisPogMapLayout *layout;   /* the last measured layout, reused by hit tests */
};

void                 trellis_pog_map_layout_free         (TrellisPogMapLayout *layout);

char                *trellis_pog_describe                (const char          *attribute,
                                                          const char          *level,
                                                          guint                goals);

/* Parses “#rgb” or “#rrggbb” (or a colour name); falls back to a neutral grey. */
void                 trellis_pog_parse_color             (const char          *text,
                                                          double              *red,
                                                          double              *green,
                                                          double              *blue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPogFramework, trellis_pog_framework_free)

G_END_DECLS
