/* trellis-sample-school.c — a deterministic sample school for first runs, tests and benchmarks
 *
 * The same seed always gives the same school: names from many languages and scripts, guardians
 * who prefer other languages, plans in every status, goals linked to competencies, evidence with
 * assessed levels and notes in student and staff voices. Times are derived from the seed too, so
 * exports of two sample schools compare equal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-sample-school"

/* The setting that lists the sample's students by UUID, separated by spaces. */
#define SAMPLE_SETTING "sample-students"

#include <glib/gi18n-lib.h>

#include "trellis-action-step.h"
#include "trellis-attribute.h"
#include "trellis-competency.h"
#include "trellis-entity-private.h"
#include "trellis-error.h"
#include "trellis-evidence.h"
#include "trellis-goal.h"
#include "trellis-guardian.h"
#include "trellis-level.h"
#include "trellis-note.h"
#include "trellis-plan.h"
#include "trellis-sample-school.h"
#include "trellis-student-summary.h"
#include "trellis-store-private.h"
#include "trellis-student.h"
#include "trellis-vocabulary.h"

/* Family names by language (and script), so that given and family names stay plausible together. */
static const char * const es_families[] = { "García López", "Hernández", "Martínez", "Rodríguez Vega", "Flores", "Ramírez", NULL };
static const char * const vi_families[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Đặng", NULL };
static const char * const ar_latn_families[] = { "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", NULL };
static const char * const ar_families[] = { "الأحمد", "حداد", "منصور", "خليل", NULL };
static const char * const zh_families[] = { "李", "王", "张", "刘", "陈", NULL };
static const char * const ru_families[] = { "Смирнова", "Иванова", "Кузнецова", NULL };
static const char * const ru_m_families[] = { "Смирнов", "Иванов", "Кузнецов", NULL };
static const char * const uk_families[] = { "Kovalenko", "Shevchenko", "Bondarenko", NULL };
static const char * const mi_families[] = { "Ngata", "Whaanga", "Te Awa", "Parata", NULL };
static const char * const fr_families[] = { "Dubois", "Lefèvre", "Moreau", NULL };
static const char * const en_families[] = { "Johnson", "O’Brien", "Washington", "Miller", "Okafor", "Thompson", "Walker", NULL };
static const char * const ja_families[] = { "Tanaka", "Sato", "Watanabe", NULL };
static const char * const so_families[] = { "Abdi", "Warsame", "Hassan", NULL };
static const char * const ht_families[] = { "Pierre", "Joseph", "Jean-Louis", NULL };
static const char * const pt_families[] = { "Silva Santos", "Oliveira", "Costa", NULL };
static const char * const in_families[] = { "Raghunathan", "Sharma", "Iyer", "Patel", NULL };
static const char * const tr_families[] = { "Yılmaz", "Demir", "Şahin", NULL };
static const char * const pl_families[] = { "Kowalski", "Wiśniewski", "Nowak", NULL };
static const char * const he_families[] = { "Cohen", "Levi", "Mizrahi", NULL };
static const char * const bn_families[] = { "Rahman", "Hossain", "Chowdhury", NULL };
static const char * const ko_families[] = { "Kim", "Park", "Choi", NULL };
static const char * const sv_families[] = { "Lindqvist", "Andersson", "Berg", NULL };
static const char * const it_families[] = { "Rossi", "Bianchi", "Esposito", NULL };

typedef struct
{
  const char         *given;
  const char         *preferred;
  const char         *pronouns;
  const char         *home_language;   /* BCP 47; the first guardian prefers it */
  const char * const *families;
} SampleName;

static const SampleName names[] = {
  { "Sofía", "Sofi", "she/her", "es", es_families },
  { "Mateo", "", "he/him", "es", es_families },
  { "Valentina", "Vale", "she/her", "es", es_families },
  { "José", "", "he/him", "es", es_families },
  { "Lucía", "", "she/her", "es", es_families },
  { "Lan", "", "she/her", "vi", vi_families },
  { "Minh Đức", "Đức", "he/him", "vi", vi_families },
  { "Thảo", "", "she/her", "vi", vi_families },
  { "Layla", "", "she/her", "ar", ar_latn_families },
  { "Omar", "", "he/him", "ar", ar_latn_families },
  { "يوسف", "", "he/him", "ar", ar_families },
  { "مريم", "", "she/her", "ar", ar_families },
  { "伟", "Wei", "he/him", "zh-Hans", zh_families },
  { "美玲", "Meiling", "she/her", "zh-Hans", zh_families },
  { "Анна", "", "she/her", "ru", ru_families },
  { "Дмитрий", "Дима", "he/him", "ru", ru_m_families },
  { "Oleksandr", "Sasha", "he/him", "uk", uk_families },
  { "Aroha", "", "she/her", "mi", mi_families },
  { "Tāne", "", "he/him", "mi", mi_families },
  { "Chloé", "", "she/her", "fr", fr_families },
  { "Björn", "", "he/him", "sv", sv_families },
  { "Amara", "", "she/her", "en", en_families },
  { "Riley", "", "they/them", "en", en_families },
  { "Emily", "Em", "she/her", "en", en_families },
  { "Jamal", "", "he/him", "en", en_families },
  { "Ethan", "", "he/him", "en", en_families },
  { "Grace", "", "she/her", "en", en_families },
  { "Kenji", "", "he/him", "ja", ja_families },
  { "Hodan", "", "she/her", "so", so_families },
  { "Jean-Baptiste", "JB", "he/him", "ht", ht_families },
  { "Maria", "", "she/her", "pt", pt_families },
  { "Priya", "", "she/her", "ta", in_families },
  { "Aarav", "", "he/him", "hi", in_families },
  { "Zeynep", "", "she/her", "tr", tr_families },
  { "Samuel", "Sam", "he/him", "pl", pl_families },
  { "Noa", "", "they/them", "he", he_families },
  { "Fatima", "", "she/her", "bn", bn_families },
  { "Hana", "", "she/her", "ko", ko_families },
  { "Isabella", "Bella", "she/her", "it", it_families },
};

static const char * const guardian_givens[] = {
  "Carmen", "Hùng", "Omar", "Mei", "Irina", "Hemi", "Lucía", "Marc", "Ingrid", "Grace",
  "Hiroshi", "Sahra", "Marie", "Ana", "Chris", "Lakshmi", "Ravi", "Siobhan", "Diego", "Ayşe",
};

static const char * const relationships[] = { "Mother", "Father", "Grandmother", "Aunt", "Guardian", "Stepfather" };

static const char * const homerooms[] = { "101", "102", "104", "201", "203", "Library", "Lab A", "Lab B" };
static const char * const advisors[] = {
  "Ms. Alvarez", "Mr. Okonkwo", "Mx. Lee", "Dr. Patel", "Mrs. Whitford", "Mr. Tran",
};

static const char * const interests[] = {
  "Drawing comics and designing characters.",
  "Football, cooking with my grandmother, and video games.",
  "Robotics club, coding small games, and astronomy.",
  "Music — I play guitar in a band with my cousins.",
  "Animals and volunteering at the shelter on weekends.",
  "Reading fantasy novels and writing my own stories.",
  "Basketball, sneakers, and fixing bikes.",
  "Dance, especially hip-hop and folklórico.",
};
static const char * const strengths[] = {
  "I keep going when things are hard. I help my friends understand math.",
  "I am creative and I notice details other people miss.",
  "I am good at explaining things and I like to organize events.",
  "Patient, kind, and I listen well.",
  "I learn fast with my hands and I am good at building things.",
};
static const char * const aspirations[] = {
  "I want to be a nurse like my aunt.",
  "I want to study engineering and build bridges.",
  "Start my own business one day.",
  "Become a teacher and come back to this school.",
  "Work with animals, maybe as a veterinarian.",
  "Make video games with a team.",
};
static const char * const preferences[] = {
  "I learn best with examples and when I can try things myself.",
  "Quiet space to read; I like written instructions.",
  "Working in small groups and talking ideas through.",
  "Visuals, diagrams and short videos.",
};
static const char * const supports[] = {
  "",
  "Extended time on tests (1.5×). Seat near the front.",
  "English language development: bilingual glossary allowed.",
  "Check-in with counselor on Mondays.",
  "Audio versions of long readings.",
};

typedef struct
{
  const char *title;
  const char *category;
  const char *why;
  const char *description;
  const char *criteria;
  const char *steps[3];
} SampleGoal;

static const SampleGoal goals[] = {
  { "Raise my math grade to a B", "academic",
    "I want to take chemistry next year and I need algebra for it.",
    "Improve my understanding of linear equations and functions.",
    "A B or better on the semester report; 80% on unit tests.",
    { "Go to math help on Tuesdays", "Do the practice set every weekend", "Make a mistakes notebook" } },
  { "Explore careers in health care", "career",
    "My aunt is a nurse and I want to know if I would like it too.",
    "Learn about three health-care careers and what they need.",
    "An interview with a professional and a one-page career comparison.",
    { "Interview the school nurse", "Research three careers online", "Visit the hospital job-shadow day" } },
  { "Read 12 books this year", "personal",
    "Reading helps me relax and I want to get better at writing.",
    "Read widely, including books by authors from other countries.",
    "A reading log with 12 books and a short reflection on each.",
    { "Get a library card", "Choose a book list with the librarian", "Write a reflection every month" } },
  { "Speak up more in class discussions", "social-emotional",
    "I have good ideas but I get nervous to share them.",
    "Build confidence sharing ideas in small and large groups.",
    "I share at least once in every seminar; my teacher notes it.",
    { "Prepare one question before each seminar", "Share first in small groups", "Reflect with my advisor every two weeks" } },
  { "Organize a neighbourhood clean-up", "civic",
    "The park near my house is full of trash and little kids play there.",
    "Plan and lead a clean-up day with classmates and neighbours.",
    "The event happens with at least 15 volunteers; a short report to the council.",
    { "Ask the city for permission", "Make posters in three languages", "Collect gloves and bags" } },
  { "Finish my science fair project", "academic",
    "I want to find out if music helps plants grow.",
    "Design and run a fair test, then present the results.",
    "A complete display board and a presentation at the fair.",
    { "Write my hypothesis", "Run the experiment for four weeks", "Make the display board" } },
  { "Build a portfolio of my art", "career",
    "I want to apply to the arts high school.",
    "Collect my best pieces and write about each one.",
    "Ten finished pieces with artist statements, reviewed by my art teacher.",
    { "Pick my best five pieces", "Write artist statements", "Photograph everything" } },
  { "Manage my time with a planner", "personal",
    "I forget deadlines and then I feel stressed.",
    "Use a planner every day for homework and activities.",
    "No missing assignments for a whole quarter.",
    { "Choose a planner", "Check it every morning with my advisor", "Review the week on Fridays" } },
};

static const char * const evidence_titles[] = {
  "Unit test", "Reflection journal", "Presentation to the class", "Project report",
  "Teacher observation", "Exhibition night", "Digital badge", "Lab notebook",
};

static const char * const student_notes[] = {
  "I am proud of this. It was harder than I thought but I kept going.",
  "I need more time for this one. Can we change the date?",
  "I talked with my mom about this goal and she wants to help.",
  "This week went well — I finished two steps!",
  "I asked my teacher for feedback and tried again.",
  "The hardest part was starting. Now I have a plan.",
};
static const char * const staff_notes[] = {
  "Great progress this month. Keep using the strategies we discussed.",
  "Let’s break the next step into smaller pieces and check in on Friday.",
  "Strong evidence here; I assessed it as proficient against the rubric.",
  "Please bring your reading log to our next conference.",
  "You asked good questions in class this week. Keep it up.",
  "We agreed on a new target date; the first step is done.",
};

/* Which note bodies a plan has used, so that no plan repeats one (a bit per body). */
typedef struct
{
  guint32 student;
  guint32 staff;
} UsedNotes;

G_STATIC_ASSERT (G_N_ELEMENTS (student_notes) <= 32 && G_N_ELEMENTS (staff_notes) <= 32);

/* Helpers */

/* One of @bodies this plan has not used yet, drawn with one number from @rand like any other
 * choice, so the rest of the school stays the same. Starts over once all are used. */
static const char *
pick_note (GRand              *rand,
           const char * const *bodies,
           guint               n_bodies,
           guint32            *used)
{
  guint left = 0;
  guint pick;

  for (guint i = 0; i < n_bodies; i++)
    left += (*used & (1u << i)) == 0;

  if (left == 0)
    {
      *used = 0;
      left = n_bodies;
    }
  pick = g_rand_int_range (rand, 0, left);
  for (guint i = 0; i < n_bodies; i++)
    if ((*used & (1u << i)) == 0 && pick-- == 0)
      {
        *used |= 1u << i;
        return bodies[i];
      }
  g_assert_not_reached ();
}

static char *
sample_time (GRand *rand,
             int    base_day)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 8, 20, 8, 0, 0);
  g_autoptr(GDateTime) when = g_date_time_add_seconds (start,
                                                       (double) base_day * 86400 +
                                                       g_rand_int_range (rand, 0, 8 * 3600));
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.000Z", text);
}

