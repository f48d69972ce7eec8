// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/RenderedMessage.h"

#include <QCompleter>

class QLineEdit;
class QStringListModel;

namespace poplar::ui {

/// An address as a field of the composer shows it and reads it back: "Name <address>", the
/// name quoted when it holds a comma or another character with a meaning in an address.
[[nodiscard]] QString addressFieldText(const mime::MailAddress &address);
/// Several, separated by ", ".
[[nodiscard]] QString addressFieldText(const QList<mime::MailAddress> &addresses);

/// Completes the address being typed in a field of several ("Bob <bob@x>, car|"): only the
/// part after the last comma is matched, anywhere in a name or address, and choosing a
/// suggestion replaces that part and adds ", " for the next. Suggestions keep the order
/// they are given in (people written to first, then frequent senders). GUI thread.
class AddressCompleter : public QCompleter {
    Q_OBJECT

public:
    /// Completes in `field`, which owns this completer.
    explicit AddressCompleter(QLineEdit *field);

    /// What is offered, best first.
    void setAddresses(const QList<mime::MailAddress> &addresses);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

private:
    void complete();

    QLineEdit *m_field;
    QStringListModel *m_model;
};

} // namespace poplar::ui
