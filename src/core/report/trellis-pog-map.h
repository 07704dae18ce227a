/* trellis-pog-map.h — one student’s standing against every attribute of a Profile of a Graduate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "trellis-catalog.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/*
 * The rule (one rule, shown in words by trellis_pog_map_get_rule_description()):
 *
 *   An attribute’s level is the highest proficiency level assessed in evidence for any of its
 *   competencies in the 12 months before today.
 *
 * Precisely: evidence of any of the student’s plans counts when it names a competency of the
 * framework, carries an assessed level of that framework’s scale, and is dated (or, when it
 * has no date, was recorded) between the same day twelve months ago and today, both included;
 * evidence dated in the future does not count yet. “Highest” compares the levels’ numeric
 * values. A competency’s level is the same rule over its own evidence, so an attribute’s level
 * is the highest of its competencies’ levels. An attribute with no such evidence has no level.
 *
 * The framework is the one of the student’s current plan (the newest school year), or the
 * school’s default framework when the student has no plan or the plan names none. The goal
 * count of an attribute is the number of goals of the current plan linked to at least one of
 * its competencies.
 */

#define TRELLIS_TYPE_POG_MAP (trellis_pog_map_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPogMap, trellis_pog_map, TRELLIS, POG_MAP, GObject)

TrellisPogMap *trellis_pog_map_new_for_student               (TrellisStore   *store,
                                                              gint64          student_id,
                                                              GDateTime      *now,
                                                              GError        **error);
const char    *trellis_pog_map_get_rule_description          (void);
const char    *trellis_pog_map_get_rule_description_in       (TrellisCatalog *catalog);
char          *trellis_pog_map_format_goal_count             (guint           n_goals);
char          *trellis_pog_map_format_goal_count_in          (TrellisCatalog *catalog,
                                                              guint           n_goals);
const char    *trellis_pog_map_translate_title               (TrellisCatalog *catalog,
                                                              const char     *title);

gint64         trellis_pog_map_get_framework_id              (TrellisPogMap  *self);
const char    *trellis_pog_map_get_framework_title           (TrellisPogMap  *self);
gint64         trellis_pog_map_get_plan_id                   (TrellisPogMap  *self);

/* The proficiency scale, lowest value first. */
guint          trellis_pog_map_get_n_levels                  (TrellisPogMap  *self);
const char    *trellis_pog_map_get_level_title               (TrellisPogMap  *self,
                                                              guint           level);
int            trellis_pog_map_get_level_value               (TrellisPogMap  *self,
                                                              guint           level);
const char    *trellis_pog_map_get_level_color               (TrellisPogMap  *self,
                                                              guint           level);
int            trellis_pog_map_get_max_level_value           (TrellisPogMap  *self);

/* The attributes, in the framework’s order. */
guint          trellis_pog_map_get_n_attributes              (TrellisPogMap  *self);
gint64         trellis_pog_map_get_attribute_id              (TrellisPogMap  *self,
                                                              guint           i);
const char    *trellis_pog_map_get_attribute_title           (TrellisPogMap  *self,
                                                              guint           i);
const char    *trellis_pog_map_get_attribute_color           (TrellisPogMap  *self,
                                                              guint           i);
gint64         trellis_pog_map_get_attribute_level_id        (TrellisPogMap  *self,
                                                              guint           i);
const char    *trellis_pog_map_get_attribute_level_title     (TrellisPogMap  *self,
                                                              guint           i);
int            trellis_pog_map_get_attribute_level_value     (TrellisPogMap  *self,
                                                              guint           i);
const char    *trellis_pog_map_get_attribute_level_color     (TrellisPogMap  *self,
                                                              guint           i);
guint          trellis_pog_map_get_attribute_goal_count      (TrellisPogMap  *self,
                                                              guint           i);
char          *trellis_pog_map_dup_attribute_description     (TrellisPogMap  *self,
                                                              guint           i);
char          *trellis_pog_map_dup_description               (TrellisPogMap  *self);

/* The goals of the current plan that work on attribute @i. */
gint64         trellis_pog_map_get_goal_id                   (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           goal);
const char    *trellis_pog_map_get_goal_title                (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           goal);
const char    *trellis_pog_map_get_goal_status               (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           goal);

/* The competencies of attribute @i, and the evidence of each, newest first. */
guint          trellis_pog_map_get_n_competencies            (TrellisPogMap  *self,
                                                              guint           i);
const char    *trellis_pog_map_get_competency_code           (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c);
const char    *trellis_pog_map_get_competency_title          (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c);
const char    *trellis_pog_map_get_competency_level_title    (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c);
int            trellis_pog_map_get_competency_level_value    (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c);
guint          trellis_pog_map_get_n_evidence                (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c);
gint64         trellis_pog_map_get_evidence_id               (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);
const char    *trellis_pog_map_get_evidence_title            (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);
const char    *trellis_pog_map_get_evidence_kind             (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);
const char    *trellis_pog_map_get_evidence_date             (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);
const char    *trellis_pog_map_get_evidence_level_title      (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);
const char    *trellis_pog_map_get_evidence_goal_title       (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);
gboolean       trellis_pog_map_get_evidence_counts           (TrellisPogMap  *self,
                                                              guint           i,
                                                              guint           c,
                                                              guint           e);

/**
 * TrellisPogMapStyle:
 * @catalog: (nullable): the language of the map’s own words (levels, goal counts, the legend
 *   and the rule); %NULL for the application’s
 * @font_family: (nullable): a Pango family list; %NULL for “Sans”
 * @font_size: the size of body text in user units; 0 lets the map choose the largest size that
 *   fits its rectangle. With a size, trellis_pog_map_measure_height() tells the height to give.
 * @dark: light text for a dark background
 * @flush: no margin around the map, which starts at the rectangle’s start edge (a printed
 *   page’s text column) rather than being centred in it
 *
 * How trellis_pog_map_render_styled() draws: a printed report gives its language and type.
 */
typedef struct {
  TrellisCatalog *catalog;
  const char     *font_family;
  double          font_size;
  gboolean        dark;
  gboolean        flush;
} TrellisPogMapStyle;

/* Drawing (trellis-pog-map-render.c): the map and its legend fill the rectangle (0, 0,
 * @width, @height) of @cr in user units. Text is laid out right to left when @direction says
 * so; the default is %PANGO_DIRECTION_LTR. */
void           trellis_pog_map_set_direction                 (TrellisPogMap  *self,
                                                              PangoDirection  direction);
void           trellis_pog_map_render                        (TrellisPogMap  *self,
                                                              cairo_t        *cr,
                                                              double          width,
                                                              double          height,
                                                              gboolean        dark);
void           trellis_pog_map_render_styled                 (TrellisPogMap  *self,
                                                              cairo_t        *cr,
                                                              double          width,
                                                              double          height,
                                                              const TrellisPogMapStyle *style);
double         trellis_pog_map_measure_height                (TrellisPogMap  *self,
                                                              double          width,
                                                              const TrellisPogMapStyle *style);
double         trellis_pog_map_get_smallest_text_size        (TrellisPogMap  *self,
                                                              double          width,
                                                              double          height,
                                                              const TrellisPogMapStyle *style);
void           trellis_pog_map_get_attribute_area            (TrellisPogMap  *self,
                                                              double          width,
                                                              double          height,
                                                              guint           i,
                                                              cairo_rectangle_t *area);
int            trellis_pog_map_hit_test                      (TrellisPogMap  *self,
                                                              double          width,
                                                              double          height,
                                                              double          x,
                                                              double          y);

G_END_DECLS
