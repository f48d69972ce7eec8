// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QPushButton;

namespace poplar::sync {
class SyncController;
}

namespace poplar::ui {

/// Help ▸ Protocol Log: what each account's last check said to its server and heard back,
/// with passwords and tokens already replaced by the POP3 client (the same lines as
/// `poplarctl sync --log`), to paste into a bug report. GUI thread.
class ProtocolLogDialog : public QDialog {
    Q_OBJECT

public:
    /// `sync` must outlive the dialog.
    ProtocolLogDialog(sync::SyncController &sync, const QList<Account> &accounts,
                      const QString &currentAccountId, QWidget *parent = nullptr);

    [[nodiscard]] QString logText() const;
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    [[nodiscard]] QComboBox *accountChooser() const { return m_accounts; }

    /// Puts the log shown on the clipboard.
    void copyToClipboard();

private:
    void showAccount();

    sync::SyncController &m_sync;
    QComboBox *m_accounts = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace poplar::ui