static char *
sample_date (int day)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 9, 1, 0, 0, 0);
  g_autoptr(GDateTime) when = g_date_time_add_days (start, day);

  return g_date_time_format (when, "%Y-%m-%d");
}

/* Gives a record a deterministic identity so that two sample schools are the same school. */
static void
stamp (TrellisEntity *entity,
       GRand         *rand,
       int            day,
       const char    *author)
{
  g_autofree char *uuid = NULL;
  g_autofree char *when = sample_time (rand, day);

  uuid = g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          g_rand_int (rand), g_rand_int (rand) & 0xffff,
                          g_rand_int (rand) & 0xfff, 0x8000 | (g_rand_int (rand) & 0x3fff),
                          g_rand_int (rand) & 0xffff, g_rand_int (rand));
  trellis_entity_set_identity (entity, 0, uuid, when, author, when, author);
}

static gboolean
add (TrellisStore   *store,
     gpointer        entity,
     GRand          *rand,
     int             day,
     const char     *author,
     GError        **error)
{
  stamp (entity, rand, day, author);
  /* Broken item 12: a second run met its own students as a raw UNIQUE constraint. The sample
   * is the same school every time, so a student already here means it is: nothing is added. */
  if (TRELLIS_IS_STUDENT (entity))
    {
      g_autoptr(TrellisEntity) here = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT,
                                                                  trellis_entity_get_uuid (entity), NULL);

      if (here != NULL)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_IN_USE,
                       _("The sample school is already in this database (%s is one of its students), "
                         "so nothing was added. Use another database for a second sample."),
                       trellis_entity_get_text (here, "given-name"));
          return FALSE;
        }
    }
  return trellis_store_insert_full (store, entity, TRUE, error);
}

