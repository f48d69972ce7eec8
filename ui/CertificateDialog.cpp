// SPDX-License-Identifier: GPL-3.0-or-later
#include "CertificateDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace poplar::ui {

namespace {

QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text.toHtmlEscaped(), parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(const QString &host, const CertificateInfo &certificate,
                                     QWidget *parent)
    : QDialog(parent)
    , m_certificate(certificate)
{
    setWindowTitle(tr("Untrusted Certificate"));

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    const QString problems = certificate.problems.isEmpty() ? tr("it could not be verified")
                                                            : certificate.problems.join(tr(", "));
    auto *headline = new QLabel(tr("<b>The certificate of %1 is not trusted: %2.</b>")
                                    .arg(host.toHtmlEscaped(), problems.toHtmlEscaped()),
                                this);
    headline->setWordWrap(true);
    headline->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    headline->setObjectName(QStringLiteral("certificateHeadline"));
    auto *advice = new QLabel(
        tr("Someone may be pretending to be the server. Trust this certificate only if you "
           "know the server uses it, for example because its fingerprint matches the one "
           "your provider or administrator gave you."),
        this);
    advice->setWordWrap(true);
    advice->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    advice->setObjectName(QStringLiteral("certificateAdvice"));

    const QLocale locale;
    auto *facts = new QFormLayout;
    facts->addRow(tr("Issued to:"), selectable(certificate.subject, this));
    facts->addRow(tr("Issued by:"), selectable(certificate.issuer, this));
    facts->addRow(
        tr("Valid:"),
        selectable(
            tr("from %1 to %2")
                .arg(locale.toString(certificate.notBefore.toLocalTime(), QLocale::ShortFormat),
                     locale.toString(certificate.notAfter.toLocalTime(), QLocale::ShortFormat)),
            this));
    // Two lines of 16 pairs: on one line the 32 pairs make the dialog wider than a screen
    // half and squeeze the caption; the halves are also easier to compare by eye.
    const QString pairs = formatFingerprint(certificate.sha256);
    constexpr qsizetype firstLine = 16 * 3 - 1; // "AB:" per pair, no colon at the break
    QLabel *fingerprint = selectable(pairs, this);
    if (pairs.size() > firstLine + 1)
        fingerprint->setText(pairs.left(firstLine).toHtmlEscaped() + QStringLiteral("<br>") +
                             pairs.mid(firstLine + 1).toHtmlEscaped());
    fingerprint->setObjectName(QStringLiteral("fingerprintLabel"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    facts->addRow(tr("SHA-256 fingerprint:"), fingerprint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *trust =
        buttons->addButton(tr("&Trust This Certificate"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    // Refusing is the default: Enter must never trust a certificate by accident.
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(headline);
    text->addWidget(advice);
    text->addLayout(facts);
    // Height the dialog is given beyond what it says goes below the facts: without this the
    // word-wrapped headline took it and showed as a large gap under the title.
    text->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    // Qt sizes a dialog of word-wrapped labels for a narrower width than it then gets, and
    // the difference showed as an empty band above the buttons: as tall as its text is at
    // the width it has.
    ensurePolished();
    const int width = std::max(minimumWidth(), sizeHint().width());
    if (const int height = layout->totalHeightForWidth(width); height > 0)
        resize(width, height);
}

QString CertificateDialog::formatFingerprint(const QString &hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs.append(hex.mid(i, 2).toUpper());
    return pairs.join(QLatin1Char(':'));
}

} // namespace poplar::ui
