// SPDX-License-Identifier: GPL-3.0-or-later
#include "FiledByLabel.h"

#include "filters/JunkVerdict.h"

namespace poplar::ui {

FiledByLabel::FiledByLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("filedByLabel"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setContentsMargins(6, 3, 6, 3);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    hide();
}

QString FiledByLabel::describe(const store::MessageSummary &message)
{
    if (message.junk)
        return filters::JunkVerdict::describe(message.junkReason);
    if (message.filedByLine <= 0)
        return {};
    if (message.filedBy.isEmpty())
        return tr("Filed by the rule on line %1 of filters.sieve").arg(message.filedByLine);
    return tr("Filed by rule '%1' (line %2 of filters.sieve)")
        .arg(message.filedBy)
        .arg(message.filedByLine);
}

void FiledByLabel::showFor(const store::MessageSummary &message)
{
    const QString text = describe(message);
    setText(text);
    setAccessibleName(text);
    setVisible(!text.isEmpty());
}

void FiledByLabel::clearMessage()
{
    clear();
    hide();
}

} // namespace poplar::ui
