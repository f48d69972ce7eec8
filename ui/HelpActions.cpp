// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpActions.h"

#include "Profile.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

namespace poplar::ui {

HelpActions::HelpActions(const Profile &profile, QWidget *window)
    : QObject(window)
    , m_profile(profile)
    , m_window(window)
{
    m_gettingStarted = new QAction(tr("&Getting Started"), this);
    m_gettingStarted->setObjectName(QStringLiteral("gettingStartedAction"));
    m_gettingStarted->setToolTip(tr("The first steps with Poplar, in a few sentences"));
    connect(m_gettingStarted, &QAction::triggered, this, &HelpActions::showGettingStarted);

    m_about = new QAction(tr("&About Poplar"), this);
    m_about->setObjectName(QStringLiteral("aboutAction"));
    m_about->setMenuRole(QAction::AboutRole);
    m_about->setToolTip(tr("Poplar's version, its licence, and where it keeps your mail"));
    connect(m_about, &QAction::triggered, this, &HelpActions::showAbout);
}

QString HelpActions::aboutText(const Profile &profile)
{
    const auto path = [](const QString &file) {
        return QDir::toNativeSeparators(file).toHtmlEscaped();
    };
    return tr("<h3>Poplar %1</h3>"
              "<p>A mail client for POP3 accounts.</p>"
              "<p>Poplar is free software: you can redistribute it and/or modify it under the "
              "terms of the GNU General Public License, version 3 or (at your option) any "
              "later version (GPL-3.0-or-later). It comes with no warranty.</p>"
              "<p>Your profile:<br>settings and accounts in %2<br>mail in %3</p>"
              "<p>Passwords are never kept in these files.</p>")
        .arg(QStringLiteral(POPLAR_VERSION).toHtmlEscaped(), path(profile.iniPath()),
             path(QFileInfo(profile.cachePath()).absolutePath()));
}

QString HelpActions::gettingStartedText()
{
    return tr("<h3>Getting started</h3>"
              "<ol>"
              "<li>Add your account: File ▸ Settings…, then Add…. Type your address; "
              "Poplar fills in the server of well-known providers. Test Connection tells "
              "you at once whether the server and password work.</li>"
              "<li>Get your mail: Get Messages (F5).</li>"
              "<li>Read: select a message to see it beside the list, or double-click it to "
              "open it in its own window. Images from the internet load only when you "
              "ask.</li>"
              "<li>Tidy up: Delete moves a message to Trash; whether that also deletes it "
              "from the server is a choice of each account.</li>"
              "<li>Find: Edit ▸ Find… (Ctrl+F) searches your mail.</li>"
              "</ol>"
              "<p>Something wrong with a server? Help ▸ Protocol Log shows what was said, "
              "without passwords, to copy into a bug report.</p>");
}

void HelpActions::showAbout()
{
    QMessageBox::about(m_window, tr("About Poplar"), aboutText(m_profile));
}

void HelpActions::showGettingStarted()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Getting Started"),
                                gettingStartedText(), QMessageBox::Close, m_window);
    box->setObjectName(QStringLiteral("gettingStartedDialog"));
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace poplar::ui
