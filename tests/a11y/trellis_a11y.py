# trellis_a11y.py — drive Trellis through the accessibility tree (AT-SPI), as a screen reader would
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test launches build/src/trellis on a temporary sample database inside its own session bus
# (the test runs under `xvfb-run -a dbus-run-session`), finds it on the AT-SPI desktop and then
# uses only what an assistive technology has: accessible names, roles, states, actions, editable
# text and synthesized key events. Never coordinates.
#
# GTK 4.8 keeps every widget in the tree, also those on hidden stack pages, and marks none of
# them “showing”; searches are therefore scoped to a container (a page, a dialog) found first.

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

import gi

gi.require_version('Atspi', '2.0')
gi.require_version('Gio', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

DEFAULT_TIMEOUT = 10.0
POLL = 0.05

# The roles a screen reader user operates; each needs a name.
INTERACTIVE_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'text', 'entry',
    'password text', 'spin button', 'menu item', 'check menu item', 'radio menu item', 'page tab',
    'slider', 'link', 'switch',
}

# With no name, GTK 4.8 reports the widget's type name (“GtkToggleButton”, “AdwGizmo”).
TYPE_NAME = re.compile(r'^(Gtk|Adw|Trellis)[A-Za-z]+$')


class Failure(Exception):
    """A step of a workflow that a screen reader user cannot do."""


# Names

def clean_name(name):
    """The name as a listener hears it, without GTK 4.8's doubled mnemonic labels.

    GTK 4.8 names a button with a mnemonic label “_Add Goal Add Goal” (its label property, then
    the label it is labelled by); compare with “Add Goal”.
    """
    if name is None or TYPE_NAME.match(name):
        return ''
    words = name.split(' ')
    if len(words) % 2 == 0:
        half = len(words) // 2
        first, second = ' '.join(words[:half]), ' '.join(words[half:])
        if first.replace('_', '') == second:
            return second
    return name


def name_of(obj):
    try:
        return clean_name(obj.get_name())
    except GLib.Error:
        return ''


def role_of(obj):
    try:
        return obj.get_role_name()
    except GLib.Error:
        return ''


def states_of(obj):
    try:
        return {s.value_nick for s in obj.get_state_set().get_states()}
    except GLib.Error:
        return set()


def actions_of(obj):
    try:
        iface = obj.get_action_iface()
    except GLib.Error:
        return []
    if iface is None:
        return []
    names = []
    try:
        for i in range(iface.get_n_actions()):
            names.append(iface.get_action_name(i))
    except GLib.Error:
        pass
    return names


def children(obj):
    try:
        n = obj.get_child_count()
    except GLib.Error:
        return []
    result = []
    for i in range(n):
        try:
            child = obj.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            result.append(child)
    return result


def describe(obj):
    return '[%s] %r' % (role_of(obj), name_of(obj))


def path_of(obj, root=None):
    """Where @obj is: its named ancestors (nameless panels and fillers left out), then itself."""
    parts = []
    node = obj
    while node is not None:
        if node == obj or name_of(node) or role_of(node) not in ('panel', 'filler', 'scroll pane', 'unknown'):
            parts.append(describe(node))
        if root is not None and node == root:
            break
        try:
            node = node.get_parent()
        except GLib.Error:
            break
        if node is not None and role_of(node) == 'desktop frame':
            break
    return ' > '.join(reversed(parts))


def walk(obj, prune=None):
    """Every descendant of @obj, depth first; subtrees for which prune(node) is true are skipped."""
    stack = [obj]
    while stack:
        node = stack.pop()
        yield node
        if prune is not None and node is not obj and prune(node):
            continue
        stack.extend(reversed(children(node)))


def matches(obj, role=None, name=None, pred=None):
    if role is not None and role_of(obj) != role and not (isinstance(role, (set, tuple)) and role_of(obj) in role):
        return False
    if name is not None:
        actual = name_of(obj)
        if hasattr(name, 'search'):
            if not name.search(actual):
                return False
        elif actual != name:
            return False
    return pred is None or pred(obj)


def find_all(root, role=None, name=None, pred=None):
    return [o for o in walk(root) if o is not root and matches(o, role, name, pred)]


