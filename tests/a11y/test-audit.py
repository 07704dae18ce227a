#!/usr/bin/env python3
# test-audit.py — no nameless control on any main screen of Trellis
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Walks the accessible tree of the main window (a student selected, a plan with a goal open;
# GTK 4.8 keeps every tab's page in the tree), the preferences, the framework editor, the group
# overview and the dialogs, and fails on any button, toggle, entry, drop-down, menu item, tab or
# focusable list item without a name, and on any name on screen that a listener would hear garbled
# (a mnemonic underscore, “_Add Note”, or a phrase said twice), printing where each one is.

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from trellis_a11y import Failure, click, find, garbled_names, key, name_of, nameless_controls, run, set_text, states_of  # noqa: E402
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location('workflows', os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                         'test-workflows.py'))
workflows = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(workflows)


def check(screen, root, offenders):
    found = nameless_controls(root)
    for path in found:
        print('# nameless on %s: %s' % (screen, path), flush=True)
    offenders.extend(found)
    garbled = garbled_names(root)
    for path in garbled:
        print('# garbled on %s: %s' % (screen, path), flush=True)
    offenders.extend(garbled)


def every_screen_names_its_controls(app):
    offenders = []
    main = app.main_window()
    # The first-launch and add-student dialogs
    key('<Control>n')
    dialog = app.window('dialog', 'Add a Student')
    check('the Add a Student dialog', dialog, offenders)
    key('Escape')
    app.window_gone('dialog', 'Add a Student')
    key('<Control><Shift>e')
    dialog = app.window('dialog', 'Who Is Using Trellis?')
    check('the Who Is Using Trellis dialog', dialog, offenders)
    key('Escape')
    app.window_gone('dialog', 'Who Is Using Trellis?')

    # The main window: a student with a plan and an open goal
    workflows.add_student(app, 'Audit', 'Example', 'Grade 9')
    workflows.open_tab(app, 'Plan')
    plan_page = app.widget('TrellisPlanPage', workflows.student_view(app))
    click(find(plan_page, 'push button', 'Start a Plan'))
    set_text(find(plan_page, 'text', 'New goal title'), 'Audit goal')
    click(find(plan_page, 'push button', 'Add Goal'))
    editor = app.widget('TrellisGoalEditor', plan_page)
    set_text(find(editor, 'text', 'New action step'), 'Audit step')
    click(find(editor, 'push button', 'Add Step'))
    find(editor, 'check box', 'Done: Audit step')
    check('the main window', main, offenders)

    # Delete dialog
    click(find(main, 'push button', 'Student menu', pred=workflows.focusable))
    click(find(main, 'menu item', 'Delete Student…'))
    dialog = app.window('dialog', pred=lambda w: name_of(w).startswith('Delete'))
    check('the Delete dialog', dialog, offenders)
    click(find(dialog, 'push button', 'Cancel'))
    app.window_gone('dialog', pred=lambda w: name_of(w).startswith('Delete'))

    # Group overview
    click(find(main, 'push button', 'Main menu', pred=workflows.focusable))
    click(find(main, 'menu item', 'Group Overview'))
    known = {name_of(main)}
    overview = app.window(pred=lambda w: name_of(w) not in known)
    check('the group overview', overview, offenders)
    key('Escape')
    app.window_gone(name=name_of(overview))

    # Preferences and the framework editor
    key('<Control>comma')
    prefs = app.window('frame', 'Preferences')
    click(find(prefs, 'page tab', 'Frameworks', pred=workflows.focusable))
    check('the preferences', prefs, offenders)
    known = {name_of(w) for w in app.windows()}
    click(find(prefs, 'push button', name=workflows.re.compile('^Edit “')))
    framework_editor = app.window(pred=lambda w: name_of(w) not in known)
    find(framework_editor, 'page tab', 'Attributes')
    check('the framework editor', framework_editor, offenders)

    if offenders:
        raise Failure('%d controls have no accessible name or a garbled one (listed above)' % len(offenders))


if __name__ == '__main__':
    sys.exit(run([every_screen_names_its_controls]))
