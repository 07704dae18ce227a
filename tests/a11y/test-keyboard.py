#!/usr/bin/env python3
# test-keyboard.py — where the keyboard focus goes, as a keyboard-only user meets it (issue 17, items 5 and 6)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-keyboard.py [CASE…]   (all cases when none is named; prints TAP)
#
# Only synthesized keys move the focus here; AT-SPI says where it went.

import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from trellis_a11y import (  # noqa: E402
    main, Failure, click, find, get_text, key, name_of, path_of, role_of, set_text, states_of, type_text, wait_for,
)

# The shared steps of the workflow tests (a file name with a dash is loaded by path).
_spec = importlib.util.spec_from_file_location(
    'workflows', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-workflows.py'))
workflows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(workflows)


def has_focus(obj):
    return 'focused' in states_of(obj)


def focus_on(what, obj, timeout=5):
    return wait_for('the keyboard focus on %s' % what, lambda: has_focus(obj), timeout)


def typing_lands_in(app, what, entry):
    """Where a keyboard user's typing goes: End, a letter, then BackSpace; the letter must
    appear at the end of @entry. (libadwaita 1.2's entry rows report no “focused” state.)"""
    before = get_text(entry)
    key('End')
    key('Q')
    try:
        wait_for('the letter typed in %s' % what, lambda: get_text(entry) == before + 'Q', 3)
    except Failure:
        raise Failure('typing went to %s, not %s' % (focused_path(app), what))
    key('BackSpace')
    wait_for('the letter taken back in %s' % what, lambda: get_text(entry) == before, 3)


def focused_path(app):
    node = workflows.focused_in(app.main_window())
    return path_of(node, app.main_window()) if node is not None else 'nowhere'


def press_and_expect(app, combo, what, obj):
    key(combo)
    try:
        focus_on(what, obj)
    except Failure:
        raise Failure('after %s the focus is on %s, not %s' % (combo, focused_path(app), what))


def profile_given_name(app):
    profile = app.widget('TrellisProfilePage', workflows.student_view(app))
    return find(profile, 'text', 'Given name')


# Cases

def tab_walks_the_sidebar_once(app):
    """From the header, Tab reaches the search field and the filter button, then the list as
    one stop, then the page; Shift+Tab walks back the same way and leaves the search field
    for the header, not for the list."""
    window = app.main_window()
    add = find(window, 'push button', 'Add a student', pred=workflows.focusable)
    menu = find(window, 'push button', 'Main menu', pred=workflows.focusable)
    search = find(window, 'entry', 'Search students')
    filter_button = find(window, 'push button', 'Filter and sort students', pred=workflows.focusable)
    students = app.student_list()
    wait_for('the student list', lambda: workflows.student_items(app))

    workflows.tab_until('the focus on “Add a student”', lambda: has_focus(add), limit=12)
    workflows.tab_until('the focus on the main menu', lambda: has_focus(menu), limit=3)
    press_and_expect(app, 'Tab', 'the search field', search)
    press_and_expect(app, 'Tab', 'the filter button', filter_button)
    key('Tab')
    row = wait_for('the focus in the student list', lambda: workflows.focused_in(students))
    key('Tab')
    wait_for('the focus out of the student list', lambda: workflows.focused_in(students) is None)
    if workflows.focused_in(window) is not None and role_of(workflows.focused_in(window)) == 'list item':
        raise Failure('Tab went from %r to another row, %s' % (name_of(row), focused_path(app)))

    key('<Shift>Tab')
    wait_for('the focus back in the student list', lambda: workflows.focused_in(students))
    press_and_expect(app, '<Shift>Tab', 'the filter button', filter_button)
    press_and_expect(app, '<Shift>Tab', 'the search field', search)
    press_and_expect(app, '<Shift>Tab', 'the main menu', menu)


def enter_in_search_opens_the_top_match(app):
    """Ctrl+F, a family name, Enter: the first match is chosen and its page takes the focus."""
    # A name typed with plain key presses, and one that is nobody's given name.
    family = next(row[0] for row in app.query('SELECT family_name FROM student WHERE NOT archived ORDER BY id')
                  if row[0].isascii() and row[0].isalpha() and
                  not app.query('SELECT id FROM student WHERE given_name LIKE ?', '%' + row[0] + '%'))
    key('<Control>f')
    search = find(app.main_window(), 'entry', 'Search students')
    focus_on('the search field', search)
    type_text(family)
    key('Return')
    wait_for('a student whose name has %r chosen' % family,
             lambda: family in (workflows.selected_student(app) or ''))
    given = profile_given_name(app)
    wait_for('the student’s page', lambda: get_text(given))
    typing_lands_in(app, 'the given name of the student found', given)
    chosen = app.query('SELECT given_name FROM student WHERE family_name = ? ORDER BY given_name', family)
    if get_text(given) not in [row[0] for row in chosen]:
        raise Failure('the page shows %r, not a student called %s' % (get_text(given), family))


def enter_on_a_row_goes_into_the_page(app):
    """Choosing a student with the arrows and Enter puts the focus in their page, not on a menu."""
    workflows.select_student(app, 2)
    given = profile_given_name(app)
    wait_for('the student’s page', lambda: get_text(given))
    key('Return')
    typing_lands_in(app, 'the given name on the student’s page', given)


def goals_open_at_their_title(app):
    """A new goal opens with the focus in its title, also after another goal was deleted; a
    note added keeps the focus in the note box; Alt+Left goes back to the plan from anywhere."""
    plan_page = workflows.start_plan_with_goal(app, 'Amara', 'Okafor', 'Grade 8', 'Read twelve books')
    editor = app.widget('TrellisGoalEditor', plan_page)
    title = find(editor, 'text', 'Title')
    wait_for('the goal opened', lambda: get_text(title) == 'Read twelve books')
    typing_lands_in(app, 'the new goal’s title', title)

    # A note: Add Note keeps the focus in the box, ready for the next one.
    note_box = find(editor, 'text', name=None, pred=lambda o: name_of(o).startswith('New note'))
    workflows.tab_until('the focus in the note box', lambda: has_focus(note_box), limit=60)
    type_text('I like mysteries')
    add_note = find(editor, 'push button', 'Add Note')
    workflows.tab_until('the focus on Add Note', lambda: has_focus(add_note), limit=3)
    key('space')
    wait_for('the note in the database', lambda: app.query("SELECT id FROM note WHERE body = 'I like mysteries'"))
    focus_on('the note box after Add Note', note_box)

    # Alt+Left with the focus outside the page (in the search field): back to the plan.
    key('<Control>f')
    focus_on('the search field', find(app.main_window(), 'entry', 'Search students'))
    key('<Alt>Left')
    new_goal = find(plan_page, 'text', 'New goal title')
    workflows.tab_until('the whole plan back (its new-goal field)', lambda: has_focus(new_goal), limit=60)

    # A second goal opens at its top, in its title, not in the last goal's note box.
    set_text(new_goal, 'Swim a length')
    key('Return')
    wait_for('the second goal in the database', lambda: app.query("SELECT id FROM goal WHERE title = 'Swim a length'"))
    wait_for('the second goal shown', lambda: get_text(title) == 'Swim a length')
    typing_lands_in(app, 'the second goal’s title', title)

    # Deleted, then a new goal: its title has the focus, not the Delete button.
    click(find(plan_page, 'push button', 'Delete Goal'))
    dialog = app.window('dialog', name=None, pred=lambda w: name_of(w).startswith('Delete'))
    click(find(dialog, 'push button', 'Delete'))
    wait_for('the goal deleted', lambda: not app.query("SELECT id FROM goal WHERE title = 'Swim a length'"))
    workflows.tab_until('the new-goal field', lambda: has_focus(new_goal), limit=60)
    set_text(new_goal, 'Learn ten chords')
    key('Return')
    wait_for('the third goal in the database', lambda: app.query("SELECT id FROM goal WHERE title = 'Learn ten chords'"))
    wait_for('the third goal shown', lambda: get_text(title) == 'Learn ten chords')
    typing_lands_in(app, 'the third goal’s title', title)

CASES = [
    tab_walks_the_sidebar_once,
    enter_in_search_opens_the_top_match,
    enter_on_a_row_goes_into_the_page,
    goals_open_at_their_title,
]

if __name__ == '__main__':
    main(CASES)
