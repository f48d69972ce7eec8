// SPDX-License-Identifier: GPL-3.0-or-later
#include "filters/FilterFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace poplar::filters {

QString LoadedFilters::errorText() const
{
    return error ? FilterFile::describe(path, *error) : QString();
}

QString FilterFile::describe(const QString &path, const SieveError &error)
{
    const QString name = QFileInfo(path).fileName();
    if (error.line <= 0)
        return tr("%1: %2").arg(name, error.message);
    if (error.column <= 0)
        return tr("%1, line %2: %3").arg(name).arg(error.line).arg(error.message);
    return tr("%1, line %2, column %3: %4")
        .arg(name)
        .arg(error.line)
        .arg(error.column)
        .arg(error.message);
}

LoadedFilters FilterFile::load(const QString &path)
{
    LoadedFilters loaded;
    loaded.path = path;
    QFile file(path);
    if (!file.exists())
        return loaded;
    loaded.present = true;
    if (file.size() > maxBytes) {
        loaded.error =
            SieveError{0, 0, tr("The file is larger than %n KB", nullptr, int(maxBytes / 1024))};
        return loaded;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = SieveError{0, 0, tr("Cannot read the file: %1").arg(file.errorString())};
        return loaded;
    }
    const QByteArray bytes = file.readAll();
    // RFC 5228 §2.2: a script is UTF-8.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(bytes);
    if (utf8.hasError()) {
        loaded.error = SieveError{0, 0, tr("The file is not UTF-8 text")};
        return loaded;
    }
    auto compiled = FilterRules::compile(text);
    if (auto *error = std::get_if<SieveError>(&compiled))
        loaded.error = *error;
    else
        loaded.rules = std::get<std::shared_ptr<const FilterRules>>(std::move(compiled));
    return loaded;
}

} // namespace poplar::filters