static GArray *
load_ids (TrellisStore *store,
          const char   *sql,
          gint64        framework_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = trellis_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  trellis_store_append_ids (stmt, ids);
  sqlite3_reset (stmt);
  return ids;
}

static gboolean
add_goal (TrellisStore  *store,
          GRand         *rand,
          guint          first_goal,
          TrellisPlan   *plan,
          int            index,
          const char    *student_name,
          const char    *advisor,
          GArray        *competencies,
          GArray        *levels,
          UsedNotes     *used_notes,
          GError       **error)
{
  /* Steps of 3 through 8 goals never repeat within a plan of 5. */
  const SampleGoal *sample = &goals[(first_goal + 3 * index) % G_N_ELEMENTS (goals)];
  const char *status = trellis_goal_statuses[g_rand_int_range (rand, 0, 4)];
  g_autofree char *start = sample_date (g_rand_int_range (rand, 0, 30));
  g_autofree char *target = sample_date (g_rand_int_range (rand, 60, 270));
  g_autoptr(TrellisGoal) goal = NULL;
  gint64 plan_id = trellis_entity_get_id (TRELLIS_ENTITY (plan));
  gint64 competency_id = 0;
  guint steps_done = g_rand_int_range (rand, 0, 4);

  goal = g_object_new (TRELLIS_TYPE_GOAL,
                       "plan-id", plan_id,
                       "title", sample->title,
                       "description", sample->description,
                       "why-it-matters", sample->why,
                       "category", sample->category,
                       "status", status,
                       "priority", trellis_goal_priorities[g_rand_int_range (rand, 0, 3)],
                       "start-date", start,
                       "target-date", target,
                       "success-criteria", sample->criteria,
                       "position", index,
                       NULL);
  if (!add (store, goal, rand, 5 + index, index % 2 ? student_name : advisor, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample->steps); i++)
    {
      g_autoptr(TrellisActionStep) step = NULL;
      g_autofree char *due = sample_date (g_rand_int_range (rand, 14 + 30 * i, 44 + 60 * i));
      g_autofree char *done = i < steps_done ? sample_time (rand, 20 + 20 * i) : NULL;

      /* Steps agree with the goal: an achieved goal has every step done, one not started none.
       * (The random draws above stay as they were, so the rest of the school does not change.) */
      if (g_strcmp0 (status, "achieved") == 0 && done == NULL)
        {
          g_autofree char *day = sample_date (10 + 20 * i);
          done = g_strconcat (day, "T15:00:00.000Z", NULL);
        }
      else if (g_strcmp0 (status, "not-started") == 0)
        g_clear_pointer (&done, g_free);

      step = g_object_new (TRELLIS_TYPE_ACTION_STEP,
                           "goal-id", trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                           "text", sample->steps[i],
                           "owner", trellis_step_owners[i == 2 ? 1 : g_rand_int_range (rand, 0, 3)],
                           "due-date", due,
                           "done-at", done,
                           "position", (int) i,
                           NULL);
      if (!add (store, step, rand, 6 + index, advisor, error))
        return FALSE;
    }

  for (guint i = 0; i < 2 && competencies->len > 0; i++)
    {
      competency_id = g_array_index (competencies, gint64,
                                     g_rand_int_range (rand, 0, competencies->len));
      if (!trellis_store_link_competency_as_created (store, trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                                                     competency_id,
                                                     trellis_entity_get_created_at (TRELLIS_ENTITY (goal)),
                                                     trellis_entity_get_created_by (TRELLIS_ENTITY (goal)),
                                                     error))
        return FALSE;
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrellisEvidence) evidence = NULL;
      /* Evidence from the first weeks of the school year, before the day the sample is about. */
      g_autofree char *date = sample_date (g_rand_int_range (rand, 3, 80));
      gint64 level_id = levels->len > 0
                          ? g_array_index (levels, gint64, g_rand_int_range (rand, 0, levels->len))
                          : 0;
      const char *title = evidence_titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (evidence_titles))];

      evidence = g_object_new (TRELLIS_TYPE_EVIDENCE,
                               "goal-id", trellis_entity_get_id (TRELLIS_ENTITY (goal)),
                               "kind", trellis_evidence_kinds[g_rand_int_range (rand, 0, 6)],
                               "title", title,
                               "description", "Collected in class and discussed with the student.",
                               "evidence-date", date,
                               "competency-id", competency_id,
                               "level-id", i == 2 ? (gint64) 0 : level_id,
                               "assessed-by", i == 2 ? "" : advisor,
                               "uri", i == 0 ? "https://portfolio.example.org/work/1234" : "",
                               NULL);
      if (!add (store, evidence, rand, 30 + 20 * i, advisor, error))
        return FALSE;
    }

  for (guint i = 0; i < (guint) (index % 2 + 1); i++)
    {
      gboolean student_voice = (i + index) % 2 == 0;
      g_autoptr(TrellisNote) note = g_object_new (TRELLIS_TYPE_NOTE,
        "plan-id", plan_id,
        "goal-id", trellis_entity_get_id (TRELLIS_ENTITY (goal)),
        "author-name", student_voice ? student_name : advisor,
        "author-role", student_voice ? "student" : "teacher",
        "body", student_voice
                  ? pick_note (rand, student_notes, G_N_ELEMENTS (student_notes), &used_notes->student)
                  : pick_note (rand, staff_notes, G_N_ELEMENTS (staff_notes), &used_notes->staff),
        NULL);

      if (!add (store, note, rand, 40 + 15 * i, student_voice ? student_name : advisor, error))
        return FALSE;
    }
  return TRUE;
}

