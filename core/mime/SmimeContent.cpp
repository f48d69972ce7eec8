// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/SmimeContent.h"

#include <openssl/objects.h>
#include <openssl/pkcs7.h>

#include <limits>
#include <memory>

namespace poplar::mime {

namespace {

struct Pkcs7Free {
    void operator()(PKCS7 *p7) const { PKCS7_free(p7); }
};

} // namespace

QByteArray smimeSignedContent(const QByteArray &der)
{
    if (der.isEmpty() || der.size() > std::numeric_limits<long>::max())
        return {};
    // OpenSSL's DER reader, not ours: PKCS #7 is no format to parse by hand.
    const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    const std::unique_ptr<PKCS7, Pkcs7Free> p7(d2i_PKCS7(nullptr, &cursor, long(der.size())));
    if (!p7 || !PKCS7_type_is_signed(p7.get()) || !p7->d.sign)
        return {};
    PKCS7 *inner = p7->d.sign->contents;
    if (!inner || !PKCS7_type_is_data(inner) || !inner->d.data)
        return {};
    const ASN1_OCTET_STRING *data = inner->d.data;
    return QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)),
                      ASN1_STRING_length(data));
}

} // namespace poplar::mime
