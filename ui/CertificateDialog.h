// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QDialog>

namespace poplar::ui {

/// A server's certificate that failed verification: why, whose it is, who issued it, when
/// it is valid, and its SHA-256 fingerprint to compare with what the provider publishes.
/// "Trust This Certificate" accepts the dialog; the caller then pins the fingerprint to
/// the account, so that this certificate (and only this one) is accepted from then on.
class CertificateDialog : public QDialog {
    Q_OBJECT

public:
    CertificateDialog(const QString &host, const CertificateInfo &certificate,
                      QWidget *parent = nullptr);

    /// "AB:CD:..." in pairs, as browsers and `openssl x509 -fingerprint` show it.
    [[nodiscard]] static QString formatFingerprint(const QString &hex);

    [[nodiscard]] const CertificateInfo &certificate() const { return m_certificate; }

private:
    CertificateInfo m_certificate;
};

} // namespace poplar::ui
