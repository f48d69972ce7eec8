// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15, accessibility basics: every interactive control of the main window, the account
// dialog, the settings dialog and the message window has an accessible name, as a screen
// reader gets it through QAccessible (what Qt hands AT-SPI), and can be reached from the
// keyboard; the message list says who sent a message, its subject, its date and whether it
// is read.
#include "WindowFixture.h"

#include "AccountDialog.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "MessageWindow.h"
#include "PasswordPrompt.h"
#include "SettingsDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>
#include <QToolButton>

#include <functional>

using namespace poplar;
using poplar::store::Folder;

namespace {

bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::Button:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTab:
    case QAccessible::MenuItem:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
        return true;
    default:
        return false;
    }
}

bool isItemView(QAccessible::Role role)
{
    return role == QAccessible::List || role == QAccessible::Table || role == QAccessible::Tree;
}

QString describe(QAccessibleInterface *iface)
{
    const char *role = QMetaEnum::fromType<QAccessible::Role>().valueToKey(iface->role());
    QString name = QStringLiteral("%1").arg(QString::fromLatin1(role ? role : "?"));
    if (QObject *object = iface->object()) {
        name +=
            QStringLiteral(" %1 \"%2\"")
                .arg(QString::fromLatin1(object->metaObject()->className()), object->objectName());
        if (QObject *parent = object->parent())
            name += QStringLiteral(" in %1 \"%2\"")
                        .arg(QString::fromLatin1(parent->metaObject()->className()),
                             parent->objectName());
    }
    return name;
}

/// The interactive controls under `root`, shown on screen, that a screen reader could not
/// name. Items of a list, table or tree are named by what they show and are left out (the
/// message list's are checked on their own).
QStringList unnamedControls(QWidget *root)
{
    QStringList found;
    std::function<void(QAccessibleInterface *)> walk = [&](QAccessibleInterface *iface) {
        if (!iface || !iface->isValid() || iface->state().invisible)
            return;
        const QAccessible::Role role = iface->role();
        if (isInteractive(role) && iface->text(QAccessible::Name).trimmed().isEmpty())
            found.append(describe(iface));
        if (isItemView(role))
            return;
        for (int i = 0; i < iface->childCount(); ++i)
            walk(iface->child(i));
    };
    walk(QAccessible::queryAccessibleInterface(root));
    return found;
}

/// Whether `widget` is one a user works with (not a label, a frame or a scroll bar).
bool isControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) ||
           qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget) ||
           (qobject_cast<const QAbstractItemView *>(widget) &&
            !qobject_cast<const QHeaderView *>(widget)) ||
           qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QTabBar *>(widget);
}

/// Whether the keyboard reaches this action: a shortcut, or a place in a menu.
bool keyboardReaches(const QAction *action)
{
    if (!action->shortcut().isEmpty())
        return true;
    for (const QObject *object : action->associatedObjects()) {
        if (qobject_cast<const QMenu *>(object))
            return true;
    }
    return false;
}

/// The controls under `root`, shown on screen and enabled, that Tab never reaches and whose
/// work the keyboard cannot do some other way (a toolbar button's action in a menu or
/// behind a shortcut, a line edit's clear button behind Escape or Backspace).
QStringList unreachableControls(QWidget *root)
{
    QStringList found;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!isControl(widget) || !widget->isVisibleTo(root) || !widget->isEnabled())
            continue;
        if (qobject_cast<QLineEdit *>(widget->parentWidget()))
            continue; // the clear button and the like: the line edit takes the keys
        if (auto *tool = qobject_cast<QToolButton *>(widget);
            tool && qobject_cast<QToolBar *>(tool->parentWidget())) {
            if (!tool->defaultAction() || !keyboardReaches(tool->defaultAction()))
                found.append(QStringLiteral("toolbar button \"%1\"").arg(tool->text()));
            continue;
        }
        if (qobject_cast<QTabBar *>(widget->parentWidget()))
            continue; // a tab bar's scroll arrows: the arrow keys do that
        if ((widget->focusPolicy() & Qt::TabFocus) != Qt::TabFocus)
            found.append(QStringLiteral("%1 \"%2\" (%3)")
                             .arg(QString::fromLatin1(widget->metaObject()->className()),
                                  widget->objectName(),
                                  widget->accessibleName().isEmpty()
                                      ? QAccessible::queryAccessibleInterface(widget)->text(
                                            QAccessible::Name)
                                      : widget->accessibleName()));
    }
    return found;
}

/// Menu entries with no words (separators aside), in every menu of the menu bar.
QStringList unnamedMenuEntries(const QMenuBar *bar)
{
    QStringList found;
    std::function<void(const QMenu *)> walk = [&](const QMenu *menu) {
        for (const QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            if (action->text().remove(QLatin1Char('&')).trimmed().isEmpty())
                found.append(QStringLiteral("an entry of %1").arg(menu->title()));
            if (action->menu())
                walk(action->menu());
        }
    };
    for (const QAction *action : bar->actions()) {
        if (action->menu())
            walk(action->menu());
    }
    return found;
}

QByteArray messageWithAttachment()
{
    return "From: Dan Reed <dan@example.org>\r\nTo: me@example.org\r\nSubject: Quarterly report\r\n"
           "Date: Mon, 06 May 2024 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee attached.\r\n"
           "--b1\r\nContent-Type: application/pdf; name=\"q1-report.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"q1-report.pdf\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
}

