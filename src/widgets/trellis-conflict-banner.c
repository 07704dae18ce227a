/* trellis-conflict-banner.c — “someone else changed this too”: both texts, and a choice
 *
 * Shown above a page whose autosave met a conflict: another window, machine or import stored
 * a different text in a field being edited here. The banner names the field, who wrote the
 * other text and when, shows both texts, and stores nothing until the person picks
 * Keep Mine or Use Theirs. Several conflicts are settled one after another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "trellis-conflict-banner"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-conflict-banner.h"
#include "trellis-widget-utils.h"

struct _TrellisConflictBanner
{
  GtkWidget        parent_instance;

  GtkWidget       *revealer;
  GtkWidget       *title_label;
  GtkWidget       *mine_label;
  GtkWidget       *theirs_heading;
  GtkWidget       *theirs_label;
  GtkWidget       *keep_button;
  GtkWidget       *theirs_button;
  TrellisAutosave *autosave;
  char            *field;   /* the conflict shown */
};

G_DEFINE_FINAL_TYPE (TrellisConflictBanner, trellis_conflict_banner, GTK_TYPE_WIDGET)

/* Helpers */

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");
  /* Translators: when another person stored a text, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y at %H:%M"));
}

static GtkWidget *
make_text_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "conflict-text");
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GtkWidget *
make_heading (const char *text,
              GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (mnemonic_widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return label;
}

static void
update (TrellisConflictBanner *self)
{
  GPtrArray *conflicts = self->autosave ? trellis_autosave_get_conflicts (self->autosave) : NULL;
  TrellisConflict *conflict;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *theirs_heading = NULL;
  const char *author;

  g_clear_pointer (&self->field, g_free);
  if (conflicts == NULL || conflicts->len == 0)
    {
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
      return;
    }

  conflict = conflicts->pdata[0];
  self->field = g_strdup (conflict->field->name);
  when = format_time (conflict->their_time);
  author = conflict->their_author[0] != '\0' ? conflict->their_author : _("Someone else");
  /* Translators: “Mr. Okafor changed Interests on 7 Dec 2026 at 10:42 while you were editing it.” */
  title = g_strdup_printf (_("%s changed “%s” on %s while you were editing it. Nothing was "
                             "overwritten: choose which text to keep."),
                           author, _(conflict->field->label), when);
  if (conflicts->len > 1)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "(%u more field to settle)",
                                                            "(%u more fields to settle)",
                                                            conflicts->len - 1),
                                               conflicts->len - 1);
      char *both = g_strconcat (title, " ", more, NULL);

      g_free (title);
      title = both;
    }
  /* Translators: heading over the other person's text in a conflict */
  theirs_heading = g_strdup_printf (_("Text by %s"), author);

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->mine_label), conflict->mine[0] ? conflict->mine : _("(empty)"));
  gtk_label_set_text (GTK_LABEL (self->theirs_heading), theirs_heading);
  gtk_label_set_text (GTK_LABEL (self->theirs_label), conflict->theirs[0] ? conflict->theirs : _("(empty)"));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
}

/* Callbacks */

static void
on_keep_mine (TrellisConflictBanner *self)
{
  g_autofree char *field = g_strdup (self->field);

  if (self->autosave != NULL && field != NULL)
    trellis_autosave_resolve (self->autosave, field, TRUE);
}

static void
on_use_theirs (TrellisConflictBanner *self)
{
  g_autofree char *field = g_strdup (self->field);

  if (self->autosave != NULL && field != NULL)
    trellis_autosave_resolve (self->autosave, field, FALSE);
}

/* Overrides */

static void
trellis_conflict_banner_dispose (GObject *object)
{
  TrellisConflictBanner *self = TRELLIS_CONFLICT_BANNER (object);

  trellis_conflict_banner_set_autosave (self, NULL);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (trellis_conflict_banner_parent_class)->dispose (object);
}

static void
trellis_conflict_banner_finalize (GObject *object)
{
  TrellisConflictBanner *self = TRELLIS_CONFLICT_BANNER (object);

  g_free (self->field);

  G_OBJECT_CLASS (trellis_conflict_banner_parent_class)->finalize (object);
}

static void
trellis_conflict_banner_class_init (TrellisConflictBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_conflict_banner_dispose;
  object_class->finalize = trellis_conflict_banner_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
trellis_conflict_banner_init (TrellisConflictBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = gtk_revealer_new ();
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "conflict");
  gtk_widget_set_margin_bottom (box, 12);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, NULL);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_add_css_class (self->title_label, "title-4");
  gtk_box_append (GTK_BOX (box), self->title_label);

  self->mine_label = make_text_label ();
  gtk_box_append (GTK_BOX (box), make_heading (_("Your text"), self->mine_label));
  gtk_box_append (GTK_BOX (box), self->mine_label);
  self->theirs_label = make_text_label ();
  self->theirs_heading = make_heading (NULL, self->theirs_label);
  gtk_box_append (GTK_BOX (box), self->theirs_heading);
  gtk_box_append (GTK_BOX (box), self->theirs_label);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->theirs_button = gtk_button_new_with_mnemonic (_("_Use Theirs"));
  self->keep_button = gtk_button_new_with_mnemonic (_("_Keep Mine"));
  /* The banner is built hidden, so the fix applied when buttons are shown never reaches these;
   * without a name of their own a screen reader hears “_Use Theirs Use Theirs”. */
  trellis_accessible_set_label (self->theirs_button, _("Use Theirs"));
  trellis_accessible_set_label (self->keep_button, _("Keep Mine"));
  gtk_widget_add_css_class (self->keep_button, "suggested-action");
  g_signal_connect_swapped (self->theirs_button, "clicked", G_CALLBACK (on_use_theirs), self);
  g_signal_connect_swapped (self->keep_button, "clicked", G_CALLBACK (on_keep_mine), self);
  gtk_box_append (GTK_BOX (buttons), self->theirs_button);
  gtk_box_append (GTK_BOX (buttons), self->keep_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Conflicting change"), -1);
}

/* Public API */

GtkWidget *
trellis_conflict_banner_new (void)
{
  return g_object_new (TRELLIS_TYPE_CONFLICT_BANNER, NULL);
}

/**
 * trellis_conflict_banner_set_autosave:
 * @self: a conflict banner
 * @autosave: (nullable): the autosave whose conflicts it shows and settles
 */
void
trellis_conflict_banner_set_autosave (TrellisConflictBanner *self,
                                      TrellisAutosave       *autosave)
{
  g_return_if_fail (TRELLIS_IS_CONFLICT_BANNER (self));

  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  g_set_object (&self->autosave, autosave);
  if (autosave != NULL)
    g_signal_connect_swapped (autosave, "conflict", G_CALLBACK (update), self);
  update (self);
}
