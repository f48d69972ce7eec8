// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes rendered as a message must not crash the reader.
#include "mime/MessageRenderer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto rendered = poplar::mime::MessageRenderer::render(raw);
    (void)poplar::mime::MessageRenderer::headers(raw);
    return rendered.text.size() >= 0 ? 0 : 1;
}