def wait_for(what, check, timeout=DEFAULT_TIMEOUT):
    """Polls check() until it returns something true; fails with @what after @timeout seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = check()
            if result:
                return result
        except GLib.Error as error:
            last_error = error
        if time.monotonic() > deadline:
            raise Failure('timed out waiting for %s%s' % (what, ' (%s)' % last_error if last_error else ''))
        time.sleep(POLL)


def find(root, role=None, name=None, pred=None, timeout=DEFAULT_TIMEOUT):
    """The first descendant of @root with @role and @name, waiting for it to appear."""
    def check():
        for obj in walk(root):
            if obj is not root and matches(obj, role, name, pred):
                return obj
        return None
    what = '%s %r in %s' % (role or 'element', name.pattern if hasattr(name, 'pattern') else name, describe(root))
    return wait_for(what, check, timeout)


def gone(root, role=None, name=None, timeout=DEFAULT_TIMEOUT):
    wait_for('%s %r to go away' % (role, name), lambda: not find_all(root, role, name), timeout)


# Acting

def do_action(obj, action=None):
    """Runs @action (by name; the first one when None) of @obj, as a screen reader’s “activate”."""
    iface = obj.get_action_iface()
    if iface is None:
        raise Failure('%s exposes no actions' % path_of(obj))
    names = actions_of(obj)
    if not names:
        raise Failure('%s exposes no actions' % path_of(obj))
    index = 0 if action is None else names.index(action) if action in names else -1
    if index < 0:
        raise Failure('%s has no action %r (it has %s)' % (path_of(obj), action, names))
    if not iface.do_action(index):
        raise Failure('action %r of %s failed' % (names[index], path_of(obj)))


def click(obj):
    do_action(obj, 'click' if 'click' in actions_of(obj) else None)


def set_text(obj, text):
    iface = obj.get_editable_text_iface()
    if iface is None:
        raise Failure('%s is not editable text' % path_of(obj))
    if not iface.set_text_contents(text):
        raise Failure('could not set the text of %s' % path_of(obj))


def insert_text(obj, text, position=-1):
    iface = obj.get_editable_text_iface()
    if iface is None:
        raise Failure('%s is not editable text' % path_of(obj))
    if position < 0:
        position = get_text(obj).__len__()
    if not iface.insert_text(position, text, len(text.encode('utf-8'))):
        raise Failure('could not insert text into %s' % path_of(obj))


def get_text(obj):
    iface = obj.get_text_iface()
    if iface is None:
        return ''
    return iface.get_text(0, iface.get_character_count())


def focus(obj):
    """Moves the keyboard focus to @obj (Component.grab_focus, what a screen reader’s focus does)."""
    component = obj.get_component_iface()
    if component is None or not component.grab_focus():
        raise Failure('cannot focus %s' % path_of(obj))


def select_child(container, index):
    iface = container.get_selection_iface()
    if iface is None:
        raise Failure('%s has no selection interface' % path_of(container))
    if not iface.select_child(index):
        raise Failure('could not select child %d of %s' % (index, path_of(container)))


KEYSYMS = {
    'Tab': 0xff09, 'ISO_Left_Tab': 0xfe20, 'Return': 0xff0d, 'Escape': 0xff1b, 'space': 0x20,
    'Up': 0xff52, 'Down': 0xff54, 'Left': 0xff51, 'Right': 0xff53, 'Home': 0xff50, 'End': 0xff57,
    'Delete': 0xffff, 'BackSpace': 0xff08, 'F10': 0xffc7, 'Page_Up': 0xff55, 'Page_Down': 0xff56,
    'comma': 0x2c,
}
MODIFIER_MASKS = {'Shift': 1 << 0, 'Control': 1 << 2, 'Alt': 1 << 3}


def _keysym(key):
    if key in KEYSYMS:
        return KEYSYMS[key]
    if len(key) == 1:
        return ord(key)
    raise ValueError('unknown key %r' % key)


def key(combo, settle=0.05):
    """Presses and releases a key such as 'Tab', '<Control>n' or '<Shift>Tab'.

    (Atspi.KeySynthType is an enumeration, not flags: modifiers are locked around the key.)"""
    mask = 0
    for mod in re.findall(r'<(\w+)>', combo):
        mask |= MODIFIER_MASKS[mod]
    name = re.sub(r'<\w+>', '', combo)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        Atspi.generate_keyboard_event(_keysym(name), None, Atspi.KeySynthType.SYM)
    finally:
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    time.sleep(settle)


def tab_to(obj, limit=40, backwards=False):
    """Presses Tab (Shift+Tab when @backwards) until @obj has the keyboard focus."""
    for _ in range(limit):
        if 'focused' in states_of(obj):
            return obj
        key('<Shift>Tab' if backwards else 'Tab')
    return wait_for('the keyboard focus on %s' % path_of(obj), lambda: 'focused' in states_of(obj), 2)


def type_text(text):
    """Types @text with synthesized key events, one character at a time."""
    for char in text:
        key('space' if char == ' ' else char, settle=0.01)


# The application

def _ensure_accessibility_bus():
    """Makes sure the AT-SPI bus and registry run in this session; returns a process we started."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    try:
        bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress', None,
                      GLib.VariantType.new('(s)'), Gio.DBusCallFlags.NONE, 5000, None)
        return None
    except GLib.Error:
        pass
    for launcher in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher'):
        if os.path.exists(launcher):
            process = subprocess.Popen([launcher, '--launch-immediately'])
            wait_for('the accessibility bus', lambda: _bus_has_owner(bus), 10)
            return process
    raise Failure('the AT-SPI bus launcher is not installed (package at-spi2-core)')


