// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace poplar::ui {

/// Asks for an account's password when a check finds none (an "ask" account's first check
/// of the session, or a keychain that has none or cannot be reached). Says why, and offers to
/// keep the answer in memory for the session ("Remember for this session"); never on disk.
class PasswordPrompt : public QDialog {
    Q_OBJECT

public:
    /// `reason` is why there is no password; empty for an account that asks every session.
    PasswordPrompt(const Account &account, const QString &reason, QWidget *parent = nullptr);

    [[nodiscard]] QString password() const;
    [[nodiscard]] bool remember() const;

private:
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
};

} // namespace poplar::ui
