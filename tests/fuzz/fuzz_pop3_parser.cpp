// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes, split anywhere, must never crash the parser, grow a reply
// past its cap, or produce more replies than were asked for.
#include "pop3/Pop3Parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using poplar::pop3::Pop3Parser;
using poplar::pop3::ReplyShape;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // First byte: the shapes of up to eight expected replies. Second: the chunk size.
    const uint8_t shapes = data[0];
    const size_t chunk = size_t(data[1] % 64) + 1;
    data += 2;
    size -= 2;

    Pop3Parser::Limits limits;
    limits.maxStatusLine = 512;
    limits.maxBlock = 4096;
    Pop3Parser parser(limits);
    for (int i = 0; i < 8; ++i)
        parser.expect((shapes >> i) & 1 ? ReplyShape::MultiLine : ReplyShape::StatusLine);

    int replies = 0;
    for (size_t pos = 0; pos < size; pos += chunk) {
        const size_t n = pos + chunk > size ? size - pos : chunk;
        parser.feed(QByteArrayView(reinterpret_cast<const char *>(data + pos), qsizetype(n)));
        while (parser.hasReply()) {
            const auto reply = parser.takeReply();
            if (reply.body.size() > limits.maxBlock || reply.text.size() > limits.maxStatusLine)
                std::abort();
            ++replies;
        }
        if (parser.fatalError())
            break;
    }
    if (replies > 8 || parser.pendingCount() + replies != 8)
        std::abort();
    return 0;
}