def _bus_has_owner(bus):
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'NameHasOwner', GLib.Variant('(s)', ('org.a11y.Bus',)),
                          GLib.VariantType.new('(b)'), Gio.DBusCallFlags.NONE, 1000, None)
    return reply.unpack()[0]


def build_root():
    return os.environ.get('TRELLIS_BUILD_ROOT',
                          os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'build'))


class App:
    """Trellis running on a temporary database, seen through AT-SPI."""

    def __init__(self, students=30, editor='Ana Rivera'):
        self.tmpdir = tempfile.mkdtemp(prefix='trellis-a11y-')
        self.database = os.path.join(self.tmpdir, 'school.db')
        self.binary = os.path.join(build_root(), 'src', 'trellis')
        self.process = None
        self.launcher = None
        self.editor = editor
        self.students = students
        self.app = None

    # Set-up and tear-down

    def env(self):
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env['GTK_A11Y'] = 'atspi'
        env['GSETTINGS_BACKEND'] = 'memory'
        env['GSETTINGS_SCHEMA_DIR'] = os.path.join(build_root(), 'data')
        env['XDG_DATA_HOME'] = os.path.join(self.tmpdir, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(self.tmpdir, 'config')
        env.pop('G_DEBUG', None)
        return env

    def start(self):
        if self.students:
            subprocess.run([self.binary, '--database', self.database, '--populate-sample', str(self.students)],
                           env=self.env(), check=True, stdout=subprocess.DEVNULL, timeout=60)
        self.launcher = _ensure_accessibility_bus()
        self.process = subprocess.Popen([self.binary, '--database', self.database], env=self.env())
        self.app = wait_for('Trellis on the accessibility bus', self._find_app, 20)
        if self.editor is not None:
            self.answer_editor_dialog(self.editor, 'Teacher')
        return self

    def _find_app(self):
        if self.process.poll() is not None:
            raise Failure('Trellis exited with status %d' % self.process.returncode)
        desktop = Atspi.get_desktop(0)
        for child in children(desktop):
            try:
                if child.get_process_id() == self.process.pid and child.get_child_count() > 0:
                    return child
            except GLib.Error:
                continue
        return None

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        if self.launcher is not None and self.launcher.poll() is None:
            self.launcher.kill()
            self.launcher.wait(10)
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    # Windows

    def windows(self):
        return children(self.app)

    def window(self, role=None, name=None, timeout=DEFAULT_TIMEOUT, pred=None):
        """A toplevel (frame, dialog) of the application."""
        def check():
            for window in self.windows():
                if matches(window, role, name, pred):
                    return window
            return None
        return wait_for('window %s %r (the application has %s)' % (
            role, name, ', '.join(describe(w) for w in self.windows()) or 'none'), check, timeout)

    def main_window(self):
        """The main window, found once: its accessible object lives as long as the window."""
        if getattr(self, '_main_window', None) is None:
            self._main_window = self.window('frame')
        return self._main_window

    def window_gone(self, role=None, name=None, timeout=DEFAULT_TIMEOUT, refocus=True, pred=None):
        wait_for('window %r to close' % name,
                 lambda: not any(matches(w, role, name, pred) for w in self.windows()), timeout)
        if refocus:
            self.refocus()

    def refocus(self):
        """Gives the keyboard back to the window left open, as a window manager does when a
        dialog closes (the test's X server runs none)."""
        remaining = [w for w in self.windows() if 'visible' in states_of(w)]
        if not remaining:
            return
        title = name_of(remaining[-1]) or remaining[-1].get_name()
        found = subprocess.run(['xdotool', 'search', '--pid', str(self.process.pid), '--name',
                                '^%s$' % re.escape(title)], capture_output=True, text=True)
        for window in found.stdout.split()[-1:]:
            subprocess.run(['xdotool', 'windowfocus', '--sync', window], capture_output=True, timeout=10)

    def answer_editor_dialog(self, name, role_label):
        dialog = self.window('dialog', 'Who Is Using Trellis?')
        set_text(find(dialog, 'text', 'Name'), name)
        choose(find(dialog, 'combo box', 'Role'), role_label)
        click(find(dialog, 'push button', 'Continue', pred=lambda o: 'sensitive' in states_of(o)))
        self.window_gone('dialog', 'Who Is Using Trellis?')

    # The main window's parts

    def student_list(self):
        return find(self.main_window(), 'list', 'Students')

    def widget(self, type_name, root=None):
        """A nameless container by its GTK type (GTK 4.8 reports that as its name)."""
        return find(root or self.main_window(), pred=lambda o: o.get_name() == type_name)

    def tab(self, name):
        return find(self.main_window(), 'page tab', name)

    def db(self):
        connection = sqlite3.connect('file:%s?mode=ro' % self.database, uri=True, timeout=5)
        connection.row_factory = sqlite3.Row
        return connection

    def query(self, sql, *args):
        with self.db() as connection:
            return connection.execute(sql, args).fetchall()


def get_label(obj):
    """The text of a label, '' for anything else."""
    return name_of(obj) if role_of(obj) == 'label' else ''


def labels_in(obj):
    return [get_label(o) for o in walk(obj) if role_of(o) == 'label']


def choose(combo, label):
    """Picks @label in a drop-down (GtkDropDown, AdwComboRow) as a keyboard user does: open
    its list, move the focus with the arrow keys to the item, press Enter."""
    button = next((o for o in walk(combo) if o is not combo and role_of(o) == 'push button'), None)
    click(button if button is not None else combo)

    def items():
        for obj in walk(combo):
            if role_of(obj) == 'list' and 'list.select-all' in actions_of(obj):
                found = [o for o in children(obj) if role_of(o) == 'list item']
                if any('focused' in states_of(o) for o in found):
                    return found
        return None
    entries = wait_for('the open list of %s' % describe(combo), items)
    texts = [' '.join(labels_in(o)) for o in entries]
    if label not in texts:
        raise Failure('%s offers no %r (it offers %s)' % (describe(combo), label, texts))
    current = next(i for i, o in enumerate(entries) if 'focused' in states_of(o))
    target = texts.index(label)
    for _ in range(abs(target - current)):
        key('Down' if target > current else 'Up')
    key('Return')
    wait_for('%s to show %r' % (describe(combo), label), lambda: label in labels_in(button or combo))


def dump(obj, out=sys.stdout, root=None):
    """Prints the tree under @obj (for writing tests)."""
    def visit(node, depth):
        out.write('%s%s %s %s\n' % ('  ' * depth, describe(node), sorted(states_of(node) & {
            'focusable', 'focused', 'selected', 'checked', 'sensitive', 'editable'}), actions_of(node)))
        for child in children(node):
            visit(child, depth + 1)
    visit(obj, 0)


# Running

def run(cases, students=30, editor='Ana Rivera'):
    """Runs each case (a function taking an App) in a fresh Trellis, printing TAP; returns the exit code."""
    print('1..%d' % len(cases), flush=True)
    failures = 0
    for number, case in enumerate(cases, 1):
        # A case whose docstring says it starts with no editor answers the first-launch dialog itself.
        first_launch = 'no editor' in (case.__doc__ or '')
        app = App(students=students, editor=None if first_launch else editor)
        description = case.__name__.replace('_', ' ')
        started = time.monotonic()
        try:
            signal.alarm(90)
            app.start()
            case(app)
            print('ok %d - %s (%.1f s)' % (number, description, time.monotonic() - started), flush=True)
        except Exception as error:  # noqa: BLE001 — every failure is reported, then the next case runs
            failures += 1
            print('not ok %d - %s: %s' % (number, description, error), flush=True)
            for line in traceback.format_exc().splitlines():
                print('# ' + line, flush=True)
        finally:
            signal.alarm(0)
            app.stop()
    return 1 if failures else 0


def main(cases):
    """A test script's entry point: the cases named on the command line (all when none), as TAP."""
    wanted = sys.argv[1:]
    chosen = [c for c in cases if not wanted or c.__name__ in wanted]
    if wanted and len(chosen) != len(wanted):
        sys.exit('unknown case among %s' % wanted)
    sys.exit(run(chosen))


def _on_alarm(signum, frame):
    raise Failure('the case took longer than its time limit')


signal.signal(signal.SIGALRM, _on_alarm)


# Auditing

def _shows_current_choice(item):
    """An AdwComboRow shows its current choice in a list of one item that takes no focus (the
    named row does) and that it builds itself; a choice in an open list is selectable."""
    if 'selectable' in states_of(item):
        return False
    node = item.get_parent()
    while node is not None and role_of(node) not in ('combo box', 'frame', 'dialog', 'application'):
        node = node.get_parent()
    return node is not None and role_of(node) == 'combo box'


def nameless_controls(root):
    """Every control under @root that a screen reader user can reach or operate but that has no
    name, with its path: buttons, toggles, entries, drop-downs, menu items, tabs, and list items
    that take the focus."""
    offenders = []
    for obj in walk(root):
        role = role_of(obj)
        if role not in INTERACTIVE_ROLES and role != 'list item':
            continue
        states = states_of(obj)
        reachable = 'focusable' in states or bool(actions_of(obj))
        if not reachable:
            continue
        try:
            raw = obj.get_name() or ''
        except GLib.Error:
            raw = ''
        # A name a listener would hear garbled: GTK 4.8's “_Add Goal Add Goal” (Trellis cleans
        # the names of what is shown; pages never shown yet keep GTK's).
        if name_of(obj) and (clean_name(raw) == raw or 'showing' not in states):
            continue
        if role == 'list item' and _shows_current_choice(obj):
            continue
        offenders.append(path_of(obj, root) + (' (heard as %r)' % raw if raw else ''))
    return offenders


MNEMONIC = re.compile(r'(?:^|[\s(“"])_[^\s_]')


def garbled_names(root):
    """Every object under @root that is not hidden and whose name a listener would hear garbled:
    a mnemonic underscore (“_Add Note”) or a phrase said twice (“Add Note Add Note”), with its
    path."""
    offenders = []
    # GTK 4.8 does not say “showing”; what is inside a hidden widget is left out.
    for obj in walk(root, prune=lambda node: 'visible' not in states_of(node)):
        if 'visible' not in states_of(obj):
            continue
        try:
            raw = obj.get_name() or ''
        except GLib.Error:
            continue
        if not raw or TYPE_NAME.match(raw):
            continue
        words = raw.split(' ')
        half = len(words) // 2
        doubled = len(words) % 2 == 0 and half > 0 and \
            ' '.join(words[:half]).replace('_', '') == ' '.join(words[half:]).replace('_', '')
        if MNEMONIC.search(raw) or doubled:
            offenders.append('%s (heard as %r)' % (path_of(obj, root), raw))
    return offenders
