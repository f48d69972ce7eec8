// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the print tests print and how they read the PDF back.

#include <QByteArray>
#include <QString>

namespace poplar::test {

/// A Chinese HTML message (RFC 2047 From and Subject, a base64 UTF-8 HTML body with bold
/// text, an attachment with an RFC 2231 Chinese file name), CRLF line ends.
QByteArray chineseHtmlMessage();

/// The text pdftotext (poppler-utils) extracts from the PDF at `path`, in reading order;
/// a gtest failure, and an empty string, when it cannot.
QString pdfText(const QString &path);

} // namespace poplar::test
