// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterRunDialog.h"

#include "MessageRowText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

QString ruleText(const filters::FilterOutcome &o)
{
    // The rule that placed the message; else the one that only marks it, which is what
    // changes it.
    const bool placed = o.ruleLine > 0;
    const QString &name = placed ? o.ruleName : o.markedByRule;
    const int line = placed ? o.ruleLine : o.markedByLine;
    if (!name.isEmpty())
        return name;
    if (line > 0)
        return FilterRunDialog::tr("Rule on line %1").arg(line);
    return FilterRunDialog::tr("(marks only)");
}

QString marksText(const filters::FilterMove &move)
{
    QStringList marks;
    if (move.outcome.seen && !move.message.seen)
        marks.append(FilterRunDialog::tr("mark read"));
    if (move.outcome.flagged && !move.message.flagged)
        marks.append(FilterRunDialog::tr("flag"));
    for (const QString &tag : move.tagNames) // "Work", not its keyword "$label2"
        marks.append(FilterRunDialog::tr("tag %1").arg(tag));
    if (move.deleteOnServer)
        marks.append(FilterRunDialog::tr("delete from the server at the next check"));
    return marks.join(FilterRunDialog::tr(", "));
}

QString serverDeletionsText(qsizetype count)
{
    if (count == 0)
        return {};
    return QLatin1Char(' ') +
           (count == 1 ? FilterRunDialog::tr("Of these, 1 would be deleted from the server at "
                                             "the next check; Apply asks first.")
                       : FilterRunDialog::tr("Of these, %1 would be deleted from the server at "
                                             "the next check; Apply asks first.")
                             .arg(count));
}

} // namespace

FilterRunDialog::FilterRunDialog(const QString &folderName, QList<filters::FilterMove> moves,
                                 QWidget *parent)
    : QDialog(parent)
    , m_moves(std::move(moves))
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Run Filters Now: %1").arg(folderName));
    m_summary->setWordWrap(true);
    if (m_moves.isEmpty())
        m_summary->setText(tr("No rule changes any message in %1.").arg(folderName));
    else
        m_summary->setText(
            (m_moves.size() == 1
                 ? tr("The filters would change 1 message in %1. Nothing has changed yet: "
                      "Apply does it.")
                       .arg(folderName)
                 : tr("The filters would change %1 messages in %2. Nothing has changed yet: "
                      "Apply does it.")
                       .arg(m_moves.size())
                       .arg(folderName)) +
            serverDeletionsText(filters::FilterRun::serverDeletions(m_moves)));
    m_list->setHeaderLabels({tr("Message"), tr("Rule"), tr("Moves to"), tr("Also")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("What the filters would do"));
    for (const filters::FilterMove &move : m_moves) {
        const QString subject =
            move.message.subject.isEmpty() ? tr("(no subject)") : move.message.subject;
        const bool moves = move.outcome.filed();
        auto *item = new QTreeWidgetItem(m_list, {subject, ruleText(move.outcome),
                                                  moves ? move.destination() : tr("(stays)"),
                                                  marksText(move)});
        const QString from =
            move.message.fromName.isEmpty() ? move.message.fromAddress : move.message.fromName;
        item->setToolTip(0, tr("From %1").arg(from));
        if (move.deleteOnServer)
            item->setIcon(3, MessageRowText::serverDeletionIcon());
    }
    // The message takes what the other columns, shown whole, leave.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < m_list->columnCount(); ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_apply->setEnabled(!m_moves.isEmpty());
    m_apply->setDefault(!m_moves.isEmpty());
    m_buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    connect(m_apply, &QPushButton::clicked, this, &FilterRunDialog::applyClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(900, 420);
}

void FilterRunDialog::applyClicked()
{
    const qsizetype deleting = filters::FilterRun::serverDeletions(m_moves);
    if (deleting > 0) {
        switch (askAboutServerDeletions(deleting)) {
        case ServerDeletionChoice::Cancel:
            return;
        case ServerDeletionChoice::ApplyWithoutDeleting:
            m_moves = filters::FilterRun::withoutServerDeletions(std::move(m_moves));
            break;
        case ServerDeletionChoice::ApplyAndDelete:
            break;
        }
    }
    showApplying();
    Q_EMIT applyRequested();
}

FilterRunDialog::ServerDeletionChoice FilterRunDialog::askAboutServerDeletions(qsizetype count)
{
    if (m_confirm)
        return m_confirm(count);
    // The rule was confirmed when it was made, for mail still to come; this run reaches mail
    // already here, perhaps years of it, so the number is shown and the safe answer is the
    // default. What is queued can still be kept before the next check.
    QMessageBox box(QMessageBox::Warning, tr("Delete from the Server"),
                    count == 1 ? tr("Applying the filters will delete 1 message from the server "
                                    "at the next check.")
                               : tr("Applying the filters will delete %1 messages from the "
                                    "server at the next check.")
                                     .arg(count),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("They stay on this computer. Until the next check they are struck "
                              "through in the list, and Message ▸ Keep on Server keeps them "
                              "there."));
    QPushButton *remove =
        box.addButton(tr("Apply and &Delete from Server"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Apply &Without Deleting"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == remove)
        return ServerDeletionChoice::ApplyAndDelete;
    if (box.clickedButton() == keep)
        return ServerDeletionChoice::ApplyWithoutDeleting;
    return ServerDeletionChoice::Cancel;
}

void FilterRunDialog::showApplying()
{
    m_apply->setEnabled(false);
    m_summary->setText(tr("Filing the messages…"));
}

void FilterRunDialog::showApplied(qint64 count, qint64 serverDeletions, const QString &error)
{
    m_apply->setEnabled(false);
    if (!error.isEmpty()) {
        m_summary->setText(tr("Nothing was changed: %1").arg(error));
    } else {
        QString text = count == 1 ? tr("Done: 1 message was changed.")
                                  : tr("Done: %1 messages were changed.").arg(count);
        if (serverDeletions > 0)
            text += QLatin1Char(' ') +
                    (serverDeletions == 1
                         ? tr("1 message will be deleted from the server at the next check.")
                         : tr("%1 messages will be deleted from the server at the next check.")
                               .arg(serverDeletions));
        m_summary->setText(text);
    }
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

} // namespace poplar::ui