/* A name not given yet in this school while there are some: @used holds the names given so far
 * (name index × 64 + family index + 1) and starts over once every name has been given. */
static void
choose_name (GRand             *rand,
             GHashTable        *used,
             const SampleName **name,
             const char       **family)
{
  guint n = g_rand_int_range (rand, 0, G_N_ELEMENTS (names));
  guint f = g_rand_int_range (rand, 0, g_strv_length ((char **) names[n].families));
  static gsize total = 0;

  if (g_once_init_enter (&total))
    {
      gsize combinations = 0;

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        combinations += g_strv_length ((char **) names[i].families);
      g_once_init_leave (&total, combinations);
    }
  if (g_hash_table_size (used) >= total)
    g_hash_table_remove_all (used);
  while (g_hash_table_contains (used, GUINT_TO_POINTER (n * 64 + f + 1)))
    if (names[n].families[++f] == NULL)
      {
        f = 0;
        n = (n + 1) % G_N_ELEMENTS (names);
      }
  g_hash_table_add (used, GUINT_TO_POINTER (n * 64 + f + 1));
  *name = &names[n];
  *family = names[n].families[f];
}

static gboolean
add_student (TrellisStore  *store,
             GRand         *rand,
             GHashTable    *used_names,
             GString       *uuids,
             guint          index,
             gint64         framework_id,
             GArray        *competencies,
             GArray        *levels,
             GError       **error)
{
  const SampleName *name;
  const char *family;
  const char *advisor;
  g_autofree char *number = g_strdup_printf ("S%06u", 100000 + index);
  g_autofree char *birth = NULL;
  g_autofree char *display = NULL;
  g_autoptr(TrellisStudent) student = NULL;
  g_autoptr(TrellisPlan) plan = NULL;

  choose_name (rand, used_names, &name, &family);
  advisor = advisors[g_rand_int_range (rand, 0, G_N_ELEMENTS (advisors))];
  birth = g_strdup_printf ("%d-%02d-%02d", 2008 + g_rand_int_range (rand, 0, 10),
                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  const char *status = trellis_plan_statuses[index % 4];
  g_autofree char *status_time = sample_time (rand, 10);
  int grade = g_rand_int_range (rand, -1, 13);
  guint first_goal;
  UsedNotes used_notes = { 0, 0 };

  student = g_object_new (TRELLIS_TYPE_STUDENT,
                          "given-name", name->given,
                          "family-name", family,
                          "preferred-name", name->preferred,
                          "pronouns", name->pronouns,
                          "student-number", number,
                          "grade-level", grade,
                          "birth-date", birth,
                          "homeroom", homerooms[g_rand_int_range (rand, 0, G_N_ELEMENTS (homerooms))],
                          "advisor", advisor,
                          "home-language", name->home_language,
                          "interests", interests[g_rand_int_range (rand, 0, G_N_ELEMENTS (interests))],
                          "strengths", strengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (strengths))],
                          "aspirations", aspirations[g_rand_int_range (rand, 0, G_N_ELEMENTS (aspirations))],
                          "learning-preferences", preferences[g_rand_int_range (rand, 0, G_N_ELEMENTS (preferences))],
                          "supports", supports[g_rand_int_range (rand, 0, G_N_ELEMENTS (supports))],
                          "archived", index % 50 == 49,
                          NULL);
  if (!add (store, student, rand, 0, advisor, error))
    return FALSE;
  g_string_append_printf (uuids, "%s%s", uuids->len > 0 ? " " : "", trellis_entity_get_uuid (TRELLIS_ENTITY (student)));
  display = g_strdup (name->preferred[0] ? name->preferred : name->given);

  for (int g = 0; g < 1 + (int) (index % 3 == 0); g++)
    {
      const char *given = guardian_givens[g_rand_int_range (rand, 0, G_N_ELEMENTS (guardian_givens))];
      g_autofree char *full = g_strdup_printf ("%s %s", given, family);
      g_autofree char *email = g_strdup_printf ("family%u.%d@example.org", index, g);
      g_autofree char *phone = g_strdup_printf ("+1 555 %03d %04d", g_rand_int_range (rand, 100, 999),
                                                g_rand_int_range (rand, 0, 9999));
      g_autoptr(TrellisGuardian) guardian = g_object_new (TRELLIS_TYPE_GUARDIAN,
        "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)),
        "name", full,
        "relationship", relationships[g_rand_int_range (rand, 0, G_N_ELEMENTS (relationships))],
        "preferred-language", g == 0 ? name->home_language : "en",
        "email", email,
        "phone", phone,
        "position", g,
        NULL);

      if (!add (store, guardian, rand, 0, advisor, error))
        return FALSE;
    }

  plan = g_object_new (TRELLIS_TYPE_PLAN,
                       "student-id", trellis_entity_get_id (TRELLIS_ENTITY (student)),
                       "school-year", "2026-2027",
                       "status", status,
                       "framework-id", framework_id,
                       "reviewer", g_strcmp0 (status, "in-review") == 0 ? "Ms. Ortiz" : "",
                       "status-changed-at", status_time,
                       "status-changed-by", advisor,
                       "start-date", "2026-09-01",
                       "end-date", "2027-06-18",
                       NULL);
  if (!add (store, plan, rand, 2, advisor, error))
    return FALSE;

  first_goal = g_rand_int_range (rand, 0, G_N_ELEMENTS (goals));
  for (int i = 0; i < 5; i++)
    if (!add_goal (store, rand, first_goal, plan, i, display, advisor, competencies, levels, &used_notes,
                   error))
      return FALSE;

  {
    g_autoptr(TrellisNote) note = g_object_new (TRELLIS_TYPE_NOTE,
      "plan-id", trellis_entity_get_id (TRELLIS_ENTITY (plan)),
      "author-name", display,
      "author-role", "student",
      "body", "This year I want to focus on my goals and ask for help earlier.",
      NULL);
    if (!add (store, note, rand, 3, display, error))
      return FALSE;
  }
  return TRUE;
}

