#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader sees of a running Poplar: walks its AT-SPI tree and prints every
node shown on screen (role, name), then the interactive ones that have no name.

Not a CTest test (it needs an X server, a D-Bus session and the AT-SPI bus); run by hand:

  Xvfb :97 & export DISPLAY=:97
  dbus-run-session -- sh -c '/usr/libexec/at-spi-bus-launcher --launch-immediately &
      QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 build/app/poplar/poplar --profile DIR &
      sleep 5; /usr/bin/python3 tests/ui/atspi-tree.py'

Exit status 1 when an interactive node has no name, 2 when no Poplar is on the bus.
"""
import sys

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
}
ITEM_VIEWS = {pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE}


def walk(node, depth, unnamed, limit=4000):
    if node is None or limit[0] <= 0:
        return
    limit[0] -= 1
    states = node.getState()
    if not states.contains(pyatspi.STATE_SHOWING) and node.getRole() != pyatspi.ROLE_MENU_ITEM:
        return
    role = node.getRole()
    name = node.name or ""
    print("%s%s: %r" % ("  " * depth, node.getRoleName(), name))
    if role in INTERACTIVE and not name.strip():
        unnamed.append("%s under %r" % (node.getRoleName(), node.parent.name if node.parent else ""))
    if role in ITEM_VIEWS:
        # The first few items: what a screen reader reads of a row.
        for i in range(min(node.childCount, 14)):
            child = node.getChildAtIndex(i)
            if child is not None:
                print("%s  item: %r" % ("  " * depth, child.name))
        return
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), depth + 1, unnamed, limit)


def main():
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    poplar = [a for a in apps if a is not None and "poplar" in (a.name or "").lower()]
    if not poplar:
        print("no Poplar on the accessibility bus; applications: %s"
              % [a.name for a in apps if a is not None])
        return 2
    unnamed = []
    for app in poplar:
        walk(app, 0, unnamed, [4000])
    print()
    print("interactive nodes without a name: %d" % len(unnamed))
    for line in unnamed:
        print("  " + line)
    return 1 if unnamed else 0


if __name__ == "__main__":
    sys.exit(main())
