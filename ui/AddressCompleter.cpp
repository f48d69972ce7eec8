// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddressCompleter.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QStringListModel>

#include <algorithm>

namespace poplar::ui {

namespace {

/// Where the address being typed starts: after the last comma outside quotes.
qsizetype lastAddressStart(const QString &text)
{
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('"'))
            quoted = !quoted;
        else if (text.at(i) == QLatin1Char(',') && !quoted)
            start = i + 1;
    }
    return start;
}

} // namespace

QString addressFieldText(const mime::MailAddress &a)
{
    const QString name = a.name.trimmed();
    if (name.isEmpty())
        return a.address.trimmed();
    static const QString special = QStringLiteral(",;<>\"@:()[]\\");
    const bool quote =
        std::any_of(name.begin(), name.end(), [](QChar c) { return special.contains(c); });
    QString shown = name;
    if (quote) {
        shown.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        shown.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        shown = QLatin1Char('"') + shown + QLatin1Char('"');
    }
    return a.address.trimmed().isEmpty()
               ? shown
               : shown + QStringLiteral(" <") + a.address.trimmed() + QLatin1Char('>');
}

QString addressFieldText(const QList<mime::MailAddress> &addresses)
{
    QStringList parts;
    for (const mime::MailAddress &a : addresses)
        parts.append(addressFieldText(a));
    return parts.join(QStringLiteral(", "));
}

AddressCompleter::AddressCompleter(QLineEdit *field)
    : QCompleter(field)
    , m_field(field)
    , m_model(new QStringListModel(this))
{
    setModel(m_model);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    setCompletionMode(QCompleter::PopupCompletion);
    setMaxVisibleItems(8);
    // QLineEdit::setCompleter would complete the whole text: this one completes the part
    // after the last comma, so it is driven by hand.
    setWidget(field);
    connect(field, &QLineEdit::textEdited, this, &AddressCompleter::complete);
    connect(this, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &chosen) {
                const QString text = m_field->text();
                const QString before = text.left(lastAddressStart(text)).trimmed();
                m_field->setText((before.isEmpty() ? QString() : before + QLatin1Char(' ')) +
                                 chosen + QStringLiteral(", "));
            });
}

void AddressCompleter::setAddresses(const QList<mime::MailAddress> &addresses)
{
    QStringList lines;
    lines.reserve(addresses.size());
    for (const mime::MailAddress &a : addresses)
        lines.append(addressFieldText(a));
    m_model->setStringList(lines);
}

void AddressCompleter::complete()
{
    const QString text = m_field->text().left(m_field->cursorPosition());
    const QString typed = text.mid(lastAddressStart(text)).trimmed();
    if (typed.size() < 1) {
        popup()->hide();
        return;
    }
    setCompletionPrefix(typed);
    if (completionCount() == 0) {
        popup()->hide();
        return;
    }
    QCompleter::complete();
}

QStringList AddressCompleter::splitPath(const QString &path) const
{
    return {path.mid(lastAddressStart(path)).trimmed()};
}

QString AddressCompleter::pathFromIndex(const QModelIndex &index) const
{
    return index.data(Qt::DisplayRole).toString();
}

} // namespace poplar::ui