/* Public API */

/**
 * trellis_sample_school_populate:
 * @store: the store to fill
 * @n_students: how many students to add
 * @seed: the seed; the same seed gives the same school
 * @progress: (nullable) (scope call): called with the fraction done
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * Adds a sample school to the default framework, in one transaction.
 *
 * Returns: %FALSE with @error set, and nothing added, on failure
 */
gboolean
trellis_sample_school_populate (TrellisStore        *store,
                                guint                n_students,
                                guint32              seed,
                                TrellisProgressFunc  progress,
                                gpointer             user_data,
                                GError             **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) used_names = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) competencies = NULL;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GString) uuids = NULL;
  g_autofree char *listed = NULL;
  gint64 framework_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  framework_id = trellis_store_get_default_framework (store);
  competencies = load_ids (store,
                           "SELECT c.id FROM competency c JOIN attribute a ON a.id = c.attribute_id "
                           "WHERE a.framework_id = ? ORDER BY a.position, c.position", framework_id);
  levels = load_ids (store, "SELECT id FROM proficiency_level WHERE framework_id = ? ORDER BY position",
                     framework_id);

  if (!trellis_store_begin (store, error))
    return FALSE;

  {
    g_autofree char *school = trellis_store_dup_setting (store, "school-name");
    if (school == NULL && !trellis_store_set_setting (store, "school-name", "Riverside Community School", error))
      return trellis_store_rollback_failed (store);
  }

  /* The sample's students are listed, so that --remove-sample removes them and nothing else. */
  listed = trellis_store_dup_setting (store, SAMPLE_SETTING);
  uuids = g_string_new (listed);
  for (guint i = 0; i < n_students; i++)
    {
      if (!add_student (store, rand, used_names, uuids, i, framework_id, competencies, levels, error))
        return trellis_store_rollback_failed (store);
      if (progress != NULL && (i % 100 == 99 || i + 1 == n_students))
        progress ((double) (i + 1) / n_students, user_data);
    }
  if (n_students > 0 && !trellis_store_set_setting (store, SAMPLE_SETTING, uuids->str, error))
    return trellis_store_rollback_failed (store);

  return trellis_store_commit (store, error);
}