/// Fails, listing them, when `found` names any control.
#define EXPECT_NONE(found)                                                                         \
    do {                                                                                           \
        const QStringList list = (found);                                                          \
        EXPECT_TRUE(list.isEmpty()) << qPrintable(list.join(QLatin1Char('\n')));                   \
    } while (false)

class AccessibilityTest : public test::WindowFixture {};

TEST_F(AccessibilityTest, EveryControlOfTheMainWindowHasANameAndTheKeyboardReachesIt)
{
    const QString home = addAccount(QStringLiteral("Home"));
    addAccount(QStringLiteral("Work"));
    const QList<qint64> ids = threeMessages(home);
    const qint64 report =
        test::storeMessage(*m_store, home, QStringLiteral("report"), messageWithAttachment());
    ASSERT_TRUE(m_actions->moveToTrash(ids.at(0)).ok());
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    selectMessage(window, report); // the viewer with its attachment and buttons
    QApplication::processEvents();

    EXPECT_NONE(unnamedControls(&window));
    EXPECT_NONE(unreachableControls(&window));
    EXPECT_NONE(unnamedMenuEntries(window.menuBar()));

    // Trash, with its line about the server deletion queued.
    window.showFolder(home, Folder::Trash);
    ASSERT_TRUE(test::waitUntil([&] {
        return window.findChild<QWidget *>(QStringLiteral("serverDeletionBar"))->isVisible();
    }));
    selectMessage(window, ids.at(0));
    QApplication::processEvents();
    EXPECT_NONE(unnamedControls(&window));
    EXPECT_NONE(unreachableControls(&window));
}

TEST_F(AccessibilityTest, TheMessageListSaysWhoWhatWhenAndWhetherItIsRead)
{
    const QString home = addAccount(QStringLiteral("Home"));
    const qint64 id =
        test::storeMessage(*m_store, home, QStringLiteral("a"),
                           test::rfc5322(QStringLiteral("Tickets for Friday"),
                                         QStringLiteral("Grace Hopper <grace@example.org>"),
                                         at(9, 14), QStringLiteral("Two seats.")));
    ui::MainWindow &window = makeWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showFolder(home, Folder::Inbox);
    ui::MessageListModel *model = window.messageModel();
    const int row = model->rowOf(id);
    ASSERT_GE(row, 0);

    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(window.messageList());
    ASSERT_NE(list, nullptr);
    EXPECT_FALSE(list->text(QAccessible::Name).isEmpty());
    ASSERT_NE(list->tableInterface(), nullptr);
    QAccessibleInterface *cell = list->tableInterface()->cellAt(row, 0);
    ASSERT_NE(cell, nullptr);
    const QString said = cell->text(QAccessible::Name);
    EXPECT_TRUE(said.contains(QStringLiteral("Unread"))) << qPrintable(said);
    EXPECT_TRUE(said.contains(QStringLiteral("Grace Hopper"))) << qPrintable(said);
    EXPECT_TRUE(said.contains(QStringLiteral("Tickets for Friday"))) << qPrintable(said);
    EXPECT_TRUE(said.contains(ui::MessageListModel::formatDate(at(9, 14)))) << qPrintable(said);

    // Read, it says so no more.
    selectMessage(window, id);
    QAccessibleInterface *readCell = list->tableInterface()->cellAt(model->rowOf(id), 0);
    ASSERT_NE(readCell, nullptr);
    EXPECT_FALSE(readCell->text(QAccessible::Name).contains(QStringLiteral("Unread")))
        << qPrintable(readCell->text(QAccessible::Name));
}

TEST_F(AccessibilityTest, TheSettingsAndAccountDialogsNameEveryControl)
{
    addAccount(QStringLiteral("Home"));
    ui::SettingsDialog settings(*m_accounts, m_secrets);
    settings.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&settings));
    EXPECT_NONE(unnamedControls(&settings));
    EXPECT_NONE(unreachableControls(&settings));

    ui::AccountDialog fresh;
    fresh.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&fresh));
    EXPECT_NONE(unnamedControls(&fresh));
    EXPECT_NONE(unreachableControls(&fresh));

    const std::optional<Account> account = m_accounts->accounts().value(0);
    ASSERT_TRUE(account);
    ui::AccountDialog edit(*account);
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    EXPECT_NONE(unnamedControls(&edit));
    EXPECT_NONE(unreachableControls(&edit));
}

TEST_F(AccessibilityTest, TheMessageWindowAndThePasswordPromptNameEveryControl)
{
    auto *window = new ui::MessageWindow(0, messageWithAttachment(), QStringLiteral("report.eml"));
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    QApplication::processEvents();
    EXPECT_NONE(unnamedControls(window));
    EXPECT_NONE(unreachableControls(window));
    EXPECT_NONE(unnamedMenuEntries(window->menuBar()));
    window->close(); // deletes itself

    Account account;
    account.name = QStringLiteral("Home");
    account.user = QStringLiteral("alice");
    account.host = QStringLiteral("pop.example.org");
    ui::PasswordPrompt prompt(account, QString());
    prompt.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&prompt));
    EXPECT_NONE(unnamedControls(&prompt));
    EXPECT_NONE(unreachableControls(&prompt));
}

} // namespace
