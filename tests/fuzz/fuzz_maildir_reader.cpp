// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any set of files as a Maildir, read with MailboxReader. Beyond not
// crashing and not hanging, the reader does what its header promises:
// - a folder with neither cur/ nor new/ is refused;
// - every visible file of cur/ and new/ is one message, none lost, none invented, in file
//   name order (a name begins with the delivery time); hidden files, tmp/ and folders
//   inside cur/ are not messages;
// - a message is its file byte for byte, or, over the size cap, skipped with a reason;
// - its origin ("cur/NAME") names the file, for warnings.
//
// Input: the first byte holds options (bits 0-1: the size cap, bit 2: no cur/, bit 3: no
// new/); the rest is files separated by NUL bytes, each "W NAME \n CONTENT" where W picks
// the place (cur/, new/, tmp/, a folder inside cur/) and NAME is mapped onto the characters
// Maildir writers use.
#include "store/MailboxReader.h"

#include "FuzzInvariant.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

using poplar::fuzz::require;
using poplar::store::MailboxReader;

namespace {

constexpr std::array<qint64, 4> kCaps{MailboxReader::defaultMaxMessageBytes, 0, 10, 300};
const std::array<QString, 4> kPlaces{QStringLiteral("cur"), QStringLiteral("new"),
                                     QStringLiteral("tmp"), QStringLiteral("cur/sub")};

/// A file name a Maildir could hold: letters, digits and ".,:_-" (a leading '.' hides it).
QString fileName(const QByteArray &raw)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                   ".,:_-";
    QString name;
    for (const char c : raw.left(60))
        name += QLatin1Char(alphabet[uchar(c) % (sizeof(alphabet) - 1)]);
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        name.prepend(QLatin1Char('m'));
    return name;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    require(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size(),
            "cannot write a Maildir file", path.toUtf8());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qint64 cap = kCaps[data[0] & 3];
    const bool withCur = (data[0] & 4) == 0;
    const bool withNew = (data[0] & 8) == 0;
    const QByteArray script(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    QTemporaryDir root;
    require(root.isValid(), "no temporary folder");
    const QDir dir(root.path());
    if (withCur)
        require(dir.mkpath(QStringLiteral("cur/sub")), "mkdir cur failed");
    if (withNew)
        require(dir.mkpath(QStringLiteral("new")), "mkdir new failed");
    require(dir.mkpath(QStringLiteral("tmp")), "mkdir tmp failed");

    // What the reader must give back, keyed as it orders: by name, cur/ before new/.
    QMap<std::pair<QString, int>, QByteArray> expected;
    for (const QByteArray &record : script.split('\0')) {
        if (record.isEmpty())
            continue;
        const int place = uchar(record.at(0)) % 4;
        const qsizetype newline = record.indexOf('\n');
        const QString name = fileName(record.mid(1, newline < 0 ? -1 : newline - 1));
        const QByteArray content = newline < 0 ? QByteArray() : record.mid(newline + 1);
        if ((place == 0 || place == 3) && !withCur)
            continue;
        if (place == 1 && !withNew)
            continue;
        writeFile(dir.filePath(kPlaces[place] + QLatin1Char('/') + name), content);
        if (place <= 1 && !name.startsWith(QLatin1Char('.')))
            expected.insert({name, place}, content);
    }

    auto opened = MailboxReader::open(MailboxReader::Format::Maildir, root.path(), cap);
    if (!withCur && !withNew) {
        require(!opened.ok(), "a folder without cur/ and new/ was taken as a Maildir");
        return 0;
    }
    require(opened.ok(), "a Maildir was refused");
    MailboxReader &reader = *opened.value();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        auto next = reader.next();
        require(next.ok() && next.value().has_value(), "a Maildir message was lost",
                it.key().first.toUtf8());
        const poplar::store::MailboxMessage &got = *next.value();
        const QString origin = kPlaces[it.key().second] + QLatin1Char('/') + it.key().first;
        require(got.origin == origin, "messages out of order, or the origin is wrong",
                (got.origin + QLatin1String(" != ") + origin).toUtf8());
        if (it.value().size() > cap) {
            require(got.raw.isEmpty() && !got.skipReason.isEmpty(),
                    "a file over the cap was not skipped", origin.toUtf8());
        } else {
            require(got.skipReason.isEmpty() && got.raw == it.value(),
                    "a message differs from its file", origin.toUtf8());
        }
    }
    auto end = reader.next();
    require(end.ok() && !end.value().has_value(), "a Maildir message was invented");
    return 0;
}