/**
 * trellis_sample_school_is_present:
 * @store: a store
 *
 * Returns: whether students of a sample school are still listed as such
 */
gboolean
trellis_sample_school_is_present (TrellisStore *store)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  return trellis_store_has_setting (store, SAMPLE_SETTING);
}

/**
 * trellis_sample_school_remove:
 * @store: the store
 * @n_removed: (out) (optional): how many sample students went
 * @kept: (out) (optional) (transfer full): the names of the sample students someone has worked
 *   on since, which stay (with their plans), one a string
 * @error: return location for a #GError
 *
 * Removes the sample school's students with everything under them, in one transaction, and
 * nothing anyone wrote: a sample student whose history shows a change made here (a goal
 * added, a field edited, a note written) stays, and stays listed. The removed students go to
 * the Trash like any deleted student.
 *
 * Returns: %FALSE with @error set, and nothing removed, on failure
 */
gboolean
trellis_sample_school_remove (TrellisStore  *store,
                              guint         *n_removed,
                              GStrv         *kept,
                              GError       **error)
{
  g_autofree char *listed = NULL;
  g_auto(GStrv) uuids = NULL;
  g_autoptr(GStrvBuilder) kept_names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) kept_uuids = g_strv_builder_new ();
  g_auto(GStrv) still_listed = NULL;
  g_autofree char *still_listed_text = NULL;
  guint removed = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);

  listed = trellis_store_dup_setting (store, SAMPLE_SETTING);
  uuids = g_strsplit (listed != NULL ? listed : "", " ", -1);
  if (!trellis_store_begin (store, error))
    return FALSE;
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr(TrellisEntity) student = NULL;
      g_autoptr(GListModel) history = NULL;

      if (*uuids[i] == '\0')
        continue;
      student = trellis_store_load_by_uuid (store, TRELLIS_TYPE_STUDENT, uuids[i], NULL);
      if (student == NULL)
        continue;   /* deleted already */
      history = trellis_store_list_history (store, uuids[i], error);
      if (history == NULL)
        return trellis_store_rollback_failed (store);
      if (g_list_model_get_n_items (history) > 0)
        {
          g_autofree char *name = trellis_student_display_name (trellis_entity_get_text (student, "given-name"),
                                                                trellis_entity_get_text (student, "family-name"),
                                                                trellis_entity_get_text (student, "preferred-name"));

          g_strv_builder_add (kept_names, name);
          g_strv_builder_add (kept_uuids, uuids[i]);
          continue;
        }
      if (!trellis_store_delete (store, student, NULL, error))
        return trellis_store_rollback_failed (store);
      removed++;
    }
  still_listed = g_strv_builder_end (kept_uuids);
  still_listed_text = g_strjoinv (" ", still_listed);
  if (!trellis_store_set_setting (store, SAMPLE_SETTING, still_listed_text, error) ||
      !trellis_store_commit (store, error))
    return trellis_store_rollback_failed (store);

  if (n_removed != NULL)
    *n_removed = removed;
  if (kept != NULL)
    *kept = g_strv_builder_end (kept_names);
  return TRUE;
}
