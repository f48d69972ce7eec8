// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as a filters.sieve and a message, through the parser, the
// compiler and an evaluation, as the cache writer runs them. The user edits this file by
// hand, and a Sieve script from elsewhere may be pasted in: beyond not crashing and not
// hanging (libFuzzer's -timeout; evaluation must stay linear in the script), these hold:
// - an error names a line inside the script (and, for the grammar's, a column), and says
//   something;
// - a script the parser refuses, compile() refuses too;
// - an outcome that files a message names a folder and a rule line inside the script;
// - evaluating twice gives the same outcome (evaluation has no side effects).
//
// Input: the script, then a NUL byte, then the message (its header block is what the
// tests read); with no NUL, a fixed message.
#include "filters/FilterMessage.h"
#include "filters/FilterRules.h"
#include "filters/SieveParser.h"

#include "FuzzInvariant.h"

#include <cstddef>
#include <cstdint>
#include <variant>

using poplar::fuzz::require;
using namespace poplar::filters;

namespace {

qsizetype lineCount(const QString &script)
{
    return script.count(QLatin1Char('\n')) + 1;
}

/// A grammar error names its column; one found when compiling (an unknown command or
/// extension) names the line only (column 0), as `filters check` then prints it.
void checkError(const SieveError &error, const QString &script, const QByteArray &input,
                bool grammar)
{
    require(error.line >= 1 && error.line <= lineCount(script), "an error outside the script",
            input);
    require(grammar ? error.column >= 1 : error.column >= 0, "an error without a column", input);
    require(!error.message.isEmpty(), "an error that says nothing", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nul = input.indexOf('\0');
    const QString script = QString::fromUtf8(nul < 0 ? input : input.left(nul));
    const QByteArray raw = nul < 0 ? QByteArray("From: Alice <alice@example.org>\r\n"
                                                "To: bob@example.net\r\n"
                                                "Subject: =?UTF-8?B?5L2g5aW9?= invoice\r\n"
                                                "X-Spam-Flag: YES\r\n\r\nHello.\r\n")
                                   : input.mid(nul + 1);

    const ParsedSieve parsed = SieveParser::parse(script);
    if (parsed.error)
        checkError(*parsed.error, script, input, true);
    const auto compiled = FilterRules::compile(script);
    if (const auto *error = std::get_if<SieveError>(&compiled)) {
        checkError(*error, script, input, false);
        return 0;
    }
    require(!parsed.error, "compile() took a script the parser refused", input);
    const auto &rules = std::get<std::shared_ptr<const FilterRules>>(compiled);
    require(rules != nullptr, "compile() gave no rules and no error", input);

    const FilterMessage message(raw, raw.size());
    const FilterOutcome outcome = rules->evaluate(message);
    if (outcome.placement == FilterOutcome::Placement::Folder)
        require(!outcome.folder.isEmpty(), "filed into a folder without a name", input);
    if (outcome.filed())
        require(outcome.ruleLine <= lineCount(script), "filed by a rule outside the script", input);
    require(rules->evaluate(message) == outcome, "two evaluations disagree", input);
    return 0;
}
