// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterRunDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

QString ruleText(const filters::FilterOutcome &o)
{
    if (!o.ruleName.isEmpty())
        return o.ruleName;
    if (o.ruleLine > 0)
        return FilterRunDialog::tr("Rule on line %1").arg(o.ruleLine);
    return FilterRunDialog::tr("(marks only)");
}

QString marksText(const filters::FilterMove &move)
{
    QStringList marks;
    if (move.outcome.seen && !move.message.seen)
        marks.append(FilterRunDialog::tr("mark read"));
    if (move.outcome.flagged && !move.message.flagged)
        marks.append(FilterRunDialog::tr("flag"));
    for (const QString &tag : move.outcome.keywords)
        marks.append(FilterRunDialog::tr("tag %1").arg(tag));
    return marks.join(FilterRunDialog::tr(", "));
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
            m_moves.size() == 1
                ? tr("The filters would change 1 message in %1. Nothing has changed yet: "
                     "Apply does it.")
                      .arg(folderName)
                : tr("The filters would change %1 messages in %2. Nothing has changed yet: "
                     "Apply does it.")
                      .arg(m_moves.size())
                      .arg(folderName));
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
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_apply->setEnabled(!m_moves.isEmpty());
    m_apply->setDefault(!m_moves.isEmpty());
    m_buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        showApplying();
        Q_EMIT applyRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(760, 420);
}

void FilterRunDialog::showApplying()
{
    m_apply->setEnabled(false);
    m_summary->setText(tr("Filing the messages…"));
}

void FilterRunDialog::showApplied(qint64 count, const QString &error)
{
    m_apply->setEnabled(false);
    if (!error.isEmpty())
        m_summary->setText(tr("Nothing was changed: %1").arg(error));
    else
        m_summary->setText(count == 1 ? tr("Done: 1 message was changed.")
                                      : tr("Done: %1 messages were changed.").arg(count));
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

} // namespace poplar::ui
