// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace poplar::mime {

/// The signed MIME entity inside opaque S/MIME signed-data (application/pkcs7-mime;
/// smime-type=signed-data, a DER PKCS #7 blob), so the reader can show what was signed.
/// Empty when the blob is not signed-data or cannot be read. The signature is NOT
/// verified here; the reader says so.
[[nodiscard]] QByteArray smimeSignedContent(const QByteArray &der);

} // namespace poplar::mime
