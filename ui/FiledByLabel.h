// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageSummary.h"

#include <QLabel>

namespace poplar::ui {

/// The line above the message view that says why the message is where it is: which rule of
/// filters.sieve filed it ("Filed by rule 'Invoices'"), or the junk verdict and its reason,
/// so no message is anywhere without a reason the user can read. Hidden for messages no
/// rule placed. GUI thread.
class FiledByLabel : public QLabel {
    Q_OBJECT

public:
    explicit FiledByLabel(QWidget *parent = nullptr);

    void showFor(const store::MessageSummary &message);
    void clearMessage();

    /// The sentence for a message a rule placed; empty when none did.
    [[nodiscard]] static QString describe(const store::MessageSummary &message);
};

} // namespace poplar::ui
